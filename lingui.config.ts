// Lingui: the theme's UI strings live in PO catalogs, one per locale
// (themes/default/locales/<locale>.po, msgid = the string's id, msgstr = ICU MessageFormat).
// `npm run i18n:extract` updates them from the code; `npm run i18n:compile` compiles them
// strictly (every string translated, valid ICU).
import path from 'node:path';
import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';
import { uiStringExtractor } from './compiler/ui-strings/lingui-extractor.ts';
import { supportedLocales } from './compiler/model/locales.ts';

const root = import.meta.dirname;
const catalogDir = path.join(root, 'themes/default/locales');
// The compiler's one locale table says which languages ship; each has its <locale>.po.
const locales = [...supportedLocales];

export default defineConfig({
  rootDir: root,
  sourceLocale: 'en',
  locales,
  catalogs: [
    {
      path: '<rootDir>/themes/default/locales/{locale}',
      include: ['<rootDir>/themes', '<rootDir>/compiler', '<rootDir>/runtime'],
      exclude: ['**/*.test.ts', '**/node_modules/**'],
    },
  ],
  format: formatter({ explicitIdAsDefault: true, lineNumbers: false }),
  extractors: [
    uiStringExtractor(path.join(catalogDir, 'en.po'), root, [
      path.join(root, 'themes'),
      path.join(root, 'compiler'),
      path.join(root, 'runtime'),
    ]),
  ],
  orderBy: 'messageId',
});

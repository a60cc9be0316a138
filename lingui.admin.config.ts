// Lingui for the admin's own panels (cms/admin-languages.ts): PO catalogs in cms/locales/, one per
// admin language (the course locales Payload ships screens for), kept and checked like the
// theme's: `npm run i18n:extract` and `npm run i18n:compile` run both configs.
// POLYCOURSE_ADMIN_CATALOGS points at another copy of the catalogs (test/ui-strings).
import path from 'node:path';
import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';
import { uiStringExtractor } from './compiler/ui-strings/lingui-extractor.ts';

const root = import.meta.dirname;
const catalogDir = process.env.POLYCOURSE_ADMIN_CATALOGS ?? path.join(root, 'cms/locales');
// The keys of adminLanguages in cms/admin-languages.ts (a test checks they agree).
export const adminCatalogLocales = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'uk'];

export default defineConfig({
  rootDir: root,
  sourceLocale: 'en',
  locales: adminCatalogLocales,
  catalogs: [
    {
      path: `${catalogDir}/{locale}`,
      include: ['<rootDir>/cms/components', '<rootDir>/cms/collections'],
    },
  ],
  format: formatter({ explicitIdAsDefault: true, lineNumbers: false }),
  extractors: [
    uiStringExtractor(path.join(catalogDir, 'en.po'), root, [
      path.join(root, 'cms/components'),
      path.join(root, 'cms/collections'),
    ]),
  ],
  orderBy: 'messageId',
});

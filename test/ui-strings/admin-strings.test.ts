/**
 * The admin panels' UI strings (cms/admin-languages.ts): the PO catalogs in cms/locales/ match the
 * code (every id used is there, every id there is used), one catalog per admin language and every
 * one complete, Lingui's CLI reproduces them and compiles them strictly (on a copy, through
 * POLYCOURSE_ADMIN_CATALOGS), and the messages Payload hands to the panels format in the member's
 * language.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUiStringUsage } from '../../compiler/ui-strings/ui-string-usage.ts';
import { readPoCatalog } from '../../compiler/ui-strings/ui-catalog.ts';
import { adminLanguages, adminMessages } from '../../cms/admin-languages.ts';
import { adminCatalogLocales } from '../../lingui.admin.config.ts';
import { translator } from '../../runtime/logic/translator.ts';
import { tempDir } from '../helpers/temp-course.ts';

const root = path.resolve(import.meta.dirname, '../..');
const catalogs = path.join(root, 'cms/locales');
const lingui = path.join(root, 'node_modules/@lingui/cli/dist/lingui.js');
const ids = Object.keys(readPoCatalog(path.join(catalogs, 'en.po')).messages);

describe('the admin panels’ UI strings', () => {
  it('every id the panels use is in cms/locales/en.po, and every one there is used', () => {
    const roots = ['cms/components', 'cms/collections'].map((r) => path.join(root, r));
    expect(ids.length).toBeGreaterThan(20);
    expect(checkUiStringUsage(ids, roots)).toEqual({ missing: [], unused: [] });
  });

  it('one complete catalog per admin language, and Payload has screens for each', () => {
    expect(Object.keys(adminLanguages).sort()).toEqual([...adminCatalogLocales].sort());
    for (const language of adminCatalogLocales) {
      const { messages, diagnostics } = readPoCatalog(path.join(catalogs, `${language}.po`));
      expect(diagnostics).toEqual([]);
      expect(Object.keys(messages).sort(), language).toEqual([...ids].sort());
    }
  });

  it('lingui extract leaves the catalogs as they are; compile --strict accepts them', () => {
    const copy = tempDir();
    fs.cpSync(catalogs, copy, { recursive: true, filter: (f) => !f.endsWith('.js') });
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [lingui, ...args, '--config', 'lingui.admin.config.ts'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, POLYCOURSE_ADMIN_CATALOGS: copy },
      });
    const extract = run('extract');
    expect(extract.status, extract.stderr).toBe(0);
    for (const file of fs.readdirSync(catalogs).filter((f) => f.endsWith('.po')))
      expect(
        fs.readFileSync(path.join(copy, file), 'utf8'),
        `${file} is not what lingui extract writes: run npm run i18n:extract`,
      ).toBe(fs.readFileSync(path.join(catalogs, file), 'utf8'));
    const compile = run('compile', '--strict');
    expect(compile.status, compile.stderr + compile.stdout).toBe(0);
  }, 60_000);

  it('formats in the member’s language: French words, Arabic digits where Arabic uses them', () => {
    const french = translator('fr', adminMessages('fr'));
    const english = translator('en', adminMessages('en'));
    expect(french('admin.translation.mark', { locale: 'fr' })).not.toBe(
      english('admin.translation.mark', { locale: 'fr' }),
    );
    expect(english('admin.translation.shownOf', { shown: 3, total: 1200 })).toBe(
      '3 of 1,200 fields',
    );
    const arabic = translator('ar', adminMessages('ar'));
    expect(arabic('admin.translation.shownOf', { shown: 3, total: 12 })).toContain(
      new Intl.NumberFormat('ar').format(12),
    );
  });
});

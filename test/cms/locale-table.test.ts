/**
 * One locale table: the languages Polycourse ships are listed once (compiler/model/locales.ts), and
 * the theme's catalogs, the CMS and the Lingui config all follow it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownLocales, supportedLocales } from '../../compiler/model/locales.ts';
import { themesRoot } from '../../compiler/render/theme-folders.ts';
import { cmsLocales } from '../../cms/locales.ts';
import linguiConfig from '../../lingui.config.ts';

describe('the locale table', () => {
  it('describes every supported locale; the default theme has a catalog for each, no other', () => {
    for (const code of supportedLocales) expect(knownLocales[code]?.code).toBe(code);
    const catalogs = fs
      .readdirSync(path.join(themesRoot, 'default/locales'))
      .filter((f) => f.endsWith('.po'))
      .map((f) => f.slice(0, -'.po'.length));
    expect(catalogs.sort()).toEqual([...supportedLocales].sort());
  });

  it('is what the CMS offers (plus POLYCOURSE_EXTRA_LOCALES) and what Lingui extracts', () => {
    expect(cmsLocales('').map((l) => l.code)).toEqual([...supportedLocales]);
    expect(cmsLocales('tr, fr').map((l) => l.code)).toEqual([...supportedLocales, 'tr']);
    expect(cmsLocales('').find((l) => l.code === 'ar')).toMatchObject({ rtl: true });
    expect(linguiConfig.locales).toEqual([...supportedLocales]);
  });
});

/**
 * The theme's UI catalogs: complete in all 12 locales, accepted by msgfmt, valid ICU with the
 * source's placeholders.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type Token } from '@messageformat/parser'; // the ICU parser Lingui itself uses
import {
  loadUiCatalogs,
  parsedCatalogEntries,
  readPoCatalog,
  reuseParsedCatalogs,
} from '../../compiler/ui-strings/ui-catalog.ts';
import { createTranslate } from '../../runtime/browser/translate.ts';
import { themesRoot } from '../../compiler/render/theme-folders.ts';
import { demoLocales } from '../helpers/demo-course.ts';

const dir = path.join(themesRoot, 'default/locales');
const source = readPoCatalog(path.join(dir, 'en.po')).messages;

/** Placeholder names and the plural/select categories used, from an ICU message. */
function shape(message: string) {
  const names = new Set<string>();
  // Cardinal (plural) and ordinal (selectordinal) categories: CLDR gives each language its own set
  // of each kind (English: one/other, and one/two/few/other).
  const categories = new Set<string>();
  const ordinals = new Set<string>();
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'argument' || t.type === 'function') names.add(t.arg);
      if (t.type === 'plural' || t.type === 'select' || t.type === 'selectordinal') {
        names.add(t.arg);
        for (const c of t.cases) {
          if (t.type === 'plural') categories.add(c.key);
          if (t.type === 'selectordinal') ordinals.add(c.key);
          walk(c.tokens);
        }
      }
    }
  };
  walk(parse(message));
  return { names: [...names].sort(), categories, ordinals };
}

describe('UI catalogs', () => {
  it('exist for every demo locale', () => {
    for (const locale of demoLocales)
      expect(fs.existsSync(path.join(dir, `${locale}.po`)), `${locale}.po`).toBe(true);
  });

  for (const locale of demoLocales) {
    it(
      `${locale}: msgfmt --check accepts it, ` +
        `every string is translated with the source's placeholders`,
      () => {
        const file = path.join(dir, `${locale}.po`);
        const msgfmt = spawnSync('msgfmt', ['--check', '-o', '/dev/null', file], {
          encoding: 'utf8',
        });
        expect(msgfmt.error, 'msgfmt (Debian gettext) must be installed').toBeUndefined();
        expect(msgfmt.stderr).toBe('');
        expect(msgfmt.status).toBe(0);
        const { messages, diagnostics } = readPoCatalog(file);
        expect(diagnostics).toEqual([]);
        expect(Object.keys(messages).sort()).toEqual(Object.keys(source).sort());
        const allowed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
        const allowedOrdinals = new Intl.PluralRules(locale, { type: 'ordinal' }).resolvedOptions()
          .pluralCategories as string[];
        for (const [id, message] of Object.entries(messages)) {
          expect(message.trim(), id).not.toBe('');
          const ours = shape(message);
          expect(ours.names, `${locale} ${id}`).toEqual(shape(source[id]).names);
          for (const category of ours.categories) {
            if (!category.startsWith('='))
              expect(allowed, `${locale} ${id}: plural category "${category}"`).toContain(category);
          }
          if (ours.categories.size)
            expect([...ours.categories], `${locale} ${id}`).toContain('other');
          for (const category of ours.ordinals) {
            if (!category.startsWith('='))
              expect(allowedOrdinals, `${locale} ${id}: ordinal category "${category}"`).toContain(
                category,
              );
          }
          if (ours.ordinals.size) expect([...ours.ordinals], `${locale} ${id}`).toContain('other');
        }
      },
    );
  }
});

describe('numbers in UI strings', () => {
  /** A theme folder with one catalog for `locale`. */
  const catalog = (locale: string, entries: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    const po = Object.entries(entries)
      .map(([id, text]) => `msgid ${JSON.stringify(id)}\nmsgstr ${JSON.stringify(text)}\n`)
      .join('\n');
    const header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n';
    fs.writeFileSync(path.join(dir, `${locale}.po`), header + po);
    return dir;
  };

  it('one digit system per string: plain {done}/{total} as the locale writes numbers', () => {
    const en = catalog('en', {
      progress: '{done} of {total}',
      points: '{count, plural, one {# point} other {# points}}',
      mixed: '{done}/{total} · {count, plural, one {# point} other {# points}}',
      name: 'Hello {name}',
    });
    const fa = catalog('fa', {
      progress: '{done} از {total}',
      mixed: '{done}/{total} · {count, plural, other {# امتیاز}}',
    });
    const catalogs = loadUiCatalogs([fa, en], ['en', 'fa'], 'en');
    const t = catalogs.forLocale('fa');
    expect(t('progress', { done: 13, total: 30 })).toBe('۱۳ از ۳۰');
    expect(t('mixed', { done: 13, total: 30, count: 170 })).toBe('۱۳/۳۰ · ۱۷۰ امتیاز');
    // A string Persian lacks is shown wholly in English, digits too (marked lang="en" in the
    // page).
    expect(t('points', { count: 1234 })).toBe('1,234 points');
    expect(catalogs.forLocale('fa')('name', { name: 'Ali' })).toBe('Hello Ali');
    expect(catalogs.forLocale('en')('progress', { done: 1234, total: 2000 })).toBe(
      '1,234 of 2,000',
    );
  });

  it('the learner runtime formats them the same way', async () => {
    const { compileMessage } = await import('@lingui/message-utils/compileMessage');
    const t = createTranslate('fa', {
      progress: compileMessage('{done} از {total}'),
      plural: compileMessage('{count, plural, other {# امتیاز}}'),
    });
    expect(t('progress', { done: 13, total: 30 })).toBe('۱۳ از ۳۰');
    expect(t('plural', { count: 170 })).toBe('۱۷۰ امتیاز');
  });
});

describe('parses handed to a render worker', () => {
  it('are used while the file is the same, and the file read again once it changed', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polycourse-po-')), 'xx.po');
    const po = (text: string) => `msgid ""\nmsgstr ""\n\nmsgid "greeting"\nmsgstr "${text}"\n`;
    fs.writeFileSync(file, po('Hello'));
    const data = fs.readFileSync(file);
    // another thread's parse of these very bytes (its messages marked to tell them apart)
    reuseParsedCatalogs([[file, new Uint8Array(data), { greeting: 'from the main thread' }]]);
    expect(readPoCatalog(file).messages).toEqual({ greeting: 'from the main thread' });
    fs.writeFileSync(file, po('Hello again'));
    expect(readPoCatalog(file).messages).toEqual({ greeting: 'Hello again' });
    expect(parsedCatalogEntries([path.dirname(file)]).find(([f]) => f === file)?.[2]).toEqual({
      greeting: 'Hello again',
    });
  });

  it("are those of the folders asked for (a theme's), not every catalog the thread read", () => {
    const [theme, admin] = ['theme', 'admin'].map((name) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `polycourse-po-${name}-`));
      fs.writeFileSync(
        path.join(dir, 'fr.po'),
        `msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "${name}"\n`,
      );
      readPoCatalog(path.join(dir, 'fr.po'));
      return dir;
    });
    const files = parsedCatalogEntries([`${theme}/`]).map(([file]) => file);
    expect(files).toEqual([path.join(theme, 'fr.po')]);
    expect(parsedCatalogEntries([admin]).map(([file]) => file)).toEqual([
      path.join(admin, 'fr.po'),
    ]);
  });
});

/**
 * The theme's UI catalogs: complete in all 12 locales, accepted by msgfmt, valid ICU with the
 * source's placeholders.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type Token } from '@messageformat/parser'; // the ICU parser Lingui itself uses
import { readPoCatalog } from '../../compiler/ui-strings/ui-catalog.ts';
import { themesRoot } from '../../compiler/render/theme-folders.ts';
import { demoLocales } from '../helpers/demo-course.ts';

const dir = path.join(themesRoot, 'default/locales');
const source = readPoCatalog(path.join(dir, 'en.po')).messages;

/** Placeholder names and the plural/select categories used, from an ICU message. */
function shape(message: string) {
  const names = new Set<string>();
  const categories = new Set<string>();
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'argument' || t.type === 'function') names.add(t.arg);
      if (t.type === 'plural' || t.type === 'select' || t.type === 'selectordinal') {
        names.add(t.arg);
        for (const c of t.cases) {
          if (t.type !== 'select') categories.add(c.key);
          walk(c.tokens);
        }
      }
    }
  };
  walk(parse(message));
  return { names: [...names].sort(), categories };
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
        }
      },
    );
  }
});

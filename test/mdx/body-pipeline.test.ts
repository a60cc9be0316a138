/**
 * Fixture tests of the body pipeline: test/mdx/fixtures/<case>/input.mdx (or input.md) with either
 * output.html (the rendered body) or messages.txt (one `line:col rule-id` per expected problem).
 * Adding a case is adding a folder. Set UPDATE_FIXTURES=1 to write missing output.html files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { renderBody, type PageContext } from '../../compiler/mdx/render-body.ts';
import { loadUiCatalogs } from '../../compiler/ui-strings/ui-catalog.ts';
import { themesRoot } from '../../compiler/render/theme-folders.ts';
import { findUnit, pickText } from '../../compiler/model/course.ts';
import { resolveMediaKey } from '../../compiler/mdx/resolve-media-key.ts';
import { miniCourse } from '../helpers/mini-course.ts';

const casesDir = path.join(import.meta.dirname, 'fixtures');
const course = miniCourse();
const t = loadUiCatalogs([path.join(themesRoot, 'default/locales')], ['en'], 'en').forLocale('en');
const ctx: PageContext = {
  course,
  locale: 'en',
  t,
  text: (v) => pickText(v, 'en', 'en').value,
  findUnit: (ref) => findUnit(course, ref, 'basics'),
  resolveMedia: (src) =>
    resolveMediaKey(course, 'modules/basics', src, (key) => key === 'media/diagram.png'),
  unitHref: (ref) => {
    const found = findUnit(course, ref, 'basics');
    return found && `../../${found.module.id}/${found.unit.id}/index.html`;
  },
  glossaryHref: (id) => `../../glossary/index.html#${id}`,
  image: () => undefined,
  toRoot: '../../',
};

describe('body pipeline fixtures', () => {
  for (const name of fs.readdirSync(casesDir).sort()) {
    const dir = path.join(casesDir, name);
    const inputName = fs.existsSync(path.join(dir, 'input.md')) ? 'input.md' : 'input.mdx';
    it(name, async () => {
      const text = fs.readFileSync(path.join(dir, inputName), 'utf8');
      const { tree, diagnostics } = await renderBody({ text, file: `${name}/${inputName}` }, ctx);
      const messagesFile = path.join(dir, 'messages.txt');
      if (fs.existsSync(messagesFile)) {
        const expected = fs
          .readFileSync(messagesFile, 'utf8')
          .trim()
          .split('\n')
          .filter((l) => l && !l.startsWith('#'));
        const actual = diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`);
        expect(actual).toEqual(expected);
        for (const d of diagnostics) {
          expect(d.severity).toBe('error');
          expect(d.file).toBe(`${name}/${inputName}`);
          expect(d.fix, `fix for ${d.ruleId}`).toBeTruthy();
        }
        return;
      }
      expect(diagnostics).toEqual([]);
      const html = `${toHtml(tree)}\n`;
      const outputFile = path.join(dir, 'output.html');
      if (!fs.existsSync(outputFile) && process.env.UPDATE_FIXTURES)
        fs.writeFileSync(outputFile, html);
      expect(html).toBe(fs.readFileSync(outputFile, 'utf8'));
    });
  }
});

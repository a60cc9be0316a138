/**
 * The faster parse of plain Markdown (compiler/mdx/parse-plain-markdown.ts) gives micromark's
 * tree, node by node with every position, wherever it is taken: lessons of the benchmark corpus
 * (every one taken, in its 12 scripts), the fixtures, the edge cases of bench/parser, the demo
 * course and generated documents. What it does not take it says why, and those pages are parsed
 * by micromark as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { fastPathRefusal, plainMarkdownTree } from '../../compiler/mdx/parse-plain-markdown.ts';
import { renderBodySync } from '../../compiler/mdx/render-body.ts';
import { markdownDocuments } from '../helpers/markdown-documents.ts';

const micromark = {
  md: unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm),
  mdx: unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm),
};
/** The trees as data (no prototypes, no undefined fields), as a deep comparison needs them. */
const plain = (tree: unknown) => JSON.parse(JSON.stringify(tree));
const root = path.resolve(import.meta.dirname, '../..');
const markdownFiles = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md') && path.basename(file) !== 'README.md')
    .sort()
    .map((file) => path.join(dir, file));

/** Each text the fast path takes gives micromark's tree; answers how many it took. */
function expectSameTrees(texts: { name: string; text: string }[], format: 'md' | 'mdx' = 'md') {
  let taken = 0;
  for (const { name, text } of texts) {
    const fast = plainMarkdownTree(text, format);
    if (!fast) {
      expect(fastPathRefusal(text, format), `${name}: not taken, so a reason`).toBeTruthy();
      continue;
    }
    taken++;
    expect(plain(fast), name).toEqual(plain(micromark[format].parse(text)));
  }
  return taken;
}

describe('plain Markdown through comrak', () => {
  it("takes every lesson of the benchmark corpus's 12 scripts and gives micromark's tree", () => {
    const files = markdownFiles(path.join(root, 'test/fixtures/corpus-lessons'));
    expect(files).toHaveLength(12);
    const texts = files.map((file) => ({ name: file, text: fs.readFileSync(file, 'utf8') }));
    expect(expectSameTrees(texts)).toBe(12);
  });

  it('gives the same tree on the fixtures and the edge cases it takes, and says why not', () => {
    const files = [
      ...markdownFiles(path.join(root, 'test/mdx/fixtures')),
      ...markdownFiles(path.join(root, 'bench/parser/edge')),
    ];
    const texts = files.map((file) => ({ name: file, text: fs.readFileSync(file, 'utf8') }));
    expect(expectSameTrees(texts)).toBe(2);
    const taken = (file: string) =>
      !fastPathRefusal(fs.readFileSync(path.join(root, file), 'utf8'));
    expect(taken('test/mdx/fixtures/frontmatter-ignored/input.md')).toBe(true);
    expect(taken('bench/parser/edge/13-unicode.md')).toBe(true);
    // Where comrak's tree differs (bench/parser's README), the text is not taken.
    const refusal = (name: string) =>
      fastPathRefusal(fs.readFileSync(path.join(root, 'bench/parser/edge', name), 'utf8'));
    expect(refusal('01-reference-links.md')).toMatch(/references/);
    expect(refusal('02-footnotes.md')).toMatch(/footnotes/);
    expect(refusal('04-hard-breaks.md')).toBeTruthy();
    expect(refusal('05-html.md')).toMatch(/HTML/);
    expect(refusal('07-code.md')).toMatch(/code/);
    expect(refusal('08-loose-nested-list.md')).toBeTruthy();
  });

  it('gives the same tree on 4,000 generated documents, and takes most plain ones', () => {
    const texts = markdownDocuments(17, 4000).map((text, i) => ({ name: `#${i}:\n${text}`, text }));
    expect(expectSameTrees(texts)).toBeGreaterThan(800);
  });

  it('takes the demo course bodies that use no MDX and gives the MDX parser tree', () => {
    const files = fs
      .readdirSync(path.join(root, 'courses/rights-based-mental-health'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.mdx'))
      .map((file) => path.join(root, 'courses/rights-based-mental-health', file));
    const texts = files.map((file) => ({ name: file, text: fs.readFileSync(file, 'utf8') }));
    expect(expectSameTrees(texts, 'mdx')).toBeGreaterThan(20);
    const generated = markdownDocuments(23, 1500).map((text, i) => ({ name: `#${i}`, text }));
    expect(expectSameTrees(generated, 'mdx')).toBeGreaterThan(250);
    // MDX's own constructs always go to micromark.
    for (const text of ['a {1 + 1} b', 'import X from "./x.js"\n\nText', 'export const a = 1'])
      expect(fastPathRefusal(text, 'mdx'), text).toMatch(/MDX/);
    expect(fastPathRefusal('a {1 + 1} b', 'md')).toBeUndefined();
  });

  it('refuses each construct outside the proven set, saying which', () => {
    const cases: [string, RegExp][] = [
      ['a <b>bold</b> word', /HTML/],
      ['use `code`', /code/],
      ['a line\\\nbreak', /escapes/],
      ['two spaces  \nbreak', /hard break/],
      ['see [x][ref]\n\n[ref]: /a', /references/],
      ['a note[^1]', /footnotes/],
      ['visit www.example.org', /autolink/],
      ['[a](<b c>)', /HTML|destination/],
      ['[a](b "title")', /destination/],
      ['- a\n\n- b', /loose/],
      ['- a\n* b', /mixed/],
      ['- a\n\n    code', /indented/],
      ['para\n---', /setext/],
      ['- [ ] task', /task/],
      ['snake_case_words', /delimiters/],
      ['*_mixed runs_*', /delimiters/],
      ['****four****', /delimiters/],
      ['> quote\nlazy line', /block quote/],
      ['a | b\n--- | ---\nc', /table/],
      ['| a | b |\n| - | - |\n| c |', /table/],
      ['---\ntitle: x\n', /front matter/],
    ];
    for (const [text, reason] of cases) {
      expect(fastPathRefusal(text), text).toMatch(reason);
      expect(plainMarkdownTree(text), text).toBeUndefined();
    }
  });

  it('renders the same page either way; POLYCOURSE_MARKDOWN_PARSER=micromark turns it off', () => {
    const text = markdownDocuments(3, 60).find((t) => !fastPathRefusal(t) && t.includes('|'))!;
    expect(text).toBeTruthy();
    const render = () => toHtml(renderBodySync({ text, file: 'lesson.md' }).tree);
    const fast = render();
    process.env.POLYCOURSE_MARKDOWN_PARSER = 'micromark';
    try {
      expect(plainMarkdownTree(text)).toBeUndefined();
      expect(render()).toBe(fast);
    } finally {
      delete process.env.POLYCOURSE_MARKDOWN_PARSER;
    }
    expect(plainMarkdownTree(text)).toBeDefined();
  });
});

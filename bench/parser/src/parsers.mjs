// One entry per candidate: name -> { version, init?(), parse(text) }.
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const ver = (p) =>
  JSON.parse(
    fs.readFileSync(require.resolve(`${p}/package.json`, { paths: [process.cwd()] }), 'utf8'),
  ).version;
const pkgVersion = (p) => {
  try {
    return ver(p);
  } catch {
    return JSON.parse(
      fs.readFileSync(new URL(`../node_modules/${p}/package.json`, import.meta.url)),
    ).version;
  }
};

export const parsers = {
  // 1. baseline: exactly what compiler/mdx/render-body.ts does for .md (parse only)
  remark: {
    version: () =>
      [
        `remark-parse ${pkgVersion('remark-parse')}`,
        `remark-gfm ${pkgVersion('remark-gfm')}`,
        `remark-frontmatter ${pkgVersion('remark-frontmatter')}`,
      ].join(' + '),
    async init() {
      const { unified } = await import('unified');
      const remarkParse = (await import('remark-parse')).default;
      const remarkGfm = (await import('remark-gfm')).default;
      const remarkFrontmatter = (await import('remark-frontmatter')).default;
      const proc = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).freeze();
      return (text) => proc.parse(text);
    },
  },
  // 5. mdast-util-from-markdown directly, extension lists built once
  'from-markdown': {
    version: () => `mdast-util-from-markdown ${pkgVersion('mdast-util-from-markdown')}`,
    async init() {
      const { fromMarkdown } = await import('mdast-util-from-markdown');
      const { gfm } = await import('micromark-extension-gfm');
      const { frontmatter } = await import('micromark-extension-frontmatter');
      const { gfmFromMarkdown } = await import('mdast-util-gfm');
      const { frontmatterFromMarkdown } = await import('mdast-util-frontmatter');
      const options = {
        extensions: [frontmatter(), gfm()],
        mdastExtensions: [frontmatterFromMarkdown(), gfmFromMarkdown()],
      };
      return (text) => fromMarkdown(text, options);
    },
  },
  // 2. markdown-it token stream (tokenize only; .parse, not .render)
  'markdown-it': {
    version: () =>
      `markdown-it ${pkgVersion('markdown-it')} + ` +
      `markdown-it-front-matter ${pkgVersion('markdown-it-front-matter')}`,
    async init() {
      const MarkdownIt = (await import('markdown-it')).default;
      const fm = (await import('markdown-it-front-matter')).default;
      // GFM tables and strikethrough are core rules
      const md = new MarkdownIt({ linkify: true }).use(fm, () => {});
      return (text) => md.parse(text, {});
    },
  },
  // 3a. md4w (md4c -> wasm), JSON tree mode
  md4w: {
    version: () => `md4w ${pkgVersion('md4w')}`,
    async init() {
      const md4w = await import('md4w');
      await md4w.init('fast');
      // md4c has no front-matter support: strip it (cost included) before parsing
      return (text) => md4w.mdToJSON(stripFrontmatter(text));
    },
  },
  // 3b. markdown-wasm (md4c -> wasm), HTML only
  'markdown-wasm': {
    version: () => `markdown-wasm ${pkgVersion('markdown-wasm')}`,
    async init() {
      const mw = require('markdown-wasm');
      await mw.ready;
      return (text) => mw.parse(stripFrontmatter(text));
    },
  },
  // 4a. comrak (Rust -> wasm): parseMarkdown returns an index-linked arena with sourcepos
  comrak: {
    version: () => `comrak ${pkgVersion('comrak')}`,
    async init() {
      const comrak = await import('comrak');
      if (comrak.init) await comrak.init();
      const options = {
        extension: {
          table: true,
          strikethrough: true,
          autolink: true,
          tasklist: true,
          footnotes: true,
          frontMatterDelimiter: '---',
        },
      };
      return (text) => comrak.parseMarkdown(text, options);
    },
  },
  // 4a'. comrak + src/to-mdast.mjs adapter (arena -> mdast, UTF-8 byte columns -> UTF-16,
  // offsets, fixups)
  'comrak+adapter': {
    version: () => `comrak ${pkgVersion('comrak')} + to-mdast.mjs`,
    async init() {
      const raw = await parsers.comrak.init();
      const { comrakToMdast } = await import('./to-mdast.mjs');
      return (text) => comrakToMdast(raw, text);
    },
  },
  // 4b'. yozora + yaml shim (same tree as timed below, plus the front-matter node)
  'yozora+shim': {
    version: () => `@yozora/parser ${pkgVersion('@yozora/parser')} + yaml shim`,
    async init() {
      const raw = await parsers.yozora.init();
      const { yozoraToMdast } = await import('./to-mdast.mjs');
      return (text) => yozoraToMdast(raw, text);
    },
  },
  // 4b. yozora: mdast-like tree with positions; no front-matter tokenizer
  yozora: {
    version: () => `@yozora/parser ${pkgVersion('@yozora/parser')}`,
    async init() {
      const { YozoraParser } = await import('@yozora/parser');
      const parser = new YozoraParser();
      return (text) => parser.parse(text, { shouldReservePosition: true });
    },
  },
  // 4c. marked lexer (tokens with raw, no positions), GFM on by default
  marked: {
    version: () => `marked ${pkgVersion('marked')}`,
    async init() {
      const { Lexer } = await import('marked');
      const opts = { gfm: true };
      return (text) => Lexer.lex(stripFrontmatter(text), opts);
    },
  },
};

export function stripFrontmatter(text) {
  if (!text.startsWith('---\n')) return text;
  const end = text.indexOf('\n---\n', 3);
  return end === -1 ? text : text.slice(end + 5);
}

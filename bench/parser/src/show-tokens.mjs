// Shows what markdown-it, marked and md4w give for one small document (for the report's examples).
import MarkdownIt from 'markdown-it';
import fm from 'markdown-it-front-matter';
import { Lexer } from 'marked';
import * as md4w from 'md4w';
const text = '---\ntitle: x\n---\n\n## Dögava *fela*\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n';
const md = new MarkdownIt().use(fm, () => {});
console.log(
  'markdown-it:',
  md
    .parse(text, {})
    .slice(0, 5)
    .map(
      (t) =>
        `${t.type} map=${JSON.stringify(t.map)}` +
        (t.children
          ? ' children=' +
            t.children.map((c) => `${c.type}(map=${JSON.stringify(c.map)})`).join(',')
          : ''),
    )
    .join('\n  '),
);
console.log(
  'marked:',
  JSON.stringify(Lexer.lex(text.slice(16), { gfm: true })[1], (k, v) =>
    k === 'tokens' && Array.isArray(v) ? v.map((t) => t.type) : v,
  ),
);
await md4w.init('fast');
console.log('md4w:', JSON.stringify(md4w.mdToJSON(text.slice(16)).children.slice(0, 2)));

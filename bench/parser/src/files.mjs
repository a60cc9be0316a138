// Loads the corpus (1,200 .md) and, with --fixtures, the MDX-free fixture lessons.
import fs from 'node:fs';
import path from 'node:path';

function walk(dir, ext, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, ext, out);
    else if (p.endsWith(ext)) out.push(p);
  }
  return out;
}

export function corpus(dir = new URL('../corpus', import.meta.url).pathname) {
  return walk(dir, '.md')
    .sort()
    .map((p) => ({ path: p, text: fs.readFileSync(p, 'utf8') }));
}

// "MDX-free": no JSX tag, no {expression}, no import/export line -> plain Markdown.
const MDX_SYNTAX = /<[A-Za-z/!]|[{}]|^(import|export)[ {]/m;
export function fixtures(
  dir = new URL('../../../courses/rights-based-mental-health/modules', import.meta.url).pathname,
) {
  const all = walk(dir, '.mdx').sort();
  const free = all.filter((p) => !MDX_SYNTAX.test(fs.readFileSync(p, 'utf8')));
  return {
    total: all.length,
    files: free.map((p) => ({ path: p, text: fs.readFileSync(p, 'utf8') })),
  };
}

export function dir(d) {
  return walk(d, '.md')
    .sort()
    .map((p) => ({ path: p, text: fs.readFileSync(p, 'utf8') }));
}

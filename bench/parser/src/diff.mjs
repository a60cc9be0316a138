// node src/diff.mjs NAME [--fixtures] -> identical trees N/total vs
// mdast-util-from-markdown (+gfm +frontmatter) and the first difference.
import { isDeepStrictEqual } from 'node:util';
import { corpus, fixtures, dir } from './files.mjs';
import { parsers } from './parsers.mjs';
import { yozoraToMdast, comrakToMdast } from './to-mdast.mjs';

const name = process.argv[2];
const useFixtures = process.argv.includes('--fixtures');
const reference = await parsers['from-markdown'].init();
const raw = await parsers[name].init();
const adapt = {
  yozora: yozoraToMdast,
  comrak: (p, t) => comrakToMdast(p, t, !process.argv.includes('--no-fixups')),
}[name];
const candidate = adapt ? (t) => adapt(raw, t) : raw;
const dirArg = process.argv.indexOf('--dir');
const files =
  dirArg > 0 ? dir(process.argv[dirArg + 1]) : useFixtures ? fixtures().files : corpus();
const perFile = process.argv.includes('--per-file');

// First difference, pre-order: returns { path, expected, actual } or null.
function firstDiff(a, b, path = 'root') {
  if (isDeepStrictEqual(a, b)) return null;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return { path, expected: a, actual: b };
  if (Array.isArray(a)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDiff(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  // report type and properties, then positions, then children
  const order = (k) => (k === 'type' ? 0 : k === 'children' ? 3 : k === 'position' ? 2 : 1);
  keys.sort((x, y) => order(x) - order(y));
  for (const k of keys) {
    if (!(k in b)) return { path: `${path}.${k}`, expected: a[k], actual: '(missing)' };
    if (!(k in a)) return { path: `${path}.${k}`, expected: '(missing)', actual: b[k] };
    const d = firstDiff(
      a[k],
      b[k],
      `${path}${a.type && k !== 'children' ? `<${a.type}>` : ''}.${k}`,
    );
    if (d) return d;
  }
  return null;
}

// Every differing leaf, path without indices, to say which kinds of difference dominate.
function allDiffs(a, b, path, out) {
  if (isDeepStrictEqual(a, b)) return out;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) {
    out.add(path);
    return out;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) {
      out.add(`${path}.length`);
    }
    for (let i = 0; i < Math.min(a.length, b.length ?? 0); i++) allDiffs(a[i], b[i], path, out);
    return out;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const sub = `${path}${a.type && k !== 'children' ? `<${a.type}>` : ''}.${k}`;
    if (!(k in a) || !(k in b)) out.add(`${sub} ${k in a ? 'missing' : 'extra'}`);
    else allDiffs(a[k], b[k], sub.replace(/(\.children)+/g, '/'), out);
  }
  return out;
}

const noPos = (n) => JSON.parse(JSON.stringify(n, (k, v) => (k === 'position' ? undefined : v)));
let same = 0,
  sameNoPos = 0,
  first = null;
const kinds = new Map();
for (const f of files) {
  const ref = reference(f.text),
    got = candidate(f.text);
  const d = firstDiff(ref, got);
  if (!d) {
    same++;
    continue;
  }
  if (!first) first = { file: f.path, ...d };
  if (perFile)
    console.log(
      f.path.split('/').pop(),
      d.path,
      JSON.stringify(d.expected)?.slice(0, 120),
      '=>',
      JSON.stringify(d.actual)?.slice(0, 120),
    );
  if (isDeepStrictEqual(noPos(ref), noPos(got))) sameNoPos++;
  for (const k of allDiffs(ref, got, '', new Set())) kinds.set(k, (kinds.get(k) || 0) + 1);
}
const top = [...kinds]
  .sort((x, y) => y[1] - x[1])
  .slice(0, 14)
  .map(([k, n]) => `${n} files: ${k}`);
const short = (v) => (typeof v === 'string' ? v : JSON.stringify(v))?.slice(0, 300);
console.log(
  JSON.stringify(
    {
      name,
      identical: same,
      identical_ignoring_position: same + sameNoPos,
      total: files.length,
      first: first && {
        file: first.file,
        path: first.path,
        expected: short(first.expected),
        actual: short(first.actual),
      },
      top_kinds: top,
    },
    null,
    1,
  ),
);

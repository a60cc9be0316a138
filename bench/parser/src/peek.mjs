// node src/peek.mjs NAME FILE TYPE [N] -> positions of the first N nodes of TYPE in the
// reference and in the candidate.
import fs from 'node:fs';
import { parsers } from './parsers.mjs';
import { yozoraToMdast, comrakToMdast } from './to-mdast.mjs';
const [name, file, type, n = 3] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const ref = (await parsers['from-markdown'].init())(text);
const raw = await parsers[name].init();
const got = { yozora: yozoraToMdast, comrak: comrakToMdast }[name](raw, text);
const pick = (t) => {
  const out = [];
  (function w(x) {
    if (x.type === type) out.push(x);
    (x.children || []).forEach(w);
  })(t);
  return out.slice(0, +n);
};
const fmt = (p) =>
  p &&
  `${p.start.line}:${p.start.column}(${p.start.offset})-` +
    `${p.end.line}:${p.end.column}(${p.end.offset})`;
const r = pick(ref),
  g = pick(got);
r.forEach((x, i) =>
  console.log(
    type,
    i,
    'micromark',
    fmt(x.position),
    JSON.stringify(text.slice(x.position.start.offset, x.position.end.offset)).slice(0, 60),
    '| cand',
    fmt(g[i]?.position),
    g[i] &&
      JSON.stringify(text.slice(g[i].position.start.offset, g[i].position.end.offset)).slice(0, 60),
  ),
);

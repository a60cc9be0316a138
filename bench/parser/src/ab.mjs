// node src/ab.mjs A B [PAIRS=6] -> same process, passes alternate A,B,A,B,... (after one
// warm-up each); medians.
import { corpus } from './files.mjs';
import { parsers } from './parsers.mjs';
const [a, b, pairs = 6] = process.argv.slice(2);
const fa = await parsers[a].init(),
  fb = await parsers[b].init();
const files = corpus();
const pass = (f) => {
  const t0 = performance.now();
  for (const x of files) f(x.text);
  return performance.now() - t0;
};
pass(fa);
pass(fb);
const ta = [],
  tb = [];
for (let i = 0; i < pairs; i++) {
  ta.push(pass(fa));
  tb.push(pass(fb));
}
const med = (v) => [...v].sort((x, y) => x - y)[v.length >> 1];
console.log(
  JSON.stringify({
    [a]: Math.round(med(ta)),
    [b]: Math.round(med(tb)),
    ratio: +(med(tb) / med(ta)).toFixed(3),
    ta: ta.map(Math.round),
    tb: tb.map(Math.round),
  }),
);

// node src/bench.mjs NAME -> one JSON line: median of 5 passes over the corpus after 1 warm-up.
import { corpus } from './files.mjs';
import { parsers } from './parsers.mjs';

const name = process.argv[2];
const p = parsers[name];
if (!p) throw new Error(`unknown parser ${name}; one of ${Object.keys(parsers)}`);
const parse = await p.init();
const files = corpus();
let sink = 0;
const pass = () => {
  const t0 = process.hrtime.bigint();
  for (const f of files) sink ^= parse(f.text) ? 1 : 0;
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
pass(); // warm-up
const times = [1, 2, 3, 4, 5].map(pass).sort((a, b) => a - b);
const median = times[2];
console.log(
  JSON.stringify({
    name,
    version: p.version(),
    files: files.length,
    median_ms: +median.toFixed(1),
    pages_per_s: Math.round(files.length / (median / 1000)),
    passes_ms: times.map((t) => +t.toFixed(1)),
    sink,
  }),
);

// npm run bench:evaluate — `polycourse evaluate` on 100,000 paired learners × 17 items (a generated
// cohort, 200,000 rows), side by side with the scipy reference (scripts/evaluation/reference.py)
// computing the same numbers on the same file. Aim: under 2 s for the whole command.
//   node scripts/bench-evaluate.mjs [--learners 100000] [--runs 3] [--no-peer]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    'no-peer': { type: 'boolean' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const learners = Number(values.learners);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polycourse-bench-evaluate-'));
const csv = path.join(dir, `responses-${learners}.csv`);
const items = Array.from({ length: 17 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);
const reversed = ['q03', 'q06', 'q09', 'q12', 'q15', 'q17'];
const locales = ['en', 'ar', 'fr', 'hi', 'zh', 'sw'];

// A deterministic cohort: answers 1–5, a modest change, ~1% missing.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const answer = (v) => (random() < 0.01 ? '' : String(Math.min(5, Math.max(1, Math.round(v)))));
const lines = [`learner,phase,${items.join(',')},locale`];
for (let l = 0; l < learners; l++) {
  const locale = locales[l % locales.length];
  const base = items.map(() => 1 + random() * 4);
  lines.push(`l${l},pre,${base.map(answer).join(',')},${locale}`);
  lines.push(`l${l},post,${base.map((v) => answer(v + random() * 1.5 - 0.4)).join(',')},${locale}`);
}
fs.writeFileSync(csv, lines.join('\n') + '\n');
const options = path.join(dir, 'options.json');
fs.writeFileSync(
  options,
  JSON.stringify({
    scale: { min: 1, max: 5 },
    reversed,
    by: ['locale'],
    minGroup: 10,
    zeroMethod: 'wilcox',
    continuity: false,
  }),
);
const size = (fs.statSync(csv).size / 1024 / 1024).toFixed(1);
console.log(`cohort: ${learners.toLocaleString('en')} paired learners × 17 items, ${size} MB`);

function time(label, command, args) {
  const walls = [];
  for (let run = 0; run < Number(values.runs); run++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    walls.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
  }
  walls.sort((a, b) => a - b);
  const median = walls[Math.floor(walls.length / 2)];
  console.log(
    `${label.padEnd(34)} median ${median.toFixed(2)} s  ` +
      `(runs: ${walls.map((w) => w.toFixed(2)).join(', ')})`,
  );
  return median;
}

const ours = time('polycourse evaluate --json', process.execPath, [
  'bin/polycourse.mjs',
  'evaluate',
  csv,
  '--scale',
  '1-5',
  '--reversed',
  reversed.join(','),
  '--by',
  'locale',
  '--json',
]);
if (!values['no-peer']) {
  const peer = time('scipy reference (same numbers)', 'python3', [
    'scripts/evaluation/reference.py',
    csv,
    options,
  ]);
  console.log(`ratio polycourse/scipy: ${(ours / peer).toFixed(2)}`);
}
console.log(ours < 2 ? `ok: under 2 s` : `over the 2 s aim`);
fs.rmSync(dir, { recursive: true, force: true });

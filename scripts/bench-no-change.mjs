// npm run bench:no-change [-- <course-dir> [--source corpus]]: what `polycourse build` costs when
// nothing changed (docs/cli.md, "Nothing to do"), against a build that reuses every page
// (`--force`) and the cold build, all through the CLI as a user runs it (node startup included).
// Default: the demo course. Prints one JSON line and a table; docs/benchmarks.md records a run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const course = path.resolve(
  args.find((a) => !a.startsWith('--') && a !== 'corpus') ??
    path.join(root, 'courses/rights-based-mental-health'),
);
const extra = args.includes('--source') ? ['--source', 'corpus'] : [];
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-no-change-'));
const bin = path.join(root, 'bin/polycourse.mjs');
spawnSync(process.execPath, [path.join(root, 'bin/build-dist.mjs')], { stdio: 'inherit' });

function timed(...more) {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [bin, 'build', course, '--out', out, '--json', ...extra, ...more],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  const result = JSON.parse(r.stdout);
  return { ms, upToDate: result.upToDate, pages: result.pages };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cold = timed();
const noChange = Array.from({ length: 7 }, () => timed());
const forced = Array.from({ length: 3 }, () => timed('--force'));
if (!noChange.every((r) => r.upToDate) || forced.some((r) => r.upToDate))
  throw new Error('expected the no-change builds up to date and the forced ones built');
const result = {
  course: path.relative(root, course) || course,
  pages: cold.pages,
  coldMs: Math.round(cold.ms),
  noChangeMedianMs: Math.round(median(noChange.map((r) => r.ms))),
  noChangeSlowestMs: Math.round(Math.max(...noChange.map((r) => r.ms))),
  forcedMedianMs: Math.round(median(forced.map((r) => r.ms))),
  nodeStartMs: Math.round(
    median(
      Array.from({ length: 5 }, () => {
        const t = process.hrtime.bigint();
        spawnSync(process.execPath, ['-e', '0']);
        return Number(process.hrtime.bigint() - t) / 1e6;
      }),
    ),
  ),
};
console.log(JSON.stringify(result));
const cells = [
  `${result.course} (${result.pages} pages)`,
  `${result.noChangeMedianMs} ms (slowest ${result.noChangeSlowestMs})`,
  `${result.forcedMedianMs} ms`,
  `${result.coldMs} ms`,
  `${result.nodeStartMs} ms`,
];
console.log('| course | no change | --force (every page reused) | cold | node -e 0 |');
console.log(`| ${cells.join(' | ')} |`);
console.log(
  `no-change rebuild: ${result.noChangeMedianMs} ms ` +
    `(aim ≤ 300 ms: ${result.noChangeMedianMs <= 300 ? 'met' : 'not met'})`,
);
fs.rmSync(out, { recursive: true, force: true });

// npm run bench:build-aims [-- --runs N] [-- --json]: the cold-build aims of the performance issue
// (#17), side by side in one run on this machine:
//   - against the floor (shared/bench/floor.mjs: bare unified parse + stringify, one core) on the
//     default corpus (12 locales x 10 modules x 10 lessons) and the held-out shape (12 x 8 x 15,
//     another seed): wall <= 0.9x the floor's, CPU <= 1.15x;
//   - flat memory: peak RSS <= 400 MB building the default shape at 1x, 2x and 4x its lessons.
// Each build and floor run goes under /usr/bin/time -v (wall, user + system CPU, peak RSS of the
// process, which holds the render workers' threads). Runs alternate floor/ours; medians are printed
// as PASS/MISS lines (npm run bench runs this too) and docs/benchmarks.md records a run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bench = process.env.BENCH_DIR ?? path.join(root, '../shared/bench');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const json = args.includes('--json');
const home = path.join(process.env.PEER_BENCH_HOME ?? os.tmpdir(), 'polycourse-build-aims');
const log = (line) => process.stderr.write(`${line}\n`);

spawnSync(process.execPath, [path.join(root, 'bin/build-dist.mjs')], { stdio: 'inherit' });

/** The corpus of that shape, generated once (the same arguments give the same output). */
function corpus({ modules, lessons, seed }) {
  const dir = path.join(home, `corpus-${modules}x${lessons}-seed${seed}`);
  if (!fs.existsSync(path.join(dir, 'corpus.json'))) {
    const gen = ['--modules', modules, '--lessons', lessons, '--seed', seed, '--out', dir];
    const r = spawnSync(process.execPath, [path.join(bench, 'gen-corpus.mjs'), ...gen.map(String)]);
    if (r.status !== 0) throw new Error(`gen-corpus failed: ${r.stderr}`);
  }
  return dir;
}

/** One command under /usr/bin/time -v: wall and CPU seconds, peak RSS in MB. */
function timed(command, cmdArgs) {
  const r = spawnSync('/usr/bin/time', ['-v', command, ...cmdArgs], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${cmdArgs.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  const field = (name) => r.stderr.match(new RegExp(`${name}: ([0-9.:]+)`))?.[1];
  const clock = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number);
  return {
    stdout: r.stdout,
    wallS: clock.reduce((s, part) => s * 60 + part, 0),
    cpuS: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
    rssMb: Math.round(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024),
  };
}

function fresh(name) {
  const dir = path.join(home, name);
  fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}
// floor.mjs imports unified and its plugins, which ESM resolves from the script's own folder: run a
// copy from inside this project, whose node_modules has them.
const floorScript = path.join(root, 'node_modules/.cache/polycourse-bench/floor.mjs');
fs.mkdirSync(path.dirname(floorScript), { recursive: true });
fs.copyFileSync(path.join(bench, 'floor.mjs'), floorScript);
const floor = (dir) => timed(process.execPath, [floorScript, dir, fresh('floor-out')]);
const ours = (dir) => {
  const { stdout, ...r } = timed(process.execPath, [
    path.join(root, 'bin/polycourse.mjs'),
    ...['build', dir, '--source', 'corpus', '--out', fresh('build-out'), '--json'],
  ]);
  // where the build's wall time went, phase by phase (`--json` carries them)
  return { ...r, phases: JSON.parse(stdout).phases };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medians = (rs) => ({
  ...(rs[0].phases && {
    phases: rs[0].phases.map(({ name }, i) => ({
      name,
      ms: median(rs.map((r) => r.phases[i].ms)),
    })),
  }),
  wallS: median(rs.map((r) => r.wallS)),
  cpuS: median(rs.map((r) => r.cpuS)),
  rssMb: median(rs.map((r) => r.rssMb)),
});

const shapes = {
  default: { modules: 10, lessons: 10, seed: 1 },
  'held-out': { modules: 8, lessons: 15, seed: 7 },
};
const result = { runs, load1: os.loadavg()[0], floor: {}, memory: [] };
for (const [name, shape] of Object.entries(shapes)) {
  const dir = corpus(shape);
  const pairs = Array.from({ length: runs }, (_, i) => {
    log(`bench:build-aims: ${name} corpus, run ${i + 1} of ${runs} (floor, then polycourse)`);
    return { floor: floor(dir), ours: ours(dir) };
  });
  const f = medians(pairs.map((p) => p.floor));
  const o = medians(pairs.map((p) => p.ours));
  result.floor[name] = {
    lessons: 12 * shape.modules * shape.lessons,
    floor: f,
    polycourse: o,
    wallRatio: +(o.wallS / f.wallS).toFixed(2),
    cpuRatio: +(o.cpuS / f.cpuS).toFixed(2),
  };
}
for (const times of [1, 2, 4]) {
  log(`bench:build-aims: memory at ${times}x`);
  const dir = corpus({ ...shapes.default, lessons: shapes.default.lessons * times });
  const r = ours(dir);
  result.memory.push({ times, lessons: 1200 * times, ...r });
}

if (json) {
  console.log(JSON.stringify(result));
} else {
  const line = (ok, label, value, aim) =>
    console.log(`${ok ? 'PASS' : 'MISS'}  ${label}: ${value}  (aim: ${aim})`);
  console.log(
    `\nCold build against shared/bench/floor.mjs, median of ${runs} alternating runs ` +
      `(load average ${result.load1.toFixed(1)} at the start):`,
  );
  for (const [name, r] of Object.entries(result.floor)) {
    const { floor: f, polycourse: o } = r;
    line(
      r.wallRatio <= 0.9,
      `cold build wall, ${name} corpus (${r.lessons} lessons)`,
      `${o.wallS.toFixed(2)} s = ${r.wallRatio}x the floor's ${f.wallS.toFixed(2)} s`,
      '<= 0.9x the floor',
    );
    line(
      r.cpuRatio <= 1.15,
      `cold build CPU, ${name} corpus`,
      `${o.cpuS.toFixed(2)} s = ${r.cpuRatio}x the floor's ${f.cpuS.toFixed(2)} s`,
      '<= 1.15x the floor',
    );
    const slowest = o.phases.filter((p) => p.ms >= 50).sort((a, b) => b.ms - a.ms);
    console.log(
      `      phases (median wall): ${slowest.map((p) => `${p.name} ${p.ms} ms`).join(', ')}`,
    );
  }
  const curve = result.memory.map((m) => `${m.rssMb} MB at ${m.times}x`).join(', ');
  line(
    result.memory.every((m) => m.rssMb <= 400),
    'peak RSS, default corpus at 1x, 2x, 4x',
    curve,
    '<= 400 MB at each',
  );
}

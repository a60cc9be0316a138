// Reads run-peers.sh output (JSON lines, one per peer; "x" is Polycourse) on stdin and prints how
// Polycourse compares with the peers of the same run against the aims of the compiler issue.
import fs from 'node:fs';

const rows = fs
  .readFileSync(0, 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('{'))
  .map((l) => JSON.parse(l));
const us = rows.find((r) => r.peer === 'x');
const peers = rows.filter((r) => r.peer !== 'x' && r.coldS?.median);
if (!us?.coldS?.median || !peers.length) {
  console.log('bench: no comparable results (did every build succeed?)');
  process.exit(1);
}
const fastest = peers.reduce((a, b) => (a.coldS.median <= b.coldS.median ? a : b));
const starlight = peers.find((r) => r.peer === 'starlight');
const pageBytes = (r) =>
  (r.pageHtmlBytesMedian ?? 0) + (r.pageCssBytesMedian ?? 0) + (r.pageJsBytesMedian ?? 0);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const line = (label, value, aim, ok) =>
  console.log(`${ok ? 'PASS' : 'MISS'}  ${label}: ${value}  (aim: ${aim})`);

console.log(
  `\nPolycourse vs peers, ${us.corpus.pages} pages, ` +
    `median of ${us.runs} runs, same machine, same run:`,
);
const speedup = fastest.coldS.median / us.coldS.median;
line(
  'cold build',
  `${us.coldS.median.toFixed(2)} s, ${speedup.toFixed(1)}x faster ` +
    `than ${fastest.peer} (${fastest.coldS.median.toFixed(1)} s)`,
  '>= 5x faster than the fastest peer',
  speedup >= 5,
);
const warmShare = us.warmS.median / us.coldS.median;
line(
  'one-lesson rebuild',
  `${us.warmS.median.toFixed(2)} s = ${(warmShare * 100).toFixed(1)}% ` +
    `of our cold build (edit seen: ${us.warmEditSeen})`,
  '< 2% of the cold build',
  warmShare < 0.02 && us.warmEditSeen,
);
line(
  'peak memory',
  `${us.peakRssMb.median} MB (largest process; tree ${us.treePeakRssMb?.median ?? 'n/a'} MB)`,
  '< 512 MB',
  us.peakRssMb.median < 512,
);
if (starlight) {
  const share = pageBytes(us) / pageBytes(starlight);
  line(
    'lesson page bytes (HTML + CSS + JS)',
    `${kb(pageBytes(us))} vs Starlight ${kb(pageBytes(starlight))} = ${(share * 100).toFixed(0)}%`,
    '< 33% of Starlight',
    share < 1 / 3,
  );
}
console.log(
  `lesson page: HTML ${kb(us.pageHtmlBytesMedian ?? 0)}, ` +
    `CSS ${kb(us.pageCssBytesMedian ?? 0)}, JS ${kb(us.pageJsBytesMedian ?? 0)} ` +
    '(budget from the runtime issue: JS <= 30 KB, CSS <= 25 KB)',
);

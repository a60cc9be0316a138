// node src/summarize.mjs -> per candidate: median (over rounds) of per-run medians, min/max,
// pages/s, x vs remark.
import fs from 'node:fs';
const rows = fs
  .readFileSync(process.argv[2] || new URL('../results/timing.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map(JSON.parse);
const by = new Map();
for (const r of rows) by.set(r.name, [...(by.get(r.name) || []), r]);
const med = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
};
const base = med(by.get('remark').map((r) => r.median_ms));
for (const [name, rs] of by) {
  const m = med(rs.map((r) => r.median_ms));
  console.log(
    [
      '',
      name,
      rs[0].version,
      `${Math.round(m)} (${rs.map((r) => Math.round(r.median_ms)).join(' / ')})`,
      Math.round(1200 / (m / 1000)),
      `${(m / base).toFixed(3)} (${(base / m).toFixed(1)}x faster)`,
      `load ${rs.map((r) => r.load).join('/')}`,
      '',
    ]
      .join(' | ')
      .trim(),
  );
}

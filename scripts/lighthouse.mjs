#!/usr/bin/env node
// npm run bench:lighthouse: Lighthouse's mobile preset (its default config: a mid-range phone,
// simulated slow 4G, 4× CPU slowdown) on the demo course as a learner gets it. Builds
// courses/rights-based-mental-health with --base-url set to the address it is then served at (so
// canonical and hreflang links are valid), serves it with `polycourse serve` (compression,
// Cache-Control, ETags), and audits the home, a lesson and a quiz page in English and Arabic with
// Debian's Chromium. Prints the four category scores per page, the metrics behind Performance,
// and every audit that keeps a category below its aim (100 for Accessibility, Best Practices and
// SEO; 95 for Performance); writes the table into docs/benchmarks.md under "Lighthouse (mobile)",
// between two markers (the prose around them, such as notes on earlier runs, stays).
//   node scripts/lighthouse.mjs [--runs N] [--json] [--no-write]
//     --runs N     audit each page N times (default 1) and keep the run with the median
//                  Performance score: Performance varies from run to run, the other three do not
//     --json       print the results as one JSON object instead of the table
//     --no-write   leave docs/benchmarks.md as it is
//   CHROMIUM_PATH  the browser (default /usr/bin/chromium); nothing is downloaded for it
//
// Why `npx --yes lighthouse@12.8.2` and not a devDependency: Lighthouse brings 150 packages
// (186 MB: puppeteer-core, its own axe-core, trace engine, locales) that `npm ci` would install
// for every CI run and developer although no test uses it; npx installs it once into npm's cache
// on the first run of this script only. 12.8.2, pinned so scores compare across runs, is the
// newest release that runs on the Node the project supports (13.x needs Node ≥ 22.19).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { register } from 'tsx/esm/api';

const lighthouse = 'lighthouse@12.8.2';
const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const write = !args.includes('--no-write');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write('--runs needs a whole number ≥ 1\n');
  process.exit(2);
}
// The project's one set of Chromium flags (cli/launch-chromium.ts), read through tsx.
register();
const { chromiumPath, chromiumFlags: chromeFlags } = await import('../cli/launch-chromium.ts');
const courseDir = path.join(root, 'courses/rights-based-mental-health');
const courseId = 'rights-based-mental-health';
const pages = [
  ['home', ''],
  ['lesson', 'human-rights/the-crpd/'],
  ['quiz', 'human-rights/rights-quiz/'],
].flatMap(([kind, page]) =>
  ['en', 'ar'].map((locale) => ({ name: `${locale} ${kind}`, locale, page })),
);
const categories = [
  ['performance', 'Performance', 95],
  ['accessibility', 'Accessibility', 100],
  ['best-practices', 'Best Practices', 100],
  ['seo', 'SEO', 100],
];
const metrics = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];
const docsFile = path.join(root, 'docs/benchmarks.md');
const heading = '## Lighthouse (mobile)';
const startMarker = '<!-- lighthouse.mjs writes from here -->';
const endMarker = '<!-- lighthouse.mjs writes up to here -->';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'polycourse-lighthouse-'));
const log = (line) => process.stderr.write(`${line}\n`);

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function run(command, argv, options = {}) {
  const done = spawnSync(command, argv, { cwd: root, encoding: 'utf8', ...options });
  if (done.status !== 0)
    throw new Error(`${command} ${argv.join(' ')} exited with ${done.status}:\n${done.stderr}`);
  return done.stdout;
}

/** `polycourse serve --json`: the server's process, once it prints that it listens. */
async function serve(dir, port) {
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin/polycourse.mjs'), 'serve', dir, '--port', String(port), '--json'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{')) (JSON.parse(line).ok ? resolve : reject)(new Error(line));
    });
    child.once('exit', (code) => reject(new Error(`polycourse serve exited with ${code}`)));
  });
  return child;
}

/** One Lighthouse run on one address: its report (LHR). */
function audit(url, n) {
  const report = path.join(work, `report-${n}.json`);
  run(
    'npx',
    [
      '--yes',
      lighthouse,
      url,
      '--output=json',
      `--output-path=${report}`,
      '--quiet',
      `--only-categories=${categories.map(([id]) => id).join(',')}`,
      `--chrome-flags=${chromeFlags.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: chromiumPath } },
  );
  return JSON.parse(fs.readFileSync(report, 'utf8'));
}

/** What one report says: scores, metrics, and the audits that keep a category below its aim. */
function summarize(lhr) {
  const scores = Object.fromEntries(
    categories.map(([id]) => [id, Math.round(lhr.categories[id].score * 100)]),
  );
  const failing = [];
  for (const [id, label, aim] of categories) {
    if (scores[id] >= aim) continue;
    for (const ref of lhr.categories[id].auditRefs) {
      const a = lhr.audits[ref.id];
      if (a.score === null || a.score >= 1) continue;
      // Weighted audits make the score; in Performance the weightless ones that claim savings
      // explain its metrics (render-blocking resources, the element that shifted).
      const savings = Object.values(a.metricSavings ?? {}).some((v) => v > 0);
      if (ref.weight > 0 || (id === 'performance' && savings)) {
        // Which elements: those that shifted, or failed an accessibility or SEO check.
        const nodes = (a.details?.items ?? []).flatMap((i) => (i.node?.selector ? [i.node] : []));
        const where = [...new Set(nodes.map((n) => n.selector))].slice(0, 3).join(', ');
        const value = [a.displayValue, where && `on ${where}`].filter(Boolean).join(' ');
        failing.push({
          category: label,
          audit: a.id,
          title: a.title,
          ...(value ? { value } : {}),
          weight: ref.weight,
        });
      }
    }
  }
  const blocking = lhr.audits['render-blocking-resources'];
  return {
    scores,
    metrics: Object.fromEntries(
      metrics.map(([id, label]) => [label, lhr.audits[id].displayValue.replace(/\u00a0/g, ' ')]),
    ),
    renderBlockingMs: Math.round(blocking?.numericValue ?? 0),
    renderBlocking: (blocking?.details?.items ?? []).map((i) => i.url),
    transferredBytes: lhr.audits['total-byte-weight'].numericValue,
    failing,
  };
}

/** Bytes of a built file as written and as gzip -9 (a server's compression is close). */
function bytes(file) {
  const content = fs.readFileSync(file);
  return { raw: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
}

let server;
const results = [];
let environment;
let buildSeconds;
try {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}/`;
  const out = path.join(work, 'out');
  log(`Building the demo course for ${origin}${courseId}/ …`);
  const started = performance.now();
  run(process.execPath, [
    path.join(root, 'bin/polycourse.mjs'),
    'build',
    courseDir,
    '--out',
    out,
    '--base-url',
    `${origin}${courseId}/`,
  ]);
  buildSeconds = (performance.now() - started) / 1000;
  server = await serve(out, port);
  let n = 0;
  for (const page of pages) {
    const url = `${origin}${courseId}/${page.locale}/${page.page}`;
    const reports = [];
    for (let i = 0; i < runs; i++) {
      log(`Lighthouse ${page.name} (${i + 1}/${runs}): ${url}`);
      reports.push(audit(url, n++));
    }
    reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const lhr = reports[Math.floor((reports.length - 1) / 2)];
    environment ??= {
      lighthouse: lhr.lighthouseVersion,
      // The user agent says 156.0.0.0 (reduced): the browser says its full version.
      chromium: /[\d.]+/.exec(run(chromiumPath, ['--version']))?.[0],
    };
    const file = path.join(out, courseId, page.locale, page.page, 'index.html');
    results.push({ page: page.name, url, html: bytes(file), ...summarize(lhr) });
  }
} finally {
  server?.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}

const date = new Date().toISOString().slice(0, 10);

/** Prose in lines of at most 100 characters, as the rest of docs/benchmarks.md is written. */
function wrap(text, indent = '') {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > 100) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function table() {
  const head = [
    'page',
    ...categories.map(([, label]) => label),
    ...metrics.map(([, label]) => label),
    'render-blocking',
    'transferred',
    'HTML raw (gzip)',
  ];
  const rows = results.map((r) => [
    r.page,
    ...categories.map(([id, , aim]) => (r.scores[id] < aim ? `**${r.scores[id]}**` : r.scores[id])),
    ...metrics.map(([, label]) => r.metrics[label]),
    r.renderBlockingMs ? `${r.renderBlockingMs} ms` : 'none',
    kb(r.transferredBytes),
    `${kb(r.html.raw)} (${kb(r.html.gzip)})`,
  ]);
  return [head, head.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function failingList() {
  const all = results.flatMap((r) => r.failing.map((f) => ({ ...f, page: r.page })));
  if (!all.length) return 'Every page meets the aims: no audit keeps a category below it.';
  const byAudit = new Map();
  for (const f of all) {
    const key = `${f.category}: \`${f.audit}\` (${f.title})`;
    byAudit.set(key, [...(byAudit.get(key) ?? []), f.value ? `${f.page} ${f.value}` : f.page]);
  }
  return [
    wrap(
      'Audits that keep a category below its aim (Performance: also the weightless audits with ' +
        'savings, which explain its metrics):',
    ),
    '',
    ...[...byAudit].map(([key, where]) => wrap(`- ${key}: ${where.join('; ')}`, '  ')),
  ].join('\n');
}

const section = [
  startMarker,
  wrap(
    `Last run ${date}: Lighthouse ${environment.lighthouse}, mobile preset (simulated slow 4G, ` +
      `4× CPU slowdown), Chromium ${environment.chromium}, \`polycourse serve\` on loopback; ` +
      `${runs === 1 ? 'one run per page' : `median of ${runs} runs by Performance`}; ` +
      `the demo course built in ${buildSeconds.toFixed(1)} s. ` +
      'Aims: Performance ≥ 95, the others 100 (below it in bold). "render-blocking" is ' +
      "Lighthouse's estimate of what the render-blocking resources cost the first paint; " +
      '"transferred" is every byte the page loaded, compressed.',
  ),
  '',
  table(),
  '',
  failingList(),
  endMarker,
].join('\n');

if (write) {
  let doc = fs.readFileSync(docsFile, 'utf8');
  const start = doc.indexOf(startMarker);
  const end = doc.indexOf(endMarker);
  if (start >= 0 && end > start)
    doc = doc.slice(0, start) + section + doc.slice(end + endMarker.length);
  else {
    // No markers: the section is written anew, in place of the one under the heading if any.
    const intro = wrap(
      '`npm run bench:lighthouse` (scripts/lighthouse.mjs) builds the demo course, serves it ' +
        'with `polycourse serve` and runs Lighthouse on the home, a lesson and a quiz page in ' +
        'English and Arabic. Each run replaces what is between the two markers below.',
    );
    const whole = `${heading}\n\n${intro}\n\n${section}\n`;
    const at = doc.indexOf(`\n${heading}\n`);
    if (at < 0) doc = `${doc.trimEnd()}\n\n${whole}`;
    else {
      const next = doc.indexOf('\n## ', at + heading.length + 1);
      doc = `${doc.slice(0, at + 1)}${whole}${next < 0 ? '' : doc.slice(next)}`;
    }
  }
  fs.writeFileSync(docsFile, doc);
}

if (json)
  process.stdout.write(
    `${JSON.stringify({ date, ...environment, runs, buildSeconds, pages: results }, null, 2)}\n`,
  );
else {
  process.stdout.write(`${table()}\n\n${failingList()}\n`);
  if (write) process.stdout.write(`\nWritten to ${path.relative(root, docsFile)}.\n`);
}

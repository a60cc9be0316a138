#!/usr/bin/env node
// npm run bench:dev: the author's loop, measured as an author sees it. A dev server serves a copy
// of the course; Chromium keeps a lesson open; the script writes the lesson's file with a new
// sentence and times until the open page shows it (file write → text in the page, over the
// server's own live update). One warm-up edit, then RUNS edits (default 10); prints the median
// and the slowest.
//   node scripts/bench-dev.mjs [course-dir] [--json]      polycourse dev on a course (the demo)
//   node scripts/bench-dev.mjs --corpus <dir> [--json]    polycourse dev, VitePress's and Astro's
//       (Starlight) dev servers side by side on a corpus of ../shared/bench (gen-corpus.mjs), the
//       same lesson (the peers from /tmp/peer-bench, installed by ../shared/bench/peers/install.sh)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { register } from 'tsx/esm/api';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const corpusAt = args.indexOf('--corpus');
const corpus = corpusAt >= 0 ? path.resolve(args[corpusAt + 1]) : undefined;
const given = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--corpus');
const runs = Number(process.env.RUNS ?? 10);
const peerHome = process.env.PEER_BENCH_HOME ?? '/tmp/peer-bench';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'polycourse-bench-dev-'));

/** A server's process, the address it printed once ready, and a way to stop it. */
async function startServer(command, argv, cwd, ready) {
  const child = spawn(command, argv, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    detached: true,
  });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    for (const stream of [child.stdout, child.stderr])
      readline.createInterface({ input: stream }).on('line', (line) => {
        log += `${line}\n`;
        const found = ready(line);
        if (found) resolve(found);
      });
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}:\n${log}`)));
  });
  return { url, stop: () => process.kill(-child.pid, 'SIGINT') };
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The loop on one server: the lesson's page open, its file written, the text awaited. */
async function measure(browser, name, { url, file }) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  const original = fs.readFileSync(file, 'utf8');
  const shown = [];
  for (let i = 0; i <= runs; i++) {
    await page.waitForTimeout(500);
    const marker = `Edit number ${i} of the benchmark.`;
    const written = performance.now();
    fs.writeFileSync(file, `${original.trimEnd()}\n\n${marker}\n`);
    await page.waitForFunction((m) => document.body.innerText.includes(m), marker, {
      timeout: 60_000,
      polling: 'raf',
    });
    if (i > 0) shown.push(performance.now() - written); // the first edit warms the server up
  }
  await page.close();
  const sorted = [...shown].sort((a, b) => a - b);
  return {
    server: name,
    median: Math.round(sorted[Math.floor(sorted.length / 2)]),
    slowest: Math.round(sorted.at(-1)),
  };
}

async function polycourse(folder, layout) {
  const copy = path.join(work, 'polycourse-source');
  fs.cpSync(folder, copy, { recursive: true });
  const lessonOf =
    layout === 'corpus'
      ? () => ['module-01', 'lesson-01', path.join(copy, 'en/module-01/lesson-01.md')]
      : () => {
          const lesson = fs
            .readdirSync(path.join(copy, 'modules'), { recursive: true })
            .map(String)
            .filter((f) => f.endsWith('.en.mdx'))
            .sort()[0];
          const [moduleId, file] = lesson.split(path.sep);
          return [moduleId, file.replace(/\.en\.mdx$/, ''), path.join(copy, 'modules', lesson)];
        };
  const [moduleId, unitId, file] = lessonOf();
  const server = await startServer(
    process.execPath,
    [
      path.join(root, 'bin/polycourse.mjs'),
      'dev',
      copy,
      '--port',
      '0',
      '--out',
      path.join(work, 'polycourse-out'),
      ...(layout === 'corpus' ? ['--source', 'corpus'] : []),
    ],
    root,
    (line) => /^Previewing .* at (http\S+)$/.exec(line)?.[1],
  );
  return { ...server, url: new URL(`${moduleId}/${unitId}/`, server.url).href, file };
}

/**
 * A peer's dev server on the corpus: its install checked, the site prepared by the shared harness's
 * adapter, the server started on a free port; returns it with the first lesson's URL and file.
 */
async function peerDevServer(folder, peer) {
  const install = path.join(peerHome, peer.install);
  if (!fs.existsSync(path.join(install, 'node_modules', peer.package)))
    throw new Error(
      `${peer.name} is not installed in ${install}: run ../shared/bench/peers/install.sh`,
    );
  const site = path.join(work, peer.adapter);
  const adapter = path.join(root, `../shared/bench/peers/${peer.adapter}.sh`);
  const prepared = spawnSync('bash', [adapter, 'prepare', folder, site], { encoding: 'utf8' });
  if (prepared.status !== 0) throw new Error(`${peer.adapter} prepare failed:\n${prepared.stderr}`);
  const port = await freePort();
  const server = await startServer(process.execPath, peer.argv(port), site, (line) =>
    peer.ready.test(line) ? `http://localhost:${port}/` : undefined,
  );
  return { ...server, url: server.url + peer.lesson, file: path.join(site, peer.lessonFile) };
}

const vitepress = (folder) =>
  peerDevServer(folder, {
    name: 'VitePress',
    install: 'vitepress',
    package: 'vitepress',
    adapter: 'vitepress',
    argv: (port) => [
      'node_modules/vitepress/bin/vitepress.js',
      'dev',
      'docs',
      '--port',
      String(port),
      '--strictPort',
    ],
    ready: /Local:\s+http/,
    lesson: 'module-01/lesson-01.html',
    lessonFile: 'docs/module-01/lesson-01.md',
  });

const astro = (folder) =>
  peerDevServer(folder, {
    name: 'Astro',
    install: 'astro',
    package: 'astro',
    adapter: 'starlight',
    argv: (port) => ['node_modules/astro/astro.js', 'dev', '--port', String(port)],
    ready: /Local\s+http/,
    lesson: 'module-01/lesson-01/',
    lessonFile: 'src/content/docs/module-01/lesson-01.md',
  });

// The project's one Chromium launcher (cli/launch-chromium.ts), read through tsx.
register();
const { launchChromium } = await import('../cli/launch-chromium.ts');
const browser = await launchChromium();
const results = [];
const subject =
  corpus ?? path.resolve(given ?? path.join(root, 'courses/rights-based-mental-health'));
const servers = [
  ['polycourse dev', () => polycourse(subject, corpus ? 'corpus' : 'files')],
  ...(corpus
    ? [
        ['vitepress dev', () => vitepress(corpus)],
        ['astro dev', () => astro(corpus)],
      ]
    : []),
];
try {
  for (const [name, start] of servers) {
    const server = await start();
    try {
      results.push(await measure(browser, name, server));
    } catch (error) {
      // Ours failing fails the benchmark; a peer that fails is reported in its row.
      if (!results.length) throw error;
      results.push({ server: name, error: String(error).split('\n')[0] });
    } finally {
      server.stop();
    }
  }
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}

const summary = {
  subject: path.relative(root, subject) || subject,
  runs,
  aim: 'polycourse dev: ≤ 200 ms from the file write to the new text in the open page',
  results,
};
if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
else {
  process.stdout.write(
    `Save → new text in the open page, ${summary.subject}, ${runs} edits each:\n`,
  );
  for (const r of results)
    process.stdout.write(
      r.error
        ? `  ${r.server.padEnd(15)} failed: ${r.error}\n`
        : `  ${r.server.padEnd(15)} median ${String(r.median).padStart(5)} ms, ` +
            `slowest ${r.slowest} ms\n`,
    );
  const own = results[0];
  process.stdout.write(`  aim ≤ 200 ms: ${own.median <= 200 ? 'met' : 'not met'}\n`);
}

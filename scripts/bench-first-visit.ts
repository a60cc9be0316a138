/**
 * A learner's first visit (#17: ≤ 150 KB in total, the service worker's work included, Chromium
 * with a cold cache, over 30 s). Builds the demo course and the benchmark corpus (the held-out
 * shape by default: 12 locales × 8 modules × 15 lessons), serves each with `polycourse serve`'s
 * server behind a relay that counts every byte sent to the browser (the page's requests and its
 * worker's alike), opens a lesson in a fresh Chromium profile on a phone-sized screen, and counts
 * for 30 s. Beside it: what keeping that locale offline would download (what the worker saved on a
 * first visit before, the whole locale), which the learner now chooses.
 *
 *   npm run bench:first-visit -- [--seconds 30] [--modules 8] [--lessons 15] [--seed 7] [--json]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { launchChromium } from '../cli/launch-chromium.ts';
import { startStaticServer } from '../compiler/targets/static-server.ts';
import { countingRelay, offlinePlanOf } from '../test/helpers/offline-worker.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    modules: { type: 'string', default: '8' },
    lessons: { type: 'string', default: '15' },
    seed: { type: 'string', default: '7' },
    json: { type: 'boolean', default: false },
  },
});
const say = (line: string) => values.json || console.error(line);
const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'polycourse-first-visit-'));
const cli = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(root, 'bin/polycourse.mjs'), ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });

say('building the demo course…');
cli('build', path.join(root, 'courses/rights-based-mental-health'), '--out', `${work}/demo`);
say(`generating and building the corpus (${values.modules} × ${values.lessons} lessons)…`);
execFileSync(process.execPath, [
  path.join(root, '../shared/bench/gen-corpus.mjs'),
  ...['--modules', values.modules!, '--lessons', values.lessons!, '--seed', values.seed!],
  ...['--out', `${work}/corpus-src`],
]);
cli('build', `${work}/corpus-src`, '--source', 'corpus', '--out', `${work}/corpus`);

/** A lesson of the second module (the first's are the home's too), in `locale`. */
function lessonOf(bundle: string, locale: string): string {
  const plan = offlinePlanOf(path.join(bundle, locale));
  const [, files] = plan.modules[1] ?? plan.modules[0];
  return files.find((f) => f.endsWith('/index.html') && f.split('/').length === 3)!;
}

/** Bytes of the locale for this browser: every file but the picture formats it passes over. */
function wholeLocale(bundle: string, locale: string): number {
  const plan = offlinePlanOf(path.join(bundle, locale));
  const other = new Set(
    plan.pictures.flatMap((sources) =>
      sources.filter((s) => s.type !== 'image/avif').flatMap((s) => s.files),
    ),
  );
  return Object.entries(plan.files)
    .filter(([f]) => !other.has(f))
    .reduce((sum, [, [, size]]) => sum + size, 0);
}

const browser = await launchChromium();
const rows: { course: string; page: string; bytes: number; whole: number; met: boolean }[] = [];
for (const [name, out, id] of [
  ['demo course', `${work}/demo`, 'rights-based-mental-health'],
  ['corpus', `${work}/corpus`, 'corpus'],
] as const) {
  const server = await startStaticServer(out);
  for (const locale of ['en', 'ar']) {
    const bundle = path.join(out, id);
    const lesson = lessonOf(bundle, locale);
    const relay = await countingRelay(Number(new URL(server.url).port));
    const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    await page.goto(`${relay.url}${id}/${locale}/${lesson}`);
    await page.waitForTimeout(Number(values.seconds) * 1000);
    const bytes = relay.bytes();
    await context.close();
    await relay.close();
    const row = {
      course: name,
      page: `${locale}/${lesson}`,
      bytes,
      whole: wholeLocale(bundle, locale),
      met: bytes <= 150_000,
    };
    rows.push(row);
    say(`${name} ${row.page}: ${(bytes / 1000).toFixed(1)} KB`);
  }
  await server.close();
}
await browser.close();
fs.rmSync(work, { recursive: true, force: true });

if (values.json) console.log(JSON.stringify({ seconds: Number(values.seconds), rows }, null, 2));
else {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  console.log(
    `\nFirst visit, cold cache, ${values.seconds} s, Chromium at 412 px (aim ≤ 150 KB)\n`,
  );
  console.log('| course | page | first visit | aim met | keeping the locale offline |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.course} | ${r.page} | ${kb(r.bytes)} | ${r.met ? 'yes' : '**no**'} | ` +
        `${kb(r.whole)} |`,
    );
}

/**
 * SCORM 1.2 and SCORM 2004 packages of the mini course, checked the way an LMS meets them: the
 * manifest against the official XSDs (xmllint), the files it lists against the zip, and the package
 * run in real Chromium inside a test LMS page whose API is scorm-again with its lenient
 * conveniences off (the 1.2 suspend_data limit of 4,096 characters is enforced here). A learner
 * starts in their LMS language, works, leaves, comes back to where they were with their progress,
 * and finishes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { chooseTargets } from '../../compiler/targets/choose-targets.ts';
import { startStaticServer, type StaticServer } from '../../compiler/targets/static-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';
import { launchChromium } from '../helpers/browser.ts';
import { validateScormManifest, xmllintMissing } from '../helpers/scorm-schemas.ts';

const require = createRequire(import.meta.url);
/** The package folder (its exports map hides dist/, which a plain LMS page loads). */
const scormAgainDir = path.join(require.resolve('scorm-again'), '../..');
let browser: Browser;
let server: StaticServer;
let outDir: string;
/** Served root: one folder per unpacked package, beside the LMS pages. */
let lmsRoot: string;

const versions = [
  { version: '1.2', target: 'scorm12', api: 'API', script: 'scorm12.js', cls: 'Scorm12API' },
  {
    version: '2004',
    target: 'scorm2004',
    api: 'API_1484_11',
    script: 'scorm2004.js',
    cls: 'Scorm2004API',
  },
] as const;

beforeAll(async () => {
  outDir = tempDir();
  const result = await buildCourse({
    courseDir: miniCourseDir,
    outDir,
    targets: chooseTargets(['scorm12', 'scorm2004']),
  });
  expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
  lmsRoot = tempDir();
  for (const { target, script } of versions) {
    const files = unzipSync(fs.readFileSync(path.join(outDir, `mini.${target}.zip`)));
    for (const [name, data] of Object.entries(files)) {
      const file = path.join(lmsRoot, target, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data);
    }
    fs.copyFileSync(path.join(scormAgainDir, 'dist', script), path.join(lmsRoot, script));
  }
  fs.writeFileSync(path.join(lmsRoot, 'lms.html'), lmsPage);
  server = await startStaticServer(lmsRoot);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The test LMS: builds the API named in the query (`?v=1.2|2004`) from scorm-again with the
 * attempt's saved data (window.saved), strict, then opens the package's launch page in a frame.
 */
const lmsPage = `<!doctype html><html><head><meta charset="utf-8"><title>Test LMS</title></head>
<body><iframe id="sco" style="width:1200px;height:800px"></iframe><script>
const v = new URLSearchParams(location.search).get('v');
const s = document.createElement('script');
s.src = v === '1.2' ? 'scorm12.js' : 'scorm2004.js';
s.onload = () => {
  const settings = { autocommit: false, lmsCommitUrl: false, logLevel: 5,
    autoCompleteLessonStatus: false, mastery_override: false };
  const api = v === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  window.calls = [];
  window.values = {};
  for (const name of v === '1.2' ? ['LMSInitialize', 'LMSFinish', 'LMSCommit']
    : ['Initialize', 'Terminate', 'Commit']) api.on(name, () => window.calls.push(name));
  api.on(v === '1.2' ? 'LMSSetValue.cmi.*' : 'SetValue.cmi.*', (element, value) => {
    window.values[element] = String(value);
  });
  const saved = JSON.parse(sessionStorage.getItem('saved') || 'null');
  if (saved) api.loadFromFlattenedJSON(saved);
  window[v === '1.2' ? 'API' : 'API_1484_11'] = api;
  document.getElementById('sco').src = (v === '1.2' ? 'scorm12' : 'scorm2004') + '/scorm.html';
};
document.head.append(s);
</script></body></html>`;

describe('SCORM packages', () => {
  for (const { version, target } of versions) {
    it(`${target}: one package per locale and one with all; manifests valid and complete`, () => {
      const names = fs.readdirSync(outDir).filter((f) => f.endsWith(`.${target}.zip`));
      expect(names.sort()).toEqual(
        [`mini.${target}.zip`, ...['ar', 'en', 'fr'].map((l) => `mini.${l}.${target}.zip`)].sort(),
      );
      for (const name of names) {
        const files = unzipSync(fs.readFileSync(path.join(outDir, name)));
        const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
        const listed = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) =>
          decodeURIComponent(m[1]),
        );
        const inZip = Object.keys(files).filter((f) => f !== 'imsmanifest.xml' && !f.endsWith('/'));
        expect(listed.sort(), `${name}: every file listed, no other`).toEqual(inZip.sort());
        expect(listed.every((f) => !f.startsWith('/') && !f.includes('..'))).toBe(true);
        expect(Object.keys(files)[0]).toBe('imsmanifest.xml');
        if (xmllintMissing()) continue;
        const checked = validateScormManifest(manifest, version);
        expect(checked.errors, `${name} against the official XSDs`).toEqual([]);
      }
    });
  }

  it('scorm12: the manifest states the mastery score; 2004 states no thresholds', () => {
    const read = (zip: string) =>
      new TextDecoder().decode(
        unzipSync(fs.readFileSync(path.join(outDir, zip)))['imsmanifest.xml'],
      );
    expect(read('mini.scorm12.zip')).toContain('<adlcp:masteryscore>50</adlcp:masteryscore>');
    const m2004 = read('mini.scorm2004.zip');
    expect(m2004).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(m2004).not.toMatch(/completionThreshold|minNormalizedMeasure|imsss:sequencing/);
  });
});

type Values = Record<string, string>;

/** One launch of the package in the test LMS; `saved` is what the LMS kept from the last one. */
async function launch(version: '1.2' | '2004', saved?: Values) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (saved)
    await page.addInitScript((s) => sessionStorage.setItem('saved', s), JSON.stringify(saved));
  await page.goto(`${server.url}lms.html?v=${version}`);
  await page.waitForFunction(() => (window as unknown as { calls?: string[] }).calls?.length);
  const course = async (): Promise<Frame> => {
    for (let i = 0; i < 50; i++) {
      const frame = page.frames().find((f) => f.parentFrame()?.url().endsWith('/scorm.html'));
      if (frame && frame.url() !== 'about:blank') return frame;
      await page.waitForTimeout(100);
    }
    throw new Error('the launch page opened no course page');
  };
  return { context, page, errors, course };
}

/** Go to a page of the course inside the package, as a link would, and let the launcher see it. */
async function visit(frame: Frame, page: string) {
  // Pages are relative to the package root, where the launch page is.
  await frame.goto(new URL(page, frame.parentFrame()!.url()).href);
  await frame.waitForLoadState('load');
}

/** What the SCO has set so far, element → value (read through the API, in the LMS page). */
async function lmsValues(page: Page, version: '1.2' | '2004'): Promise<Values> {
  const get = version === '1.2' ? 'LMSGetValue' : 'GetValue';
  const names =
    version === '1.2'
      ? [
          'cmi.core.lesson_status',
          'cmi.core.lesson_location',
          'cmi.core.score.raw',
          'cmi.core.score.min',
          'cmi.core.score.max',
          'cmi.suspend_data',
        ]
      : [
          'cmi.completion_status',
          'cmi.success_status',
          'cmi.location',
          'cmi.score.raw',
          'cmi.score.scaled',
          'cmi.progress_measure',
          'cmi.suspend_data',
        ];
  return page.evaluate(
    ([api, get, names]) => {
      const a = (window as unknown as Record<string, Record<string, (e: string) => string>>)[api];
      return Object.fromEntries(names.map((n) => [n, String(a[get](n))]));
    },
    [version === '1.2' ? 'API' : 'API_1484_11', get, names] as const,
  );
}

/** The units' progress the course's pages read (the bundle's progress store). */
const progressIn = (frame: Frame) =>
  frame.evaluate(
    () => JSON.parse(localStorage.getItem('polycourse:mini:progress') ?? '{"units":{}}').units,
  );

/** The LMS closes the course's frame (the learner leaves it): the launch page unloads. */
async function close(page: Page) {
  await page.evaluate(() => document.getElementById('sco')!.remove());
  await page.waitForTimeout(200);
}

/** Every value the SCO set during the launch (the last of each), and the calls in order. */
const record = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { values: Values; calls: string[] };
    return { values: { ...w.values }, calls: [...w.calls] };
  });

const answerQuiz = async (frame: Frame) => {
  await frame.check('#q-q1 input[value="b"]');
  for (const v of ['a', 'c']) await frame.check(`#q-q2 input[value="${v}"]`);
  await frame.check('#q-q3 input[value="true"]');
  for (const [option, position] of Object.entries({ first: '1', second: '2', third: '3' }))
    await frame.selectOption(`#q-q4-${option}`, position);
  for (const [option, partner] of Object.entries({ art12: 'capacity', art19: 'community' }))
    await frame.selectOption(`#q-q5-${option}`, partner);
  await frame.click('form.quiz button[type="submit"]');
};

for (const { version, target } of versions) {
  const el =
    version === '1.2'
      ? {
          status: 'cmi.core.lesson_status',
          location: 'cmi.core.lesson_location',
          exit: 'cmi.core.exit',
          time: 'cmi.core.session_time',
          entry: 'cmi.core.entry',
          language: 'cmi.student_preference.language',
          init: 'LMSInitialize',
          finish: 'LMSFinish',
        }
      : {
          status: 'cmi.completion_status',
          location: 'cmi.location',
          exit: 'cmi.exit',
          time: 'cmi.session_time',
          entry: 'cmi.entry',
          language: 'cmi.learner_preference.language',
          init: 'Initialize',
          finish: 'Terminate',
        };

  describe(`${target} in a SCORM runtime (scorm-again, strict)`, () => {
    it('starts in the LMS language, reports, suspends, resumes, completes', async () => {
      // First launch: a French learner views two pages and passes the quiz, then leaves.
      const first = await launch(version, { [el.language]: 'fr' });
      let frame = await first.course();
      expect(frame.url()).toMatch(/\/fr\/index\.html$/);
      await visit(frame, 'fr/basics/first-lesson/index.html');
      await visit(frame, 'fr/basics/basics-quiz/index.html');
      await answerQuiz(frame);
      // The location is set when the quiz page opens, the score when the answers are checked: wait
      // for both before reading them.
      const scoreField = version === '1.2' ? 'cmi.core.score.raw' : 'cmi.success_status';
      await expect
        .poll(async () => {
          const values = await lmsValues(first.page, version);
          return [values[el.location], values[scoreField]];
        })
        .toEqual(['fr/basics/basics-quiz/index.html', version === '1.2' ? '100' : 'passed']);
      const during = await lmsValues(first.page, version);
      expect(during[el.status]).toBe('incomplete');
      if (version === '1.2') expect(during['cmi.core.score.raw']).toBe('100');
      else {
        expect(during['cmi.success_status']).toBe('passed');
        expect(during['cmi.score.scaled']).toBe('1');
        expect(Number(during['cmi.progress_measure'])).toBeCloseTo(2 / 6, 2);
      }
      expect(during['cmi.suspend_data'].length).toBeGreaterThan(0);
      expect(during['cmi.suspend_data'].length).toBeLessThanOrEqual(4096);
      await close(first.page); // the learner closes the course
      const left = await record(first.page);
      expect(left.calls[0]).toBe(el.init);
      expect(left.calls.at(-1)).toBe(el.finish);
      expect(left.values[el.exit]).toBe('suspend');
      expect(left.values[el.time]).toMatch(
        version === '1.2' ? /^\d{4}:\d{2}:\d{2}\.\d{2}$/ : /^PT\d+H\d+M\d+(\.\d+)?S$/,
      );
      expect(first.errors).toEqual([]);
      await first.context.close();

      // Second launch, on a fresh browser: the LMS gives back what it kept. The learner is where
      // they left, with their progress, and finishes the course.
      const kept: Values = {
        [el.entry]: 'resume',
        [el.language]: 'fr',
        [el.location]: left.values[el.location],
        'cmi.suspend_data': left.values['cmi.suspend_data'],
      };
      const second = await launch(version, kept);
      frame = await second.course();
      expect(frame.url()).toMatch(/\/fr\/basics\/basics-quiz\/index\.html$/);
      // The progress came back from suspend_data, not from this (new) browser's storage.
      expect(await progressIn(frame)).toMatchObject({
        'basics/first-lesson': { viewed: true },
        'basics/basics-quiz': { passed: true, bestCorrect: 5, attempts: 1 },
      });
      for (const unit of ['second-lesson', 'basics-sheet'])
        await visit(frame, `fr/basics/${unit}/index.html`);
      await visit(frame, 'fr/basics/intro-video/index.html');
      await frame.locator('figure.video video').dispatchEvent('ended');
      await visit(frame, 'fr/basics/basics-challenge/index.html');
      await frame.check('form.challenge-form input[type="checkbox"]');
      await expect
        .poll(async () => (await lmsValues(second.page, version))[el.status])
        .toBe(version === '1.2' ? 'passed' : 'completed');
      const done = await lmsValues(second.page, version);
      if (version === '2004') {
        expect(done['cmi.success_status']).toBe('passed');
        expect(done['cmi.progress_measure']).toBe('1');
      }
      await close(second.page);
      const finished = await record(second.page);
      expect(finished.values[el.exit]).toBe(version === '1.2' ? '' : 'normal');
      expect(finished.calls.at(-1)).toBe(el.finish);
      expect(second.errors).toEqual([]);
      await second.context.close();
    });

    it('opened from the LMS by another learner on the same browser, starts fresh', async () => {
      const first = await launch(version);
      const frame = await first.course();
      await visit(frame, 'en/basics/first-lesson/index.html');
      await close(first.page);
      // Same browser context would share localStorage: the LMS, not the browser, knows the learner.
      const page = await first.context.newPage();
      await page.goto(`${server.url}lms.html?v=${version}`);
      await page.waitForFunction(() => (window as unknown as { calls?: string[] }).calls?.length);
      const sco = page.frames().find((f) => f.url().endsWith('/scorm.html'))!;
      await expect.poll(() => sco.childFrames()[0]?.url() ?? '').toMatch(/\/en\/index\.html$/);
      const course = sco.childFrames()[0];
      await course.waitForLoadState('load');
      expect(await progressIn(course)).toEqual({});
      await first.context.close();
    });
  });
}

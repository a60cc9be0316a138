/**
 * The learner's experience from a static bundle in real Chromium: quizzes, challenges, progress
 * that survives reloads and language switches, offline use, the certificate as PDF, keyboard-only
 * use, hostile storage, and axe-core on the interactive pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { startStaticServer } from '../../compiler/targets/static-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';
import { axeViolations } from '../helpers/browser.ts';
import { keepOffline, waitUntilSaved } from '../helpers/offline-worker.ts';
import { servedCourse, type ServedCourse } from '../helpers/served-course.ts';

let served: ServedCourse;
let browser: Browser;
let base: string;
let outDir: string;

beforeAll(async () => {
  served = await servedCourse({ courseDir: miniCourseDir });
  ({ browser, base, outDir } = served);
});

afterAll(() => served?.close());

/** A fresh learner: own storage, console warnings and page errors collected. */
async function learner(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const warnings: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, warnings, errors };
}

const rightOrder = { first: '1', second: '2', third: '3' };
const rightPairs = { art12: 'capacity', art19: 'community' };

async function answerQuiz(
  page: Page,
  answers: {
    q1: string;
    q2: string[];
    q3: string;
    q4?: Record<string, string>;
    q5?: Record<string, string>;
  },
) {
  await page.check(`#q-q1 input[value="${answers.q1}"]`);
  for (const v of answers.q2) await page.check(`#q-q2 input[value="${v}"]`);
  await page.check(`#q-q3 input[value="${answers.q3}"]`);
  for (const [option, position] of Object.entries(answers.q4 ?? rightOrder))
    await page.selectOption(`#q-q4-${option}`, position);
  for (const [option, target] of Object.entries(answers.q5 ?? rightPairs))
    await page.selectOption(`#q-q5-${option}`, target);
  await page.click('form.quiz button[type="submit"]');
}

const status = (page: Page) => page.textContent('.learner-status');

describe('the learner runtime', () => {
  it('a quiz answered wrongly then rightly: feedback, retry, pass, points', async () => {
    const { context, page, errors } = await learner();
    await page.goto(`${base}en/basics/basics-quiz/index.html`);
    await answerQuiz(page, {
      q1: 'a',
      q2: ['a'],
      q3: 'false',
      q4: { first: '2', second: '1', third: '3' },
      q5: { art12: 'community', art19: 'capacity' },
    });
    expect(await page.textContent('.quiz-result')).toBe(
      'You answered 0 of 5 questions correctly. ' +
        'You need 50% to pass. Read the feedback and try again.',
    );
    expect(await page.isVisible('#q-q4 .question-feedback[data-result="incorrect"]')).toBe(true);
    expect(await page.isVisible('#q-q5 .question-feedback[data-result="incorrect"]')).toBe(true);
    expect(await page.isVisible('#q-q1 .question-feedback[data-result="incorrect"]')).toBe(true);
    expect(await page.isVisible('#q-q1 .option-feedback[data-option="a"]')).toBe(true);
    expect(await page.textContent('#q-q1 .option-feedback[data-option="a"]')).toBe('A is not it.');
    await page.click('button.retry');
    // A retry keeps the answers and their feedback; a question's feedback goes when it changes.
    // The correct answer is not offered after a first try.
    expect(await page.isChecked('#q-q1 input[value="a"]')).toBe(true);
    expect(await page.isVisible('#q-q1 .question-feedback[data-result="incorrect"]')).toBe(true);
    expect(await page.isVisible('#q-q1 .answer')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('a');
    await page.check('#q-q1 input[value="b"]');
    expect(await page.isVisible('#q-q1 .question-feedback')).toBe(false);
    expect(await page.isVisible('#q-q1 .option-feedback')).toBe(false);
    expect(await page.isVisible('#q-q3 .question-feedback[data-result="incorrect"]')).toBe(true);
    await page.uncheck('#q-q2 input[value="a"]');
    await answerQuiz(page, { q1: 'b', q2: ['a', 'c'], q3: 'true' });
    expect(await page.textContent('.quiz-result')).toBe(
      'You answered 5 of 5 questions correctly. You passed this quiz.',
    );
    expect(await page.isVisible('#q-q2 .question-feedback[data-result="correct"]')).toBe(true);
    expect(await page.isVisible('#q-q4 .question-feedback[data-result="correct"]')).toBe(true);
    // 5 points per correct answer of the best attempt; passing the course's only quiz earns the
    // all-quizzes badge
    expect(await status(page)).toBe('25 points · 1 of 6 units done · 1 badge');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers the correct answer of a wrong question after a second try', async () => {
    const { context, page, errors } = await learner();
    await page.goto(`${base}en/basics/basics-quiz/index.html`);
    const wrong = { q1: 'a', q2: ['a'], q3: 'false' };
    await answerQuiz(page, wrong);
    expect(await page.isVisible('#q-q1 .answer')).toBe(false);
    await page.click('button.retry');
    await page.click('form.quiz button[type="submit"]'); // the same answers again
    expect(await page.textContent('.quiz-result')).toMatch(/^You answered 2 of 5/);
    expect(await page.isVisible('#q-q1 .answer')).toBe(true);
    expect(await page.isVisible('#q-q4 .answer')).toBe(false); // right this time
    await page.click('#q-q1 .answer summary');
    expect(await page.textContent('#q-q1 .answer')).toContain('Correct answer:');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps progress across reloads and languages; the course map shows what is done', async () => {
    const { context, page, errors } = await learner();
    await page.goto(`${base}en/basics/first-lesson/index.html`);
    await page.goto(`${base}en/basics/basics-challenge/index.html`);
    await page.check('form.challenge-form input[type="checkbox"]');
    expect(await page.textContent('.challenge-status')).toBe('Done! You earned 15 points.');
    await page.reload();
    // the runtime restores what is stored once it has started: wait for it (a loaded machine)
    await expect
      .poll(() => page.isChecked('form.challenge-form input[type="checkbox"]'))
      .toBe(true);
    // 10 for the lesson, 15 for the challenge
    await expect.poll(() => status(page)).toBe('25 points · 2 of 6 units done · 1 badge');
    expect(await page.textContent('.sidebar a[data-unit-link="basics/first-lesson"]')).toContain(
      '✓ done',
    );
    await page.click('.language-picker summary');
    await page.click('.language-picker a[hreflang="ar"]');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expect
      .poll(() => page.isChecked('form.challenge-form input[type="checkbox"]'))
      .toBe(true);
    await expect.poll(() => status(page)).toMatch(/25/); // same points, in Arabic
    const sidebar = (await page.locator('.sidebar').boundingBox())!;
    const main = (await page.locator('main').boundingBox())!;
    expect(sidebar.x).toBeGreaterThan(main.x);
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'the module of the first visit works offline (service worker), ' +
      'and not on file:// without errors',
    async () => {
      const { context, page, errors } = await learner();
      await page.goto(`${base}en/index.html`);
      // The home's module (the first): its pages are saved without asking.
      await waitUntilSaved(page, `${base}en/`, [
        'basics/second-lesson/index.html',
        'basics/intro-video/index.html',
      ]);
      await context.setOffline(true);
      await page.goto(`${base}en/basics/second-lesson/index.html`);
      expect(await page.textContent('h1')).toBe('Second lesson');
      await page.click('a[rel="next"]');
      expect(await page.textContent('h1')).toBe('Intro video');
      const missing = await page.goto(`${base}en/no-such-page/index.html`);
      expect(await page.textContent('h1')).toBe('Page not found');
      expect(missing).toBeTruthy();
      await context.setOffline(false);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    'after a new build, the offline copy updates: ' +
      'a new worker caches the new files and drops the old cache',
    async () => {
      const course = copyCourse(miniCourseDir);
      const out = tempDir();
      expect((await buildCourse({ courseDir: course, outDir: out, locales: ['en'] })).ok).toBe(
        true,
      );
      const site = await startStaticServer(out);
      const { context, page, errors } = await learner();
      try {
        await page.goto(`${site.url}mini/en/index.html`);
        await waitUntilSaved(page, `${site.url}mini/en/`, ['basics/second-lesson/index.html']);
        const cachesNow = () => page.evaluate(() => caches.keys());
        const [first] = await cachesNow();

        editFile(
          path.join(course, 'locales/en.yaml'),
          'second-lesson: { title: Second lesson }',
          'second-lesson: { title: Second lesson (revised) }',
        );
        expect((await buildCourse({ courseDir: course, outDir: out, locales: ['en'] })).ok).toBe(
          true,
        );
        await page.evaluate(async () => {
          await (await navigator.serviceWorker.getRegistration())!.update();
        });
        await expect
          .poll(
            async () => {
              const keys = await cachesNow();
              return keys.length === 1 && keys[0] !== first;
            },
            { timeout: 30_000 },
          )
          .toBe(true);

        await context.setOffline(true);
        await page.goto(`${site.url}mini/en/basics/second-lesson/index.html`);
        expect(await page.textContent('h1')).toBe('Second lesson (revised)');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await site.close();
      }
    },
  );

  it(
    'caches what it can when a file vanished from the server, ' + 'says so, and keeps working',
    async () => {
      const out = tempDir();
      expect(
        (await buildCourse({ courseDir: miniCourseDir, outDir: out, locales: ['en'] })).ok,
      ).toBe(true);
      const media = path.join(out, 'mini/en/_assets/media');
      // The video: a file every browser's worker caches (of an image, it caches one format).
      const gone = fs.readdirSync(media).find((f) => f.endsWith('.mp4'))!;
      fs.rmSync(path.join(media, gone));
      fs.rmSync(path.join(out, 'mini/manifest.json'));
      const broken = await startStaticServer(out);
      const { context, page, errors } = await learner();
      try {
        await page.goto(`${broken.url}mini/en/index.html`);
        expect((await keepOffline(page)).status).toBe(
          'Some files could not be saved for offline use; the course still works online.',
        );
        // The button stays, for another try later.
        await expect.poll(() => page.isVisible('.keep-offline')).toBe(true);
        await context.setOffline(true);
        await page.goto(`${broken.url}mini/en/basics/basics-quiz/index.html`);
        await answerQuiz(page, { q1: 'b', q2: ['a', 'c'], q3: 'true' });
        expect(await page.textContent('.quiz-result')).toMatch(/You passed this quiz/);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await broken.close();
      }
    },
  );

  it('completes the course and prints the certificate (PDF) with the name as typed', async () => {
    const { context, page, errors } = await learner();
    await page.goto(`${base}en/certificate/index.html`);
    expect(await page.textContent('.certificate-locked')).toBe(
      'Complete every unit of the course to get your certificate. You have completed 0 of 6.',
    );
    for (const unit of ['first-lesson', 'second-lesson', 'basics-sheet'])
      await page.goto(`${base}en/basics/${unit}/index.html`);
    await page.goto(`${base}en/basics/intro-video/index.html`);
    await page.locator('figure.video video').dispatchEvent('ended');
    await page.goto(`${base}en/basics/basics-quiz/index.html`);
    await answerQuiz(page, { q1: 'b', q2: ['a', 'c'], q3: 'true' });
    await page.goto(`${base}en/basics/basics-challenge/index.html`);
    await page.check('form.challenge-form input[type="checkbox"]');
    expect(await status(page)).toMatch(/6 of 6 units done · 4 badges/);
    await page.goto(`${base}en/certificate/index.html`);
    await page.fill('#learner-name', 'Amina Yusuf-Ødegård');
    await page.click('form.certificate-form button[type="submit"]');
    expect(await page.textContent('.certificate-name')).toBe('Amina Yusuf-Ødegård');
    expect(await page.textContent('.certificate-code')).toMatch(
      /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/,
    );
    expect(await page.textContent('.certificate-course')).toBe('Mini course');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stays interactive from file:// (no service worker there, no errors)', async () => {
    const { context, page, errors } = await learner();
    await page.goto(pathToFileURL(path.join(outDir, 'mini/en/basics/basics-quiz/index.html')).href);
    await answerQuiz(page, { q1: 'b', q2: ['a', 'c'], q3: 'true' });
    expect(await page.textContent('.quiz-result')).toBe(
      'You answered 5 of 5 questions correctly. You passed this quiz.',
    );
    expect(await page.isVisible('.offline-status')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a quiz can be done with the keyboard only, and the result is announced', async () => {
    const { context, page } = await learner();
    await page.goto(`${base}en/basics/basics-quiz/index.html`);
    await page.focus('#q-q1 input[value="a"]');
    await page.keyboard.press('ArrowDown'); // radio group: moves to and selects b
    await page.keyboard.press('Tab'); // to q2's first checkbox
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // c
    await page.keyboard.press('Tab'); // q3 true
    await page.keyboard.press('Space');
    // q4 is shown shuffled: give each item, in the order they appear, its right position by
    // type-ahead
    const shown = await page.$$eval('#q-q4 select', (els) =>
      els.map((e) => (e as HTMLSelectElement).dataset.option!),
    );
    for (const option of shown) {
      await page.keyboard.press('Tab');
      await page.keyboard.press(rightOrder[option as keyof typeof rightOrder]);
    }
    await page.keyboard.press('Tab'); // q5: type-ahead picks the target by its first letters
    await page.keyboard.type('Legal');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Living');
    await page.keyboard.press('Tab'); // Check answers
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check answers');
    await page.keyboard.press('Enter');
    const live = page.locator('.quiz-result');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await live.textContent()).toBe(
      'You answered 5 of 5 questions correctly. You passed this quiz.',
    );
    await context.close();
  });

  it(
    'survives corrupted storage and a full storage ' + 'with a console warning, not an exception',
    async () => {
      const { context, page, warnings, errors } = await learner();
      await page.goto(`${base}en/index.html`);
      await page.evaluate(() =>
        localStorage.setItem('polycourse:mini:progress', '{"version":1,"units":'),
      );
      await page.goto(`${base}en/basics/basics-quiz/index.html`);
      expect(warnings.some((w) => w.includes('not valid JSON'))).toBe(true);
      expect(
        await page.evaluate(() => localStorage.getItem('polycourse:mini:progress:backup')),
      ).toBe('{"version":1,"units":');
      await page.evaluate(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await answerQuiz(page, { q1: 'b', q2: ['a', 'c'], q3: 'true' });
      expect(await page.textContent('.quiz-result')).toMatch(/You passed this quiz/);
      expect(warnings.some((w) => w.includes('QuotaExceededError'))).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('a stored score from a longer version of the quiz is clamped with a warning', async () => {
    const { context, page, warnings, errors } = await learner();
    await page.goto(`${base}en/index.html`);
    await page.evaluate(() =>
      localStorage.setItem(
        'polycourse:mini:progress',
        JSON.stringify({
          version: 1,
          units: { 'basics/basics-quiz': { bestCorrect: 9, attempts: 2, passed: true } },
          questionnaire: {},
        }),
      ),
    );
    await page.goto(`${base}en/basics/basics-quiz/index.html`);
    expect(warnings.some((w) => w.includes('the quiz changed'))).toBe(true);
    expect(await page.textContent('.quiz-result')).toBe('Your best result so far: 5 of 5.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'the questionnaire before and after, ' + "the learner's own change, and the JSON export",
    async () => {
      const { context, page, errors } = await learner({ acceptDownloads: true });
      await page.goto(`${base}en/questionnaire/pre/index.html`);
      await page.click('form.questionnaire button[type="submit"]');
      expect(await page.textContent('.questionnaire-status')).toBe(
        '2 statements have no answer yet.',
      );
      await page.check('input[name="v1"][value="2"]');
      await page.check('input[name="v2"][value="3"]');
      await page.click('form.questionnaire button[type="submit"]');
      expect(await page.textContent('.questionnaire-status')).toBe(
        'Your answers are saved on this device.',
      );
      await page.goto(`${base}en/questionnaire/post/index.html`);
      await page.check('input[name="v1"][value="3"]');
      await page.check('input[name="v2"][value="1"]');
      await page.click('form.questionnaire button[type="submit"]');
      await page.goto(`${base}en/questionnaire/results/index.html`);
      // v1: 2 → 3 (+1); v2 is reversed: 3 → 1 scores 1 → 3 (+2); mean change 1.5 of a 2-point range
      // = 75%
      expect(await page.textContent('.results-summary')).toBe(
        'Overall change: +75 % of the scale.',
      );
      expect(await page.textContent('tr[data-item="v2"] td:last-child')).toBe('+2');
      // The reversed statement says why its numbers are not the answers given (3 then 1 shows
      // 1 → 3): marked, and described by the note under the table.
      const reversed = page.locator('tr[data-item="v2"] th');
      expect(
        await reversed
          .locator('.reversed-mark')
          .evaluate((mark) => getComputedStyle(mark, '::after').content),
      ).toBe('"\u00a0*"');
      expect(await reversed.getAttribute('aria-describedby')).toBe('reversed-note');
      expect(await page.locator('tr[data-item="v1"] th').getAttribute('aria-describedby')).toBe(
        null,
      );
      expect(await page.locator('#reversed-note').innerText()).toBe(
        '* Worded the other way round: your answers to this statement are shown flipped ' +
          '(3 for 1, 1 for 3), so that a higher number means the same in every row.',
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('button.export-responses'),
      ]);
      const saved = JSON.parse(
        await (await import('node:fs')).promises.readFile((await download.path())!, 'utf8'),
      );
      expect(saved).toMatchObject({
        course: 'mini',
        questionnaire: 'views',
        pre: { answers: { v1: 2, v2: 3 } },
        post: { answers: { v1: 3, v2: 1 } },
      });
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    'hands every attempt, completion and response ' +
      'to a subscriber (the learner API / LMS seam)',
    async () => {
      const { context, page } = await learner();
      await page.goto(`${base}en/basics/basics-quiz/index.html`);
      await page.evaluate(() => {
        (window as unknown as { seen: unknown[] }).seen = [];
        (
          window as unknown as { polycourse: { subscribe(l: (e: unknown) => void): void } }
        ).polycourse.subscribe((e) => (window as unknown as { seen: unknown[] }).seen.push(e));
      });
      await answerQuiz(page, { q1: 'b', q2: ['a'], q3: 'true' });
      const seen = await page.evaluate(
        () => (window as unknown as { seen: { type: string }[] }).seen,
      );
      expect(seen.map((e) => e.type)).toEqual(['unit-viewed', 'points', 'quiz-attempt']);
      expect(seen[2]).toMatchObject({
        unit: 'basics/basics-quiz',
        correct: 4,
        total: 5,
        percent: 80,
        passed: true,
        answers: {
          q1: ['b'],
          q2: ['a'],
          q3: ['true'],
          q4: ['first', 'second', 'third'],
          q5: ['art12=capacity', 'art19=community'],
        },
      });
      await context.close();
    },
  );

  for (const locale of ['en', 'ar']) {
    for (const p of [
      'basics/basics-quiz/index.html',
      'questionnaire/pre/index.html',
      'basics/basics-challenge/index.html',
      'certificate/index.html',
      'questionnaire/results/index.html',
    ]) {
      it(`has no WCAG 2.1 A/AA violations with the runtime on: ${locale}/${p}`, async () => {
        const { context, page } = await learner();
        await page.goto(`${base}${locale}/${p}`);
        if (p.includes('quiz')) await answerQuiz(page, { q1: 'a', q2: ['b'], q3: 'false' });
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});

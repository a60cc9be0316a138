/**
 * A course worth finishing, in real Chromium: the home page is a map whose one call to action
 * follows the learner (questionnaire, start, continue, questionnaire again, certificate), points
 * are told where they are earned (the course's rule on the page, a notice when earned, without
 * motion when the learner asks for less), and badges have a page with what each needs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { servedCourse, type ServedCourse } from '../helpers/served-course.ts';

let served: ServedCourse;
let browser: Browser;
let base: string;

beforeAll(async () => {
  served = await servedCourse({ courseDir: miniCourseDir });
  ({ browser, base } = served);
});

afterAll(() => served?.close());

const screens = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

async function learner(
  screen: keyof typeof screens,
  options: Parameters<Browser['newContext']>[0] = {},
) {
  const context = await browser.newContext({ viewport: screens[screen], ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** The calls to action a learner sees (visible ones only). */
const visibleSteps = (page: Page) =>
  page.$$eval('.next-step', (links) =>
    links
      .filter((a) => (a as HTMLElement).offsetParent !== null)
      .map((a) => ({
        step: (a as HTMLElement).dataset.step,
        text: a.textContent,
        href: a.getAttribute('href'),
      })),
  );

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function answerQuestionnaire(page: Page, phase: 'pre' | 'post', locale = 'en') {
  await page.goto(`${base}${locale}/questionnaire/${phase}/index.html`);
  await page.check('fieldset.likert input[name="v1"][value="2"]');
  await page.check('fieldset.likert input[name="v2"][value="3"]');
  await page.click('form.questionnaire button[type="submit"]');
  await expect.poll(() => page.textContent('.questionnaire-status')).not.toBe('');
}

/** Everything but the challenge done, as the runtime stores it on the device. */
const allButTheChallenge = {
  version: 1,
  units: {
    'basics/first-lesson': { viewed: true },
    'basics/second-lesson': { viewed: true },
    'basics/intro-video': { viewed: true, watched: true },
    'basics/basics-sheet': { viewed: true },
    'basics/basics-quiz': { viewed: true, passed: true, bestCorrect: 5, attempts: 1 },
  },
  questionnaire: { pre: { answers: { v1: 2, v2: 3 }, at: '2026-12-01T10:00:00.000Z' } },
};

describe('the course home is a map', () => {
  for (const [screen, locale] of [
    ['desktop', 'en'],
    ['phone', 'ar'],
  ] as const) {
    it(`follows the learner to the certificate (${locale}, ${screen})`, async () => {
      const { context, page, errors } = await learner(screen);
      await page.goto(`${base}${locale}/index.html`);
      // A fresh learner: one call to action, the questionnaire; nothing done; the certificate
      // locked with what it needs.
      await expect.poll(() => visibleSteps(page)).toHaveLength(1);
      expect((await visibleSteps(page))[0]).toMatchObject({
        step: 'pre',
        href: 'questionnaire/pre/index.html',
      });
      expect(await page.getAttribute('.module-card .progress-ring-fill', 'stroke-dasharray')).toBe(
        '0 100',
      );
      expect(await page.isVisible('.certificate-link .locked-note')).toBe(true);
      if (locale === 'en')
        expect(await page.textContent('.certificate-link .locked-note')).toBe(
          'Unlocks when you finish 6 more units',
        );
      expect(await scrollWidth(page)).toBeLessThanOrEqual(screens[screen].width);

      // The questionnaire answered, nothing else: start the course at its first unit.
      await answerQuestionnaire(page, 'pre', locale);
      await page.goto(`${base}${locale}/index.html`);
      await expect.poll(async () => (await visibleSteps(page))[0]?.step).toBe('continue');
      expect((await visibleSteps(page))[0].href).toBe('basics/first-lesson/index.html');

      // One lesson read: continue with the next unit, by its title; the ring shows 1 of 6.
      await page.goto(`${base}${locale}/basics/first-lesson/index.html`);
      await page.goto(`${base}${locale}/index.html`);
      await expect
        .poll(async () => (await visibleSteps(page))[0]?.href)
        .toBe('basics/second-lesson/index.html');
      if (locale === 'en') {
        expect((await visibleSteps(page))[0].text).toBe('Continue: Second lesson');
        expect(await page.textContent('[data-module-progress="basics"]')).toBe('1 of 6 done');
      }
      expect(await page.getAttribute('.module-card .progress-ring-fill', 'stroke-dasharray')).toBe(
        '17 100',
      );
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('after the last unit: the questionnaire again, then the certificate, unlocked', async () => {
    const { context, page, errors } = await learner('desktop');
    await page.goto(`${base}en/index.html`);
    await page.evaluate(
      (state) => localStorage.setItem('polycourse:mini:progress', JSON.stringify(state)),
      allButTheChallenge,
    );
    await page.goto(`${base}en/basics/basics-challenge/index.html`);
    await page.check('form.challenge-form input[type="checkbox"]');
    // The last unit earns its points and three badges at once, all told in one notice.
    await expect
      .poll(() => page.textContent('.points-toast'))
      .toBe(
        '+15 points · New badge: Module done: Basics · New badge: Changemaker' +
          ' · New badge: Course completed',
      );
    await page.goto(`${base}en/index.html`);
    await expect.poll(async () => (await visibleSteps(page))[0]?.step).toBe('post');
    expect(await page.isVisible('.certificate-link .locked-note')).toBe(false);
    expect(await page.getAttribute('.module-card', 'class')).toContain('complete');
    expect(await page.getAttribute('.module-card .progress-ring-fill', 'stroke-dasharray')).toBe(
      '100 100',
    );
    await answerQuestionnaire(page, 'post');
    await page.goto(`${base}en/index.html`);
    await expect
      .poll(() => visibleSteps(page))
      .toEqual([
        {
          step: 'certificate',
          text: 'Your certificate of completion',
          href: 'certificate/index.html',
        },
      ]);
    expect(await page.isVisible('.next-badge')).toBe(false); // every badge is earned
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without JavaScript: the map lists every unit and offers the questionnaire', async () => {
    const { context, page } = await learner('phone', { javaScriptEnabled: false });
    await page.goto(`${base}en/index.html`);
    expect(await visibleSteps(page)).toEqual([
      {
        step: 'pre',
        text: 'Start with the questionnaire',
        href: 'questionnaire/pre/index.html',
      },
    ]);
    await page.click('.module-units summary');
    expect(await page.locator('.module-map [data-unit-link]').count()).toBe(6);
    expect(await page.isVisible('.certificate-link .locked-note')).toBe(false);
    await context.close();
  });
});

describe('points you can feel', () => {
  it('the page says what it earns, and a notice tells what was just earned', async () => {
    const { context, page, errors } = await learner('phone');
    await page.goto(`${base}en/basics/first-lesson/index.html`);
    expect(await page.textContent('main .earns')).toBe(
      'Your first visit to this page earns 10 points.',
    );
    await expect
      .poll(() => page.textContent('.points-toast'))
      .toBe('+10 points · Next badge: Quiz champion, 1 unit to go');
    expect(await page.getAttribute('.points-toast', 'role')).toBe('status');
    expect(await page.isVisible('.points-toast')).toBe(true);
    expect(await page.$eval('.points-toast', (el) => getComputedStyle(el).animationName)).toBe(
      'points-pop',
    );
    // A second visit earns nothing and says nothing.
    await page.reload();
    await page.locator('.learner-status a').waitFor();
    expect(await page.textContent('.points-toast')).toBe('');
    // The quiz states its rule per correct answer.
    await page.goto(`${base}en/basics/basics-quiz/index.html`);
    expect(await page.textContent('main p.meta')).toContain('Each correct answer earns 5 points.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without motion when the learner asks for less', async () => {
    const { context, page } = await learner('desktop', { reducedMotion: 'reduce' });
    await page.goto(`${base}ar/basics/second-lesson/index.html`);
    await expect.poll(() => page.isVisible('.points-toast')).toBe(true);
    expect(await page.$eval('.points-toast', (el) => getComputedStyle(el).animationName)).toBe(
      'none',
    );
    expect(await page.textContent('.points-toast')).toMatch(/10/);
    await context.close();
  });
});

describe('badges', () => {
  for (const [screen, locale] of [
    ['desktop', 'en'],
    ['phone', 'ar'],
  ] as const) {
    it(`shows every badge, what it needs and which are earned (${locale}, ${screen})`, async () => {
      const { context, page, errors } = await learner(screen);
      await page.goto(`${base}${locale}/badges/index.html`);
      await page.locator('.badge-state').first().waitFor();
      const badges = () =>
        page.$$eval('.badge', (items) =>
          items.map((b) => ({
            id: (b as HTMLElement).dataset.badge,
            name: b.querySelector('h2')?.textContent,
            state: b.querySelector('.badge-state')?.textContent,
            earned: b.classList.contains('earned'),
          })),
        );
      const fresh = await badges();
      expect(fresh.map((b) => [b.id, b.earned])).toEqual([
        ['module:basics', false],
        ['all-quizzes', false],
        ['all-challenges', false],
        ['course', false],
      ]);
      if (locale === 'en') {
        expect(fresh.map((b) => b.name)).toEqual([
          'Module done: Basics',
          'Quiz champion',
          'Changemaker',
          'Course completed',
        ]);
        expect(fresh.map((b) => b.state)).toEqual([
          '0 of 6 done',
          '0 of 1 done',
          '0 of 1 done',
          '0 of 6 done',
        ]);
      } else {
        // translated, not the English names
        expect(fresh[1].name).not.toBe('Quiz champion');
        expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      }
      // Unearned badges are faded; an earned one is in colour.
      const filter = (id: string) =>
        page.$eval(`[data-badge="${id}"] .badge-image`, (el) => getComputedStyle(el).filter);
      expect(await filter('all-quizzes')).toContain('grayscale');
      await page.evaluate(
        (state) => localStorage.setItem('polycourse:mini:progress', JSON.stringify(state)),
        allButTheChallenge,
      );
      await page.reload();
      await expect
        .poll(async () => (await badges()).filter((b) => b.earned).map((b) => b.id))
        .toEqual(['all-quizzes']);
      expect(await filter('all-quizzes')).toBe('none');
      expect(await page.isVisible('.next-badge')).toBe(true);
      if (locale === 'en')
        expect(await page.textContent('.next-badge')).toBe(
          'Next badge: Module done: Basics, 1 unit to go',
        );
      // The header's status links here.
      expect(await page.getAttribute('.learner-status a', 'href')).toBe('../badges/index.html');
      for (const width of [320, 390]) {
        await page.setViewportSize({ width, height: 800 });
        expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

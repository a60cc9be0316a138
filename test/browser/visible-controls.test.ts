/**
 * What the learner sees, not just what the DOM says: controls the runtime hides stay hidden (the
 * theme's CSS never brings back a `hidden` element), a quiz is checked once per attempt and never
 * empty, focus follows the result, Escape closes the language picker, and without JavaScript no
 * button is there to submit a quiz or questionnaire and lose the answers. In English and Arabic, on
 * a desktop and a phone-sized screen, in real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { axeViolations } from '../helpers/browser.ts';
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
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

async function open(locale: string, page: string, screen: keyof typeof screens, javaScript = true) {
  const context = await browser.newContext({
    viewport: screens[screen],
    javaScriptEnabled: javaScript,
  });
  const tab = await context.newPage();
  await tab.goto(`${base}${locale}/${page}`);
  return { tab, close: () => context.close() };
}

/** Quiz attempts the learner's progress records. */
const attempts = (tab: Page) =>
  tab.evaluate(
    () =>
      (window as unknown as { polycourse: { progress: { units: Record<string, any> } } }).polycourse
        .progress.units['basics/basics-quiz']?.attempts ?? 0,
  );

for (const locale of ['en', 'ar']) {
  for (const screen of ['desktop', 'phone'] as const) {
    describe(`${locale}, ${screen}`, () => {
      it('a fresh quiz shows Check answers, not Try again', async () => {
        const { tab, close } = await open(locale, 'basics/basics-quiz/index.html', screen);
        await expect.poll(() => tab.locator('form.quiz .quiz-actions').isVisible()).toBe(true);
        expect(await tab.locator('form.quiz button[type="submit"]').isVisible()).toBe(true);
        expect(await tab.locator('form.quiz button.retry').isVisible()).toBe(false);
        expect(
          await tab.locator('.option-feedback:visible, .question-feedback:visible').count(),
        ).toBe(0);
        await close();
      });

      it('an empty quiz is refused: a message, first question focused, no attempt', async () => {
        const { tab, close } = await open(locale, 'basics/basics-quiz/index.html', screen);
        await tab.locator('form.quiz button[type="submit"]').click();
        expect((await tab.locator('.quiz-result').textContent())?.trim()).not.toBe('');
        expect(await tab.evaluate(() => document.activeElement?.closest('fieldset')?.id)).toBe(
          'q-q1',
        );
        expect(await attempts(tab)).toBe(0);
        expect(await tab.locator('form.quiz button[type="submit"]').isVisible()).toBe(true);
        await close();
      });

      it('checked once: Try again replaces Check answers, focus on the result', async () => {
        const { tab, close } = await open(locale, 'basics/basics-quiz/index.html', screen);
        await tab.check('#q-q1 input[value="a"]');
        await tab.locator('form.quiz button[type="submit"]').click();
        expect(await tab.locator('form.quiz button[type="submit"]').isVisible()).toBe(false);
        expect(await tab.locator('form.quiz button.retry').isVisible()).toBe(true);
        expect(await tab.evaluate(() => document.activeElement?.className)).toBe('quiz-result');
        // Enter in a field, or a script, submits again: still one attempt
        await tab.evaluate(() =>
          document.querySelector<HTMLFormElement>('form.quiz')!.requestSubmit(),
        );
        expect(await attempts(tab)).toBe(1);
        await tab.locator('form.quiz button.retry').click();
        expect(await tab.locator('form.quiz button[type="submit"]').isVisible()).toBe(true);
        expect(await tab.locator('form.quiz button.retry').isVisible()).toBe(false);
        await close();
      });

      it('the locked certificate shows no name field and no button', async () => {
        const { tab, close } = await open(locale, 'certificate/index.html', screen);
        await expect
          .poll(async () => (await tab.locator('p.certificate-locked').textContent())?.trim())
          .toBeTruthy();
        expect(await tab.locator('form.certificate-form').isVisible()).toBe(false);
        expect(await tab.locator('main button:visible').count()).toBe(0);
        await close();
      });

      it('Escape closes the language picker and gives the focus back to it', async () => {
        const { tab, close } = await open(locale, 'basics/first-lesson/index.html', screen);
        const summary = tab.locator('.language-picker summary');
        await summary.click();
        expect(await tab.locator('.language-picker details').getAttribute('open')).not.toBeNull();
        await tab.keyboard.press('Escape');
        expect(await tab.locator('.language-picker details').getAttribute('open')).toBeNull();
        expect(await tab.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
        await summary.click();
        await tab.locator('footer').click();
        expect(await tab.locator('.language-picker details').getAttribute('open')).toBeNull();
        await close();
      });

      it('without JavaScript, no button can submit a quiz or the questionnaire', async () => {
        for (const page of ['basics/basics-quiz/index.html', 'questionnaire/pre/index.html']) {
          const { tab, close } = await open(locale, page, screen, false);
          expect(await tab.locator('form button:visible').count(), page).toBe(0);
          await close();
        }
      });
    });
  }
}

describe('the "how your views changed" table on a phone', () => {
  for (const locale of ['en', 'ar', 'fr'])
    it(`${locale}: headings whole, no sideways scroll`, async () => {
      const { tab, close } = await open(locale, 'questionnaire/results/index.html', 'phone');
      await tab.locator('.results-table').waitFor();
      // every heading word sits on one line: one box per word
      const broken = await tab.evaluate(() =>
        [...document.querySelectorAll('.results-table th')].flatMap((th) => {
          const text = th.firstChild;
          if (!text || text.nodeType !== Node.TEXT_NODE) return [];
          const words = [...(text.textContent ?? '').matchAll(/\S+/g)];
          return words
            .filter((word) => {
              const range = document.createRange();
              range.setStart(text, word.index!);
              range.setEnd(text, word.index! + word[0].length);
              return range.getClientRects().length > 1;
            })
            .map((word) => word[0]);
        }),
      );
      expect(broken).toEqual([]);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await close();
    });
});

describe('an information sheet with a task list', () => {
  for (const locale of ['en', 'ar'])
    it(`${locale}: each checkbox is named by its item; no axe violations`, async () => {
      const { tab, close } = await open(locale, 'basics/basics-sheet/index.html', 'phone');
      const boxes = tab.getByRole('checkbox');
      expect(await boxes.count()).toBeGreaterThan(0);
      for (const box of await boxes.all())
        expect(
          (await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent))?.trim(),
        ).toBeTruthy();
      expect(await axeViolations(tab)).toEqual([]);
      await close();
    });
});

describe('the agree/disagree scale reads in order', () => {
  for (const locale of ['en', 'ar'])
    for (const screen of ['desktop', 'phone'] as const)
      it(`${locale}, ${screen}: one point per line on a phone, one line on a desktop`, async () => {
        const { tab, close } = await open(locale, 'questionnaire/pre/index.html', screen);
        const tops = await tab
          .locator('fieldset.likert')
          .first()
          .locator('.likert-scale label')
          .evaluateAll((labels) => labels.map((l) => Math.round(l.getBoundingClientRect().top)));
        expect(tops.length).toBeGreaterThan(1);
        if (screen === 'phone')
          tops
            .slice(1)
            .forEach((top, i) => expect(top, `point ${i + 2}`).toBeGreaterThan(tops[i]!));
        else expect(new Set(tops).size).toBe(1);
        expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          screens[screen].width,
        );
        await close();
      });
});

describe('the content comes first on a phone', () => {
  for (const locale of ['en', 'ar'])
    it(`${locale}: content above the outline on a phone, beside it on a desktop`, async () => {
      for (const screen of ['phone', 'desktop'] as const) {
        const { tab, close } = await open(locale, 'basics/first-lesson/index.html', screen);
        const [heading, outline] = await Promise.all([
          tab.locator('main h1').boundingBox(),
          tab.locator('nav.sidebar').boundingBox(),
        ]);
        if (screen === 'phone') expect(heading!.y).toBeLessThan(outline!.y);
        else expect(Math.abs(heading!.y - outline!.y)).toBeLessThan(200);
        expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          screens[screen].width,
        );
        await close();
      }
    });
});

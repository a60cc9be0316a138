/**
 * UI strings a new locale's catalog lacks, as the runtime shows them in real Chromium: Persian (a
 * right-to-left locale with no UI catalog yet) shows the runtime's English strings (the header's
 * points, a quiz's result, the points notice) each in its own `<span lang="en" dir="ltr">`, as the
 * build already does for the strings in its pages, with nothing left of the marks anywhere in the
 * page; a complete locale gets no such span and does not start the observer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile } from '../helpers/temp-course.ts';
import { servedCourse, type ServedCourse } from '../helpers/served-course.ts';

let served: ServedCourse;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const course = copyCourse(miniCourseDir);
  editFile(path.join(course, 'course.yaml'), 'locales: [en, ar, fr]', 'locales: [en, ar, fr, fa]');
  fs.writeFileSync(
    path.join(course, 'locales/fa.yaml'),
    'title: دوره کوچک\nmodules:\n  basics:\n    title: مبانی\n',
  );
  served = await servedCourse({ courseDir: course, locales: ['en', 'fa'] });
  ({ browser, base } = served);
}, 120_000);

afterAll(() => served?.close());

/** Every private-use mark left in the page: in text, attributes or the title. */
const marksLeft = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const marked = (s: string) => /[\uE002\uE003]/.test(s);
    if (marked(document.title)) found.push('title');
    for (const el of document.querySelectorAll('*'))
      for (const a of el.attributes) if (marked(a.value)) found.push(`${el.tagName}@${a.name}`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode())
      if (marked(walker.currentNode.nodeValue ?? '')) found.push(walker.currentNode.nodeValue!);
    return found;
  });

/** The texts the page shows in English inside a `lang="en" dir="ltr"` span, under `selector`. */
const englishSpans = (page: Page, selector: string) =>
  page.$$eval(`${selector} span[lang="en"][dir="ltr"]`, (spans) => spans.map((s) => s.textContent));

async function answerQuiz(page: Page, locale: string) {
  await page.goto(`${base}${locale}/basics/basics-quiz/index.html`);
  await page.locator('form.quiz input').first().check();
  await page.locator('form.quiz button[type="submit"]').click();
  await expect.poll(() => page.textContent('.quiz-result')).not.toBe('');
}

describe('runtime UI strings a locale lacks', () => {
  it('are shown in English, marked lang="en" dir="ltr", with no marks left (fa)', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await answerQuiz(page, 'fa');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // The quiz's result line and the header's status are written by the runtime after load.
    const result = await englishSpans(page, '.quiz-result');
    expect(result.join(' ')).toMatch(/[A-Za-z]{3}/);
    expect((await englishSpans(page, '.learner-status')).join(' ')).toMatch(/point/i);
    // The English text is isolated: nothing English is left outside a span in those places.
    const bare = await page.$$eval('.quiz-result, .learner-status', (els) =>
      els.flatMap((el) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const text = walker.currentNode as Text;
          if (/[A-Za-z]{3}/.test(text.data) && !text.parentElement!.closest('[lang="en"]'))
            out.push(text.data);
        }
        return out;
      }),
    );
    expect(bare).toEqual([]);
    expect(await marksLeft(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a complete locale (en) gets no fallback spans and no marks', async () => {
    const page = await browser.newPage();
    await answerQuiz(page, 'en');
    expect(await page.locator('main span[lang="en"][dir="ltr"]').count()).toBe(0);
    expect(await page.evaluate(() => 'fallback' in globalThis.__POLYCOURSE__!)).toBe(false);
    expect(await marksLeft(page)).toEqual([]);
    await page.close();
  });
});

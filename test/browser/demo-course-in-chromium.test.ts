/**
 * The demo course in real Chromium: navigate a module in English and Arabic. Screenshots of a
 * lesson in each script (en, ar, zh, hi) go to output/screenshots/ for the docs and for a human
 * look. (axe runs on every page kind in every locale in axe-every-locale.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { demoCourseDir } from '../helpers/demo-course.ts';
import { servedCourse, type ServedCourse } from '../helpers/served-course.ts';

const course = readCourseFromFiles(demoCourseDir).course!;
const firstModule = course.modules[0];
const unitOf = (kind: string) => firstModule.units.find((u) => u.kind === kind)!;
const pages = {
  home: 'index.html',
  lesson: `${firstModule.id}/${unitOf('lesson').id}/index.html`,
  video: `${firstModule.id}/${unitOf('video').id}/index.html`,
  quiz: `${firstModule.id}/${unitOf('quiz').id}/index.html`,
};
const screenshots = path.resolve(import.meta.dirname, '../../output/screenshots');

let served: ServedCourse;
let browser: Browser;
let base: string;

beforeAll(async () => {
  served = await servedCourse({
    courseDir: demoCourseDir,
    locales: ['en', 'ar', 'zh', 'hi'],
  });
  ({ browser, base } = served);
  fs.mkdirSync(screenshots, { recursive: true });
});

afterAll(() => served?.close());

describe('the demo course in Chromium', () => {
  for (const locale of ['en', 'ar']) {
    it(`walks the first module from the home page in ${locale}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${base}${locale}/index.html`);
      expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      await page.click('main .module-map h3 a');
      expect(page.url()).toMatch(new RegExp(`/${locale}/${firstModule.id}/index\\.html$`));
      await page.click('main .unit-list a');
      const seen: string[] = [];
      for (let i = 0; i < firstModule.units.length; i++) {
        seen.push(new URL(page.url()).pathname.split('/').at(-2)!);
        if (i < firstModule.units.length - 1) await page.click('a[rel="next"]');
      }
      expect(seen).toEqual(firstModule.units.map((u) => u.id));
      if (locale === 'ar') {
        const sidebar = (await page.locator('.sidebar').boundingBox())!;
        const main = (await page.locator('main').boundingBox())!;
        expect(sidebar.x).toBeGreaterThan(main.x);
      }
      await page.close();
    });
  }

  it('ordering items and matching targets are not shown in the order of the answer', async () => {
    const page = await browser.newPage();
    const checked: string[] = [];
    for (const m of course.modules)
      for (const u of m.units.filter((unit) => unit.kind === 'quiz')) {
        await page.goto(`${base}en/${m.id}/${u.id}/index.html`);
        const questions = await page.$$eval(
          'fieldset[data-type=ordering], fieldset[data-type=matching]',
          (sets) =>
            sets.map((f) => {
              const selects = [...f.querySelectorAll('select[data-option]')] as HTMLSelectElement[];
              const key = (f as HTMLElement).dataset.correct!.split(' ');
              const shown =
                (f as HTMLElement).dataset.type === 'ordering'
                  ? selects.map((s) => s.dataset.option!)
                  : [...selects[0].options].map((o) => o.value).filter(Boolean);
              const answer =
                (f as HTMLElement).dataset.type === 'ordering'
                  ? key
                  : key.map((pair) => pair.slice(pair.indexOf('=') + 1));
              return { id: f.id, shown, answer };
            }),
        );
        for (const q of questions) {
          expect(q.shown.slice().sort(), `${u.id} ${q.id}`).toEqual(q.answer.slice().sort());
          expect(q.shown, `${u.id} ${q.id}`).not.toEqual(q.answer);
          checked.push(`${u.id}/${q.id}`);
        }
      }
    expect(checked.length).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  for (const locale of ['en', 'ar', 'zh', 'hi'])
    for (const width of [320, 390])
      it(`no page type scrolls sideways at ${width} px: ${locale}`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        const wide: string[] = [];
        for (const [kind, p] of Object.entries(pages)) {
          await page.goto(`${base}${locale}/${p}`);
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > width) wide.push(`${kind}: ${scroll} px`);
        }
        // the quiz's selects (matching, ordering) use the page's font, not the browser's 13 px
        await page.goto(`${base}${locale}/${pages.quiz}`);
        const fonts = await page
          .locator('form.quiz select')
          .evaluateAll((all) => all.map((s) => parseFloat(getComputedStyle(s).fontSize)));
        expect(fonts.length).toBeGreaterThan(0);
        expect(Math.min(...fonts)).toBeGreaterThanOrEqual(16);
        expect(wide).toEqual([]);
        await page.close();
      });

  for (const locale of ['en', 'ar', 'zh', 'hi'])
    it(`the language list opens on a phone's screen with progress shown: ${locale}`, async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`${base}${locale}/${pages.lesson}`);
      await page.locator('.learner-status').waitFor(); // the header now holds the progress too
      await page.click('.language-picker summary');
      const list = (await page.locator('.language-picker ul').boundingBox())!;
      expect(list.x).toBeGreaterThanOrEqual(0);
      expect(list.x + list.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await page.close();
    });

  for (const locale of ['en', 'ar', 'zh', 'hi'])
    it(`a lesson in ${locale}, for the docs and a human look`, async () => {
      const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
      await page.goto(`${base}${locale}/${pages.lesson}`);
      expect(
        await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual([locale, locale === 'ar' ? 'rtl' : 'ltr']);
      await page.screenshot({ path: path.join(screenshots, `lesson-${locale}.png`) });
      await page.close();
    });
});

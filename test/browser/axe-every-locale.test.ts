/**
 * axe-core (WCAG 2.1 A/AA) on one page of every kind in every locale of the demo course: home,
 * module, each unit kind, glossary, the questionnaire before, after and its results, the
 * certificate, the badges and the 404 page; and the same pages at 320 and 390 px, where nothing
 * may be wider than the screen. (Every page of every locale, 504 pages, was clean when this test
 * was written; a page of each kind keeps the run short.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { demoCourseDir } from '../helpers/demo-course.ts';
import { axeViolations } from '../helpers/browser.ts';
import { servedCourse, type ServedCourse } from '../helpers/served-course.ts';

const course = readCourseFromFiles(demoCourseDir).course!;
const units = course.modules.flatMap((m) => m.units.map((u) => ({ module: m.id, unit: u })));
const firstOf = (kind: string) => {
  const found = units.find((u) => u.unit.kind === kind);
  return found && `${found.module}/${found.unit.id}/index.html`;
};
const pages: Record<string, string> = {
  home: 'index.html',
  module: `${course.modules[0].id}/index.html`,
  ...Object.fromEntries(
    ['lesson', 'video', 'infosheet', 'quiz', 'challenge']
      .map((kind) => [kind, firstOf(kind)])
      .filter((entry): entry is [string, string] => entry[1] !== undefined),
  ),
  glossary: 'glossary/index.html',
  'questionnaire before': 'questionnaire/pre/index.html',
  'questionnaire after': 'questionnaire/post/index.html',
  'questionnaire results': 'questionnaire/results/index.html',
  certificate: 'certificate/index.html',
  badges: 'badges/index.html',
  'not found': '404.html',
};

let served: ServedCourse;
let browser: Browser;
let base: string;

beforeAll(async () => {
  served = await servedCourse({ courseDir: demoCourseDir });
  ({ browser, base } = served);
}, 300_000);

afterAll(() => served?.close());

describe('axe on every page kind in every locale of the demo course', () => {
  it('covers every unit kind the course has', () => {
    expect(Object.keys(pages)).toEqual(
      expect.arrayContaining(['lesson', 'video', 'infosheet', 'quiz', 'challenge']),
    );
  });

  for (const locale of course.locales)
    it(`has no WCAG 2.1 A/AA violations and no sideways scroll on a phone: ${locale}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
      const found: string[] = [];
      const wide: string[] = [];
      for (const [kind, p] of Object.entries(pages)) {
        await page.setViewportSize({ width: 1024, height: 800 });
        await page.goto(`${base}${locale}/${p}`);
        for (const v of await axeViolations(page))
          found.push(`${kind} (${p}): ${v.id} [${v.impact}] ${v.nodes[0]?.target.join(' ')}`);
        // The same page on the narrowest phones: nothing wider than the screen.
        for (const width of [320, 390]) {
          await page.setViewportSize({ width, height: 800 });
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > width) wide.push(`${kind} at ${width} px: ${scroll} px wide`);
        }
      }
      expect(found).toEqual([]);
      expect(wide).toEqual([]);
      await page.close();
    });
});

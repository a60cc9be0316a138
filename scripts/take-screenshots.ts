import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/helpers/browser.ts';
import { buildCourse } from '../compiler/pipeline/build-course.ts';
import { startStaticServer } from '../compiler/targets/static-server.ts';

const root = path.resolve(import.meta.dirname, '..');

export async function takeScreenshots(locales: string[]): Promise<void> {
  const wanted = locales.length ? locales : ['en', 'ar', 'zh', 'hi'];
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'polycourse-shots-'));
  const result = await buildCourse({
    courseDir: path.join(root, 'courses/rights-based-mental-health'),
    outDir: out,
    locales: wanted,
  });
  if (!result.ok) throw new Error('demo build failed');
  const server = await startStaticServer(out);
  const browser = await launchChromium();
  const dir = path.join(root, 'docs/images');
  fs.mkdirSync(dir, { recursive: true });
  for (const locale of wanted) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    await page.goto(
      `${server.url}rights-based-mental-health/${locale}/` +
        'legal-capacity/what-is-legal-capacity/index.html',
    );
    await page.screenshot({ path: path.join(dir, `lesson-${locale}.png`) });
    await page.close();
  }
  const mobile = await browser.newPage({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
  });
  await mobile.goto(
    `${server.url}rights-based-mental-health/${wanted[0]}/human-rights/rights-quiz/index.html`,
  );
  await mobile.check('#q-q1 input[value="a"]');
  await mobile.click('form.quiz button[type="submit"]');
  await mobile.locator('#q-q1').scrollIntoViewIfNeeded();
  await mobile.screenshot({ path: path.join(dir, `quiz-mobile-${wanted[0]}.png`) });
  await courseMapScreenshots(browser, `${server.url}rights-based-mental-health/`, dir, wanted);
  await browser.close();
  await server.close();
  console.log(`screenshots written to ${path.relative(process.cwd(), dir)}`);
}

/**
 * The course map, the points notice and the badges page (docs/learner-runtime.md), for a learner
 * who has answered the questionnaire, finished the first module and begun the second: in the first
 * locale on a desktop, and in Arabic (when built) on a phone.
 */
async function courseMapScreenshots(
  browser: Browser,
  course: string,
  dir: string,
  locales: string[],
): Promise<void> {
  const shots = [{ locale: locales[0], width: 1100, height: 900, suffix: locales[0] }];
  if (locales.includes('ar')) shots.push({ locale: 'ar', width: 390, height: 844, suffix: 'ar' });
  for (const { locale, width, height, suffix } of shots) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${course}${locale}/index.html`);
    await page.evaluate(() => {
      const { outline } = globalThis.__POLYCOURSE__!;
      const units: Record<string, object> = {};
      const [first, second] = outline.modules;
      for (const [m, list] of [
        [first, first.units],
        [second, second.units.slice(0, 2)],
      ] as const)
        for (const u of list)
          units[`${m.id}/${u.id}`] =
            u.kind === 'quiz'
              ? { viewed: true, passed: true, bestCorrect: u.questions, attempts: 1 }
              : { viewed: true, watched: true, done: true };
      const pre = { answers: {}, at: '2026-12-01T10:00:00.000Z' };
      localStorage.setItem(
        `polycourse:${outline.id}:progress`,
        JSON.stringify({ version: 1, units, questionnaire: { pre } }),
      );
    });
    await page.reload();
    await page.locator('.next-step[data-step="continue"]:visible').waitFor();
    await page.screenshot({ path: path.join(dir, `course-map-${suffix}.png`) });
    // The next unit's first visit: its points, told as earned.
    await page.click('.next-step[data-step="continue"]');
    await page.locator('.points-toast.shown').waitFor();
    await page.waitForTimeout(600); // the pop's end
    await page.screenshot({ path: path.join(dir, `points-${suffix}.png`) });
    await page.goto(`${course}${locale}/badges/index.html`);
    await page.locator('.badge-state').first().waitFor();
    await page.screenshot({ path: path.join(dir, `badges-${suffix}.png`), fullPage: true });
    await context.close();
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  await browser.close();
  await server.close();
  console.log(`screenshots written to ${path.relative(process.cwd(), dir)}`);
}

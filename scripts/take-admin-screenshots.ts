/**
 * Screenshots of the admin for the docs, from a running CMS (`npm start`):
 *   POLYCOURSE_ADMIN_EMAIL=… POLYCOURSE_ADMIN_PASSWORD=… \
 *     npx tsx scripts/take-admin-screenshots.ts [http://localhost:3000]
 * For the Checks panel it saves a draft of the first lesson with a missing image, then saves the
 * lesson's body back as it was (two more versions of that lesson; nothing is published).
 */
import path from 'node:path';
import { launchChromium } from '../test/helpers/browser.ts';

const base = process.argv[2] ?? 'http://localhost:3000';
const dir = path.resolve(import.meta.dirname, '../docs/images');
const browser = await launchChromium();
/** A signed-in admin page; `locale` is the browser's language, which the admin's follows. */
async function signedIn(viewport: { width: number; height: number }, locale = 'en-US') {
  const page = await (await browser.newContext({ viewport, locale })).newPage();
  await page.goto(`${base}/admin/login`);
  await page.fill('#field-email', process.env.POLYCOURSE_ADMIN_EMAIL ?? '');
  await page.fill('#field-password', process.env.POLYCOURSE_ADMIN_PASSWORD ?? '');
  await page.click('button[type=submit]');
  await page.waitForURL(`${base}/admin`);
  return page;
}
const page = await signedIn({ width: 1280, height: 860 });
const course = (await (await page.request.get(`${base}/api/courses?depth=0&limit=1`)).json())
  .docs[0];
await page.goto(`${base}/admin/collections/courses/${course.id}`);
await page.locator('.polycourse-bundles').waitFor();
await page.screenshot({ path: path.join(dir, 'admin-course.png') });
await page.goto(`${base}/admin/collections/courses/${course.id}?locale=fr`);
await page.locator('.polycourse-translation svg').waitFor();
await page.locator('.polycourse-translation').scrollIntoViewIfNeeded();
await page
  .locator('.polycourse-translation')
  .screenshot({ path: path.join(dir, 'admin-translation-status.png') });
const unit = (
  await (
    await page.request.get(`${base}/api/units?depth=0&limit=1&where[kind][equals]=lesson`)
  ).json()
).docs[0];
await page.goto(`${base}/admin/collections/units/${unit.id}?locale=fr`);
await page.locator('#field-title').waitFor();
await page.screenshot({ path: path.join(dir, 'admin-unit-fr.png') });

// The course outline: its first modules, their units, status and translation per language.
await page.goto(`${base}/admin/collections/courses/${course.id}?locale=en`);
const outline = page.locator('.polycourse-outline');
await outline.locator('.polycourse-outline-unit').first().waitFor();
// Below the admin's sticky header.
await outline.evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 90));
const box = (await outline.boundingBox())!;
await page.screenshot({
  path: path.join(dir, 'admin-outline.png'),
  clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 640) },
});

// The quiz editor: the first quiz's matching question, each item with its partner.
const quiz = (
  await (
    await page.request.get(`${base}/api/units?depth=0&limit=1&where[kind][equals]=quiz`)
  ).json()
).docs[0];
const matching = quiz.questions.findIndex((q: { type: string }) => q.type === 'matching');
await page.goto(`${base}/admin/collections/units/${quiz.id}?locale=en`);
const question = page.locator(`#questions-row-${matching}`);
await page.locator(`#field-questions__${matching}__options__0__match`).waitFor();
await question.scrollIntoViewIfNeeded();
await question.screenshot({ path: path.join(dir, 'admin-quiz-editor.png') });

// The Checks panel with one problem: a draft of the first lesson that names a missing image.
const body = (
  await (await page.request.get(`${base}/api/units/${unit.id}?locale=en&draft=true`)).json()
).body as string;
// A token for the API (the page's cookie counts only for requests from the admin's own pages).
const { token } = await (
  await page.request.post(`${base}/api/users/login`, {
    data: {
      email: process.env.POLYCOURSE_ADMIN_EMAIL ?? '',
      password: process.env.POLYCOURSE_ADMIN_PASSWORD ?? '',
    },
  })
).json();
const saveBody = async (text: string) => {
  const response = await page.request.patch(`${base}/api/units/${unit.id}?locale=en&draft=true`, {
    data: { body: text, _status: 'draft' },
    headers: { authorization: `JWT ${token}` },
  });
  if (!response.ok())
    throw new Error(`saving the draft: ${response.status()} ${await response.text()}`);
};
await saveBody(`${body}\n\n<Figure src="media/missing.png" alt="A chart" />`);
try {
  await page.goto(`${base}/admin/collections/courses/${course.id}?locale=en`);
  await page.getByRole('button', { name: 'Check course' }).click();
  await page.locator('.polycourse-check-problems li').first().waitFor({ timeout: 120_000 });
  await page.locator('.polycourse-checks').scrollIntoViewIfNeeded();
  await page.locator('.polycourse-checks').screenshot({ path: path.join(dir, 'admin-checks.png') });
} finally {
  await saveBody(body);
}

// The admin in French (a translator's course page: Payload's screens and the outline in French)
// and in Arabic on a phone (right to left; a video's captions, whose WebVTT stays left to right).
const french = await signedIn({ width: 1280, height: 860 }, 'fr-FR');
await french.goto(`${base}/admin/collections/courses/${course.id}?locale=fr`);
const frenchOutline = french.locator('.polycourse-outline');
await frenchOutline.locator('.polycourse-outline-unit').first().waitFor();
await frenchOutline.evaluate((e) =>
  window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 90),
);
await french.screenshot({ path: path.join(dir, 'admin-outline-fr.png') });
const video = (
  await (
    await page.request.get(`${base}/api/units?depth=0&limit=1&where[kind][equals]=video`)
  ).json()
).docs[0];
const arabic = await signedIn({ width: 390, height: 844 }, 'ar');
await arabic.goto(`${base}/admin/collections/units/${video.id}?locale=ar`);
const caption = arabic.locator('#field-captions__0__vtt');
await caption.waitFor();
await caption.evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 160));
await arabic.screenshot({ path: path.join(dir, 'admin-video-ar.png') });

await browser.close();
console.log(`admin screenshots written to ${path.relative(process.cwd(), dir)}`);

/**
 * Screenshots of the admin for the docs, from a running CMS (`npm start`):
 *   POLYCOURSE_ADMIN_EMAIL=… POLYCOURSE_ADMIN_PASSWORD=… \
 *     npx tsx scripts/take-admin-screenshots.ts [http://localhost:3000]
 */
import path from 'node:path';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const dir = path.resolve(import.meta.dirname, '../docs/images');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await page.goto(`${base}/admin/login`);
await page.fill('#field-email', process.env.POLYCOURSE_ADMIN_EMAIL ?? '');
await page.fill('#field-password', process.env.POLYCOURSE_ADMIN_PASSWORD ?? '');
await page.click('button[type=submit]');
await page.waitForURL(`${base}/admin`);
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
await browser.close();
console.log(`admin screenshots written to ${path.relative(process.cwd(), dir)}`);

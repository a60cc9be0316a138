/**
 * Bundles in real Chromium against a local static server: navigation in en and ar, the mirrored
 * RTL layout, and axe-core (WCAG 2.1 A/AA) on the main page kinds.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { type StaticServer } from '../../compiler/targets/static-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { axeViolations } from '../helpers/browser.ts';
import { servedCourse, type ServedCourse } from '../helpers/served-course.ts';

let served: ServedCourse;
let browser: Browser;
let server: StaticServer;
let base: string;
let outDir: string;

beforeAll(async () => {
  served = await servedCourse({ courseDir: miniCourseDir });
  ({ browser, server, base, outDir } = served);
});

afterAll(() => served?.close());

describe('a bundle in Chromium', () => {
  it('a missing address at any depth gets the styled 404 page whose links work', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const loaded: string[] = [];
    page.on('requestfinished', (r) => loaded.push(r.url()));
    for (const [locale, missing] of [
      ['en', 'en/no/such/page/'],
      ['ar', 'ar/basics/not-a-lesson/deeper/index.html'],
    ]) {
      const answer = await page.goto(`${base}${missing}`);
      expect(answer?.status(), missing).toBe(404);
      // The theme's stylesheet applies (its colours are defined), loaded from the locale folder.
      expect(
        await page.evaluate(() =>
          getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
        ),
        missing,
      ).not.toBe('');
      expect(loaded.some((u) => u.startsWith(`${base}${locale}/_assets/theme-`))).toBe(true);
      // In-page links stay on the page; the home link leads home.
      expect(await page.locator('a.skip-link').evaluate((a) => (a as HTMLAnchorElement).href)).toBe(
        `${base}${missing}#main`,
      );
      await page.locator('main a').last().click();
      await expect.poll(() => page.url()).toBe(`${base}${locale}/index.html`);
      expect(await page.title()).not.toContain('404');
    }
    await page.close();
  });

  it('navigates a module in English by its links', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}en/index.html`);
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await page.click('main .module-map h3 a');
    await expect.poll(() => page.url()).toMatch(/\/en\/basics\/index\.html$/);
    await page.click('main .unit-list a');
    expect(page.url()).toMatch(/\/en\/basics\/first-lesson\/index\.html$/);
    expect(await page.textContent('h1')).toBe('First lesson');
    await page.click('a[rel="next"]');
    expect(await page.textContent('h1')).toBe('Second lesson');
    // The language picker opens the same page in Arabic.
    await page.click('.language-picker summary');
    await page.click('.language-picker a[hreflang="ar"]');
    expect(page.url()).toMatch(/\/ar\/basics\/second-lesson\/index\.html$/);
    expect(await page.textContent('h1')).toBe('الدرس الثاني');
    await page.close();
  });

  it('mirrors the layout in Arabic: sidebar on the right, next link on the left', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}ar/basics/first-lesson/index.html`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const sidebar = (await page.locator('.sidebar').boundingBox())!;
    const main = (await page.locator('main').boundingBox())!;
    expect(sidebar.x).toBeGreaterThan(main.x);
    const next = (await page.locator('a[rel="next"]').boundingBox())!;
    expect(next.x + next.width).toBeLessThan(main.x + main.width / 2);
    await page.goto(`${base}en/basics/first-lesson/index.html`);
    const enSidebar = (await page.locator('.sidebar').boundingBox())!;
    const enMain = (await page.locator('main').boundingBox())!;
    expect(enSidebar.x).toBeLessThan(enMain.x);
    await page.close();
  });

  it('works from file:// (a folder or USB stick): links, images, language picker', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(outDir, 'mini/index.html')).href);
    await page.click('a[hreflang="en"]');
    await page.click('main .module-map h3 a');
    await page.click('main .unit-list a');
    expect(await page.textContent('h1')).toBe('First lesson');
    const image = page.locator('figure img');
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await page.click('.language-picker summary');
    await page.click('.language-picker a[hreflang="ar"]');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.close();
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    for (const p of ['en/basics/first-lesson/index.html', 'ar/basics/basics-quiz/index.html']) {
      await page.goto(base + p);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, p).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it('axe runner reports real violations (so a clean result means something)', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html><body><img src="x.png"><a href="#"></a></body></html>',
    );
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'html-has-lang', 'link-name']));
    await page.close();
  });

  it('keeps AA contrast in the dark colour scheme', async () => {
    const page = await browser.newPage({ colorScheme: 'dark' });
    for (const p of ['en/basics/first-lesson/index.html', 'ar/basics/basics-quiz/index.html']) {
      await page.goto(base + p);
      expect(await axeViolations(page), p).toEqual([]);
    }
    await page.close();
  });

  for (const locale of ['en', 'ar']) {
    for (const p of [
      'index.html',
      'basics/first-lesson/index.html',
      'basics/intro-video/index.html',
      'basics/basics-quiz/index.html',
      'questionnaire/pre/index.html',
    ]) {
      it(`has no WCAG 2.1 A/AA violations: ${locale}/${p}`, async () => {
        const page = await browser.newPage();
        await page.goto(`${base}${locale}/${p}`);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }
});

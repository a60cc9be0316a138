/**
 * The demo course offline in real Chromium, over http: a first visit saves the page's module and
 * little else, "Keep this course offline" saves the rest after saying its size, a video seeks from
 * the service worker's cache, the worker caches one format of each picture (the one the browser
 * shows), and a missing address deep in a locale shows the styled 404 page whose home link works.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { type StaticServer } from '../../compiler/targets/static-server.ts';
import { demoCourseDir } from '../helpers/demo-course.ts';
import {
  countingRelay,
  keepOffline,
  offlinePlanOf,
  savedFiles,
  waitUntilSaved,
} from '../helpers/offline-worker.ts';
import { servedCourse, type ServedCourse } from '../helpers/served-course.ts';

let served: ServedCourse;
let browser: Browser;
let server: StaticServer;
let bundle: string;
let base: string;

beforeAll(async () => {
  served = await servedCourse({
    courseDir: demoCourseDir,
    locales: ['en', 'ar'],
  });
  ({ browser, server, base, bundle } = served);
});

afterAll(() => served?.close());

/** The first page of the locale (path from its folder) whose HTML contains `marker`. */
function pageWith(locale: string, marker: string): string {
  const dir = path.join(bundle, locale);
  const pages = (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('index.html'))
    .sort();
  const found = pages.find((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes(marker));
  if (!found) throw new Error(`no page of ${locale} contains ${marker}`);
  return found;
}

/**
 * A learner who opened the locale's home page online and whose worker controls it; with `keep`,
 * who then chose to keep the course offline, and the worker saved all of it.
 */
async function learnerWithWorker(locale: string, { keep = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}${locale}/index.html`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 20_000,
    })
    .toBe(true);
  if (keep)
    expect((await keepOffline(page)).status).toBe('This course now works offline on this device.');
  return { context, page, errors };
}

describe('the demo course offline', () => {
  it(
    'a first visit to a lesson saves its module, one image format and no video: ' +
      'under 150 KB on the wire; keeping the course offline says its size first',
    async () => {
      const relay = await countingRelay(Number(new URL(server.url).port));
      const context = await browser.newContext({ viewport: { width: 412, height: 900 } });
      const page = await context.newPage();
      try {
        const courseUrl = `${relay.url}${path.basename(bundle)}/`;
        const localeUrl = `${courseUrl}en/`;
        const plan = offlinePlanOf(path.join(bundle, 'en'));
        const [moduleId, moduleFiles] = plan.modules[1];
        const lesson = moduleFiles.find(
          (f) => f.endsWith('/index.html') && f.split('/').length === 3,
        )!;
        await page.goto(`${localeUrl}${lesson}`);
        // Of each picture, Chromium shows AVIF: the narrowest is saved ahead, the others not.
        const avifs = plan.pictures.map((p) => p.find((s) => s.type === 'image/avif')!.files);
        const inPictures = new Set(plan.pictures.flat().flatMap((s) => s.files));
        const narrowest = new Set(avifs.map((files) => files[0]));
        const ahead = moduleFiles.filter((f) => !inPictures.has(f) || narrowest.has(f));
        expect(ahead.some((f) => narrowest.has(f))).toBe(true);
        await waitUntilSaved(page, localeUrl, [...plan.shell, ...ahead]);
        await relay.quiet();
        const firstVisit = relay.bytes();
        expect(firstVisit).toBeLessThan(150_000);
        const saved = await savedFiles(page, localeUrl);
        // Nothing of another module, no video, no caption, no other image format.
        expect(saved.filter((f) => /\.(mp4|vtt)$/.test(f))).toEqual([]);
        expect(
          saved
            .filter((f) => f.endsWith('.html') && f.includes('/'))
            .every((f) => f.startsWith(`${moduleId}/`) || f === lesson),
        ).toBe(true);
        expect(saved.filter((f) => /-\d+\.webp$/.test(f))).toEqual([]);
        const wider = saved.filter((f) => inPictures.has(f) && !narrowest.has(f));
        // (at most the one the open lesson showed at this width: saved as it came)
        expect(wider.length).toBeLessThanOrEqual(1);

        // Offline on a wide screen, a picture of the module wants a wider file than was saved:
        // the worker answers with the narrowest, and the picture shows.
        await context.setOffline(true);
        const other = await context.newPage();
        await other.setViewportSize({ width: 1280, height: 900 });
        const withPicture = moduleFiles.find(
          (f) =>
            f.endsWith('.html') &&
            fs.readFileSync(path.join(bundle, 'en', f), 'utf8').includes('<picture'),
        )!;
        await other.goto(`${localeUrl}${withPicture}`);
        const img = other.locator('main picture img').first();
        await img.scrollIntoViewIfNeeded();
        await expect
          .poll(() => img.evaluate((i) => (i as HTMLImageElement).naturalWidth))
          .toBeGreaterThan(0);
        expect(await img.evaluate((i) => (i as HTMLImageElement).currentSrc)).not.toMatch(/-480\./);
        await other.close();
        await context.setOffline(false);

        // The button says what keeping the rest costs: the files not saved yet, in this format.
        const avif = new Set(
          plan.pictures.flatMap((sources) => sources.find((s) => s.type === 'image/avif')!.files),
        );
        const have = new Set(saved);
        const rest = Object.entries(plan.files)
          .filter(([f]) => !have.has(f) && (!inPictures.has(f) || avif.has(f)))
          .reduce((sum, [, [, size]]) => sum + size, 0);
        const { label, status } = await keepOffline(page);
        const mb = new Intl.NumberFormat('en', {
          style: 'unit',
          unit: 'megabyte',
          maximumFractionDigits: 1,
        });
        expect(label).toBe(`Keep this course offline (${mb.format(rest / 1e6)})`);
        expect(status).toBe('This course now works offline on this device.');
        expect(await page.isVisible('.keep-offline')).toBe(false);
        const all = new Set(await savedFiles(page, localeUrl));
        for (const file of Object.keys(plan.files))
          if (!inPictures.has(file) || avif.has(file)) expect(all, file).toContain(file);
        // It moved at most what the button said (compressed pages and captions move less).
        expect(relay.bytes() - firstVisit).toBeLessThan(rest * 1.05);
        console.log(
          `first visit ${firstVisit} B; kept: ${relay.bytes() - firstVisit} B of ${rest}`,
        );
      } finally {
        await context.close();
        await relay.close();
      }
    },
  );

  it('seeks a video to 12 s from the cache, answering its ranges with 206', async () => {
    const { context, page, errors } = await learnerWithWorker('en', { keep: true });
    try {
      await context.setOffline(true);
      // What the video element asked for and what the worker answered.
      const ranges: { asked: string; status: number; range: string | null }[] = [];
      page.on('response', (r) => {
        const asked = r.request().headers().range;
        if (asked && r.url().endsWith('.mp4'))
          ranges.push({ asked, status: r.status(), range: r.headers()['content-range'] ?? null });
      });
      const videoPage = pageWith('en', '<video');
      await page.goto(`${base}en/${videoPage}`);
      const seek = await page.locator('figure.video video').evaluate(async (video) => {
        const v = video as HTMLVideoElement;
        const on = (type: string) => new Promise((resolve) => v.addEventListener(type, resolve));
        if (v.readyState < HTMLMediaElement.HAVE_METADATA) await on('loadedmetadata');
        const seeked = on('seeked');
        v.currentTime = 12;
        await seeked;
        return { duration: v.duration, currentTime: v.currentTime };
      });
      expect(seek.duration).toBeGreaterThan(15);
      expect(Math.abs(seek.currentTime - 12)).toBeLessThan(1);
      // Chromium copes with a whole file answered to a range; Safari plays only 206 answers.
      expect(ranges.length).toBeGreaterThan(0);
      for (const { asked, status, range } of ranges) {
        expect(status, asked).toBe(206);
        expect(range, asked).toMatch(new RegExp(`^bytes ${/\d+/.exec(asked)![0]}-\\d+/\\d+$`));
      }

      // A range in the middle is those bytes of the file; one past its end is refused (416).
      const src = (await page.locator('figure.video video source').getAttribute('src'))!;
      const file = fs.readFileSync(path.join(bundle, 'en', path.dirname(videoPage), src));
      const part = await page.evaluate(async (url) => {
        const r = await fetch(url, { headers: { range: 'bytes=1000-1015' } });
        const bytes = [...new Uint8Array(await r.arrayBuffer())];
        return { status: r.status, range: r.headers.get('content-range'), bytes };
      }, src);
      expect(part).toEqual({
        status: 206,
        range: `bytes 1000-1015/${file.length}`,
        bytes: [...file.subarray(1000, 1016)],
      });
      const past = await page.evaluate(async (url) => {
        const r = await fetch(url, { headers: { range: 'bytes=999999999-' } });
        return { status: r.status, range: r.headers.get('content-range') };
      }, src);
      expect(past).toEqual({ status: 416, range: `bytes */${file.length}` });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('caches one format of each picture: the one Chromium shows', async () => {
    const { context, page, errors } = await learnerWithWorker('en', { keep: true });
    try {
      const inCache = new Set(await savedFiles(page, `${base}en/`));
      const { files, pictures } = offlinePlanOf(path.join(bundle, 'en'));
      const inPictures = new Set(pictures.flat().flatMap((s) => s.files));
      expect(pictures.length).toBeGreaterThan(0);
      for (const file of Object.keys(files))
        if (!inPictures.has(file)) expect(inCache, file).toContain(file);
      for (const sources of pictures) {
        const kept = sources.filter((s) => s.files.every((f) => inCache.has(f)));
        expect(kept.map((s) => s.type)).toEqual(['image/avif']);
        const others = sources.filter((s) => s !== kept[0]).flatMap((s) => s.files);
        expect(others.filter((f) => inCache.has(f))).toEqual([]);
      }
      // The figure of a lesson shows offline, from the cached format.
      await context.setOffline(true);
      await page.goto(`${base}en/${pageWith('en', '<picture')}`);
      const img = page.locator('main picture img').first();
      await img.scrollIntoViewIfNeeded();
      await expect
        .poll(() => img.evaluate((i) => (i as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
      expect(await img.evaluate((i) => (i as HTMLImageElement).currentSrc)).toMatch(/\.avif$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says, offline, which other languages need a connection: those not saved here', async () => {
    const { context, page, errors } = await learnerWithWorker('en');
    try {
      const note = () =>
        page.evaluate(
          () =>
            document.querySelector('.language-picker a[hreflang="ar"] .offline-note')
              ?.textContent ?? null,
        );
      expect(await note()).toBeNull(); // online: nothing to say
      await context.setOffline(true);
      await expect.poll(note).toBe('(needs a connection)');
      expect(
        await page.getAttribute('.language-picker a[hreflang="ar"] .offline-note', 'lang'),
      ).toBe('en');
      // Back online the note goes; once Arabic is saved too, it never comes back.
      await context.setOffline(false);
      await expect.poll(note).toBeNull();
      await page.goto(`${base}ar/index.html`);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await expect
        .poll(() => page.evaluate(async () => (await caches.keys()).some((k) => /:ar:/.test(k))), {
          timeout: 20_000,
        })
        .toBe(true);
      await page.goto(`${base}en/index.html`);
      await context.setOffline(true);
      await page.evaluate(() => window.dispatchEvent(new Event('offline')));
      await page.waitForTimeout(300);
      expect(await note()).toBeNull();
      // Arabic is saved in part (the shell and its home's module): on a lesson of another module,
      // the Arabic lesson still needs a connection.
      await context.setOffline(false);
      const [, moduleFiles] = offlinePlanOf(path.join(bundle, 'ar')).modules[1];
      const lesson = moduleFiles.find(
        (f) => f.endsWith('/index.html') && f.split('/').length === 3,
      )!;
      expect(await savedFiles(page, `${base}ar/`)).not.toContain(lesson);
      await page.goto(`${base}en/${lesson}`);
      await context.setOffline(true);
      await expect.poll(note).toBe('(needs a connection)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const locale of ['en', 'ar']) {
    it(`shows the styled 404 page for a missing nested address: ${locale}`, async () => {
      const { context, page, errors } = await learnerWithWorker(locale);
      try {
        const home = await page.textContent('h1');
        await page.goto(`${base}${locale}/404.html`);
        const notFound = await page.textContent('h1');
        await context.setOffline(true);
        await page.goto(`${base}${locale}/no/such/page/`);
        expect(await page.textContent('h1')).toBe(notFound);
        expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        // Styled: its stylesheet resolved from the locale's folder, not from /no/such/page/.
        const sheets = await page.evaluate(() =>
          [...document.styleSheets].map((s) => ({ href: s.href, rules: s.cssRules.length })),
        );
        expect(sheets.some((s) => s.href?.startsWith(`${base}${locale}/`) && s.rules > 0)).toBe(
          true,
        );
        await page.click('main p a');
        await expect.poll(() => page.textContent('h1')).toBe(home);
        expect(page.url()).toMatch(new RegExp(`/${locale}/(index\\.html)?$`));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

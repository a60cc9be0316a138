/**
 * Captions of a bundle opened from files (issue #12): Chromium refuses `<track src>` on file://, so
 * the runtime shows the cues of the `.vtt.js` the build writes beside each caption file; over
 * HTTP a page keeps its plain `<track>` and loads no caption script.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import webvtt from 'webvtt-parser';
import { type StaticServer } from '../../compiler/targets/static-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { servedCourse, type ServedCourse } from '../helpers/served-course.ts';

let served: ServedCourse;
let browser: Browser;
let server: StaticServer;
let bundle: string;

beforeAll(async () => {
  served = await servedCourse({ courseDir: miniCourseDir, locales: ['en', 'ar'] });
  ({ browser, server, bundle } = served);
}, 120_000);

afterAll(() => served?.close());

const videoPage = (locale: string) => `${locale}/basics/intro-video/index.html`;

/** The `<track>`s of a page as built: kind, label, language, file (relative to the locale). */
function tracksOf(locale: string) {
  const html = fs.readFileSync(path.join(bundle, videoPage(locale)), 'utf8');
  return [
    ...html.matchAll(/<track kind="([^"]+)" src="([^"]+)" srclang="([^"]+)" label="([^"]+)"/g),
  ].map(([, kind, src, language, label]) => ({
    kind,
    label,
    language,
    file: path.posix.join('basics/intro-video', src),
  }));
}

/** The text of the first cue of a caption file of the bundle. */
function firstCue(locale: string, file: string): string {
  const vtt = fs.readFileSync(path.join(bundle, locale, file), 'utf8');
  return new webvtt.WebVTTParser().parse(vtt).cues[0].text;
}

describe('captions of a video page', () => {
  it.each(['en', 'ar'])(
    'opened from files (%s): the page language track is shown',
    async (locale) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(path.join(bundle, videoPage(locale))).href);
      const built = tracksOf(locale);
      expect(built.map((t) => t.language).sort()).toEqual(['ar', 'en']);

      const tracks = () =>
        page.$eval('figure.video video', (video: HTMLVideoElement) =>
          [...video.textTracks].map((t) => ({
            kind: t.kind,
            label: t.label,
            language: t.language,
            mode: t.mode,
            cues: [...(t.cues ?? [])].map((c) => (c as VTTCue).text),
          })),
        );
      // the shown track is the page's language, and has its cues
      await expect
        .poll(async () => (await tracks()).find((t) => t.mode === 'showing')?.cues.length ?? 0, {
          timeout: 10_000,
        })
        .toBeGreaterThan(0);
      const shown = await tracks();
      // the same tracks as the page's <track>s: kind, label and language, in order
      expect(shown.map(({ kind, label, language }) => ({ kind, label, language }))).toEqual(
        built.map(({ kind, label, language }) => ({ kind, label, language })),
      );
      const own = shown.find((t) => t.language === locale)!;
      expect(own.mode).toBe('showing');
      expect(shown.filter((t) => t.mode === 'showing')).toHaveLength(1);
      const file = built.find((t) => t.language === locale)!.file;
      expect(own.cues[0]).toBe(firstCue(locale, file));
      expect(own.cues[0]).toBe(locale === 'en' ? 'Hello and welcome.' : 'مرحبا بكم.');
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('over HTTP: the plain <track>, and no caption script loaded', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${server.url}mini/${videoPage('en')}`);
    const built = tracksOf('en');
    // the scripts are in the bundle (and so in the service worker's precache list) …
    const manifest = fs.readFileSync(path.join(bundle, 'manifest.json'), 'utf8');
    for (const t of built) expect(manifest).toContain(`"en/${t.file}.js"`);
    // … but the page reads its captions through <track>
    await expect
      .poll(() =>
        page.$eval('figure.video video', (video: HTMLVideoElement) => {
          const own = [...video.querySelectorAll('track')].find((t) => t.srclang === 'en');
          return own?.readyState === HTMLTrackElement.LOADED ? own.track.cues!.length : 0;
        }),
      )
      .toBeGreaterThan(0);
    expect(await page.locator('figure.video video track').count()).toBe(built.length);
    const first = await page.$eval(
      'figure.video video track[srclang="en"]',
      (t: HTMLTrackElement) => (t.track.cues![0] as VTTCue).text,
    );
    expect(first).toBe(firstCue('en', built.find((t) => t.language === 'en')!.file));
    expect(await page.locator('script[src$=".vtt.js"]').count()).toBe(0);
    expect(requested.filter((u) => u.endsWith('.vtt.js'))).toEqual([]);
    expect(requested.some((u) => u.endsWith('.vtt'))).toBe(true);
    await context.close();
  });
});

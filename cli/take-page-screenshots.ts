/**
 * `polycourse l10n export … --screenshots <dir>`: builds the course for its source locale into a
 * temp folder, serves it on loopback and saves a Chromium screenshot of each page asked for in
 * `<dir>`, so a translator sees where a text stands. Bounded: one page at a time, each with a time
 * limit; progress on stderr; the temp folder is removed whatever happens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Diagnostic } from '../compiler/model/diagnostic.ts';
import { buildCourse } from '../compiler/pipeline/build-course.ts';
import { startStaticServer } from '../compiler/targets/static-server.ts';
import type { Course } from '../compiler/model/course.ts';
import { pagesWithUnits, screenshotNames } from '../compiler/translation/unit-context.ts';
import { chromiumPath, launchChromium } from './launch-chromium.ts';
import { createProgress } from './progress-bar.ts';
import { printDiagnostics } from './report-diagnostics.ts';

export interface ScreenshotRequest {
  courseDir: string;
  courseId: string;
  /** the locale the pages are built and shown in (the course's source locale) */
  locale: string;
  /** page (relative to the locale folder, `recovery/what-helps/index.html`) → file name */
  pages: ReadonlyMap<string, string>;
  /** where the files go (made when missing) */
  dir: string;
  /** progress bars on stderr */
  progress: boolean;
}

export type ScreenshotResult =
  | {
      ok: true;
      /** page → file name, for each screenshot saved */
      taken: Map<string, string>;
      /** the pages that could not be taken, and why */
      failed: { page: string; reason: string }[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

/** How long one page may take to load and be captured. */
const pageTimeoutMs = 30_000;

export async function takePageScreenshots(request: ScreenshotRequest): Promise<ScreenshotResult> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'polycourse-screenshots-'));
  try {
    const building = createProgress('building for screenshots', request.progress);
    const built = await buildCourse({
      courseDir: request.courseDir,
      outDir: out,
      locales: [request.locale],
      onProgress: (done, total, label) => building.update(done, total, label),
    }).finally(() => building.stop());
    if (!built.ok) return { ok: false, diagnostics: built.diagnostics };
    fs.mkdirSync(request.dir, { recursive: true });
    const server = await startStaticServer(out);
    let browser: Browser | undefined;
    try {
      browser = await openBrowser();
      // The page as built, without the runtime: no learner's progress, points or notices in
      // the picture, and no service worker.
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        javaScriptEnabled: false,
        serviceWorkers: 'block',
      });
      const taken = new Map<string, string>();
      const failed: { page: string; reason: string }[] = [];
      const shooting = createProgress('screenshots', request.progress);
      let done = 0;
      for (const [page, file] of request.pages) {
        shooting.update(done, request.pages.size, file);
        const tab = await context.newPage();
        try {
          const url = `${server.url}${request.courseId}/${request.locale}/${page}`;
          await tab.goto(url, { waitUntil: 'load', timeout: pageTimeoutMs });
          await tab.screenshot({
            path: path.join(request.dir, file),
            fullPage: true,
            timeout: pageTimeoutMs,
          });
          taken.set(page, file);
        } catch (error) {
          failed.push({ page, reason: (error as Error).message.split('\n')[0] });
        } finally {
          await tab.close();
        }
        shooting.update(++done, request.pages.size, file);
      }
      shooting.stop();
      return { ok: true, taken, failed };
    } finally {
      await browser?.close();
      await server.close();
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Chromium, or an error that says what to install. */
async function openBrowser(): Promise<Browser> {
  try {
    return await launchChromium();
  } catch (error) {
    throw new Error(
      `--screenshots needs Chromium (${chromiumPath}; apt-get install chromium, or set ` +
        'CHROMIUM_PATH) and the playwright-core package (npm install playwright-core): ' +
        `${(error as Error).message.split('\n')[0]}`,
    );
  }
}

/**
 * The screenshots of an export: every page that shows a text of the course, in the source locale,
 * named as `screenshotNames` says. Prints what failed on stderr; undefined when nothing could be
 * taken (the course does not build, no browser), after printing why.
 */
export async function screenshotExportPages(
  course: Course,
  courseDir: string,
  dir: string,
): Promise<ReadonlyMap<string, string> | undefined> {
  const names = screenshotNames(course);
  const pages = new Map(pagesWithUnits(course).map((p) => [p, names.get(p)!]));
  let result: ScreenshotResult;
  try {
    result = await takePageScreenshots({
      courseDir,
      courseId: course.id,
      locale: course.sourceLocale,
      pages,
      dir,
      progress: true,
    });
  } catch (error) {
    // No browser here: a broken environment, said in one sentence rather than a stack.
    process.stderr.write(`${(error as Error).message}\nNothing was exported.\n`);
    return undefined;
  }
  if (!result.ok) {
    printDiagnostics(result.diagnostics);
    process.stderr.write('Screenshots: the course did not build; nothing was exported.\n');
    return undefined;
  }
  for (const { page, reason } of result.failed)
    process.stderr.write(`Screenshot of ${page} failed (its units name none): ${reason}\n`);
  process.stderr.write(`${result.taken.size} screenshots in ${dir}\n`);
  return result.taken;
}

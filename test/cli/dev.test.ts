/**
 * `polycourse dev` as an author uses it: the real CLI serves a copy of the mini course, Chromium
 * keeps a lesson open, and saving the lesson's file shows the new text without touching the
 * browser; a broken save lists its problems over the last good page, and fixing it clears them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');

describe('polycourse dev', () => {
  let browser: Browser;
  let dev: ChildProcess;
  let url: string;
  const events: Record<string, unknown>[] = [];
  const course = copyCourse(miniCourseDir);
  const lesson = path.join(course, 'modules/basics/first-lesson.en.mdx');

  beforeAll(async () => {
    browser = await launchChromium();
    dev = spawn(
      process.execPath,
      [bin, 'dev', course, '--port', '0', '--out', tempDir(), '--json'],
      { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    url = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: dev.stdout! }).on('line', (line) => {
        const event = JSON.parse(line);
        events.push(event);
        if (event.event === 'ready') resolve(event.url);
      });
      dev.once('exit', (code) => reject(new Error(`polycourse dev exited with ${code}`)));
    });
  }, 180_000);

  afterAll(async () => {
    dev?.kill('SIGINT');
    await browser?.close();
  });

  it('serves the source locale at once, as a preview without a service worker', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mini\/en\/$/);
    expect(events.find((e) => e.event === 'built')).toMatchObject({ pages: 15 });
    const page = await browser.newPage();
    await page.goto(new URL('basics/first-lesson/', url).href);
    expect(await page.locator('h1').innerText()).toBeTruthy();
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations())).toEqual([]);
    // The root redirects to the entry page.
    const root = await fetch(new URL('/', url), { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/mini/en/');
    await page.close();
  });

  it(
    'a saved lesson shows its new text in the open page, then a broken save shows its ' +
      'problems over the last good page until fixed',
    async () => {
      const page = await browser.newPage();
      await page.goto(new URL('basics/first-lesson/', url).href);
      const article = page.locator('main');
      await expect.poll(() => article.innerText()).toContain('Everyone has rights.');
      // The page listens before the file changes.
      await page.waitForFunction(() => performance.getEntriesByType('resource').length > 0);
      await page.waitForTimeout(300);

      const written = Date.now();
      editFile(lesson, 'Everyone has **rights**.', 'Everyone has **rights**, said the author.');
      await page.waitForFunction(
        () => document.querySelector('main')?.textContent?.includes('said the author'),
        undefined,
        { timeout: 30_000 },
      );
      const shownAfterMs = Date.now() - written;
      console.log(
        `dev: the edit was in the open page ${shownAfterMs} ms after the file was written`,
      );
      expect(events.filter((e) => e.event === 'built').at(-1)).toMatchObject({ rendered: 1 });

      // An expression is refused as in a build: the problems, with the file and position, over
      // the page, which still shows the last good text.
      editFile(lesson, 'said the author.', 'said {author}.');
      const panel = page.locator('#polycourse-dev-problems');
      await panel.waitFor({ timeout: 30_000 });
      const problems = await panel.innerText();
      expect(problems).toContain('The course has problems');
      expect(problems).toMatch(/first-lesson\.en\.mdx:3:\d+/);
      expect(problems).toContain('polycourse:mdx-expression');
      expect(await article.innerText()).toContain('said the author');
      const stillServed = await fetch(new URL('basics/first-lesson/', url));
      expect(stillServed.status).toBe(200);
      expect(await stillServed.text()).toContain('said the author');

      editFile(lesson, 'said {author}.', 'said the author, fixed.');
      await page.waitForFunction(
        () => document.querySelector('main')?.textContent?.includes('author, fixed'),
        undefined,
        { timeout: 30_000 },
      );
      expect(await panel.count()).toBe(0);
      await page.close();
    },
  );

  it('a lesson without interactive parts changes in place: no reload, same scroll', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 400 } });
    await page.goto(new URL('basics/second-lesson/', url).href);
    await expect.poll(() => page.locator('main').innerText()).toContain('Plain text with a list');
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      (window as unknown as { kept: boolean }).kept = true;
      window.scrollTo(0, 120);
    });
    const second = path.join(course, 'modules/basics/second-lesson.en.mdx');
    editFile(second, 'Plain text with a list:', 'Plain text, edited in place, with a list:');
    await page.waitForFunction(
      () => document.querySelector('main')?.textContent?.includes('edited in place'),
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(120);
    // A change outside <main> (the lesson's title, in the navigation and the tab) reloads it.
    editFile(
      path.join(course, 'locales/en.yaml'),
      'second-lesson: { title: Second lesson }',
      'second-lesson: { title: Second lesson renamed }',
    );
    await page.waitForFunction(
      () => document.title.startsWith('Second lesson renamed'),
      undefined,
      {
        timeout: 30_000,
      },
    );
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(
      undefined,
    );
    await page.close();
  });

  it('--source corpus previews the benchmark corpus layout; an unknown one is exit 2', async () => {
    const corpus = tempDir('polycourse-corpus-');
    fs.writeFileSync(
      path.join(corpus, 'corpus.json'),
      JSON.stringify({
        locales: [{ code: 'en', dir: 'ltr' }],
        structure: [
          {
            slug: 'module-01',
            title: { en: 'Module' },
            lessons: [{ slug: 'lesson-01', title: { en: 'Lesson' } }],
          },
        ],
      }),
    );
    fs.mkdirSync(path.join(corpus, 'en/module-01'), { recursive: true });
    fs.writeFileSync(path.join(corpus, 'en/module-01/lesson-01.md'), '# Lesson\n\nCorpus text.\n');
    const child = spawn(
      process.execPath,
      [bin, 'dev', corpus, '--source', 'corpus', '--port', '0', '--out', tempDir(), '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const ready = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: child.stdout! }).on('line', (line) => {
          const event = JSON.parse(line);
          if (event.event === 'ready') resolve(event.url);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const lessonPage = await fetch(new URL('module-01/lesson-01/', ready));
      expect(await lessonPage.text()).toContain('Corpus text.');
    } finally {
      child.kill('SIGINT');
    }
    const r = spawnSync(process.execPath, [bin, 'dev', corpus, '--source', 'nope'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--source must be one of files, corpus, got "nope"');
  });

  it('a folder without course.yaml: exit 2, naming what to give', () => {
    const r = spawnSync(process.execPath, [bin, 'dev', tempDir(), '--port', '0'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/has no course\.yaml; give the folder of a course/);
    expect(fs.existsSync(lesson)).toBe(true);
  });
});

/**
 * Complex scripts in real Chromium with the theme's font stacks: Arabic letters join (shaping),
 * Devanagari forms conjuncts, Chinese wraps between characters without overflowing a 320 px screen;
 * the certificate PDF of each embeds the script's font and keeps the learner's name as text.
 * Screenshots and PDFs go to output/screenshots/ for a human look.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile } from '../helpers/temp-course.ts';
import { servedCourse, type ServedCourse } from '../helpers/served-course.ts';

let served: ServedCourse;
let browser: Browser;
let base: string;
const screenshots = path.resolve(import.meta.dirname, '../../output/screenshots');

beforeAll(async () => {
  const course = copyCourse(miniCourseDir);
  editFile(
    path.join(course, 'course.yaml'),
    'locales: [en, ar, fr]',
    'locales: [en, ar, fr, hi, zh]',
  );
  fs.writeFileSync(
    path.join(course, 'locales/hi.yaml'),
    'title: लघु पाठ्यक्रम\nmodules:\n  basics:\n    title: मूल बातें\n' +
      '    units:\n      first-lesson: { title: पहला पाठ }\n',
  );
  fs.writeFileSync(
    path.join(course, 'modules/basics/first-lesson.hi.mdx'),
    `## अधिकार क्या हैं

प्रत्येक व्यक्ति के अधिकार हैं। क्षमता, स्वतंत्रता और सहायता से निर्णय लेना।
`,
  );
  fs.writeFileSync(
    path.join(course, 'locales/zh.yaml'),
    'title: 迷你课程\nmodules:\n  basics:\n    title: 基础\n' +
      '    units:\n      first-lesson: { title: 第一课 }\n',
  );
  fs.writeFileSync(
    path.join(course, 'modules/basics/first-lesson.zh.mdx'),
    '## 什么是权利\n\n' +
      '每个人都享有平等的尊严和权利，包括自己做决定的权利、在社区中生活的权利以及不受强迫的权利。'.repeat(
        3,
      ) +
      '\n',
  );
  served = await servedCourse({ courseDir: course, locales: ['ar', 'hi', 'zh'] });
  ({ browser, base } = served);
  fs.mkdirSync(screenshots, { recursive: true });
});

afterAll(() => served?.close());

/** Rendered width of a text in the page's own font, inside the lesson body. */
const widthOf = (page: Page, text: string) =>
  page.evaluate((t) => {
    const span = document.createElement('span');
    span.textContent = t;
    document.querySelector('main .body')!.append(span);
    const w = span.getBoundingClientRect().width;
    span.remove();
    return w;
  }, text);

describe('complex scripts', () => {
  it('Arabic letters join into words (shaping), right to left', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}ar/basics/first-lesson/index.html`);
    const joined = await widthOf(page, 'حقوق');
    // zero-width non-joiners force isolated forms
    const isolated = await widthOf(page, 'ح\u200Cق\u200Cو\u200Cق');
    expect(joined).toBeLessThan(isolated * 0.95);
    await page.screenshot({ path: path.join(screenshots, 'script-ar.png') });
    await page.close();
  });

  it('Devanagari forms conjuncts (क्ष is one glyph cluster, narrower than क् + ष)', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}hi/basics/first-lesson/index.html`);
    const conjunct = await widthOf(page, 'क्ष');
    const separate = await widthOf(page, 'क्\u200Cष'); // ZWNJ prevents the conjunct
    expect(conjunct).toBeLessThan(separate);
    expect(await page.textContent('h1')).toBe('पहला पाठ');
    await page.screenshot({ path: path.join(screenshots, 'script-hi.png') });
    await page.close();
  });

  it(
    'the certificate PDF in Arabic, Hindi and Chinese ' +
      "embeds each script's font and keeps the name as text",
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // Progress is per course, whatever the language: complete the course once.
      for (const unit of ['first-lesson', 'second-lesson', 'basics-sheet'])
        await page.goto(`${base}ar/basics/${unit}/index.html`);
      await page.goto(`${base}ar/basics/intro-video/index.html`);
      await page.locator('figure.video video').dispatchEvent('ended');
      await page.goto(`${base}ar/basics/basics-quiz/index.html`);
      await page.check('#q-q1 input[value="b"]');
      for (const v of ['a', 'c']) await page.check(`#q-q2 input[value="${v}"]`);
      await page.check('#q-q3 input[value="true"]');
      for (const [option, position] of Object.entries({ first: '1', second: '2', third: '3' }))
        await page.selectOption(`#q-q4-${option}`, position);
      for (const [option, target] of Object.entries({ art12: 'capacity', art19: 'community' }))
        await page.selectOption(`#q-q5-${option}`, target);
      await page.click('form.quiz button[type="submit"]');
      await page.goto(`${base}ar/basics/basics-challenge/index.html`);
      await page.check('form.challenge-form input[type="checkbox"]');

      const cases = [
        { locale: 'ar', name: 'أمينة يوسف', font: /NotoNaskhArabic|NotoSansArabic/ },
        { locale: 'hi', name: 'अमीना क्षत्रिय', font: /NotoSansDevanagari/ },
        // Chromium embeds the CJK collection's glyphs as Type 3 outlines (no font name): embedded,
        // with a ToUnicode map.
        { locale: 'zh', name: '王小明', font: /Type 3\s+Custom\s+yes\s+\w+\s+yes/ },
      ];
      for (const { locale, name, font } of cases) {
        await page.goto(`${base}${locale}/certificate/index.html`);
        await page.fill('#learner-name', name);
        await page.click('form.certificate-form button[type="submit"]');
        expect(await page.textContent('.certificate-name')).toBe(name);
        const file = path.join(screenshots, `certificate-${locale}.pdf`);
        await page.pdf({ path: file, format: 'A4' });
        const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' });
        expect(fonts.error, 'pdffonts (Debian poppler-utils) must be installed').toBeUndefined();
        expect(fonts.stdout, `${locale}: the script's font is embedded`).toMatch(font);
        const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
          encoding: 'utf8',
        }).stdout.normalize('NFKC');
        // Shaped Arabic comes out of a PDF as presentation forms (NFKC folds them back) in visual
        // order.
        const words = name.split(' ');
        for (const word of words)
          expect(
            text.includes(word) || text.includes([...word].reverse().join('')),
            `${locale}: "${word}" in the PDF's text`,
          ).toBe(true);
        // the date in the locale's own format
        if (locale === 'zh') expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      }
      await context.close();
    },
  );

  it('Chinese wraps between characters and never overflows a 320 px screen', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${base}zh/basics/first-lesson/index.html`);
    const paragraph = page.locator('main .body p').first();
    const box = (await paragraph.boundingBox())!;
    const lineHeight = await paragraph.evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
    expect(box.height / lineHeight).toBeGreaterThan(5); // many lines, not one long overflowing line
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshots, 'script-zh.png') });
    await page.close();
  });
});

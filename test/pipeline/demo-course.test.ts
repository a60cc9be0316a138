/**
 * The demo course builds completely in all 12 locales: no errors, nothing falls back, every UI
 * string translated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { verifyBundle } from '../../compiler/targets/static-bundle/verify-bundle.ts';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { demoCourseDir, demoLocales } from '../helpers/demo-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

describe('the demo course', () => {
  it('has the shape the compiler issue asks for', () => {
    const { course } = readCourseFromFiles(demoCourseDir);
    expect(course).toBeDefined();
    expect(course!.locales).toEqual(demoLocales);
    expect(course!.modules.length).toBeGreaterThanOrEqual(5);
    for (const m of course!.modules) {
      const kinds = m.units.map((u) => u.kind);
      expect(kinds.filter((k) => k === 'lesson').length, m.id).toBeGreaterThanOrEqual(2);
      for (const kind of ['video', 'infosheet', 'quiz', 'challenge'] as const)
        expect(kinds, m.id).toContain(kind);
      const quiz = m.units.find((u) => u.kind === 'quiz');
      expect(quiz?.kind === 'quiz' && quiz.questions.length, m.id).toBeGreaterThanOrEqual(5);
      const video = m.units.find((u) => u.kind === 'video');
      expect(video?.kind === 'video' && Object.keys(video.captions).sort(), m.id).toEqual(
        [...demoLocales].sort(),
      );
    }
    expect(course!.questionnaire?.items).toHaveLength(17);
    expect(course!.questionnaire?.scale).toBe(5);
  });

  it(
    'builds in all 12 locales with every text ' + 'and UI string translated, and verifies',
    async () => {
      const out = tempDir();
      const result = await buildCourse({ courseDir: demoCourseDir, outDir: out });
      expect(result.diagnostics).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.locales).toEqual(demoLocales);
      for (const locale of demoLocales) expect(result.coverage[locale].ratio, locale).toBe(1);
      const bundle = path.join(out, 'rights-based-mental-health');
      for (const locale of demoLocales) {
        const home = fs.readFileSync(path.join(bundle, locale, 'index.html'), 'utf8');
        expect(home).toMatch(
          new RegExp(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`),
        );
        expect(home).not.toContain('class="fallback');
      }
      expect(verifyBundle(bundle).ok).toBe(true);
    },
  );
});

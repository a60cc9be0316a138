/**
 * Issue #16: the CMS's translation memory is every approved translation of every course in the
 * database, read in one bounded call (`l10n export --tm cms`, `l10n tm export cms`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startCms } from '../helpers/cms.ts';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { importCourse } from '../../cms/course-exchange/import-course.ts';
import { readCmsTranslationMemory } from '../../cms/translation/translation-memory.ts';
import { TranslationMemory } from '../../compiler/translation/translation-memory.ts';
import { courseIn, translateAndApprove } from '../helpers/approved-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

const prompt = 'modules.basics.units.basics-quiz.questions.q1.prompt';

describe('translation memory of the CMS (SQLite)', () => {
  let payload: Payload;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ payload, stop } = await startCms('sqlite'));
    const dir = tempDir();
    const alpha = courseIn(dir, 'alpha');
    translateAndApprove(alpha);
    for (const course of [alpha, courseIn(dir, 'beta')])
      await importCourse(payload, readCourseFromFiles(course).course!);
  }, 120_000);
  afterAll(async () => {
    await stop?.();
  });

  it('holds the approved translations of every course, and only those', async () => {
    const { entries, courses, diagnostics } = await readCmsTranslationMemory(payload);
    expect(diagnostics).toEqual([]);
    expect(courses).toEqual(['alpha', 'beta']);
    expect(entries.length).toBeGreaterThan(50);
    expect(new Set(entries.map((e) => e.origin.course))).toEqual(new Set(['alpha']));
    expect(entries).toContainEqual(
      expect.objectContaining({
        sourceLocale: 'en',
        targetLocale: 'fr',
        source: 'Pick b.',
        target: 'FR Pick b.',
        origin: { course: 'alpha', unit: prompt },
      }),
    );
    const [match] = new TranslationMemory(entries).lookup('Pick b.', {}, 'en', 'fr');
    expect(match).toMatchObject({ score: 100, exact: true });
  }, 60_000);

  it('reads at most as many courses as asked, and says so', async () => {
    const { courses, diagnostics } = await readCmsTranslationMemory(payload, 1);
    expect(courses).toEqual(['alpha']);
    expect(diagnostics.map((d) => d.message)).toEqual(['only the first 1 of 2 courses were read']);
  }, 60_000);
});

/**
 * Between CMS and compiler, on SQLite and PostgreSQL: importing a course folder gives documents
 * from which the CMS source reads the same course model, a second import updates instead of
 * duplicating, media are stored once, and a build from the CMS equals the build from the files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { databaseAvailable, startCms } from '../helpers/cms.ts';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { importCourse } from '../../cms/course-exchange/import-course.ts';
import { readCourseFromCms } from '../../cms/course-exchange/read-course-from-cms.ts';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { comparable } from '../helpers/comparable-course.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

for (const kind of ['sqlite', 'postgres', 'mongodb'] as const) {
  const available = await databaseAvailable(kind);
  if (available !== true) console.warn(`[cms tests] skipping ${kind}: ${available}`);
  describe.skipIf(available !== true)(
    `course exchange on ${kind}${available === true ? '' : ` (skipped: ${available})`}`,
    () => {
      let payload: Payload;
      let stop: () => Promise<void>;
      beforeAll(async () => {
        ({ payload, stop } = await startCms(kind));
      }, 120_000);
      afterAll(async () => {
        await stop?.();
      });

      it(
        'import → CMS source gives the same course model; ' +
          'a second import updates; media stored once',
        async () => {
          const files = readCourseFromFiles(miniCourseDir).course!;
          const first = await importCourse(payload, files);
          expect(first.media).toEqual({ uploaded: 3, reused: 0 });
          const fromCms = await readCourseFromCms(payload, 'mini', tempDir());
          expect(fromCms.diagnostics).toEqual([]);
          expect(comparable(fromCms.course!)).toEqual(comparable(files));

          const second = await importCourse(payload, files);
          expect(second).toMatchObject({ created: 0, media: { uploaded: 0, reused: 3 } });
          expect((await payload.count({ collection: 'units' })).totalDocs).toBe(6);
          expect((await payload.count({ collection: 'media' })).totalDocs).toBe(3);
        },
        120_000,
      );

      it.runIf(kind === 'sqlite')(
        'round trip of the demo course: import, then the ' +
          'CMS gives the same model, exported as files too',
        async () => {
          const { writeCourseFiles } = await import('../../compiler/targets/write-course-files.ts');
          const demo = readCourseFromFiles(
            path.resolve(import.meta.dirname, '../../courses/rights-based-mental-health'),
          ).course!;
          await importCourse(payload, demo);
          const fromCms = await readCourseFromCms(payload, demo.id, tempDir());
          expect(comparable(fromCms.course!)).toEqual(comparable(demo));
          const exported = path.join(tempDir(), demo.id);
          writeCourseFiles(fromCms.course!, exported);
          expect(comparable(readCourseFromFiles(exported).course!)).toEqual(comparable(demo));
        },
        180_000,
      );

      it('a build from the CMS equals the build from the files', async () => {
        const fromCms = await readCourseFromCms(payload, 'mini', tempDir());
        const [a, b] = [tempDir(), tempDir()];
        const viaCms = await buildCourse({ courseDir: '', source: fromCms, outDir: a });
        const viaFiles = await buildCourse({ courseDir: miniCourseDir, outDir: b });
        expect(viaCms.ok).toBe(true);
        for (const page of [
          'en/basics/first-lesson/index.html',
          'ar/basics/basics-quiz/index.html',
          'fr/basics/intro-video/index.html',
          'en/glossary/index.html',
        ]) {
          expect(fs.readFileSync(path.join(a, 'mini', page), 'utf8'), page).toBe(
            fs.readFileSync(path.join(b, 'mini', page), 'utf8'),
          );
        }
      }, 120_000);
    },
  );
}

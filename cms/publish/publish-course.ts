/**
 * "Publish bundles": build a course from the CMS into the bundles folder, recording progress and problems
 * on a publish-jobs row. The build is atomic, so a failed run leaves the last published bundles in place.
 */
import path from 'node:path';
import type { Payload } from 'payload';
import { buildCourse } from '../../compiler/build/build-course.ts';
import { readCourseFromCms } from '../course-exchange/read-course-from-cms.ts';

export const bundlesDir = () => path.resolve(process.env.POLYCOURSE_BUNDLES_DIR ?? 'data/bundles');

/** Start a publish run and return its job id; `finished` resolves when the build ends. */
export async function startPublish(payload: Payload, courseId: string, outDir = bundlesDir()): Promise<{ jobId: string | number; finished: Promise<void> }> {
  const job = await payload.create({ collection: 'publish-jobs', data: { courseId, state: 'running', done: 0, total: 0 } as never });
  const finished = (async () => {
    let lastWrite = 0;
    try {
      const source = await readCourseFromCms(payload, courseId, path.join(outDir, '.cache'));
      const result = await buildCourse({
        courseDir: '', source, outDir,
        onProgress: (done, total) => {
          // Progress rows at most every 300 ms: the admin polls them, the build should not wait on them.
          if (Date.now() - lastWrite < 300 && done < total) return;
          lastWrite = Date.now();
          void payload.update({ collection: 'publish-jobs', id: job.id, data: { done, total } as never });
        },
      });
      await payload.update({
        collection: 'publish-jobs', id: job.id,
        data: { state: result.ok ? 'done' : 'failed', done: result.pages, total: result.pages, outputDir: result.outputDir ?? null, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') } as never,
      });
    } catch (error) {
      await payload.update({ collection: 'publish-jobs', id: job.id, data: { state: 'failed', diagnostics: [{ severity: 'error', ruleId: 'polycourse:publish', message: (error as Error).message }] } as never });
    }
  })();
  return { jobId: job.id, finished };
}

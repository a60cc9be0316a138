/**
 * "Publish bundles": build a course from the CMS into the bundles folder, recording progress and
 * problems on a publish-jobs row. The build is atomic, so a failed run leaves the last published
 * bundles in place.
 */
import path from 'node:path';
import type { Payload } from 'payload';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { readCourseFromCms } from '../course-exchange/read-course-from-cms.ts';
import { zipTarget } from '../../compiler/targets/zip-bundles.ts';
import { staticBundleTarget } from '../../compiler/targets/static-bundle/static-bundle-target.ts';
import { bundlesDir } from './bundles-dir.ts';
import { publishHeartbeatMs } from './fail-orphaned-publish-jobs.ts';
import type { PublishJob } from '../payload-types.ts';
import type { DocId } from '../documents.ts';

/** What a run writes on its job row. */
type JobChanges = Partial<
  Pick<PublishJob, 'state' | 'done' | 'total' | 'outputDir' | 'diagnostics'>
>;

/** Create a job row and run the build in this process; `finished` resolves when the build ends. */
export interface PublishOptions {
  /** Per-locale publishing: only the source locale and the locales whose texts are all approved. */
  approvedOnly?: boolean;
  /** Also told of the build's progress (the CLI's progress bar). */
  onProgress?: (done: number, total: number, label: string) => void;
}

export async function startPublish(
  payload: Payload,
  courseId: string,
  outDir = bundlesDir(),
  options: PublishOptions = {},
): Promise<{ jobId: DocId; finished: Promise<boolean> }> {
  const job = await payload.create({
    collection: 'publish-jobs',
    data: { courseId, state: 'running', done: 0, total: 0 },
  });
  return { jobId: job.id, finished: runPublishJob(payload, job.id, courseId, outDir, options) };
}

/**
 * Build the course for an existing job row, writing progress, the outcome and errors on it. While
 * it runs, the row is touched every few seconds (its heartbeat), so that a job whose process died
 * is recognised.
 */
export async function runPublishJob(
  payload: Payload,
  jobId: DocId,
  courseId: string,
  outDir = bundlesDir(),
  options: PublishOptions = {},
): Promise<boolean> {
  // Writes to the row go one after another: an update rewrites the whole row, so a progress write
  // still under way must not land after the outcome and turn a finished job back into a running
  // one.
  let writes = Promise.resolve();
  const write = (data: JobChanges) => {
    writes = writes
      .then(() => payload.update({ collection: 'publish-jobs', id: jobId, data, depth: 0 }))
      .then(
        () => {},
        () => {},
      );
    return writes;
  };
  let lastWrite = 0;
  const heartbeat = setInterval(() => void write({}), publishHeartbeatMs);
  const finish = async (data: JobChanges) => {
    clearInterval(heartbeat);
    await writes;
    await payload.update({ collection: 'publish-jobs', id: jobId, data, depth: 0 });
  };
  try {
    const source = await readCourseFromCms(payload, courseId, path.join(outDir, '.cache'));
    const result = await buildCourse({
      courseDir: '',
      source,
      outDir,
      approvedOnly: options.approvedOnly,
      // The bundle folder, and the zips a partner downloads: one per locale and one with every
      // locale.
      targets: [staticBundleTarget(), zipTarget()],
      onProgress: (done, total, label) => {
        options.onProgress?.(done, total, label);
        // Progress rows at most every 300 ms: the admin polls them, the build should not wait on
        // them.
        if (Date.now() - lastWrite < 300 && done < total) return;
        lastWrite = Date.now();
        void write({ done, total });
      },
    });
    await finish({
      state: result.ok ? 'done' : 'failed',
      done: result.pages,
      total: result.pages,
      outputDir: result.outputDir ?? null,
      // Errors, and which locales wait for approval: what the admin shows under the button.
      diagnostics: result.diagnostics.filter(
        (d) => d.severity === 'error' || d.ruleId === 'polycourse:not-published',
      ),
    });
    return result.ok;
  } catch (error) {
    await finish({
      state: 'failed',
      diagnostics: [
        { severity: 'error', ruleId: 'polycourse:publish', message: (error as Error).message },
      ],
    });
    return false;
  } finally {
    clearInterval(heartbeat);
  }
}

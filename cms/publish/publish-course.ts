/**
 * "Publish bundles": build a course from the CMS into the bundles folder, recording progress and
 * problems on a publish-jobs row. The build is atomic, so a failed run leaves the last published
 * bundles in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Payload } from 'payload';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { readCourseFromCms } from '../course-exchange/read-course-from-cms.ts';
import { chooseTargets } from '../../compiler/targets/choose-targets.ts';
import { packageNames } from '../../compiler/targets/target-names.ts';
import type { PackageName } from '../../compiler/targets/target-names.ts';
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
  /**
   * LMS packages to publish beside the bundles and their zips (`scorm12`, `scorm2004`, `cmi5`):
   * those of the other kinds a previous publish left are removed once this one succeeds, so the
   * downloads are always this publish's.
   */
  packages?: PackageName[];
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
      // The bundle folder, the zips a partner downloads (one per locale and one with every
      // locale), and the LMS packages asked for.
      targets: chooseTargets(['zip', ...(options.packages ?? [])]),
      onProgress: (done, total, label) => {
        options.onProgress?.(done, total, label);
        // Progress rows at most every 300 ms: the admin polls them, the build should not wait on
        // them.
        if (Date.now() - lastWrite < 300 && done < total) return;
        lastWrite = Date.now();
        void write({ done, total });
      },
    });
    if (result.ok) removeOtherPackages(outDir, courseId, options.packages ?? []);
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

/** Delete `<course>[.<locale>].<kind>.zip` of the package kinds this publish did not make. */
function removeOtherPackages(outDir: string, courseId: string, kept: readonly PackageName[]) {
  const dropped = packageNames.filter((n) => !kept.includes(n));
  for (const file of fs.readdirSync(outDir)) {
    const match = /^(.+?)(?:\.([a-z0-9-]+))?\.([a-z0-9]+)\.zip$/.exec(file);
    if (match?.[1] === courseId && dropped.includes(match[3] as PackageName))
      fs.rmSync(path.join(outDir, file), { force: true });
  }
}

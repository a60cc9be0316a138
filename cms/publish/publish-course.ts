/**
 * "Publish bundles": build a course from the CMS into the bundles folder, recording progress and
 * problems on a publish-jobs row. The build is atomic, so a failed run leaves the last published
 * bundles in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Payload } from 'payload';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { hasErrors, type Diagnostic } from '../../compiler/model/diagnostic.ts';
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

/** A job the CMS server sends its warm publisher (`polycourse publish --serve`). */
export interface PublishRequest extends Pick<PublishOptions, 'approvedOnly' | 'packages'> {
  job: DocId;
  courseId: string;
}

/** Create a job row and run the build in this process; `finished` resolves when the build ends. */
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
      baseUrl: publicBundlesUrl(courseId, (message) => payload.logger.warn(message)),
      learnerServices: learnerServicesUrl((message) => payload.logger.warn(message)),
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
    // The bundles here are published; a deploy that fails says so on the job and is retried by
    // the next publish (it uploads what the bucket's manifest does not have yet).
    const deployed = result.ok ? await deployIfConfigured(outDir, courseId) : [];
    await finish({
      state: result.ok && !hasErrors(deployed) ? 'done' : 'failed',
      done: result.pages,
      total: result.pages,
      outputDir: result.outputDir ?? null,
      // Errors, and which locales wait for approval: what the admin shows under the button.
      diagnostics: [
        ...result.diagnostics.filter(
          (d) => d.severity === 'error' || d.ruleId === 'polycourse:not-published',
        ),
        ...deployed,
      ],
    });
    return result.ok && !hasErrors(deployed);
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

/**
 * With `POLYCOURSE_DEPLOY_S3=s3://<bucket>/<prefix>`, each publish also deploys the course's bundle
 * to `<prefix>/<course-id>/` (`polycourse deploy`: what changed, pages last). The endpoint and
 * path style of an S3-compatible server: `POLYCOURSE_DEPLOY_S3_ENDPOINT`,
 * `POLYCOURSE_DEPLOY_S3_PATH_STYLE=1`; credentials from the AWS SDK's usual chain.
 */
async function deployIfConfigured(outDir: string, courseId: string): Promise<Diagnostic[]> {
  const url = process.env.POLYCOURSE_DEPLOY_S3;
  if (!url) return [];
  const { deployToS3, parseS3Url } = await import('../../compiler/targets/deploy/s3-deploy.ts');
  const target = parseS3Url(url.replace(/\/+$/, '') + `/${courseId}`);
  if (typeof target === 'string')
    return [
      {
        severity: 'error',
        ruleId: 'polycourse:deploy-credentials',
        path: 'POLYCOURSE_DEPLOY_S3',
        message: `POLYCOURSE_DEPLOY_S3 is not a deploy location: ${target}`,
        fix: 'Set it to s3://<bucket>/<prefix>, or unset it to publish here only.',
      },
    ];
  const deployed = await deployToS3({
    dir: path.join(outDir, courseId),
    target,
    s3: {
      endpoint: process.env.POLYCOURSE_DEPLOY_S3_ENDPOINT || undefined,
      forcePathStyle: process.env.POLYCOURSE_DEPLOY_S3_PATH_STYLE === '1',
    },
  });
  return deployed.diagnostics;
}

/**
 * Where learners reach the course's published folder: POLYCOURSE_BUNDLES_URL (the public address
 * of the bundles folder, e.g. https://cdn.example.org/courses/) joined with the course id. Pages
 * then name their canonical address and their translations' (build --base-url); unset, they name
 * neither. An address that is not http(s) is ignored with a warning, so a typo never stops a
 * publish.
 */
function publicBundlesUrl(courseId: string, warn: (message: string) => void): string | undefined {
  const configured = process.env.POLYCOURSE_BUNDLES_URL;
  if (!configured) return undefined;
  let url: URL;
  try {
    url = new URL(configured.endsWith('/') ? configured : `${configured}/`);
  } catch {
    url = new URL('invalid:');
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) {
    warn(
      `POLYCOURSE_BUNDLES_URL="${configured}" is not an http(s) address without query or ` +
        'fragment: pages are published without canonical and hreflang links.',
    );
    return undefined;
  }
  return new URL(`${encodeURIComponent(courseId)}/`, url).href;
}

/**
 * POLYCOURSE_LEARNER_SERVICES_URL: the address at which learners' browsers reach this server's
 * learner services (docs/learner-services.md); published bundles then offer accounts and the
 * leaderboard. Unset: bundles keep everything on the device. An invalid value is logged and
 * ignored.
 */
function learnerServicesUrl(warn: (message: string) => void): string | undefined {
  const configured = process.env.POLYCOURSE_LEARNER_SERVICES_URL;
  if (!configured) return undefined;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    url = new URL('invalid:');
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    warn(
      `POLYCOURSE_LEARNER_SERVICES_URL="${configured}" is not an http(s) address without query ` +
        'or fragment: bundles are published without the learner services.',
    );
    return undefined;
  }
  return url.href.replace(/\/+$/, '');
}

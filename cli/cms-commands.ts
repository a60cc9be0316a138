/**
 * Commands that talk to the CMS in-process (Payload's Local API) on the database DATABASE_URI names
 * (default: the SQLite file data/polycourse.db): `import <course-dir>`, `export`, `publish`,
 * `build --from-cms <course-id>`; `build --from <url>` and `export --from <url>` read a remote CMS
 * over REST instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readCourseFromFiles } from '../compiler/sources/files/read-course-from-files.ts';
import { hasErrors } from '../compiler/model/diagnostic.ts';
import { exitCodes } from './exit-codes.ts';
import { printDiagnostics, printJson } from './report-diagnostics.ts';
import type { PackageName } from '../compiler/targets/target-names.ts';
import { createProgress } from './progress-bar.ts';
import { closeDatabase } from '../cms/database-adapter.ts';
import type { SourceResult } from '../compiler/sources/source.ts';
import type { PublishRequest } from '../cms/publish/publish-course.ts';

/**
 * Run with a Payload instance; its own output (schema push spinner, logs) goes to stderr, keeping
 * stdout for --json.
 */
export async function withPayload<T>(
  run: (payload: import('payload').Payload) => Promise<T>,
): Promise<T> {
  // The CLI works on the same database as the server (`polycourse cms`): committed migrations,
  // never a dev schema push, unless NODE_ENV says otherwise (docs/cms.md).
  (process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  try {
    const { getPayload } = await import('payload');
    const { polycourseConfig } = await import('../cms/payload.config.ts');
    const payload = await getPayload({ config: polycourseConfig() });
    try {
      return await run(payload);
    } finally {
      await closeDatabase(payload);
    }
  } finally {
    process.stdout.write = stdoutWrite;
  }
}

export async function importCommand(options: {
  courseDir: string;
  json: boolean;
}): Promise<number> {
  const source = readCourseFromFiles(options.courseDir);
  if (!source.course || hasErrors(source.diagnostics)) {
    printDiagnostics(source.diagnostics.filter((d) => d.severity === 'error'));
    process.stderr.write(
      'Import refused: the course has errors; nothing was written to the CMS.\n',
    );
    return exitCodes.invalid;
  }
  const course = source.course;
  const { importCourse } = await import('../cms/course-exchange/import-course.ts');
  const progress = createProgress('importing', !options.json);
  const report = await withPayload((payload) =>
    importCourse(payload, course, (d, t, l) => progress.update(d, t, l)),
  ).finally(() => progress.stop());
  if (options.json)
    process.stdout.write(`${JSON.stringify({ course: course.id, ...report }, null, 2)}\n`);
  else
    process.stdout.write(
      `${course.id}: ${report.created} documents created, ${report.updated} updated; ` +
        `media ${report.media.uploaded} uploaded, ${report.media.reused} already there\n`,
    );
  return exitCodes.ok;
}

export async function exportCommand(options: {
  courseId: string;
  dir: string;
  json: boolean;
  from?: CmsLocation;
}): Promise<number> {
  const source = await readFromCms(
    options.courseId,
    path.join(options.dir, '.cache'),
    options.from,
  );
  if (!source.course) {
    printDiagnostics(source.diagnostics);
    return exitCodes.invalid;
  }
  // Ids and media paths name files: a course whose ids are not slugs is not written anywhere.
  const { validateCourse } = await import('../compiler/model/validate-course.ts');
  const unsafe = [...source.diagnostics, ...validateCourse(source.course)].filter(
    (d) => d.severity === 'error' && /id-syntax|media-path/.test(d.ruleId),
  );
  if (unsafe.length) {
    printDiagnostics(unsafe);
    return exitCodes.invalid;
  }
  const { writeCourseFiles } = await import('../compiler/targets/write-course-files.ts');
  const written = writeCourseFiles(source.course, options.dir);
  fs.rmSync(path.join(options.dir, '.cache'), { recursive: true, force: true });
  if (options.json)
    process.stdout.write(
      `${JSON.stringify({ course: options.courseId, files: written.length }, null, 2)}\n`,
    );
  else
    process.stdout.write(`${options.courseId}: wrote ${written.length} files to ${options.dir}\n`);
  return exitCodes.ok;
}

/** Where a course is read from: the CMS on DATABASE_URI in-process, or a remote CMS's REST API. */
export interface CmsLocation {
  url?: string;
  token?: string;
  /** the latest saved drafts instead of the published versions */ drafts?: boolean;
}

/**
 * Read a course from the CMS for a build or an export (the compiler's stages do not know where it
 * came from).
 */
export async function readFromCms(
  courseId: string,
  cacheDir: string,
  from: CmsLocation = {},
): Promise<SourceResult> {
  const { readCourseFromCms } = await import('../cms/course-exchange/read-course-from-cms.ts');
  const { readCourseThrough } = await import('../compiler/sources/cms/read-course-through.ts');
  const options = { draft: Boolean(from.drafts) };
  if (!from.url)
    return withPayload((payload) =>
      readCourseFromCms(payload, courseId, path.resolve(cacheDir), options),
    );
  const { restCmsReader, CmsRequestError } =
    await import('../cms/course-exchange/rest-cms-reader.ts');
  try {
    return await readCourseThrough(
      restCmsReader(from.url, from.token),
      courseId,
      path.resolve(cacheDir),
      options,
    );
  } catch (error) {
    if (!(error instanceof CmsRequestError)) throw error;
    const diagnostic = {
      severity: 'error' as const,
      ruleId: 'polycourse:cms-request',
      path: `${from.url}#courses/${courseId}`,
      message: error.message,
      fix: 'Check --from, --token (or POLYCOURSE_CMS_TOKEN) and that the CMS is running.',
    };
    return {
      course: undefined,
      diagnostics: [diagnostic],
      inputs: [],
      locate: () => ({ file: from.url! }),
      inputsHash: () => '',
    };
  }
}

/**
 * `publish <course-id> [--job <id>]`: build the course's bundles from the CMS into the bundles
 * folder, recording progress on a publish-jobs row (the admin's "Publish bundles" starts this with
 * --job).
 */
export async function publishCommand(options: {
  courseId: string;
  jobId?: string;
  json: boolean;
  approvedOnly?: boolean;
  packages?: PackageName[];
}): Promise<number> {
  const { startPublish, runPublishJob } = await import('../cms/publish/publish-course.ts');
  const { bundlesDir } = await import('../cms/publish/bundles-dir.ts');
  const progress = createProgress('publishing', !options.json);
  const publishOptions = {
    approvedOnly: options.approvedOnly,
    packages: options.packages,
    onProgress: (d: number, t: number, l: string) => progress.update(d, t, l),
  };
  const job = await withPayload(async (payload) => {
    let jobId: string | number | undefined = options.jobId;
    if (jobId !== undefined) {
      // Ids are numbers on SQL databases and strings on MongoDB: look the row up as given, then as
      // a number.
      const found =
        (await payload
          .findByID({ collection: 'publish-jobs', id: jobId, disableErrors: true })
          .catch(() => null)) ??
        (await payload
          .findByID({ collection: 'publish-jobs', id: Number(jobId), disableErrors: true })
          .catch(() => null));
      if (!found) throw new Error(`publish job ${jobId} does not exist`);
      jobId = found.id;
      await runPublishJob(payload, jobId, options.courseId, bundlesDir(), publishOptions);
    } else {
      const started = await startPublish(payload, options.courseId, bundlesDir(), publishOptions);
      jobId = started.jobId;
      await started.finished;
    }
    return payload.findByID({ collection: 'publish-jobs', id: jobId });
  }).finally(() => progress.stop());
  const { state, done, outputDir, diagnostics } = job as unknown as {
    state: string;
    done: number;
    outputDir?: string;
    diagnostics?: import('../compiler/model/diagnostic.ts').Diagnostic[];
  };
  if (options.json)
    printJson({
      course: options.courseId,
      job: job.id,
      state,
      pages: done,
      outputDir,
      diagnostics: diagnostics ?? [],
    });
  else if (state === 'done') {
    printDiagnostics(diagnostics ?? []); // with --approved-only: the locales that wait, and why
    process.stdout.write(
      `${options.courseId}: published ${done} pages to ${outputDir ?? bundlesDir()}\n`,
    );
  } else {
    printDiagnostics(diagnostics ?? []);
    process.stderr.write(
      `${options.courseId}: publishing failed; the last published bundles are unchanged.\n`,
    );
  }
  return state === 'done' ? exitCodes.ok : exitCodes.invalid;
}

/** Unused this long, a warm publisher (`publish --serve`) exits (POLYCOURSE_PUBLISHER_IDLE_MS). */
const publisherIdleMs = () => Number(process.env.POLYCOURSE_PUBLISHER_IDLE_MS ?? 15 * 60_000);
/**
 * Past this resident size after a job, a warm publisher exits and the server starts a fresh one
 * for the next job (POLYCOURSE_PUBLISHER_MAX_RSS_MB). It starts near 400 MB with the demo course
 * and was seen to grow about 6 MB per publish: this keeps it bounded whatever the cause.
 */
const publisherMaxRssMb = () => Number(process.env.POLYCOURSE_PUBLISHER_MAX_RSS_MB ?? 900);

/**
 * `publish --serve`: the CMS server's warm publisher. It runs the publish jobs the server sends
 * over IPC, one after another, with Payload and the compiler loaded once: after a one-lesson edit
 * a publish then costs the build, not a process start (3–4 s of module loading here). It reports
 * each finished job, and exits when the server goes (after the job under way) or when unused for
 * a while.
 */
export async function publishServeCommand(): Promise<number> {
  const send = process.send?.bind(process);
  if (!send) {
    process.stderr.write(
      'publish --serve takes its jobs from the CMS server (IPC); use publish.\n',
    );
    return exitCodes.usage;
  }
  const { runPublishJob } = await import('../cms/publish/publish-course.ts');
  const { bundlesDir } = await import('../cms/publish/bundles-dir.ts');
  // What a build loads on first use (the MDX stack), loaded now: the first job finds it ready.
  await import('../compiler/pipeline/page-renderer.ts');
  return withPayload(
    (payload) =>
      new Promise<number>((resolve) => {
        // The server went while this process was loading (3–4 s), before the listener below was
        // there: go now, not after the idle time with a few hundred MB held.
        if (!process.connected) return resolve(exitCodes.ok);
        let queue = Promise.resolve();
        let pending = 0;
        let idle: NodeJS.Timeout | undefined;
        const rest = () => {
          clearTimeout(idle);
          idle = setTimeout(() => {
            if (pending) return;
            if (process.connected) process.disconnect(); // the server starts another when needed
            resolve(exitCodes.ok);
          }, publisherIdleMs());
        };
        process.on('message', (request: PublishRequest) => {
          pending++;
          clearTimeout(idle);
          const { job, courseId, approvedOnly, packages } = request;
          queue = queue
            .then(() =>
              runPublishJob(payload, job, courseId, bundlesDir(), { approvedOnly, packages }),
            )
            .catch((error: unknown) => payload.logger.error({ err: error, job }, 'publish failed'))
            .then(() => {
              pending--;
              if (process.connected) send({ finished: job });
              if (pending) return;
              if (process.memoryUsage.rss() / 2 ** 20 > publisherMaxRssMb()) {
                clearTimeout(idle);
                if (process.connected) process.disconnect(); // the next job starts a new one
                resolve(exitCodes.ok);
              } else rest();
            });
        });
        // The server went: finish what it asked for, then go too.
        process.on('disconnect', () => {
          clearTimeout(idle);
          void queue.then(() => resolve(exitCodes.ok));
        });
        rest();
      }),
  );
}

/**
 * `polycourse import-responses <course-id> <responses.csv>`: store a cohort's questionnaire
 * responses in the CMS (checked whole first; nothing stored on any problem; importing twice
 * changes nothing), for the course's Evaluation panel and `evaluate --from-cms`.
 */
export async function importResponsesCommand(options: {
  courseId: string;
  csv: string;
  json: boolean;
}): Promise<number> {
  const text = fs.readFileSync(options.csv, 'utf8');
  const file = path.relative(process.cwd(), options.csv) || options.csv;
  const [{ courseQuestionnaire }, { importResponses }, { createLocalReq }] = await Promise.all([
    import('../cms/evaluation/course-questionnaire.ts'),
    import('../cms/evaluation/stored-responses.ts'),
    import('payload'),
  ]);
  const result = await withPayload(async (payload) => {
    const course = await courseQuestionnaire(payload, options.courseId);
    if (!course?.questionnaire) return undefined;
    const req = await createLocalReq({}, payload);
    return importResponses(req, course, text, file, true);
  });
  if (!result) {
    process.stderr.write(
      `There is no course "${options.courseId}" with a questionnaire in the CMS: ` +
        'import the course first (polycourse import) or define its questionnaire.\n',
    );
    return exitCodes.invalid;
  }
  if (options.json) printJson({ ok: !result.diagnostics.length, ...result });
  else if (result.diagnostics.length) {
    printDiagnostics(result.diagnostics);
    process.stderr.write('Nothing was stored.\n');
  } else process.stdout.write(`${options.courseId}: ${result.imported} responses stored\n`);
  return result.diagnostics.length ? exitCodes.invalid : exitCodes.ok;
}

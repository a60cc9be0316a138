import path from 'node:path';
import type { BuildResult } from '../compiler/pipeline/build-course.ts';
import type { TargetName } from '../compiler/targets/choose-targets.ts';
import type { SourceResult } from '../compiler/sources/source.ts';
import {
  inputSnapshot,
  stampBuild,
  upToDateBuild,
  type StampedOptions,
} from '../compiler/pipeline/build-stamp.ts';
import { exitCodes } from './exit-codes.ts';
import { printDiagnostics, printJson } from './report-diagnostics.ts';
import { createProgress } from './progress-bar.ts';

export interface BuildCommandOptions {
  courseDir: string;
  source?: SourceResult;
  outDir: string;
  locales?: string[];
  theme?: string;
  /** Deliverables beside the folder: zip, scorm12, scorm2004, cmi5 (`--target`, `--zip`). */
  targets: TargetName[];
  json: boolean;
  pseudo?: boolean;
  approvedOnly?: boolean;
  /** A build of drafts (`--drafts`): pages marked as a preview (BuildOptions.preview). */
  preview?: boolean;
  /** Where the course's folder is served (`--base-url`): absolute canonical and hreflang links. */
  baseUrl?: string;
  /** The learner services' address (`--learner-services`, BuildOptions.learnerServices). */
  learnerServices?: string;
  cacheDir?: string;
  /** Reads the course in another folder layout (`--source`), named `sourceName`. */
  readSource?: () => Promise<SourceResult>;
  sourceName?: string;
  /** Build even when nothing changed since the last build (`--force`). */
  force?: boolean;
  /** Also say how long each phase took (`--timings`; `--json` always has them). */
  timings?: boolean;
}

export async function buildCommand(options: BuildCommandOptions): Promise<number> {
  const started = performance.now();
  // A course read by the CMS has no folder to compare: it is always built.
  const stamped: StampedOptions | undefined = options.source
    ? undefined
    : {
        courseDir: options.courseDir,
        outDir: options.outDir,
        locales: options.locales,
        theme: options.theme,
        cacheDir: options.cacheDir,
        pseudo: options.pseudo,
        approvedOnly: options.approvedOnly,
        preview: options.preview,
        baseUrl: options.baseUrl,
        learnerServices: options.learnerServices,
        targetNames: [
          ...options.targets,
          ...(options.sourceName ? [`source:${options.sourceName}`] : []),
        ],
      };
  const unchanged = stamped && !options.force ? upToDateBuild(stamped) : undefined;
  if (unchanged) {
    const durationMs = Math.round(performance.now() - started);
    return report({ ...unchanged, rendered: 0, durationMs }, options, true);
  }
  const before = stamped && inputSnapshot(stamped);
  // Loaded only when there is something to build (the check above is what a no-change build
  // costs).
  const { buildCourse } = await import('../compiler/pipeline/build-course.ts');
  const { chooseTargets } = await import('../compiler/targets/choose-targets.ts');
  const source = options.source ?? (await options.readSource?.());
  const progress = createProgress('building', !options.json);
  // The bundle folder, then each package asked for: zips, SCORM packages (per locale and all).
  const targets = chooseTargets(options.targets);
  let result: BuildResult;
  try {
    const onProgress = (done: number, total: number, label: string) =>
      progress.update(done, total, label);
    result = await buildCourse({ ...options, source, targets, onProgress });
  } finally {
    progress.stop();
  }
  if (stamped && before) stampBuild(stamped, before, result);
  return report(result, options, false);
}

/** What a build did (or, `upToDate`, that it had nothing to do), as text or JSON. */
function report(result: BuildResult, options: BuildCommandOptions, upToDate: boolean): number {
  const { deliverables = [], ...summary } = result;
  const zips = deliverables.filter((d) => d.target === 'zip').flatMap((d) => d.paths);
  const packages = deliverables
    .filter((d) => d.target !== 'static-bundle')
    .map(({ target, paths }) => ({ target, paths }));
  if (options.json) {
    printJson({ ...summary, upToDate, zips, packages });
    return result.ok ? exitCodes.ok : exitCodes.invalid;
  }
  printDiagnostics(
    result.diagnostics.filter((d) => d.severity === 'error' || d.ruleId !== 'polycourse:fallback'),
  );
  if (!result.ok) {
    process.stderr.write(
      deliverables.length
        ? 'Build failed in a target; delivered before it: ' +
            `${deliverables.map((d) => d.target).join(', ')}.\n`
        : 'Build failed: nothing was written; the previous output is unchanged.\n',
    );
    return exitCodes.invalid;
  }
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  const unchanged = result.pages - result.rendered;
  const seconds = (result.durationMs / 1000).toFixed(2);
  process.stdout.write(
    upToDate
      ? `Up to date: nothing changed since the last build of these ${result.pages} pages ` +
          `(checked in ${seconds} s; --force builds anyway) → ${rel(result.outputDir!)}\n`
      : `Built ${result.pages} pages (${result.rendered} rendered, ${unchanged} unchanged) ` +
          `in ${seconds} s → ${rel(result.outputDir!)}\n`,
  );
  process.stdout.write('Translation coverage:\n');
  for (const [locale, c] of Object.entries(result.coverage)) {
    const pct = Math.floor(c.ratio * 1000) / 10;
    const bar = '█'.repeat(Math.round(c.ratio * 20)).padEnd(20, '·');
    const fallBack = c.translated < c.total ? `  (${c.total - c.translated} texts fall back)` : '';
    process.stdout.write(`  ${locale.padEnd(6)} ${bar} ${String(pct).padStart(5)}%${fallBack}\n`);
  }
  for (const { target, paths } of packages)
    for (const p of paths) process.stdout.write(`${target}: ${rel(p)}\n`);
  if (options.timings && result.phases?.length) {
    process.stdout.write('Phases (wall time):\n');
    for (const { name, ms } of result.phases)
      process.stdout.write(`  ${name.padEnd(22)} ${(ms / 1000).toFixed(2).padStart(7)} s\n`);
  }
  return exitCodes.ok;
}

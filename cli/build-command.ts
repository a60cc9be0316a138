import { spawn } from 'node:child_process';
import os from 'node:os';
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
  /**
   * The command line that ran this build (the CLI's entry and its arguments): a build with work to
   * do runs again in a process with V8's single-threaded collector (`inGcTunedProcess`).
   */
  commandLine?: { entry: string; args: string[] };
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
  const rerun = stamped && gcTunedCommand(options.commandLine);
  if (rerun) return inGcTunedProcess(rerun);
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

/**
 * A build's three busy threads (this one and two render workers on a 2-core machine) compete for
 * the cores with V8's parallel and concurrent collector threads. With `--single-threaded-gc` each
 * thread collects its own garbage itself: on the benchmark corpus builds took ~10% less wall and
 * CPU time, for 20-40 MB more memory (docs/benchmarks.md, #17). Node takes that flag only on its
 * own command line (not in NODE_OPTIONS; set at run time it crashed builds), so a build with work
 * to do runs again in a process started with it, once this one found that the stamp did not match
 * (`--force`: the child does not check it again). The CMS and `polycourse dev` keep V8's default,
 * which their response times need. POLYCOURSE_SINGLE_THREADED_GC=0 builds in this process.
 */
function gcTunedCommand(commandLine: BuildCommandOptions['commandLine']): string[] | undefined {
  if (!commandLine || process.env.POLYCOURSE_SINGLE_THREADED_GC === '0') return undefined;
  if (process.execArgv.includes('--single-threaded-gc')) return undefined;
  const args = commandLine.args.includes('--force')
    ? commandLine.args
    : [...commandLine.args, '--force'];
  return [...process.execArgv, '--single-threaded-gc', commandLine.entry, ...args];
}

/** Runs the build in the child, sharing this terminal, and answers with its exit code. */
function inGcTunedProcess(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    // A signal to this process is passed on: the child stops (and its staging with it), then this.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0));
    });
  });
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

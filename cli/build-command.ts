import path from 'node:path';
import { buildCourse, type BuildResult } from '../compiler/pipeline/build-course.ts';
import { chooseTargets, type TargetName } from '../compiler/targets/choose-targets.ts';
import type { SourceResult } from '../compiler/sources/source.ts';
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
}

export async function buildCommand(options: BuildCommandOptions): Promise<number> {
  const progress = createProgress('building', !options.json);
  // The bundle folder, then each package asked for: zips, SCORM packages (per locale and all).
  const targets = chooseTargets(options.targets);
  let result: BuildResult;
  try {
    const onProgress = (done: number, total: number, label: string) =>
      progress.update(done, total, label);
    result = await buildCourse({ ...options, targets, onProgress });
  } finally {
    progress.stop();
  }
  const { deliverables = [], ...summary } = result;
  const zips = deliverables.filter((d) => d.target === 'zip').flatMap((d) => d.paths);
  const packages = deliverables
    .filter((d) => d.target !== 'static-bundle')
    .map(({ target, paths }) => ({ target, paths }));
  if (options.json) {
    printJson({ ...summary, zips, packages });
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
    `Built ${result.pages} pages (${result.rendered} rendered, ${unchanged} unchanged) ` +
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
  return exitCodes.ok;
}

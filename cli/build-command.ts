import path from 'node:path';
import { buildCourse, type BuildResult } from '../compiler/pipeline/build-course.ts';
import type { Target } from '../compiler/targets/target.ts';
import { staticBundleTarget } from '../compiler/targets/static-bundle/static-bundle-target.ts';
import { zipTarget } from '../compiler/targets/zip-bundles.ts';
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
  zip: boolean;
  json: boolean;
  pseudo?: boolean;
  approvedOnly?: boolean;
  cacheDir?: string;
}

export async function buildCommand(options: BuildCommandOptions): Promise<number> {
  const progress = createProgress('building', !options.json);
  // The bundle folder, and with --zip one zip per locale and one with every locale beside it.
  const targets: Target[] = [staticBundleTarget(), ...(options.zip ? [zipTarget()] : [])];
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
  if (options.json) {
    printJson({ ...summary, zips });
    return result.ok ? exitCodes.ok : exitCodes.invalid;
  }
  printDiagnostics(
    result.diagnostics.filter((d) => d.severity === 'error' || d.ruleId !== 'polycourse:fallback'),
  );
  if (!result.ok) {
    process.stderr.write('Build failed: nothing was written; the previous output is unchanged.\n');
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
  for (const z of zips) process.stdout.write(`zip: ${rel(z)}\n`);
  return exitCodes.ok;
}

import path from 'node:path';
import { buildCourse, type BuildResult } from '../compiler/build/build-course.ts';
import { zipBundles } from '../compiler/targets/zip-bundles.ts';
import { exitCodes } from './exit-codes.ts';
import { printDiagnostics } from './report-diagnostics.ts';
import { createProgress } from './progress-bar.ts';

export interface BuildCommandOptions {
  courseDir: string;
  source?: import('../compiler/sources/read-course.ts').SourceResult;
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
  let result: BuildResult;
  try {
    result = await buildCourse({ ...options, onProgress: (done, total, label) => progress.update(done, total, label) });
  } finally {
    progress.stop();
  }
  let zips: string[] = [];
  if (result.ok && options.zip && result.outputDir) zips = await zipBundles(result.outputDir, options.outDir);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...result, zips }, null, 2)}\n`);
    return result.ok ? exitCodes.ok : exitCodes.invalid;
  }
  printDiagnostics(result.diagnostics.filter((d) => d.severity === 'error' || d.ruleId !== 'polycourse:fallback'));
  if (!result.ok) {
    process.stderr.write('Build failed: nothing was written; the previous output is unchanged.\n');
    return exitCodes.invalid;
  }
  const rel = (p: string) => path.relative(process.cwd(), p) || '.';
  process.stdout.write(`Built ${result.pages} pages (${result.rendered} rendered, ${result.pages - result.rendered} unchanged) in ${(result.durationMs / 1000).toFixed(2)} s → ${rel(result.outputDir!)}\n`);
  process.stdout.write('Translation coverage:\n');
  for (const [locale, c] of Object.entries(result.coverage)) {
    const pct = Math.floor(c.ratio * 1000) / 10;
    const bar = '█'.repeat(Math.round(c.ratio * 20)).padEnd(20, '·');
    process.stdout.write(`  ${locale.padEnd(6)} ${bar} ${String(pct).padStart(5)}%${c.translated < c.total ? `  (${c.total - c.translated} texts fall back)` : ''}\n`);
  }
  for (const z of zips) process.stdout.write(`zip: ${rel(z)}\n`);
  return exitCodes.ok;
}

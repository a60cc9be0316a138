import type { SourceResult } from '../compiler/sources/source.ts';
import { validateCourseDir } from '../compiler/pipeline/build-course.ts';
import { exitCodes } from './exit-codes.ts';
import { printDiagnostics, printJson } from './report-diagnostics.ts';

export async function validateCommand(options: {
  courseDir: string;
  /** A course already read (the CMS); then courseDir is ''. */
  source?: SourceResult;
  json: boolean;
  locales?: string[];
}): Promise<number> {
  const result = await validateCourseDir(options.courseDir, {
    locales: options.locales,
    source: options.source,
  });
  if (options.json) {
    const { ok, courseId, diagnostics, coverage } = result;
    printJson({ ok, courseId, diagnostics, coverage });
  } else {
    printDiagnostics(result.diagnostics);
    if (result.ok)
      process.stdout.write(
        `${result.courseId}: valid (${result.pages} pages in ${result.locales.length} locales)\n`,
      );
  }
  return result.ok ? exitCodes.ok : exitCodes.invalid;
}

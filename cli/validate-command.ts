import { validateCourseDir } from '../compiler/pipeline/build-course.ts';
import { exitCodes } from './exit-codes.ts';
import { printDiagnostics } from './report-diagnostics.ts';

export async function validateCommand(options: {
  courseDir: string;
  json: boolean;
  locales?: string[];
}): Promise<number> {
  const result = await validateCourseDir(options.courseDir, { locales: options.locales });
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ ok: result.ok, courseId: result.courseId, diagnostics: result.diagnostics, coverage: result.coverage }, null, 2)}\n`,
    );
  } else {
    printDiagnostics(result.diagnostics);
    if (result.ok)
      process.stdout.write(
        `${result.courseId}: valid (${result.pages} pages in ${result.locales.length} locales)\n`,
      );
  }
  return result.ok ? exitCodes.ok : exitCodes.invalid;
}

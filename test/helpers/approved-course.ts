/**
 * Courses for translation memory tests: copies of the mini course under other ids, and one whose
 * French is translated ("FR …") and approved by a reviewer.
 */
import fs from 'node:fs';
import path from 'node:path';
import gettextParser from 'gettext-parser';
import { readCourse } from '../../compiler/sources/read-course.ts';
import { provenanceFile } from '../../compiler/sources/files/read-course-from-files.ts';
import { translationUnits } from '../../compiler/translation/translation-units.ts';
import { currentProvenance } from '../../compiler/translation/translation-status.ts';
import { exchangeFormats } from '../../compiler/translation/formats/index.ts';
import { importTranslations } from '../../compiler/translation/import-translations.ts';
import { miniCourseDir } from './mini-course.ts';
import { editFile } from './temp-course.ts';

/** The mini course as `<dir>/<id>`, with edits to its English text. */
export function courseIn(dir: string, id: string, edits: [string, string, string][] = []): string {
  const course = path.join(dir, id);
  fs.cpSync(miniCourseDir, course, { recursive: true });
  editFile(path.join(course, 'course.yaml'), 'id: mini', `id: ${id}`);
  for (const [file, from, to] of edits) editFile(path.join(course, file), from, to);
  return course;
}

/** Every French text translated ("FR …", through our own PO) and approved by a reviewer. */
export function translateAndApprove(course: string): void {
  const model = readCourse(course).course!;
  const meta = { courseId: model.id, sourceLocale: 'en', targetLocale: 'fr' };
  const po = gettextParser.po.parse(exchangeFormats.po.write(meta, translationUnits(model, 'fr')));
  for (const [context, entries] of Object.entries(po.translations))
    if (context) for (const entry of Object.values(entries)) entry.msgstr = [`FR ${entry.msgid}`];
  const result = importTranslations(course, gettextParser.po.compile(po).toString('utf8'));
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.diagnostics)}`);
  const after = readCourse(course).course!;
  const texts = currentProvenance(after, 'fr', true, after.translations?.fr);
  fs.writeFileSync(
    provenanceFile(course, 'fr'),
    JSON.stringify({ format: 1, locale: 'fr', texts }),
  );
}

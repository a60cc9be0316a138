/**
 * `polycourse l10n glossary <course-dir> [--locale fr,…] [--format tbx|tbx-v3|csv] [--out <file>]`:
 * the course glossary, each term with its translations and definitions, for a CAT tool (stdout
 * without --out).
 */
import fs from 'node:fs';
import type { Course } from '../compiler/model/course.ts';
import {
  exportGlossary,
  glossaryFormats,
  type GlossaryFormat,
} from '../compiler/translation/glossary-export.ts';
import { exitCodes, UsageError } from './exit-codes.ts';

export function glossaryCommand(
  course: Course,
  locales: string[],
  options: { format?: string; out?: string },
): number {
  const format = (options.format ?? 'tbx') as GlossaryFormat;
  if (!glossaryFormats.includes(format))
    throw new UsageError(`l10n glossary --format must be one of ${glossaryFormats.join(', ')}`);
  const text = exportGlossary(course, locales, format);
  if (!course.glossary.length)
    process.stderr.write(`${course.id} has no glossary (glossary: in course.yaml)\n`);
  if (!options.out) {
    process.stdout.write(text);
    return exitCodes.ok;
  }
  fs.writeFileSync(options.out, text);
  const langs = [course.sourceLocale, ...locales.filter((l) => l !== course.sourceLocale)];
  process.stdout.write(
    `wrote ${options.out} (${format}: ${course.glossary.length} terms in ${langs.join(', ')})\n`,
  );
  return exitCodes.ok;
}

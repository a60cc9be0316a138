/**
 * `polycourse l10n status <course-dir> [--locale l] [--json]`: what is missing, stale, translated
 * and approved per locale. `polycourse l10n mark <course-dir> --locale l [--approve]`: record that
 * the locale's current translations were made from today's source texts (and, with --approve,
 * approve them).
 */
import fs from 'node:fs';
import { readCourse } from '../compiler/sources/read-course.ts';
import { provenanceFile } from '../compiler/sources/files/read-course-from-files.ts';
import {
  currentProvenance,
  translationStatus,
  type FieldStatus,
} from '../compiler/translation/translation-status.ts';
import { localeInfo } from '../compiler/model/locales.ts';
import { translationUnits } from '../compiler/translation/translation-units.ts';
import { exchangeFormats } from '../compiler/translation/formats/index.ts';
import { importTranslations } from '../compiler/translation/import-translations.ts';
import { applyMemory } from '../compiler/translation/translation-memory.ts';
import { memoryForExport, memorySummary } from './tm-command.ts';
import { glossaryCommand } from './l10n-glossary-command.ts';
import { exitCodes, UsageError } from './exit-codes.ts';
import { printDiagnostics, printJson } from './report-diagnostics.ts';

export async function l10nCommand(
  action: string | undefined,
  options: {
    courseDir: string;
    locales?: string[];
    json: boolean;
    approve: boolean;
    format?: string;
    out?: string;
    file?: string;
    /** translation memory places for export (tm-command.ts); default: the course's folder */
    tm?: string[];
    /** export: where the course's folder is served (`--base-url`), to link each unit's page */
    baseUrl?: string;
    /** export: a folder for a screenshot of each page with units (`--screenshots`) */
    screenshots?: string;
  },
): Promise<number> {
  if (action === 'import') {
    if (!options.file)
      throw new UsageError(
        'l10n import needs the translated file: polycourse l10n import <course-dir> <file>',
      );
    const result = importTranslations(
      options.courseDir,
      fs.readFileSync(options.file, 'utf8'),
      options.locales?.[0],
    );
    // A problem of the file as a whole is placed on the file.
    const file = options.file;
    const diagnostics = result.diagnostics.map((d) => (d.file || d.path ? d : { ...d, file }));
    if (options.json) printJson({ ...result, diagnostics });
    else if (!result.ok) {
      printDiagnostics([...diagnostics, ...result.warnings]);
      process.stderr.write(
        `Import refused: ${diagnostics.length} problem(s); nothing was changed.\n`,
      );
    } else {
      // Warnings (qa-checks.ts) are for the translator to look at; the import is done.
      printDiagnostics(result.warnings);
      process.stdout.write(
        `${result.locale}: imported ${result.units} units into ${result.written.length} files\n`,
      );
    }
    return result.ok ? exitCodes.ok : exitCodes.invalid;
  }
  const source = readCourse(options.courseDir);
  const course = source.course;
  if (!course) {
    printDiagnostics(source.diagnostics);
    return exitCodes.invalid;
  }
  const locales = options.locales?.length ? options.locales : course.locales;
  const unknown = locales.filter((l) => !course.locales.includes(l));
  if (unknown.length)
    throw new UsageError(
      `the course has no locale ${unknown.join(', ')} (it has ${course.locales.join(', ')})`,
    );

  if (action === 'glossary') return glossaryCommand(course, locales, options);
  if (action === 'mark') {
    if (!options.locales?.length) throw new UsageError('l10n mark needs --locale <l>');
    for (const locale of locales) {
      const file = provenanceFile(options.courseDir, locale);
      const texts = currentProvenance(
        course,
        locale,
        options.approve,
        course.translations?.[locale],
      );
      fs.writeFileSync(file, `${JSON.stringify({ format: 1, locale, texts }, null, 2)}\n`);
      const count = Object.keys(texts).length;
      const approved = options.approve ? ' as approved' : '';
      process.stdout.write(`${locale}: recorded ${count} translations${approved} in ${file}\n`);
    }
    return exitCodes.ok;
  }
  if (action === 'export') {
    const format = exchangeFormats[(options.format ?? 'xliff12') as keyof typeof exchangeFormats];
    if (!format)
      throw new UsageError(`--format must be one of ${Object.keys(exchangeFormats).join(', ')}`);
    if (options.locales?.length !== 1)
      throw new UsageError('l10n export needs exactly one --locale <l>');
    const [locale] = locales;
    const screenshots =
      options.screenshots === undefined
        ? undefined
        : await (
            await import('./take-page-screenshots.ts')
          ).screenshotExportPages(course, options.courseDir, options.screenshots);
    if (options.screenshots !== undefined && !screenshots) return exitCodes.invalid;
    let units;
    try {
      units = translationUnits(course, locale, { baseUrl: options.baseUrl, screenshots });
    } catch (error) {
      // A body (source or translation) that does not parse or is past the limits cannot be
      // segmented.
      const m = error as {
        reason?: string;
        message?: string;
        line?: number;
        column?: number;
        ruleId?: string;
      };
      printDiagnostics([
        {
          severity: 'error',
          ruleId: `polycourse:${m.ruleId ?? 'mdx-syntax'}`,
          file: options.courseDir,
          message:
            'a body of the course cannot be split into segments: ' +
            `${m.line ?? '?'}:${m.column ?? '?'} ${m.reason ?? m.message}`,
          fix: 'run polycourse validate and fix the body it names first.',
        },
      ]);
      return exitCodes.invalid;
    }
    const tm = await memoryForExport(options.courseDir, options.tm);
    if (!tm.ok) return exitCodes.invalid;
    if (tm.memory) {
      units = applyMemory(units, tm.memory, {
        sourceLocale: course.sourceLocale,
        targetLocale: locale,
      });
      process.stderr.write(`${locale}: ${memorySummary(units)}\n`);
    }
    const text = format.write(
      { courseId: course.id, sourceLocale: course.sourceLocale, targetLocale: locale },
      units,
    );
    if (options.out) {
      fs.writeFileSync(options.out, text);
      process.stdout.write(`${locale}: wrote ${options.out} (${format.name})\n`);
    } else process.stdout.write(text);
    return exitCodes.ok;
  }
  if (action !== 'status')
    throw new UsageError(
      `unknown l10n action "${action ?? ''}" (status, mark, export, import, machine or glossary)`,
    );

  const status = translationStatus(course, locales);
  if (options.json) {
    const report = { course: course.id, sourceLocale: course.sourceLocale, locales: status };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return exitCodes.ok;
  }
  // machine last: the columns before it read as they always have
  const order: FieldStatus[] = ['approved', 'translated', 'stale', 'missing', 'machine'];
  process.stdout.write(`${'locale'.padEnd(22)}${order.map((s) => s.padStart(11)).join('')}\n`);
  for (const [locale, s] of Object.entries(status)) {
    const name = `${localeInfo(locale).label} (${locale})`.padEnd(22);
    const counts = order.map((k) => String(s.counts[k]).padStart(11)).join('');
    process.stdout.write(`${name}${counts}\n`);
  }
  if (options.locales?.length) {
    for (const locale of locales) {
      const todo = status[locale].fields.filter(
        (f) => f.status === 'missing' || f.status === 'stale' || f.status === 'machine',
      );
      const lines = todo.map((f) => `  ${f.status.padEnd(8)} ${f.path}`).join('\n');
      if (todo.length) process.stdout.write(`\n${locale}: needs work\n${lines}\n`);
    }
  }
  return exitCodes.ok;
}

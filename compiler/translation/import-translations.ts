/**
 * Import a translated XLIFF 1.2 / XLIFF 2.0 / PO file into a course folder. Everything is checked first —
 * the course and the languages, every unit id, every placeholder, that each body comes whole and passes
 * the build's own body check (limits, syntax, unsafe constructs, components, references) — and only a
 * clean file changes anything: the locale's YAML, its MDX bodies and its provenance. One problem refuses
 * the whole file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Course } from '../model/course.ts';
import { translatableFields } from '../model/translatable-fields.ts';
import { readCourseFromFiles, provenanceFile } from '../sources/files/read-course-from-files.ts';
import { hasErrors, type Diagnostic } from '../model/diagnostic.ts';
import { checkBodyInCourse } from '../mdx/check-body.ts';
import { resolveMediaKey } from '../mdx/resolve-media-key.ts';
import { translationUnits, type TranslationUnit } from './translation-units.ts';
import { placeholderPattern, rebuildMdxMapped, restoreMarkup, segmentMdx } from './segment-mdx.ts';
import { sourceHash, type ProvenanceRecord } from './translation-status.ts';
import { exchangeFormats, detectFormat } from './formats/index.ts';

export interface ImportProblem {
  /** the translation unit (or, for a whole body, its field) the problem is in */
  unit?: string;
  reason: string;
  /** the target locale, for problems in a translated text */
  locale?: string;
  /** the rule the translated body breaks (`polycourse:forbidden-element`), as the build would report it */
  rule?: string;
  /** where in the translated body (as it would be written), for body problems */
  file?: string;
  line?: number;
  column?: number;
}

export interface ImportResult {
  ok: boolean;
  locale?: string;
  problems: ImportProblem[];
  /** files written (only when ok) */
  written: string[];
  units: number;
}

export function importTranslations(
  courseDir: string,
  fileText: string,
  expectedLocale?: string,
): ImportResult {
  const fail = (problems: ImportProblem[]): ImportResult => ({
    ok: false,
    problems,
    written: [],
    units: 0,
  });
  const source = readCourseFromFiles(courseDir);
  if (!source.course || hasErrors(source.diagnostics))
    return fail([
      { reason: 'the course itself has errors; run polycourse validate and fix them first' },
    ]);
  const course = source.course;

  const format = detectFormat(fileText);
  if (!format)
    return fail([{ reason: 'unknown file format: expected XLIFF 1.2, XLIFF 2.0 or gettext PO' }]);
  const read = exchangeFormats[format].read(fileText);
  if (!read.ok) return fail([{ reason: read.reason }]);
  const { meta } = read;
  const problems: ImportProblem[] = [];
  if (meta.courseId !== course.id)
    problems.push({ reason: `the file is for course "${meta.courseId}", not "${course.id}"` });
  if (meta.sourceLocale && meta.sourceLocale !== course.sourceLocale)
    problems.push({
      reason: `the file's source language is "${meta.sourceLocale}", the course's is "${course.sourceLocale}"`,
    });
  if (!course.locales.includes(meta.targetLocale) || meta.targetLocale === course.sourceLocale) {
    problems.push({
      reason: `target language "${meta.targetLocale}" is not a translation locale of this course (${course.locales.filter((l) => l !== course.sourceLocale).join(', ')})`,
    });
  }
  if (expectedLocale && meta.targetLocale !== expectedLocale)
    problems.push({
      reason: `the file's target language is "${meta.targetLocale}", not "${expectedLocale}" as asked`,
    });
  if (problems.length) return fail(problems);
  const locale = meta.targetLocale;

  let units: TranslationUnit[];
  try {
    units = translationUnits(course, locale);
  } catch (error) {
    // A body of the course itself (source or an earlier translation) does not parse or is past the limits.
    const m = error as { reason?: string; message?: string };
    return fail([
      {
        reason: `a body of the course cannot be split into segments (${m.reason ?? m.message}); run polycourse validate and fix it first`,
      },
    ]);
  }
  const known = new Map(units.map((u) => [u.id, u]));
  const accepted = new Map<string, string>();
  for (const unit of read.units) {
    const expected = known.get(unit.id);
    if (!expected) {
      problems.push({
        unit: unit.id,
        locale,
        reason: 'unknown unit id (not in this course, or from an older version of it)',
      });
      continue;
    }
    if (unit.target === undefined || !unit.target.trim()) continue;
    const problem = placeholderProblem(expected, unit.target);
    if (problem) {
      problems.push({ unit: unit.id, locale, reason: problem });
      continue;
    }
    accepted.set(unit.id, unit.target);
  }

  // Bodies come whole: every segment translated, and the rebuilt body passes the check the build runs.
  const bodies = new Map<string, TranslationUnit[]>();
  for (const u of known.values())
    if (u.id.includes(':')) bodies.set(u.field, [...(bodies.get(u.field) ?? []), u]);
  const rebuilt = new Map<string, string>();
  for (const [field, segments] of bodies) {
    const given = segments.filter((s) => accepted.has(s.id));
    if (!given.length) continue;
    if (given.length !== segments.length) {
      problems.push({
        unit: field,
        locale,
        reason: `${segments.length - given.length} of ${segments.length} segments of this body have no translation; a body is imported whole`,
      });
      continue;
    }
    const body = rebuildTranslatedBody(
      courseDir,
      course,
      field,
      locale,
      segments.map((s) => accepted.get(s.id)!),
    );
    if (body.problems.length) problems.push(...body.problems);
    else rebuilt.set(field, body.text);
  }
  if (problems.length) return fail(problems);

  // Write: locale YAML (comments and order kept), bodies, provenance.
  const written: string[] = [];
  const yamlFile = path.join(courseDir, 'locales', `${locale}.yaml`);
  const doc = parseDocument(fs.existsSync(yamlFile) ? fs.readFileSync(yamlFile, 'utf8') : '');
  let yamlChanged = false;
  for (const [id, target] of accepted) {
    if (id.includes(':')) continue;
    doc.setIn(yamlPath(id), restoreMarkup(target, {}));
    yamlChanged = true;
  }
  if (yamlChanged) {
    fs.writeFileSync(yamlFile, doc.toString({ lineWidth: 0 }));
    written.push(yamlFile);
  }
  for (const [field, mdx] of rebuilt) {
    const file = path.join(courseDir, bodyFile(field, locale));
    fs.writeFileSync(file, mdx);
    written.push(file);
  }
  const records: Record<string, ProvenanceRecord> = { ...(course.translations?.[locale] ?? {}) };
  const importedFields = new Set(
    [...accepted.keys()]
      .map((id) => id.split(':')[0])
      .filter((f) => !f.endsWith('.body') || rebuilt.has(f)),
  );
  for (const field of importedFields) {
    const sourceText = fieldValue(course, field, course.sourceLocale) ?? '';
    records[field] = { source: sourceHash(sourceText), sourceText };
  }
  fs.writeFileSync(
    provenanceFile(courseDir, locale),
    `${JSON.stringify({ format: 1, locale, texts: records }, null, 2)}\n`,
  );
  written.push(provenanceFile(courseDir, locale));
  return { ok: true, locale, problems: [], written, units: accepted.size };
}

/**
 * Rebuild one translated body and run it through the build's body check, in its course and module. Each
 * error names the segment (`<field>:<n>`) it lies in, or the body when it lies in the source's markup; a
 * body the source already breaks is reported as the course's problem, not the translator's.
 */
function rebuildTranslatedBody(
  courseDir: string,
  course: Course,
  field: string,
  locale: string,
  translations: string[],
): { text: string; problems: ImportProblem[] } {
  const [, moduleId, , unitId] = field.split('.');
  const unit = course.modules.find((m) => m.id === moduleId)?.units.find((u) => u.id === unitId);
  const source = unit && 'body' in unit ? unit.body[course.sourceLocale] : undefined;
  const mediaRoot = course.mediaRoot ?? courseDir;
  const isFile = (key: string) =>
    fs.statSync(path.join(mediaRoot, key), { throwIfNoEntry: false })?.isFile() ?? false;
  const place = {
    course,
    moduleId,
    locale,
    resolveMedia: (src: string) => resolveMediaKey(course, source?.baseDir, src, isFile),
  };

  const sourceText = sourceBody(course, field);
  const sourceErrors = checkBodyInCourse(sourceText, source?.file ?? field, {
    ...place,
    locale: course.sourceLocale,
  });
  if (sourceErrors.length)
    return { text: '', problems: sourceErrors.map((d) => sourceBodyProblem(field, d)) };

  const file = bodyFile(field, locale);
  const { text, spans } = rebuildMdxMapped(sourceText, segmentMdx(sourceText), translations);
  const segmentOf = segmentFinder(text, spans);
  const problems = checkBodyInCourse(text, file, place).map((d) =>
    translatedBodyProblem(d, field, locale, segmentOf(d)),
  );
  return { text, problems };
}

/** The index of the translated segment a diagnostic's position lies in, or -1. */
function segmentFinder(
  text: string,
  spans: { start: number; end: number }[],
): (d: Diagnostic) => number {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) lineStarts.push(i + 1);
  }
  return (d) => {
    if (d.line === undefined) return -1;
    const offset = (lineStarts[d.line - 1] ?? text.length) + (d.column ?? 1) - 1;
    return spans.findIndex((s) => offset >= s.start && offset < Math.max(s.end, s.start + 1));
  };
}

function sourceBodyProblem(field: string, d: Diagnostic): ImportProblem {
  return {
    unit: field,
    rule: d.ruleId,
    file: d.file,
    line: d.line,
    column: d.column,
    reason: `the source body itself is refused by the build at ${d.file}:${d.line ?? '?'}:${d.column ?? '?'}: ${d.message} [${d.ruleId}]; fix the source (polycourse validate) before importing`,
  };
}

/** A problem of the translated body, on the segment `n` it lies in (syntax errors: on the body, see below). */
function translatedBodyProblem(
  d: Diagnostic,
  field: string,
  locale: string,
  n: number,
): ImportProblem {
  const where = `${locale}, ${d.file}:${d.line ?? '?'}:${d.column ?? '?'}`;
  const common = { locale, rule: d.ruleId, file: d.file, line: d.line, column: d.column };
  if (d.ruleId === 'polycourse:mdx-syntax') {
    // The body is named: the text of one segment can break the markup around another.
    return {
      ...common,
      unit: field,
      reason: `the translated body is not valid MDX (${where}${n >= 0 ? `, in unit ${field}:${n + 1}` : ''}): ${d.message.replace(/^MDX syntax: /, '')} [${d.ruleId}] (a "<" or "{" in the text must be avoided)`,
    };
  }
  return {
    ...common,
    unit: n >= 0 ? `${field}:${n + 1}` : field,
    reason: `the translation is refused by the build's body check (${where}): ${d.message} [${d.ruleId}]${d.fix ? ` Fix: ${d.fix}` : ''}`,
  };
}

/** The source locale's text of body `field` (`modules.<m>.units.<u>.body`). */
function sourceBody(course: Course, field: string): string {
  return fieldValue(course, field, course.sourceLocale) ?? '';
}

/** Where the body `field` of `locale` lives in a course folder. */
function bodyFile(field: string, locale: string): string {
  const [, moduleId, , unitId] = field.split('.');
  return path.join('modules', moduleId, `${unitId}.${locale}.mdx`);
}

function placeholderProblem(expected: TranslationUnit, target: string): string | undefined {
  const want = Object.keys(expected.codes)
    .map(Number)
    .sort((a, b) => a - b);
  const got = [...target.matchAll(placeholderPattern)]
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  const missing = want.filter((n) => !got.includes(n));
  const extra = got.filter((n) => !want.includes(n));
  const twice = got.filter((n, i) => got.indexOf(n) !== i);
  if (missing.length)
    return `placeholder(s) ${missing.map((n) => `{${n}} (${expected.codes[n]})`).join(', ')} missing from the translation`;
  if (extra.length)
    return `placeholder(s) ${extra.map((n) => `{${n}}`).join(', ')} do not exist in the source`;
  if (twice.length)
    return `placeholder(s) ${[...new Set(twice)].map((n) => `{${n}}`).join(', ')} used more than once`;
  return undefined;
}

function fieldValue(course: Course, field: string, locale: string): string | undefined {
  return translatableFields(course)
    .find((f) => f.path === field)
    ?.value(locale);
}

/** Model path → path in locales/<locale>.yaml (the same ids; list indexes for the scale). */
function yamlPath(modelPath: string): (string | number)[] {
  const parts = modelPath.split('.');
  return parts.map((p, i) => (parts[i - 1] === 'scale' && /^\d+$/.test(p) ? Number(p) : p));
}

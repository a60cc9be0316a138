/**
 * Import a translated XLIFF 1.2 / XLIFF 2.0 / PO file into a course folder. Everything is checked first —
 * the course and the languages, every unit id, every placeholder, that each body comes whole and still
 * parses — and only a clean file changes anything: the locale's YAML, its MDX bodies and its provenance.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import type { Course } from '../model/course.ts';
import { translatableFields } from '../model/translatable-fields.ts';
import { readCourseFromFiles, provenanceFile } from '../sources/files/read-course-from-files.ts';
import { hasErrors } from '../model/diagnostic.ts';
import { translationUnits, type TranslationUnit } from './translation-units.ts';
import { placeholderPattern, rebuildMdx, restoreMarkup, segmentMdx } from './segment-mdx.ts';
import { sourceHash, type ProvenanceRecord } from './translation-status.ts';
import { exchangeFormats, detectFormat } from './formats/index.ts';

export interface ImportProblem {
  unit?: string;
  reason: string;
}

export interface ImportResult {
  ok: boolean;
  locale?: string;
  problems: ImportProblem[];
  /** files written (only when ok) */
  written: string[];
  units: number;
}

const mdxParser = unified().use(remarkParse).use(remarkMdx);

export function importTranslations(courseDir: string, fileText: string, expectedLocale?: string): ImportResult {
  const fail = (problems: ImportProblem[]): ImportResult => ({ ok: false, problems, written: [], units: 0 });
  const source = readCourseFromFiles(courseDir);
  if (!source.course || hasErrors(source.diagnostics)) return fail([{ reason: 'the course itself has errors; run polycourse validate and fix them first' }]);
  const course = source.course;

  const format = detectFormat(fileText);
  if (!format) return fail([{ reason: 'unknown file format: expected XLIFF 1.2, XLIFF 2.0 or gettext PO' }]);
  const read = exchangeFormats[format].read(fileText);
  if (!read.ok) return fail([{ reason: read.reason }]);
  const { meta } = read;
  const problems: ImportProblem[] = [];
  if (meta.courseId !== course.id) problems.push({ reason: `the file is for course "${meta.courseId}", not "${course.id}"` });
  if (meta.sourceLocale && meta.sourceLocale !== course.sourceLocale) problems.push({ reason: `the file's source language is "${meta.sourceLocale}", the course's is "${course.sourceLocale}"` });
  if (!course.locales.includes(meta.targetLocale) || meta.targetLocale === course.sourceLocale) {
    problems.push({ reason: `target language "${meta.targetLocale}" is not a translation locale of this course (${course.locales.filter((l) => l !== course.sourceLocale).join(', ')})` });
  }
  if (expectedLocale && meta.targetLocale !== expectedLocale) problems.push({ reason: `the file's target language is "${meta.targetLocale}", not "${expectedLocale}" as asked` });
  if (problems.length) return fail(problems);
  const locale = meta.targetLocale;

  const known = new Map(translationUnits(course, locale).map((u) => [u.id, u]));
  const accepted = new Map<string, string>();
  for (const unit of read.units) {
    const expected = known.get(unit.id);
    if (!expected) { problems.push({ unit: unit.id, reason: 'unknown unit id (not in this course, or from an older version of it)' }); continue; }
    if (unit.target === undefined || !unit.target.trim()) continue;
    const problem = placeholderProblem(expected, unit.target);
    if (problem) { problems.push({ unit: unit.id, reason: problem }); continue; }
    accepted.set(unit.id, unit.target);
  }

  // Bodies come whole: every segment translated, and the rebuilt MDX must still parse.
  const bodies = new Map<string, TranslationUnit[]>();
  for (const u of known.values()) if (u.id.includes(':')) bodies.set(u.field, [...(bodies.get(u.field) ?? []), u]);
  const rebuilt = new Map<string, string>();
  for (const [field, segments] of bodies) {
    const given = segments.filter((s) => accepted.has(s.id));
    if (!given.length) continue;
    if (given.length !== segments.length) {
      problems.push({ unit: field, reason: `${segments.length - given.length} of ${segments.length} segments of this body have no translation; a body is imported whole` });
      continue;
    }
    const text = fieldValue(course, field, course.sourceLocale)!;
    const mdx = rebuildMdx(text, segmentMdx(text), segments.map((s) => accepted.get(s.id)!));
    try {
      mdxParser.parse(mdx);
    } catch (error) {
      problems.push({ unit: field, reason: `the translated body is not valid MDX: ${(error as { reason?: string }).reason ?? (error as Error).message} (a "<" or "{" in the text must be avoided)` });
      continue;
    }
    rebuilt.set(field, mdx);
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
  if (yamlChanged) { fs.writeFileSync(yamlFile, doc.toString({ lineWidth: 0 })); written.push(yamlFile); }
  for (const [field, mdx] of rebuilt) {
    const [, moduleId, , unitId] = field.split('.');
    const file = path.join(courseDir, 'modules', moduleId, `${unitId}.${locale}.mdx`);
    fs.writeFileSync(file, mdx);
    written.push(file);
  }
  const records: Record<string, ProvenanceRecord> = { ...(course.translations?.[locale] ?? {}) };
  const importedFields = new Set([...accepted.keys()].map((id) => id.split(':')[0]).filter((f) => !f.endsWith('.body') || rebuilt.has(f)));
  for (const field of importedFields) {
    const sourceText = fieldValue(course, field, course.sourceLocale) ?? '';
    records[field] = { source: sourceHash(sourceText), sourceText };
  }
  fs.writeFileSync(provenanceFile(courseDir, locale), `${JSON.stringify({ format: 1, locale, texts: records }, null, 2)}\n`);
  written.push(provenanceFile(courseDir, locale));
  return { ok: true, locale, problems: [], written, units: accepted.size };
}

function placeholderProblem(expected: TranslationUnit, target: string): string | undefined {
  const want = Object.keys(expected.codes).map(Number).sort((a, b) => a - b);
  const got = [...target.matchAll(placeholderPattern)].map((m) => Number(m[1])).sort((a, b) => a - b);
  const missing = want.filter((n) => !got.includes(n));
  const extra = got.filter((n) => !want.includes(n));
  const twice = got.filter((n, i) => got.indexOf(n) !== i);
  if (missing.length) return `placeholder(s) ${missing.map((n) => `{${n}} (${expected.codes[n]})`).join(', ')} missing from the translation`;
  if (extra.length) return `placeholder(s) ${extra.map((n) => `{${n}}`).join(', ')} do not exist in the source`;
  if (twice.length) return `placeholder(s) ${[...new Set(twice)].map((n) => `{${n}}`).join(', ')} used more than once`;
  return undefined;
}

function fieldValue(course: Course, field: string, locale: string): string | undefined {
  return translatableFields(course).find((f) => f.path === field)?.value(locale);
}

/** Model path → path in locales/<locale>.yaml (the same ids; list indexes for the scale). */
function yamlPath(modelPath: string): (string | number)[] {
  const parts = modelPath.split('.');
  return parts.map((p, i) => (parts[i - 1] === 'scale' && /^\d+$/.test(p) ? Number(p) : p));
}

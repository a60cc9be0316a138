/**
 * Import a translated XLIFF 1.2 / XLIFF 2.0 / PO file into a course folder. Everything is checked
 * first — the course and the languages, every unit id, every placeholder, that each body comes
 * whole and passes the build's own body check (limits, syntax, unsafe constructs, components,
 * references) — and only a clean file changes anything: the locale's YAML, its MDX bodies and its
 * provenance. One problem refuses the whole file.
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

export interface ImportResult {
  ok: boolean;
  locale?: string;
  /**
   * Why the file was refused, one per problem (`path` names the unit, `file` the translated body).
   */
  diagnostics: Diagnostic[];
  /** files written (only when ok) */
  written: string[];
  units: number;
}

/** A refusal of the file as a whole or of one unit (`path`), with its rule and fix. */
function refusal(
  rule: string,
  message: string,
  fix: string,
  where: { path?: string; locale?: string } = {},
): Diagnostic {
  return { severity: 'error', ruleId: `polycourse:${rule}`, message, fix, ...where };
}

export function importTranslations(
  courseDir: string,
  fileText: string,
  expectedLocale?: string,
): ImportResult {
  const fail = (diagnostics: Diagnostic[]): ImportResult => ({
    ok: false,
    diagnostics,
    written: [],
    units: 0,
  });
  const source = readCourseFromFiles(courseDir);
  if (!source.course || hasErrors(source.diagnostics))
    return fail([
      refusal(
        'import-course-invalid',
        'the course itself has errors',
        'Run polycourse validate on the course and fix what it reports, then import again.',
      ),
    ]);
  const course = source.course;

  const format = detectFormat(fileText);
  if (!format)
    return fail([
      refusal(
        'import-format',
        'unknown file format: expected XLIFF 1.2, XLIFF 2.0 or gettext PO',
        'Import the file polycourse l10n export wrote, translated and saved by your tool.',
      ),
    ]);
  const read = exchangeFormats[format].read(fileText);
  if (!read.ok)
    return fail([
      refusal(
        'import-format',
        read.reason,
        'Save the file again from your translation tool; it must stay well-formed.',
      ),
    ]);
  const { meta } = read;
  const problems: Diagnostic[] = [];
  if (meta.courseId !== course.id)
    problems.push(
      refusal(
        'import-course',
        `the file is for course "${meta.courseId}", not "${course.id}"`,
        `Import it into the folder of course "${meta.courseId}".`,
      ),
    );
  if (meta.sourceLocale && meta.sourceLocale !== course.sourceLocale)
    problems.push(
      refusal(
        'import-locale',
        `the file's source language is "${meta.sourceLocale}", ` +
          `the course's is "${course.sourceLocale}"`,
        'Export the file again from this course (polycourse l10n export).',
      ),
    );
  const targets = course.locales.filter((l) => l !== course.sourceLocale);
  if (!targets.includes(meta.targetLocale)) {
    problems.push(
      refusal(
        'import-locale',
        `target language "${meta.targetLocale}" is not a translation locale of this course ` +
          `(${targets.join(', ')})`,
        'Add the language to locales: in course.yaml first, ' +
          'or import the file meant for this course.',
      ),
    );
  }
  if (expectedLocale && meta.targetLocale !== expectedLocale)
    problems.push(
      refusal(
        'import-locale',
        `the file's target language is "${meta.targetLocale}", not "${expectedLocale}" as asked`,
        `Import the ${expectedLocale} file, or leave out --locale.`,
      ),
    );
  if (problems.length) return fail(problems);
  const locale = meta.targetLocale;

  let units: TranslationUnit[];
  try {
    units = translationUnits(course, locale);
  } catch (error) {
    // A body of the course itself (source or an earlier translation) does not parse or is past the
    // limits.
    const m = error as { reason?: string; message?: string; ruleId?: string };
    return fail([
      refusal(
        m.ruleId ?? 'mdx-syntax',
        `a body of the course cannot be split into segments (${m.reason ?? m.message})`,
        'Run polycourse validate and fix the body it names first.',
      ),
    ]);
  }
  const known = new Map(units.map((u) => [u.id, u]));
  const accepted = new Map<string, string>();
  for (const unit of read.units) {
    const expected = known.get(unit.id);
    if (!expected) {
      problems.push(
        refusal(
          'import-unknown-unit',
          'unknown unit id (not in this course, or from an older version of it)',
          'Export the file again (polycourse l10n export) and carry the translations over.',
          { path: unit.id, locale },
        ),
      );
      continue;
    }
    if (unit.target === undefined || !unit.target.trim()) continue;
    const problem = placeholderProblem(expected, unit.target);
    if (problem) {
      problems.push(
        refusal(
          'import-placeholder',
          problem,
          'Keep each {n} placeholder of the source exactly once; it stands for markup.',
          { path: unit.id, locale },
        ),
      );
      continue;
    }
    accepted.set(unit.id, unit.target);
  }

  // Bodies come whole: every segment translated, and the rebuilt body passes the check the build
  // runs.
  const bodies = new Map<string, TranslationUnit[]>();
  for (const u of known.values())
    if (u.id.includes(':')) bodies.set(u.field, [...(bodies.get(u.field) ?? []), u]);
  const rebuilt = new Map<string, string>();
  for (const [field, segments] of bodies) {
    const given = segments.filter((s) => accepted.has(s.id));
    if (!given.length) continue;
    if (given.length !== segments.length) {
      problems.push(
        refusal(
          'import-partial-body',
          `${segments.length - given.length} of ${segments.length} segments of this body ` +
            'have no translation; a body is imported whole',
          'Translate every segment of the body (its ids end in :1, :2, …) and import again.',
          { path: field, locale },
        ),
      );
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
  return { ok: true, locale, diagnostics: [], written, units: accepted.size };
}

/**
 * Rebuild one translated body and run it through the build's body check, in its course and module.
 * Each error names the segment (`<field>:<n>`) it lies in, or the body when it lies in the source's
 * markup; a body the source already breaks is reported as the course's problem, not the
 * translator's.
 */
function rebuildTranslatedBody(
  courseDir: string,
  course: Course,
  field: string,
  locale: string,
  translations: string[],
): { text: string; problems: Diagnostic[] } {
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

/** A body the source already breaks: the course's problem, reported where the build would. */
function sourceBodyProblem(field: string, d: Diagnostic): Diagnostic {
  return {
    ...d,
    path: field,
    message: `the source body itself is refused by the build: ${d.message}`,
    fix: `Fix the source first (polycourse validate), then import again. ${d.fix ?? ''}`.trim(),
  };
}

/**
 * A problem of the translated body, on the segment `n` it lies in. A syntax error names the body:
 * the text of one segment can break the markup around another.
 */
function translatedBodyProblem(
  d: Diagnostic,
  field: string,
  locale: string,
  n: number,
): Diagnostic {
  const segment = n >= 0 ? `${field}:${n + 1}` : field;
  if (d.ruleId === 'polycourse:mdx-syntax')
    return {
      ...d,
      path: field,
      locale,
      message:
        `the translated body is not valid MDX${n >= 0 ? ` (in unit ${segment})` : ''}: ` +
        d.message.replace(/^MDX syntax: /, ''),
      fix: 'Avoid a "<" or "{" in the translated text, and keep the {n} placeholders.',
    };
  return {
    ...d,
    path: segment,
    locale,
    message: `the translation is refused by the build's body check: ${d.message}`,
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
  if (missing.length) {
    const named = missing.map((n) => `{${n}} (${expected.codes[n]})`).join(', ');
    return `placeholder(s) ${named} missing from the translation`;
  }
  if (extra.length)
    return `placeholder(s) ${extra.map((n) => `{${n}}`).join(', ')} do not exist in the source`;
  if (twice.length) {
    const named = [...new Set(twice)].map((n) => `{${n}}`).join(', ');
    return `placeholder(s) ${named} used more than once`;
  }
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

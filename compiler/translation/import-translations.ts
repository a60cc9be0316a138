/**
 * Import a translated XLIFF 1.2 / XLIFF 2.0 / PO file into a course folder. Everything is checked
 * first — the course and the languages, every unit id, every placeholder, that each body comes
 * whole and passes the build's own body check (limits, syntax, unsafe constructs, components,
 * references) — and only a clean file changes anything: the locale's YAML, its MDX bodies and its
 * provenance. One problem refuses the whole file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isScalar, parseDocument } from 'yaml';
import type { Course } from '../model/course.ts';
import { translatableFields } from '../model/translatable-fields.ts';
import { readCourseFromFiles, provenanceFile } from '../sources/files/read-course-from-files.ts';
import { hasErrors, type Diagnostic } from '../model/diagnostic.ts';
import { checkBodyInCourse } from '../mdx/check-body.ts';
import { resolveMediaKey } from '../mdx/resolve-media-key.ts';
import { translationUnits, type TranslationUnit } from './translation-units.ts';
import {
  placeholder,
  placeholderPattern,
  rebuildMdxMapped,
  restoreMarkup,
  segmentMdx,
} from './segment-mdx.ts';
import { segmentHash, type SegmentRecord } from './body-segments.ts';
import { rebuildVtt, segmentVtt } from './segment-vtt.ts';
import type { ImportedState } from './formats/exchange.ts';
import { fieldSourceHash, sourceHash, type ProvenanceRecord } from './translation-status.ts';
import { exchangeFormats, detectFormat } from './formats/index.ts';
import { checkTranslations, glossaryTerms } from './qa-checks.ts';

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
  /**
   * What the translator should check in the imported units (qa-checks.ts): warnings that never
   * refuse the file, each on its unit (`path`).
   */
  warnings: Diagnostic[];
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
    warnings: [],
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
  const bySource = unitsBySource(units);
  const given = new Set(read.units.map((u) => u.id));
  // No id of the file is the course's: a tool renumbered them all.
  const renumbered = !read.units.some((u) => known.has(u.id));
  const accepted = new Map<string, Accepted>();
  for (const unit of read.units) {
    // In a file whose units a tool renumbered (translate-toolkit's po2xliff keeps no PO context),
    // a unit is matched by its source text: every unit with that exact source takes the
    // translation.
    const matches = known.has(unit.id)
      ? [known.get(unit.id)!]
      : !renumbered
        ? []
        : (bySource.get(withMarks(unit.source ?? '', {})) ?? []).filter((u) => !given.has(u.id));
    if (!matches.length) {
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
    for (const expected of matches) {
      // PO writes placeholders {n}; a tool that turned PO into XLIFF leaves them as text.
      const target = withMarks(unit.target, expected.codes);
      const problem = placeholderProblem(expected, target);
      if (problem) {
        problems.push(
          refusal(
            'import-placeholder',
            problem,
            'Keep each {n} placeholder of the source exactly once; it stands for markup.',
            { path: expected.id, locale },
          ),
        );
        continue;
      }
      accepted.set(expected.id, { text: target, state: unit.state ?? 'translated' });
    }
  }
  // Checks that only warn (numbers, URLs, glossary terms, …): listed, never refused.
  const texts = new Map([...accepted].map(([id, a]) => [id, a.text]));
  const warnings = checkTranslations(
    [...texts].map(([id, target]) => ({ ...known.get(id)!, target })),
    { locale, terms: glossaryTerms(course, locale, texts) },
  );

  // A body is rebuilt from its segments: those in the file, and those the file leaves out that
  // already have a translation (kept with their status). The rebuilt body passes the check the
  // build runs.
  const bodies = new Map<string, TranslationUnit[]>();
  for (const u of known.values())
    if (u.id.includes(':')) bodies.set(u.field, [...(bodies.get(u.field) ?? []), u]);
  const rebuilt = new Map<string, { text: string; record: ProvenanceRecord }>();
  for (const [field, segments] of bodies) {
    if (!segments.some((s) => accepted.has(s.id))) continue;
    const untranslated = segments.filter((s) => !accepted.has(s.id) && s.target === undefined);
    if (untranslated.length) {
      problems.push(
        refusal(
          'import-partial-body',
          `${untranslated.length} of ${segments.length} segments of this body have no ` +
            'translation, in the file or the course ' +
            `(${untranslated.map((s) => s.id.split(':')[1]).join(', ')})`,
          'Translate those segments (ids ending in :1, :2, …) and import again; segments the ' +
            'course already has a translation for may be left out.',
          { path: field, locale },
        ),
      );
      continue;
    }
    const translations = segments.map((s) => accepted.get(s.id)?.text ?? s.target!);
    const body = field.endsWith('.captions')
      ? rebuildCaptions(course, field, locale, translations)
      : rebuildTranslatedBody(courseDir, course, field, locale, translations);
    if (body.problems.length) problems.push(...body.problems);
    else {
      const sourceText = sourceBody(course, field);
      const made = segments.map((s) => segmentRecordAfter(s, accepted.get(s.id)));
      rebuilt.set(field, {
        text: body.text,
        record: {
          source: fieldSourceHash(field, sourceText),
          sourceText,
          segments: made,
          ...(made.every((m) => m.approved) ? { approved: true } : {}),
          ...(made.some((m, i) => m.review || m.source !== segmentHash(segments[i].source))
            ? { review: true }
            : {}),
          ...(made.some((m) => m.machine) ? { machine: true } : {}),
        },
      });
    }
  }
  if (problems.length) return { ...fail(problems), warnings };

  // Write: locale YAML (comments and order kept; untouched when no text changed), bodies,
  // provenance.
  const written: string[] = [];
  const records: Record<string, ProvenanceRecord> = { ...(course.translations?.[locale] ?? {}) };
  const yamlFile = path.join(courseDir, 'locales', `${locale}.yaml`);
  const yamlChanges: [(string | number)[], string][] = [];
  for (const [id, given] of accepted) {
    if (id.includes(':')) continue;
    const unit = known.get(id)!;
    if (given.text !== unit.target) yamlChanges.push([yamlPath(id), restoreMarkup(given.text, {})]);
    if (keepsRecord(unit, given) && records[id]) continue;
    records[id] = {
      source: sourceHash(unit.source),
      sourceText: unit.source,
      ...flagsOf(given.state),
    };
  }
  if (yamlChanges.length) {
    const before = fs.existsSync(yamlFile) ? fs.readFileSync(yamlFile, 'utf8') : '';
    fs.writeFileSync(yamlFile, patchYaml(before, yamlChanges));
    written.push(yamlFile);
  }
  for (const [field, body] of rebuilt) {
    const file = path.join(courseDir, bodyFile(field, locale));
    fs.writeFileSync(file, body.text);
    written.push(file);
    records[field] = body.record;
  }
  fs.writeFileSync(
    provenanceFile(courseDir, locale),
    `${JSON.stringify({ format: 1, locale, texts: records }, null, 2)}\n`,
  );
  written.push(provenanceFile(courseDir, locale));
  return { ok: true, locale, diagnostics: [], written, units: accepted.size, warnings };
}

/** A unit's translation as the file gives it, with the state the file gives it. */
interface Accepted {
  text: string;
  state: ImportedState;
}

const flagsOf = (state: ImportedState) => ({
  ...(state === 'approved' ? { approved: true } : {}),
  ...(state === 'stale' ? { review: true } : {}),
  ...(state === 'machine' ? { machine: true } : {}),
});

/**
 * The file gives the text the course already has and claims no more than the course knows (a
 * translation re-sent as translated keeps its approval; a draft re-sent as a draft keeps the
 * source it was made from): the provenance stays as it is.
 */
function keepsRecord(unit: TranslationUnit, given: Accepted): boolean {
  if (given.text !== unit.target) return false;
  if (given.state === 'translated') return unit.state === 'translated' || unit.state === 'approved';
  // A machine draft sent back unchanged as a draft (PO can only say fuzzy) is still that draft.
  if (given.state === 'stale') return unit.state === 'stale' || unit.state === 'machine';
  if (given.state === 'machine') return unit.state === 'machine';
  return unit.state === 'approved';
}

/** The provenance of one body segment after the import. */
function segmentRecordAfter(unit: TranslationUnit, given: Accepted | undefined): SegmentRecord {
  const current = segmentHash(unit.source);
  if (!given || keepsRecord(unit, given))
    return (
      unit.made ?? {
        source: current,
        ...flagsOf(unit.state === 'missing' ? 'translated' : unit.state),
      }
    );
  return { source: current, ...flagsOf(given.state) };
}

/** Units by their source text (placeholders as marks), for files whose unit ids were renumbered. */
function unitsBySource(units: TranslationUnit[]): Map<string, TranslationUnit[]> {
  const out = new Map<string, TranslationUnit[]>();
  for (const u of units) out.set(u.source, [...(out.get(u.source) ?? []), u]);
  return out;
}

/**
 * PO-style `{n}` in a text as placeholder marks, for the placeholders `codes` has (all `{n}` when
 * `codes` is empty: a source text compared with the course's).
 */
function withMarks(text: string, codes: Record<number, string>): string {
  const any = !Object.keys(codes).length;
  return text.replace(/\{(\d+)\}/g, (whole, n: string) =>
    any || Number(n) in codes ? placeholder(Number(n)) : whole,
  );
}

/**
 * Rebuild a video's caption file for `locale` from the source's cues (timings, settings and notes
 * kept) and check it as WebVTT; a problem names the cue.
 */
function rebuildCaptions(
  course: Course,
  field: string,
  locale: string,
  translations: string[],
): { text: string; problems: Diagnostic[] } {
  const source = sourceBody(course, field);
  const cues = segmentVtt(source);
  const { text, errors } = rebuildVtt(source, cues, translations);
  const rebuiltCues = segmentVtt(text);
  const file = bodyFile(field, locale);
  const problems = errors
    .map((e): Diagnostic => {
      const offset =
        text
          .split('\n')
          .slice(0, e.line - 1)
          .join('\n').length + 1;
      const n = rebuiltCues.findIndex((c) => offset >= c.start && offset <= c.end);
      return refusal(
        'captions',
        `the translated captions are not valid WebVTT: ${e.message}`,
        'Keep the cue text short and the {n} placeholders (caption tags) as they are.',
        { path: n >= 0 ? `${field}:${n + 1}` : field, locale },
      );
    })
    .map((d, i) => ({ ...d, file, line: errors[i].line, column: errors[i].column }));
  return { text, problems };
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

/** Where the body (or caption file) `field` of `locale` lives in a course folder. */
function bodyFile(field: string, locale: string): string {
  const [, moduleId, , unitId] = field.split('.');
  if (field.endsWith('.captions')) return path.join('media', 'captions', `${unitId}.${locale}.vtt`);
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

/**
 * Set `changes` in a YAML text, leaving every other byte as it was: a value that exists is replaced
 * where it stands (plain when YAML reads it back the same, double-quoted otherwise); only when a
 * key is new is the document written out again (comments and order kept, layout normalised).
 */
function patchYaml(text: string, changes: [(string | number)[], string][]): string {
  const doc = parseDocument(text);
  const splices: { start: number; end: number; value: string }[] = [];
  for (const [at, value] of changes) {
    const node = doc.getIn(at, true);
    if (!isScalar(node) || !node.range) {
      for (const [p, v] of changes) doc.setIn(p, v);
      return doc.toString({ lineWidth: 0 });
    }
    const inFlow = /[[{]/.test(
      text.slice(text.lastIndexOf('\n', node.range[0]) + 1, node.range[0]),
    );
    const plain =
      !/^[\s#:,[\]{}&*!|>'"%@`?-]/.test(value) &&
      !/: |\s#|\n|\s$|:$/.test(value) &&
      (!inFlow || !/[,[\]{}]/.test(value)) &&
      parseDocument(value).toJS() === value;
    const scalar = plain ? value : JSON.stringify(value);
    splices.push({ start: node.range[0], end: node.range[1], value: scalar });
  }
  let out = text;
  for (const { start, end, value } of splices.sort((a, b) => b.start - a.start))
    out = out.slice(0, start) + value + out.slice(end);
  // What it reads back is what was asked; otherwise write the document out instead.
  const check = parseDocument(out);
  if (changes.every(([at, value]) => check.getIn(at) === value)) return out;
  for (const [p, v] of changes) doc.setIn(p, v);
  return doc.toString({ lineWidth: 0 });
}

/** Model path → path in locales/<locale>.yaml (the same ids; list indexes for the scale). */
function yamlPath(modelPath: string): (string | number)[] {
  const parts = modelPath.split('.');
  return parts.map((p, i) => (parts[i - 1] === 'scale' && /^\d+$/.test(p) ? Number(p) : p));
}

/**
 * A course's content for one locale as translation units: one per short text (id = model path) and
 * one per segment of each body (id = `<model path>:<n>`), with placeholders for markup, the
 * existing translation, its status, and a note for the translator.
 */
import type { Course } from '../model/course.ts';
import { translatableFields } from '../model/translatable-fields.ts';
import { placeholder, placeholderPattern, segmentMdx } from './segment-mdx.ts';
import { translationStatus, type FieldStatus } from './translation-status.ts';

export interface TranslationUnit {
  id: string;
  /** model path of the field (for bodies, the body; the unit is one of its segments) */
  field: string;
  source: string;
  target?: string;
  /** placeholder number → markup it stands for (the same in source and target) */
  codes: Record<number, string>;
  state: FieldStatus;
  /** the source text the existing translation was made from, when it changed since */
  previousSource?: string;
  note: string;
}

/** Notes say where a text appears and, where a layout needs it, how long it may be. */
function noteFor(path: string): string {
  const last = path.split('.').at(-1) ?? '';
  if (path === 'title') return 'Course title (keep under 80 characters).';
  if (path.endsWith('.title')) {
    const kind = path.includes('.units.')
      ? 'a unit'
      : path.startsWith('modules.')
        ? 'a module'
        : 'the questionnaire';
    return `Title of ${kind} (navigation and headings; keep under 80 characters).`;
  }
  if (path.startsWith('questionnaire.scale'))
    return 'A point of the answer scale (keep under 30 characters).';
  if (path.startsWith('questionnaire.items'))
    return 'A statement of the attitude questionnaire: keep its meaning and direction exactly.';
  if (path.includes('.options.') || path.includes('.targets.')) return 'A quiz answer option.';
  if (path.includes('.feedback.') || path.includes('.optionFeedback.'))
    return 'Feedback shown after the learner answers.';
  if (path.endsWith('.transcript'))
    return 'Video transcript: keep the paragraphs, captions are cut from them.';
  if (path.endsWith('.body'))
    return (
      'Part of a lesson or information sheet. Placeholders stand for formatting, ' +
      'links and components: keep each one, in a place that fits the sentence.'
    );
  return `Course text (${last}).`;
}

/**
 * Rewrite a target segment's placeholders to the source's numbers (matched by the markup they stand
 * for).
 */
function renumber(
  target: { text: string; codes: Record<number, string> },
  sourceCodes: Record<number, string>,
): string {
  const free = new Map<string, number[]>();
  for (const [n, code] of Object.entries(sourceCodes))
    free.set(code, [...(free.get(code) ?? []), Number(n)]);
  return target.text.replace(placeholderPattern, (_, n: string) =>
    placeholder(free.get(target.codes[Number(n)])?.shift() ?? Number(n)),
  );
}

export function translationUnits(course: Course, locale: string): TranslationUnit[] {
  const status = new Map(
    translationStatus(course, [locale])[locale].fields.map((f) => [f.path, f.status]),
  );
  const records = course.translations?.[locale] ?? {};
  const units: TranslationUnit[] = [];
  for (const field of translatableFields(course)) {
    if (field.path.endsWith('.captions')) continue; // caption files are translated as WebVTT files
    const state = status.get(field.path) ?? 'missing';
    const previousSource = state === 'stale' ? records[field.path]?.sourceText : undefined;
    const source = field.value(course.sourceLocale) ?? '';
    const target = locale === course.sourceLocale ? undefined : field.value(locale);
    if (!field.path.endsWith('.body')) {
      units.push({
        id: field.path,
        field: field.path,
        source,
        target,
        codes: {},
        state,
        previousSource,
        note: noteFor(field.path),
      });
      continue;
    }
    const segments = segmentMdx(source);
    // An existing translation is split the same way; its segments pair up when the structure
    // matches.
    const targetSegments = target === undefined ? undefined : segmentMdx(target);
    const paired =
      targetSegments &&
      targetSegments.length === segments.length &&
      targetSegments.every(
        (t, i) =>
          JSON.stringify(Object.values(t.codes).sort()) ===
          JSON.stringify(Object.values(segments[i].codes).sort()),
      );
    segments.forEach((segment, i) => {
      units.push({
        id: `${field.path}:${i + 1}`,
        field: field.path,
        source: segment.text,
        codes: segment.codes,
        target: paired ? renumber(targetSegments![i], segment.codes) : undefined,
        state: paired ? state : 'missing',
        note: noteFor(field.path),
      });
    });
  }
  return units;
}

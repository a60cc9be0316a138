/**
 * A course's content for one locale as translation units: one per short text (id = model path) and
 * one per segment of each body and cue of each caption file (id = `<model path>:<n>`), with
 * placeholders for markup, the existing translation, its status, and a note for the translator.
 */
import type { Course } from '../model/course.ts';
import { translatableFields } from '../model/translatable-fields.ts';
import { diffWords } from 'diff';
import { placeholderPattern, segmentMdx } from './segment-mdx.ts';
import { pairBodySegments, type SegmentRecord } from './body-segments.ts';
import { segmentVtt } from './segment-vtt.ts';
import { translationStatus, type FieldStatus } from './translation-status.ts';
import type { UnitMemory } from './translation-memory.ts';
import {
  noteWithContext,
  unitContext,
  type ContextOptions,
  type UnitContext,
} from './unit-context.ts';

/** Characters per second a caption can be read at (the common subtitling guideline, ~17). */
const readingSpeed = 17;

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
  /** for a body segment: the provenance its existing translation carries */
  made?: SegmentRecord;
  /** most characters the text should have (caption cues: what can be read while shown) */
  maxLength?: number;
  /** where the text appears: its module, unit and field, page, address and screenshot */
  context?: UnitContext;
  note: string;
  /** what the translation memory has for the unit (translation-memory.ts `applyMemory`) */
  memory?: UnitMemory;
}

/**
 * The note, and when the source changed since the translation was made, a word diff of the change
 * (wdiff's notation; placeholders written {n} as in PO).
 */
function withSourceChange(note: string, previous: string | undefined, source: string): string {
  if (previous === undefined) return note;
  const braces = (text: string) => text.replace(placeholderPattern, (_, n: string) => `{${n}}`);
  const change = diffWords(braces(previous), braces(source))
    .map((p) => (p.added ? `{+${p.value}+}` : p.removed ? `[-${p.value}-]` : p.value))
    .join('');
  return `${note} The source changed since the translation (removed [-…-], added {+…+}): ${change}`;
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
  if (path === 'questionnaire.consent')
    return (
      'What learners agree to before their questionnaire answers are shared for the evaluation: ' +
      'a consent text, translate it exactly (no softening, nothing left out).'
    );
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

export function translationUnits(
  course: Course,
  locale: string,
  options: ContextOptions = {},
): TranslationUnit[] {
  const status = new Map(
    translationStatus(course, [locale])[locale].fields.map((f) => [f.path, f.status]),
  );
  const records = course.translations?.[locale] ?? {};
  const units: TranslationUnit[] = [];
  for (const field of translatableFields(course)) {
    const state = status.get(field.path) ?? 'missing';
    const source = field.value(course.sourceLocale) ?? '';
    const before = records[field.path]?.sourceText;
    const previousSource = state === 'stale' && before !== source ? before : undefined;
    const target = locale === course.sourceLocale ? undefined : field.value(locale);
    if (field.path.endsWith('.captions')) {
      // One unit per cue: its text; timings and settings stay the source's.
      const cues = segmentVtt(source);
      const paired = pairBodySegments(cues, target, records[field.path], state, segmentVtt);
      cues.forEach((cue, i) => {
        const part = { name: 'cue', n: i + 1, of: cues.length } as const;
        const context = unitContext(course, locale, field.path, options, part);
        const maxLength = Math.max(20, Math.round(cue.seconds * readingSpeed));
        units.push({
          id: `${field.path}:${i + 1}`,
          field: field.path,
          source: cue.text,
          codes: cue.codes,
          ...paired[i],
          maxLength,
          context,
          note: withSourceChange(
            noteWithContext(
              context,
              `Caption ${i + 1}, shown ${cue.timing}. Keep it readable in ` +
                `${cue.seconds.toFixed(1)} s (about ${Math.round(cue.seconds * readingSpeed)} ` +
                'characters); placeholders stand for caption tags.',
              maxLength,
            ),
            paired[i].previousSource,
            cue.text,
          ),
        });
      });
      continue;
    }
    if (!field.path.endsWith('.body')) {
      const context = unitContext(course, locale, field.path, options);
      units.push({
        id: field.path,
        field: field.path,
        source,
        target,
        codes: {},
        state,
        previousSource,
        context,
        note: withSourceChange(
          noteWithContext(context, noteFor(field.path)),
          previousSource,
          source,
        ),
      });
      continue;
    }
    // An existing translation is split the same way and paired segment by segment
    // (body-segments.ts): one changed sentence leaves the others' translation and status alone.
    const segments = segmentMdx(source);
    const paired = pairBodySegments(segments, target, records[field.path], state);
    segments.forEach((segment, i) => {
      const part = { name: 'segment', n: i + 1, of: segments.length } as const;
      const context = unitContext(course, locale, field.path, options, part);
      units.push({
        id: `${field.path}:${i + 1}`,
        field: field.path,
        source: segment.text,
        codes: segment.codes,
        ...paired[i],
        context,
        note: withSourceChange(
          noteWithContext(context, noteFor(field.path)),
          paired[i].previousSource,
          segment.text,
        ),
      });
    });
  }
  return units;
}

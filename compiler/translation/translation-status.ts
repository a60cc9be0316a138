/**
 * Translation status per locale and field: missing, stale (made from an older source text),
 * machine (a machine translation draft nobody reviewed), translated, approved. Provenance comes
 * from the course model (`course.translations`), whatever the source.
 */
import type { Course } from '../model/course.ts';
import { translatableFields } from '../model/translatable-fields.ts';
import { sha256 } from '../model/fingerprint.ts';
import { segmentVtt } from './segment-vtt.ts';

export type FieldStatus = 'missing' | 'stale' | 'machine' | 'translated' | 'approved';

export interface LocaleStatus {
  counts: Record<FieldStatus, number>;
  total: number;
  fields: { path: string; status: FieldStatus }[];
}

/** The fingerprint a translation records of the source text it was made from. */
export function sourceHash(text: string): string {
  return sha256(text.trim().normalize('NFC')).slice(0, 16);
}

/**
 * The fingerprint of a field's source text. A caption file counts by its cue texts alone: timings,
 * settings and cue ids are the source's and never translated (segment-vtt.ts), so re-timing a video
 * leaves its translations current (the build gives them the source's timings, media-assets.ts).
 */
export function fieldSourceHash(fieldPath: string, text: string): string {
  if (!fieldPath.endsWith('.captions')) return sourceHash(text);
  return sourceHash(
    segmentVtt(text)
      .map((cue) => cue.text)
      .join('\n'),
  );
}

/**
 * Whether a translation was made from today's source text, as its record says. Caption records
 * written before fieldSourceHash hashed the whole file: they count as current while that file is
 * unchanged, or while the source text they kept has today's cue texts.
 */
export function madeFromCurrentSource(
  fieldPath: string,
  record: ProvenanceRecord,
  sourceText: string,
): boolean {
  const today = fieldSourceHash(fieldPath, sourceText);
  if (record.source === today) return true;
  if (!fieldPath.endsWith('.captions')) return false;
  return (
    record.source === sourceHash(sourceText) ||
    (record.sourceText !== undefined && fieldSourceHash(fieldPath, record.sourceText) === today)
  );
}

export function translationStatus(
  course: Course,
  locales = course.locales,
): Record<string, LocaleStatus> {
  const fields = translatableFields(course);
  const out: Record<string, LocaleStatus> = {};
  for (const locale of locales) {
    const records = course.translations?.[locale] ?? {};
    const counts: Record<FieldStatus, number> = {
      missing: 0,
      stale: 0,
      machine: 0,
      translated: 0,
      approved: 0,
    };
    const list = fields.map((field) => {
      let status: FieldStatus;
      if (field.value(locale) === undefined) status = 'missing';
      else if (locale === course.sourceLocale) status = 'approved';
      else {
        const record = records[field.path];
        const source = field.value(course.sourceLocale) ?? '';
        status =
          record && !madeFromCurrentSource(field.path, record, source)
            ? 'stale'
            : hasMachineDraft(record)
              ? 'machine'
              : record?.review
                ? 'stale'
                : record?.approved
                  ? 'approved'
                  : 'translated';
      }
      counts[status]++;
      return { path: field.path, status };
    });
    out[locale] = { counts, total: fields.length, fields: list };
  }
  return out;
}

/** Translation coverage of one locale: how many of the source locale's texts exist in it. */
export interface LocaleCoverage {
  /** texts, bodies and caption files that exist in the source locale */
  total: number;
  translated: number;
  /** translated / total, 0..1 */
  ratio: number;
  /** Model paths of what falls back to the source locale (first 50). */
  missing: string[];
}

/**
 * Coverage is a view of the status: a text exists in a locale unless it is missing (stale counts).
 */
export function translationCoverage(
  course: Course,
  locales = course.locales,
): Record<string, LocaleCoverage> {
  const out: Record<string, LocaleCoverage> = {};
  for (const [locale, status] of Object.entries(translationStatus(course, locales))) {
    const missing = status.fields.filter((f) => f.status === 'missing').map((f) => f.path);
    const translated = status.total - missing.length;
    out[locale] = {
      total: status.total,
      translated,
      ratio: status.total ? translated / status.total : 1,
      missing: missing.slice(0, 50),
    };
  }
  return out;
}

/**
 * Provenance records for every field translated in `locale` now: "this translation was made from
 * today's source".
 */
export type ProvenanceRecord = NonNullable<Course['translations']>[string][string];

export function currentProvenance(
  course: Course,
  locale: string,
  approve: boolean,
  previous: Record<string, ProvenanceRecord> = {},
  only?: Set<string>,
) {
  const records: Record<string, ProvenanceRecord> = { ...previous };
  for (const field of translatableFields(course)) {
    if (field.value(locale) === undefined || (only && !only.has(field.path))) continue;
    // Machine drafts stay drafts when a whole locale is marked: only a named field, or the import
    // of a reviewed file, makes one a human's translation.
    if (!only && hasMachineDraft(previous[field.path])) continue;
    const sourceText = field.value(course.sourceLocale) ?? '';
    const source = fieldSourceHash(field.path, sourceText);
    const kept = previous[field.path];
    const keptApproval = kept?.approved && madeFromCurrentSource(field.path, kept, sourceText);
    records[field.path] = {
      source,
      sourceText,
      ...(approve || keptApproval ? { approved: true } : {}),
    };
  }
  return records;
}

/** The record holds a machine translation draft (of the field, or of one of its segments). */
export function hasMachineDraft(record: ProvenanceRecord | undefined): boolean {
  return !!(record?.machine || record?.segments?.some((s) => s.machine));
}

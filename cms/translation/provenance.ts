/**
 * Translation provenance in the CMS: the `translations` rows of a course, as the model's
 * `course.translations`.
 */
import type { Payload } from 'payload';
import type { ProvenanceRecord } from '../../compiler/translation/translation-status.ts';
import type { Translation } from '../payload-types.ts';

export type Provenance = Record<string, Record<string, ProvenanceRecord>>;

/**
 * The rows as locale → model path → record. `records` is a JSON field that only writeProvenance
 * writes.
 */
export const provenanceOf = (rows: Translation[]): Provenance =>
  Object.fromEntries(
    rows.map((r) => [r.locale, (r.records ?? {}) as Record<string, ProvenanceRecord>]),
  );

export async function readProvenance(payload: Payload, courseId: string): Promise<Provenance> {
  return provenanceOf(
    (
      await payload.find({
        collection: 'translations',
        where: { courseId: { equals: courseId } },
        limit: 0,
        pagination: false,
        depth: 0,
      })
    ).docs,
  );
}

/** Replace one locale's records (the server's own write: callers check who may do it). */
export async function writeProvenance(
  payload: Payload,
  courseId: string,
  locale: string,
  records: Record<string, ProvenanceRecord>,
): Promise<void> {
  const existing = (
    await payload.find({
      collection: 'translations',
      where: { and: [{ courseId: { equals: courseId } }, { locale: { equals: locale } }] },
      limit: 1,
      depth: 0,
    })
  ).docs[0];
  if (existing)
    await payload.update({
      collection: 'translations',
      id: existing.id,
      data: { records },
      overrideAccess: true,
    });
  else
    await payload.create({
      collection: 'translations',
      data: { courseId, locale, records },
      overrideAccess: true,
    });
}

/** What the steps of the CMS source share while they map one course's documents to the model. */
import type { Localized } from '../../model/course.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { CmsRef, CmsText } from './cms-reader.ts';

export interface CmsContext {
  /** the reader's origin (`cms:`, `https://…/`): diagnostics name fields after it */
  origin: string;
  /** `<origin>courses/<course-id>`: where the course came from */
  where: string;
  /** the cache folder laid out like a course folder (media/, media/captions/) */
  root: string;
  /** whether media and captions are written under `root` (else the model's texts only) */
  withMedia: boolean;
  /** the course's languages: the only locales captions may be written for */
  languages: readonly string[];
  diagnostics: Diagnostic[];
}

/** Ids and locales become file names: only a slug may (the model's one id rule). */
export { slugPattern as slug } from '../../model/slug-ids.ts';

/** A localized value read with locale 'all' → the model's map, without empty entries. */
export function localized(value: CmsText): Localized {
  const out: Localized = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && v.trim()) out[k] = v;
  }
  return out;
}

/**
 * The documents of a relationship read at depth ≥ 1, in order. A value that could not be populated
 * (a document deleted since, or one the reader may not see) is still an id: it reads as a document
 * without fields, so that the course's validation names what is missing.
 */
export function populated<T extends object>(refs: readonly CmsRef<T>[] | null | undefined): T[] {
  return (refs ?? []).map((ref) => (typeof ref === 'object' ? ref : ({} as T)));
}

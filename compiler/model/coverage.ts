/** Translation coverage of a course: per locale, how many learner-visible texts exist in that locale. */
import type { Course } from './course.ts';
import { translatableFields } from './translatable-fields.ts';

export interface LocaleCoverage {
  /** texts, bodies and caption files that exist in the source locale */
  total: number;
  translated: number;
  /** translated / total, 0..1 */
  ratio: number;
  /** Model paths of what falls back to the source locale (first 50). */
  missing: string[];
}

/** Per locale: how many of the source locale's texts, bodies and caption files exist in that locale. */
export function translationCoverage(
  course: Course,
  locales = course.locales,
): Record<string, LocaleCoverage> {
  const fields = translatableFields(course);
  const out: Record<string, LocaleCoverage> = {};
  for (const locale of locales) {
    const missing = fields.filter((f) => f.value(locale) === undefined).map((f) => f.path);
    const translated = fields.length - missing.length;
    out[locale] = {
      total: fields.length,
      translated,
      ratio: fields.length ? translated / fields.length : 1,
      missing: missing.slice(0, 50),
    };
  }
  return out;
}

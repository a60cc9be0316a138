/**
 * Translation provenance: `locales/<locale>.sources.json` says which source text each translation
 * was made from (see docs/translating.md). Unreadable, it is a warning: only stale-translation
 * checks need it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Course } from '../../model/course.ts';
import type { CourseContext } from './files-context.ts';

type Provenance = NonNullable<Course['translations']>;

/** Where a locale's provenance is written. */
export const provenanceFile = (courseDir: string, locale: string) =>
  path.join(courseDir, 'locales', `${locale}.sources.json`);

export function readProvenance(context: CourseContext): Course['translations'] {
  const { courseDir, locales, diagnostics, display } = context;
  const out: Provenance = {};
  for (const locale of locales) {
    const file = provenanceFile(courseDir, locale);
    if (!fs.existsSync(file)) continue;
    context.inputs.push(file);
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { texts?: Provenance[string] };
      out[locale] = data.texts ?? {};
    } catch (error) {
      diagnostics.push({
        severity: 'warning',
        ruleId: 'polycourse:provenance',
        file: display(file),
        message:
          `Cannot read translation provenance: ${(error as Error).message}; ` +
          `stale translations cannot be detected for "${locale}"`,
        fix: `Run \`polycourse l10n mark <course> --locale ${locale}\` to write it again.`,
      });
    }
  }
  return out;
}

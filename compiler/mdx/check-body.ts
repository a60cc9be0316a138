/**
 * Check one body without building its page: on its own (syntax, limits, unsafe constructs and
 * components: the CMS field check), or inside its course (also the units, terms and media it names:
 * a translation import). Both run the build's pipeline and return its errors.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import { findUnit, pickText, type Course } from '../model/course.ts';
import { renderBody, renderBodySync, type PageContext } from './render-body.ts';

/**
 * The errors of `text` on its own: syntax, limits, unsafe constructs and components (no course).
 */
export async function checkBody(text: string, file: string): Promise<Diagnostic[]> {
  const { diagnostics } = await renderBody({ text, file });
  return diagnostics.filter((d) => d.severity === 'error');
}

export interface BodyPlace {
  course: Course;
  moduleId: string;
  locale: string;
  /**
   * The course-relative key of a media file referenced from this body (`media/x.png`), or
   * undefined.
   */
  resolveMedia(src: string): string | undefined;
}

/** The errors the build would report for `text` as the body of a unit in `place.moduleId`. */
export function checkBodyInCourse(text: string, file: string, place: BodyPlace): Diagnostic[] {
  const { course, moduleId, locale } = place;
  const unitHref = (ref: string) => (findUnit(course, ref, moduleId) ? '#' : undefined);
  const ctx: PageContext = {
    course,
    locale,
    t: (id) => id,
    text: (v) => pickText(v, locale, course.sourceLocale).value,
    findUnit: (ref) => findUnit(course, ref, moduleId),
    resolveMedia: place.resolveMedia,
    unitHref,
    glossaryHref: () => '#',
    image: () => undefined,
    toRoot: '',
  };
  return renderBodySync({ text, file }, ctx).diagnostics.filter((d) => d.severity === 'error');
}

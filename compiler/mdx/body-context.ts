/** What the body pipeline needs to know about the course and the page it renders into. */
import type { Course, CourseModule, Localized, Unit } from '../model/course.ts';

export interface BodyContext {
  course: Course;
  locale: string;
  /** A UI string from the theme's catalog for this locale. */
  t(id: string, values?: Record<string, unknown>): string;
  /** A learner-visible text in this locale (source locale when missing). */
  text(value: Localized): string;
  /** A unit by reference (`unit-id` in the current module, or `module-id/unit-id`). */
  findUnit(ref: string): { module: CourseModule; unit: Unit } | undefined;
  /**
   * The course-relative key of a media file referenced from this body (`media/x.png`,
   * `../../media/x.png`), or undefined.
   */
  resolveMedia(src: string): string | undefined;
}

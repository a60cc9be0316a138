/** What the body pipeline needs to know about the course and the page it renders into. */
import type { Course, Localized, Unit } from '../model/course.ts';

export interface BodyContext {
  course: Course;
  locale: string;
  /** A UI string from the theme's catalog for this locale. */
  t(id: string, values?: Record<string, unknown>): string;
  /** A learner-visible text in this locale (source locale when missing). */
  text(value: Localized): string;
  findUnit(id: string): Unit | undefined;
  /** True when `media/...` exists in the course. */
  mediaExists(src: string): boolean;
}

/** The small fixture course used by stage tests: read once through the real files source. */
import path from 'node:path';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import type { Course } from '../../compiler/model/course.ts';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');
export const miniCourseDir = path.join(fixturesDir, 'courses/mini');

export function miniCourse(): Course {
  const result = readCourseFromFiles(miniCourseDir);
  if (!result.course)
    throw new Error(`fixture course is invalid: ${JSON.stringify(result.diagnostics)}`);
  return result.course;
}

/** Pick the source for a course location. Stages only ever see the model a source returns. */
import { readCourseFromFiles, type SourceResult } from './files/read-course-from-files.ts';

export type { SourceResult };

export function readCourse(location: string): SourceResult {
  return readCourseFromFiles(location);
}

/** Pick the source for a course location. Stages only ever see the model a source returns. */
import fs from 'node:fs';
import path from 'node:path';
import { readCourseFromFiles, type SourceResult } from './files/read-course-from-files.ts';
import { corpusMarker, readCourseFromCorpus } from './corpus/read-course-from-corpus.ts';

export type { SourceResult };

export function readCourse(location: string): SourceResult {
  if (!fs.existsSync(path.join(location, 'course.yaml')) && fs.existsSync(path.join(location, corpusMarker))) {
    return readCourseFromCorpus(location);
  }
  return readCourseFromFiles(location);
}

import type { Course } from '../../compiler/model/course.ts';

/** The model without where things came from (file paths, cache folders), to compare two sources. */
export function comparable(course: Course): unknown {
  return JSON.parse(
    JSON.stringify(course, (key, value) =>
      ['file', 'mediaRoot', 'baseDir', 'translations'].includes(key) ? undefined : value,
    ),
  );
}

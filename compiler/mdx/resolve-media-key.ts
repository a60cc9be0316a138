/**
 * The key of a media file (`media/x.png`, relative to the course's mediaRoot) for a reference
 * written in a body: either already course-relative (`media/x.png`) or relative to the body's own
 * folder (`../../media/x.png`). Here, on the body pipeline's floor: the page builder and the
 * translation import both resolve a body's media this way.
 */
import path from 'node:path';
import type { Course } from '../model/course.ts';

export function resolveMediaKey(
  course: Course,
  baseDir: string | undefined,
  src: string,
  exists: (key: string) => boolean,
): string | undefined {
  const clean = src.split(/[?#]/)[0];
  const candidates = [path.posix.normalize(clean)];
  if (baseDir !== undefined) candidates.push(path.posix.normalize(path.posix.join(baseDir, clean)));
  return candidates.find((key) => key.startsWith(`${course.mediaDir}/`) && exists(key));
}

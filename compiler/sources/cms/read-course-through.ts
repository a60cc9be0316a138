/**
 * The CMS source: a course's documents (read in every locale at once) → the same course model the
 * files source produces. Media and captions are linked into a cache folder laid out like a course
 * folder, so the image stage and the targets work unchanged. The documents come through a
 * `CmsReader` (cms-reader.ts): the CMS provides one for its Local API in-process and one for the
 * REST API of a remote CMS.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Course } from '../../model/course.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { sha256 } from '../../model/fingerprint.ts';
import type { SourceResult } from '../source.ts';
import { slug, type CmsContext } from './cms-context.ts';
import type { CmsReader, ReadOptions } from './cms-reader.ts';
import { linkMedia } from './link-media.ts';
import { mapCourse } from './map-course.ts';

export async function readCourseThrough(
  reader: CmsReader,
  courseId: string,
  cacheDir: string,
  options: ReadOptions = {},
): Promise<SourceResult> {
  const withMedia = options.media ?? true;
  const diagnostics: Diagnostic[] = [];
  const where = `${reader.origin}courses/${courseId}`;
  const result = (course?: Course): SourceResult => ({
    course,
    diagnostics,
    inputs: [],
    locate: (p) => ({ file: `${where}#${p}` }),
    inputsHash: () => sha256(JSON.stringify(course ?? null)),
  });
  if (!slug.test(courseId)) {
    // The id names folders (cache, output): nothing is read or written for one that is not a slug.
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:id-syntax',
      path: where,
      message: `Course id "${courseId}" is not a slug`,
      fix: 'Use lowercase letters, digits and single dashes, e.g. rights-based-mental-health.',
    });
    return result();
  }
  const doc = await reader.findCourse(courseId, options);
  if (!doc) {
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:cms-course',
      path: where,
      message: `No published course "${courseId}" in the CMS`,
      fix: 'Import it (polycourse import) or publish it in the admin.',
    });
    return result();
  }
  const root = path.join(cacheDir, 'cms', courseId);
  if (withMedia) {
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(path.join(root, 'media', 'captions'), { recursive: true });
    diagnostics.push(...(await linkMedia(reader, root)));
  }
  const languages: readonly string[] = doc.languages ?? [];
  const { origin } = reader;
  const context: CmsContext = { origin, where, root, withMedia, languages, diagnostics };
  const course = mapCourse(context, doc);
  const provenance = await reader.readProvenance(courseId);
  if (Object.keys(provenance).length) course.translations = provenance;
  return result(course);
}

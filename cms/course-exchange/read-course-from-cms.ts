/**
 * The CMS source in this process: Payload's Local API as a `CmsReader` (`localCmsReader`), and
 * `readCourseFromCms`, which reads a course through it. The documents → model mapping is the
 * compiler's (compiler/sources/cms/); the REST API of a remote CMS is the other adapter
 * (`rest-cms-reader.ts`).
 */
import fs from 'node:fs';
import type { Payload } from 'payload';
import type { SourceResult } from '../../compiler/sources/source.ts';
import type { CmsReader, ReadOptions } from '../../compiler/sources/cms/cms-reader.ts';
import { readCourseThrough } from '../../compiler/sources/cms/read-course-through.ts';
import { resolveInside } from '../../compiler/sources/inside-root.ts';
import { readProvenance } from '../translation/provenance.ts';
import type { Media } from '../payload-types.ts';
import { courseReadFields, readInAllLocales, type CourseAllLocales } from '../documents.ts';

/** A `CmsReader` over Payload's generated document types. */
export type PayloadCmsReader = CmsReader<CourseAllLocales, Media>;

/** Payload's Local API, in this process. */
export function localCmsReader(payload: Payload): PayloadCmsReader {
  const upload = payload.collections.media.config.upload as { staticDir?: string };
  const staticDir = upload.staticDir ?? 'data/media';
  return {
    origin: 'cms:',
    findCourse: async (courseId, { draft = false } = {}) => {
      const doc = (
        await payload.find({
          collection: 'courses',
          where: { courseId: { equals: courseId } },
          locale: 'all',
          depth: 2,
          limit: 1,
          draft,
        })
      ).docs[0];
      return doc && readInAllLocales(doc, courseReadFields);
    },
    listMedia: async () =>
      (await payload.find({ collection: 'media', limit: 0, pagination: false })).docs,
    fetchMedia: async (media, target) => {
      // The stored filename is data too: it must name a regular file inside the media folder.
      const from = resolveInside(staticDir, String(media.filename));
      if (!from.ok || !fs.statSync(from.file, { throwIfNoEntry: false })?.isFile()) {
        const why = from.ok ? 'is not a file in the media folder' : from.reason;
        throw new Error(`media/${media.id}/filename "${media.filename}" ${why}`);
      }
      fs.copyFileSync(from.file, target, fs.constants.COPYFILE_FICLONE);
    },
    readProvenance: (courseId) => readProvenance(payload, courseId),
  };
}

export async function readCourseFromCms(
  payload: Payload,
  courseId: string,
  cacheDir: string,
  options: ReadOptions = {},
): Promise<SourceResult> {
  return readCourseThrough(localCmsReader(payload), courseId, cacheDir, options);
}

/**
 * The CMS's translation memory: every approved translation of every course in the database (the
 * latest drafts, as the Translation status panel counts them), read in one call, at most
 * `memoryLimits.courses` courses. `l10n export --tm cms` and `l10n tm export cms` use it.
 */
import os from 'node:os';
import type { Payload } from 'payload';
import { readCourseThrough } from '../../compiler/sources/cms/read-course-through.ts';
import { memoryLimits } from '../../compiler/translation/read-translation-memory.ts';
import {
  memoryEntriesOfCourse,
  type MemoryEntry,
} from '../../compiler/translation/translation-memory.ts';
import type { Diagnostic } from '../../compiler/model/diagnostic.ts';
import { localCmsReader } from '../course-exchange/read-course-from-cms.ts';

export async function readCmsTranslationMemory(
  payload: Payload,
  limit = memoryLimits.courses,
): Promise<{ entries: MemoryEntry[]; courses: string[]; diagnostics: Diagnostic[] }> {
  const found = await payload.find({
    collection: 'courses',
    depth: 0,
    draft: true,
    limit,
    sort: 'courseId',
    select: { courseId: true },
  });
  const reader = localCmsReader(payload);
  const entries: MemoryEntry[] = [];
  const courses: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const skip = (courseId: string, why: string) =>
    diagnostics.push({
      severity: 'warning',
      ruleId: 'polycourse:translation-memory',
      file: `cms:${courseId}`,
      message: `course skipped for the translation memory: ${why}`,
      fix: 'Check the course in the admin (Course checks) or with polycourse validate --from-cms.',
    });
  for (const { courseId } of found.docs) {
    // Texts only: the memory needs no media.
    const source = await readCourseThrough(reader, courseId, os.tmpdir(), {
      draft: true,
      media: false,
    });
    if (!source.course) {
      skip(courseId, source.diagnostics.map((d) => d.message).join('; ') || 'it does not read');
      continue;
    }
    try {
      entries.push(...memoryEntriesOfCourse(source.course));
      courses.push(courseId);
    } catch (error) {
      skip(courseId, (error as { reason?: string }).reason ?? (error as Error).message);
    }
  }
  if (found.totalDocs > found.docs.length)
    diagnostics.push({
      severity: 'warning',
      ruleId: 'polycourse:translation-memory',
      file: 'cms:',
      message: `only the first ${found.docs.length} of ${found.totalDocs} courses were read`,
      fix: 'Export the memory of the courses you need as TMX (l10n tm export) and use those files.',
    });
  return { entries, courses, diagnostics };
}

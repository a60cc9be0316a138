/**
 * The CMS source: a course's documents (read in every locale at once) → the same course model the files
 * source produces. Media and captions are linked into a cache folder laid out like a course folder, so
 * the image stage and the targets work unchanged. The documents come through a `CmsReader`: Payload's
 * Local API in-process (`localCmsReader`) or the REST API of a remote CMS (`rest-cms-reader.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Payload } from 'payload';
import type { Course, Localized, LocalizedDocument, MediaRef, Unit } from '../../compiler/model/course.ts';
import type { Diagnostic } from '../../compiler/model/diagnostic.ts';
import type { SourceResult } from '../../compiler/sources/files/read-course-from-files.ts';
import { sha256 } from '../../compiler/model/fingerprint.ts';
import { isUnder, resolveInside } from '../../compiler/sources/inside-root.ts';
import { readProvenance, type Provenance } from '../l10n/provenance.ts';
import type { Media } from '../payload-types.ts';
import { courseReadFields, populated, readInAllLocales, type CourseAllLocales, type LocaleValues, type UnitAllLocales } from '../documents.ts';

/** Where the CMS source reads documents from: the same queries, in-process or over HTTP. */
export interface CmsReader {
  /** Where diagnostics say the course came from, e.g. `cms:` or `https://cms.example.org`. */
  origin: string;
  /** The course document in every locale at once (locale `all`), modules and units populated (depth 2):
   * the published versions, or with `draft` the latest saved ones (for a preview). */
  findCourse(courseId: string, options?: { draft?: boolean }): Promise<CourseAllLocales | undefined>;
  /** Every media document (with `coursePath` and `filename`). */
  listMedia(): Promise<Media[]>;
  /** Put the uploaded file of a media document at `target` (a link or a copy). */
  fetchMedia(media: Media, target: string): Promise<void>;
  /** What each translation was made from: locale → model path → record (empty when not readable). */
  readProvenance(courseId: string): Promise<Provenance>;
}

/** Payload's Local API, in this process. */
export function localCmsReader(payload: Payload): CmsReader {
  const staticDir = (payload.collections.media.config.upload as { staticDir?: string }).staticDir ?? 'data/media';
  return {
    origin: 'cms:',
    findCourse: async (courseId, { draft = false } = {}) => {
      const doc = (await payload.find({ collection: 'courses', where: { courseId: { equals: courseId } }, locale: 'all', depth: 2, limit: 1, draft })).docs[0];
      return doc && readInAllLocales(doc, courseReadFields);
    },
    listMedia: async () => (await payload.find({ collection: 'media', limit: 0, pagination: false })).docs,
    fetchMedia: async (media, target) => {
      // The stored filename is data too: it must name a regular file inside the media folder.
      const from = resolveInside(staticDir, String(media.filename));
      if (!from.ok || !fs.statSync(from.file, { throwIfNoEntry: false })?.isFile()) {
        throw new Error(`media/${media.id}/filename "${media.filename}" ${from.ok ? 'is not a file in the media folder' : from.reason}`);
      }
      fs.copyFileSync(from.file, target, fs.constants.COPYFILE_FICLONE);
    },
    readProvenance: (courseId) => readProvenance(payload, courseId),
  };
}

/** A localized value read with locale 'all' → the model's map, without empty entries. */
const localized = (value: LocaleValues<string> | null | undefined): Localized => {
  const out: Localized = {};
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && v.trim()) out[k] = v;
  return out;
};

export interface ReadOptions {
  /** the latest saved drafts instead of the published versions */
  draft?: boolean;
  /** lay media and captions out under the cache folder (default); without, the model's texts only (status reports) */
  media?: boolean;
}

export async function readCourseFromCms(payload: Payload, courseId: string, cacheDir: string, options: ReadOptions = {}): Promise<SourceResult> {
  return readCourseThrough(localCmsReader(payload), courseId, cacheDir, options);
}

export async function readCourseThrough(reader: CmsReader, courseId: string, cacheDir: string, options: ReadOptions = {}): Promise<SourceResult> {
  const withMedia = options.media ?? true;
  const diagnostics: Diagnostic[] = [];
  const where = `${reader.origin}courses/${courseId}`;
  const result = (course?: Course): SourceResult => ({
    course, diagnostics, inputs: [], locate: (p) => ({ file: `${where}#${p}` }), inputsHash: () => sha256(JSON.stringify(course ?? null)),
  });
  if (!slug.test(courseId)) {
    // The id names folders (cache, output): nothing is read or written for one that is not a slug.
    diagnostics.push({ severity: 'error', ruleId: 'polycourse:id-syntax', path: where, message: `Course id "${courseId}" is not a slug`, fix: 'Use lowercase letters, digits and single dashes, e.g. rights-based-mental-health.' });
    return result();
  }
  const doc = await reader.findCourse(courseId, options);
  if (!doc) {
    diagnostics.push({ severity: 'error', ruleId: 'polycourse:cms-course', path: where, message: `No published course "${courseId}" in the CMS`, fix: 'Import it (polycourse import) or publish it in the admin.' });
    return result();
  }
  const root = path.join(cacheDir, 'cms', courseId);
  if (withMedia) {
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(path.join(root, 'media', 'captions'), { recursive: true });
    diagnostics.push(...(await linkMedia(reader, root)));
  }

  /** A unit's media path (units/<unit>/src|poster): an https:// URL, or a path under media/ of this course. */
  const mediaRef = (ref: string | null | undefined, field: string): MediaRef | undefined => {
    if (!ref) return undefined;
    if (/^https?:\/\//.test(ref)) return { path: ref, url: ref };
    const inside = resolveInside(root, ref);
    if (!inside.ok || !isUnder(path.join(root, 'media'), inside.file)) {
      diagnostics.push({
        severity: 'error', ruleId: 'polycourse:media-path', path: `${reader.origin}${field}`,
        message: `Media path "${ref}" ${inside.ok ? 'is not under media/' : inside.reason}: a course may use only media uploaded to the CMS`,
        fix: 'Write the Course path of an uploaded Media document (media/…), or an https:// URL.',
      });
      return { path: ref };
    }
    if (withMedia && !fs.statSync(inside.file, { throwIfNoEntry: false })?.isFile()) diagnostics.push({ severity: 'error', ruleId: 'polycourse:missing-media', path: `${reader.origin}${field}`, message: `Media ${ref} is not in the CMS`, fix: 'Upload it to Media with this course path.' });
    return { path: ref, file: inside.file };
  };

  const languages: readonly string[] = doc.languages ?? [];
  const unit = (u: UnitAllLocales, moduleId: string): Unit => {
    const base = { id: u.unitId, title: localized(u.title) };
    switch (u.kind) {
      case 'lesson':
      case 'infosheet': {
        const body: LocalizedDocument = {};
        for (const [locale, text] of Object.entries(localized(u.body))) body[locale] = { text, file: `${where}/${moduleId}/${u.unitId}.${locale}.mdx`, baseDir: `modules/${moduleId}` };
        return { ...base, kind: u.kind, body };
      }
      case 'video': {
        const captions: Record<string, MediaRef> = {};
        for (const c of u.captions ?? []) {
          // Ids and locales become file names: only a slug and one of the course's languages may.
          if (!slug.test(String(u.unitId)) || !languages.includes(c.locale)) {
            diagnostics.push({
              severity: 'error', ruleId: 'polycourse:media-path', path: `${reader.origin}units/${u.unitId}/captions/${c.locale}`,
              message: `Captions for locale "${c.locale}" of unit "${u.unitId}" cannot be placed: ${slug.test(String(u.unitId)) ? `"${c.locale}" is not one of the course's languages` : 'the unit id is not a slug'}`,
              fix: `Use a locale of the course (${languages.join(', ')}) and a unit id of lowercase letters, digits and dashes.`,
            });
            continue;
          }
          const rel = `media/captions/${u.unitId}.${c.locale}.vtt`;
          if (withMedia) fs.writeFileSync(path.join(root, rel), c.vtt);
          captions[c.locale] = { path: rel, file: path.join(root, rel) };
        }
        return { ...base, kind: 'video', src: mediaRef(u.src, `units/${u.unitId}/src`)!, poster: mediaRef(u.poster, `units/${u.unitId}/poster`), captions, transcript: localized(u.transcript) };
      }
      case 'challenge':
        return { ...base, kind: 'challenge', points: u.points ?? 20, prompt: localized(u.prompt), commitment: localized(u.commitment) };
      case 'quiz':
        return {
          ...base, kind: 'quiz', passMark: u.passMark ?? 60, intro: localized(u.intro),
          questions: (u.questions ?? []).map((q) => {
            const targets = (q.targets ?? []).map((t) => ({ id: t.targetId, text: localized(t.text) }));
            return {
              // A JSON field: the answer key as stored; validateCourse checks it.
              id: q.questionId, type: q.type, prompt: localized(q.prompt), correct: (q.correct ?? []) as string[],
              options: (q.options ?? []).map((o) => {
                const feedback = localized(o.feedback);
                return { id: o.optionId, text: localized(o.text), ...(Object.keys(feedback).length ? { feedback } : {}) };
              }),
              ...(q.type === 'matching' ? { targets } : {}),
              feedback: { correct: localized(q.correctFeedback), incorrect: localized(q.incorrectFeedback) },
            };
          }),
        };
    }
  };

  const q = doc.questionnaire;
  const course: Course = {
    id: doc.courseId, sourceLocale: doc.sourceLocale, locales: doc.languages, theme: doc.theme ?? 'default',
    title: localized(doc.title), description: localized(doc.description),
    points: { lessonViewed: doc.points?.lessonViewed ?? 10, correctAnswer: doc.points?.correctAnswer ?? 5, challengeDone: doc.points?.challengeDone ?? 20, replayCountsOnlyIfBetter: doc.points?.replayCountsOnlyIfBetter ?? true },
    glossary: (doc.glossary ?? []).map((g) => ({ id: g.termId, term: localized(g.term), definition: localized(g.definition) })),
    questionnaire: q?.questionnaireId ? {
      // A scale left empty stays empty (null): validateCourse reports it.
      id: q.questionnaireId, scale: q.scale as number, title: localized(q.title), intro: localized(q.intro),
      scaleLabels: (q.scaleLabels ?? []).map((l) => localized(l.label)),
      items: (q.items ?? []).map((i) => ({ id: i.itemId, text: localized(i.text), reversed: Boolean(i.reversed) })),
    } : undefined,
    modules: populated(doc.modules).map((m) => ({
      id: m.moduleId, title: localized(m.title), summary: localized(m.summary),
      units: populated(m.units).map((u) => unit(u, m.moduleId)),
    })),
    mediaRoot: root,
    mediaDir: 'media',
  };
  const provenance = await reader.readProvenance(courseId);
  if (Object.keys(provenance).length) course.translations = provenance;
  return result(course);
}

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Media files appear at their course paths (media/…) under `root`. A course path that would land
 * anywhere else is never written: the document is skipped with a warning (a unit that uses it then
 * reports its media missing), so one bad Media document cannot stop every course's build.
 */
async function linkMedia(reader: CmsReader, root: string): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const mediaDir = path.join(root, 'media');
  for (const m of await reader.listMedia()) {
    if (!m.coursePath || !m.filename) continue;
    const target = resolveInside(root, String(m.coursePath));
    const problem = !target.ok ? target.reason : !isUnder(mediaDir, target.file) || target.file === mediaDir ? 'is not under media/' : fs.existsSync(target.file) ? 'is used by another Media document' : undefined;
    if (!target.ok || problem) {
      diagnostics.push({
        severity: 'warning', ruleId: 'polycourse:media-path', path: `${reader.origin}media/${m.id}/coursePath`,
        message: `Media "${m.filename}": course path "${m.coursePath}" ${problem}; the file is left out of the build`,
        fix: 'Give it a course path under media/, e.g. media/diagram.png, unique among Media documents.',
      });
      continue;
    }
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    try {
      await reader.fetchMedia(m, target.file);
    } catch (error) {
      diagnostics.push({ severity: 'warning', ruleId: 'polycourse:media-path', path: `${reader.origin}media/${m.id}/filename`, message: `${(error as Error).message}; the file is left out of the build`, fix: 'Upload the file again.' });
    }
  }
  return diagnostics;
}

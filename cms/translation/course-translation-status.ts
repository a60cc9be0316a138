/**
 * Translation status of a course in the CMS — the compiler's own `translationStatus` over the
 * course as the CMS holds it now (latest drafts) with its provenance rows — and where each model
 * path lives in the CMS (collection, document, field), so the admin can link to it and show it
 * beside the field.
 */
import os from 'node:os';
import type { Payload } from 'payload';
import {
  currentProvenance,
  translationStatus,
  type FieldStatus,
} from '../../compiler/translation/translation-status.ts';
import { translatableFields } from '../../compiler/model/translatable-fields.ts';
import type { Course } from '../../compiler/model/course.ts';
import type { CmsReader } from '../../compiler/sources/cms/cms-reader.ts';
import { readCourseThrough } from '../../compiler/sources/cms/read-course-through.ts';
import { localCmsReader } from '../course-exchange/read-course-from-cms.ts';
import { writeProvenance } from './provenance.ts';
import { placementOf } from '../course-exchange/containing-course.ts';
import { populated, type CourseAllLocales, type DocId } from '../documents.ts';

export type CmsCollection = 'courses' | 'modules' | 'units';
export interface DocLocation {
  collection: CmsCollection;
  id: DocId;
  field: string;
}
export interface FieldEntry {
  path: string;
  status: FieldStatus;
  source?: string;
  target?: string;
  doc?: DocLocation;
}
/**
 * One document's fields in a locale, by field path (`sourceLocale` null: the document is in no
 * course yet).
 */
export type DocumentFields =
  | { sourceLocale: null; fields: Record<string, never> }
  | {
      courseId: string;
      sourceLocale: string;
      locale: string;
      fields: Record<string, { status: FieldStatus; source?: string; path: string }>;
    };
export interface CourseStatus {
  courseId: string;
  sourceLocale: string;
  locales: Record<string, { counts: Record<FieldStatus, number>; total: number }>;
  fields: FieldEntry[];
}

const index = <Row>(list: readonly Row[] | null | undefined, key: keyof Row, id: string) =>
  (list ?? []).findIndex((d) => d[key] === id);

/**
 * The CMS document and field that hold a model path (see compiler/model/translatable-fields.ts).
 */
export function locateField(modelPath: string, course: CourseAllLocales): DocLocation | undefined {
  const p = modelPath.split('.');
  if (p[0] !== 'modules') {
    const field =
      p[0] === 'glossary'
        ? `glossary.${index(course.glossary, 'termId', p[1])}.${p[2]}`
        : p[0] === 'questionnaire' && p[1] === 'scale'
          ? `questionnaire.scaleLabels.${p[2]}.label`
          : p[0] === 'questionnaire' && p[1] === 'items'
            ? `questionnaire.items.${index(course.questionnaire?.items, 'itemId', p[2])}.text`
            : modelPath;
    return { collection: 'courses', id: course.id, field };
  }
  const module = populated(course.modules).find((m) => m.moduleId === p[1]);
  if (!module) return undefined;
  if (p[2] !== 'units') return { collection: 'modules', id: module.id, field: p[2] };
  const unit = populated(module.units).find((u) => u.unitId === p[3]);
  if (!unit) return undefined;
  if (p[4] !== 'questions') return { collection: 'units', id: unit.id, field: p[4] };
  const qi = index(unit.questions, 'questionId', p[5]);
  const question = (unit.questions ?? [])[qi];
  const q = `questions.${qi}`;
  const field =
    p[6] === 'prompt'
      ? `${q}.prompt`
      : p[6] === 'feedback'
        ? `${q}.${p[7]}Feedback`
        : p[6] === 'options'
          ? `${q}.options.${index(question.options, 'optionId', p[7])}.text`
          : p[6] === 'optionFeedback'
            ? `${q}.options.${index(question.options, 'optionId', p[7])}.feedback`
            : `${q}.targets.${index(question.targets, 'targetId', p[7])}.text`;
  return { collection: 'units', id: unit.id, field };
}

/**
 * The course as the CMS holds it now (latest drafts, texts only), and its course document (modules
 * and units populated).
 */
async function courseNow(
  payload: Payload,
  courseId: string,
): Promise<{ course: Course; doc: CourseAllLocales }> {
  const reader = localCmsReader(payload);
  let doc: CourseAllLocales | undefined;
  // Keep the document the source reads, rather than asking the database for it a second time.
  const keeping: CmsReader = {
    ...reader,
    findCourse: async (id, options) => (doc = await reader.findCourse(id, options)),
  };
  const source = await readCourseThrough(keeping, courseId, os.tmpdir(), {
    draft: true,
    media: false,
  });
  if (!source.course || !doc)
    throw new Error(
      source.diagnostics.map((d) => d.message).join('; ') || `No course "${courseId}" in the CMS`,
    );
  return { course: source.course, doc };
}

/**
 * Counts for every locale; with `locale`, every field of that locale with its status, texts and
 * place.
 */
export async function courseTranslationStatus(
  payload: Payload,
  courseId: string,
  locale?: string,
): Promise<CourseStatus> {
  const { course, doc } = await courseNow(payload, courseId);
  const status = translationStatus(course);
  const locales = Object.fromEntries(
    Object.entries(status).map(([l, s]) => [l, { counts: s.counts, total: s.total }]),
  );
  let fields: FieldEntry[] = [];
  if (locale && status[locale]) {
    const values = new Map(translatableFields(course).map((f) => [f.path, f]));
    fields = status[locale].fields.map(({ path: p, status: s }) => ({
      path: p,
      status: s,
      source: values.get(p)?.value(course.sourceLocale),
      target: values.get(p)?.value(locale),
      doc: locateField(p, doc),
    }));
  }
  return { courseId, sourceLocale: course.sourceLocale, locales, fields };
}

/**
 * "Mark as translated" (and "Approve"): record that the locale's present translations were made
 * from today's source texts — all of them, or only `paths` — as `polycourse l10n mark` does for
 * files.
 */
export async function markTranslations(
  payload: Payload,
  courseId: string,
  locale: string,
  options: { approve: boolean; paths?: string[] },
): Promise<CourseStatus['locales'][string]> {
  const { course } = await courseNow(payload, courseId);
  const previous = course.translations?.[locale] ?? {};
  const records = currentProvenance(
    course,
    locale,
    options.approve,
    previous,
    options.paths ? new Set(options.paths) : undefined,
  );
  await writeProvenance(payload, courseId, locale, records);
  const { counts, total } = translationStatus(
    { ...course, translations: { ...course.translations, [locale]: records } },
    [locale],
  )[locale];
  return { counts, total };
}

/**
 * For the box under each input (SourceText): one document's fields in `locale`, with their source
 * text and status.
 */
export async function documentTranslationFields(
  payload: Payload,
  collection: CmsCollection,
  id: string,
  locale: string,
): Promise<DocumentFields> {
  const course = (await placementOf(payload, collection, id)).course;
  if (!course) return { sourceLocale: null, fields: {} };
  const courseId = course.courseId;
  // Editing the source locale: nothing to show beside the fields, so no need to read the whole
  // course.
  if (locale === course.sourceLocale)
    return { courseId, sourceLocale: course.sourceLocale, locale, fields: {} };
  const status = await courseTranslationStatus(payload, courseId, locale);
  const fields = Object.fromEntries(
    status.fields
      .filter((f) => f.doc?.collection === collection && String(f.doc.id) === id)
      .map((f) => [f.doc!.field, { status: f.status, source: f.source, path: f.path }]),
  );
  return { courseId, sourceLocale: status.sourceLocale, locale, fields };
}

/**
 * Each unit's translation status per locale (the latest drafts): how many of its fields are
 * missing, stale, translated and approved, by `<moduleId>/<unitId>`. The course outline shows it.
 */
export async function unitTranslationCounts(
  payload: Payload,
  courseId: string,
): Promise<Record<string, Record<string, Record<FieldStatus, number>>>> {
  const { course } = await courseNow(payload, courseId);
  const units: Record<string, Record<string, Record<FieldStatus, number>>> = {};
  for (const [locale, status] of Object.entries(translationStatus(course))) {
    for (const { path: p, status: s } of status.fields) {
      const [modules, moduleId, unitsKey, unitId] = p.split('.');
      if (modules !== 'modules' || unitsKey !== 'units' || !unitId) continue;
      const counts = ((units[`${moduleId}/${unitId}`] ??= {})[locale] ??= {
        missing: 0,
        stale: 0,
        machine: 0,
        translated: 0,
        approved: 0,
      });
      counts[s]++;
    }
  }
  return units;
}

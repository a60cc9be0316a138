/**
 * The course outline: the course's modules and their units as one tree (latest drafts), each unit
 * with its publishing status and its translation status per locale; and the outline's changes —
 * add a unit to a module in one step (its id derived from the title), move a unit within or between
 * modules. Changes are saved as drafts of the modules and units, with the user's own access rules;
 * publishing the course publishes them (cms/hooks/publishCourseAsAWhole.ts).
 */
import type { PayloadRequest } from 'payload';
import type { FieldStatus } from '../../compiler/translation/translation-status.ts';
import { isSlug } from '../../compiler/model/slug-ids.ts';
import { idOf, type DocId } from '../documents.ts';
import type { Course, Module, Unit } from '../payload-types.ts';
import { unitTranslationCounts } from '../translation/course-translation-status.ts';

export const unitKinds = ['lesson', 'video', 'infosheet', 'quiz', 'challenge'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** draft: never published; published: as published; changed: published, with a newer draft. */
export type PublishStatus = 'draft' | 'published' | 'changed';

export interface OutlineUnit {
  id: DocId;
  unitId: string;
  kind: UnitKind;
  title: string;
  status: PublishStatus;
  /** locale → counts of the unit's fields by translation status (locales other than the source) */
  translation: Record<string, Record<FieldStatus, number>>;
}

export interface OutlineModule {
  id: DocId;
  moduleId: string;
  title: string;
  status: PublishStatus;
  units: OutlineUnit[];
}

export interface Outline {
  id: DocId;
  courseId: string;
  sourceLocale: string;
  languages: string[];
  modules: OutlineModule[];
}

type Access = { req: PayloadRequest; overrideAccess: false; user: PayloadRequest['user'] };
const asUser = (req: PayloadRequest): Access => ({ req, overrideAccess: false, user: req.user });

async function latestAndPublished<C extends 'modules' | 'units'>(
  req: PayloadRequest,
  collection: C,
  ids: DocId[],
  locale: string,
) {
  const read = (draft: boolean) =>
    req.payload.find({
      collection,
      where: { id: { in: ids } },
      draft,
      depth: 0,
      limit: 0,
      pagination: false,
      locale,
      ...asUser(req),
    });
  const [latest, published] = await Promise.all([read(true), read(false)]);
  const wasPublished = new Set(
    published.docs.filter((d) => d._status === 'published').map((d) => String(d.id)),
  );
  const byId = new Map(latest.docs.map((d) => [String(d.id), d]));
  return ids.flatMap((id) => {
    const doc = byId.get(String(id));
    if (!doc) return [];
    const status: PublishStatus = !wasPublished.has(String(id))
      ? 'draft'
      : doc._status === 'draft'
        ? 'changed'
        : 'published';
    return [{ doc: doc as unknown as C extends 'units' ? Unit : Module, status }];
  });
}

async function draftCourse(req: PayloadRequest, id: DocId): Promise<Course> {
  return req.payload.findByID({ collection: 'courses', id, draft: true, depth: 0, ...asUser(req) });
}

export async function readOutline(req: PayloadRequest, courseDocId: DocId): Promise<Outline> {
  const course = await draftCourse(req, courseDocId);
  const sourceLocale = course.sourceLocale ?? 'en';
  const moduleIds = (course.modules ?? []).map(idOf);
  const modules = await latestAndPublished(req, 'modules', moduleIds, sourceLocale);
  const unitIds = modules.flatMap(({ doc }) => (doc.units ?? []).map(idOf));
  const units = new Map(
    (await latestAndPublished(req, 'units', unitIds, sourceLocale)).map((u) => [
      String(u.doc.id),
      u,
    ]),
  );
  const translation = await unitTranslationCounts(req.payload, course.courseId).catch(() => ({}));
  return {
    id: course.id,
    courseId: course.courseId,
    sourceLocale,
    languages: (course.languages ?? []).filter((l) => l !== sourceLocale),
    modules: modules.map(({ doc: m, status }) => ({
      id: m.id,
      moduleId: m.moduleId,
      title: m.title ?? m.moduleId,
      status,
      units: (m.units ?? []).flatMap((ref) => {
        const u = units.get(String(idOf(ref)));
        if (!u) return [];
        return [
          {
            id: u.doc.id,
            unitId: u.doc.unitId,
            kind: u.doc.kind,
            title: u.doc.title ?? u.doc.unitId,
            status: u.status,
            translation:
              (translation as Record<string, OutlineUnit['translation']>)[
                `${m.moduleId}/${u.doc.unitId}`
              ] ?? {},
          },
        ];
      }),
    })),
  };
}

/**
 * A slug from a title (`Rights & dignity` → `rights-dignity`), not one of `taken`: `-2`, `-3`…
 * added as needed; a title with no Latin letters or digits gives the kind (`lesson`, `lesson-2`).
 */
export function slugFromTitle(title: string, fallback: string, taken: Set<string>): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Every unit id of the course (latest drafts of its modules). */
async function unitIdsOf(req: PayloadRequest, course: Course): Promise<Set<string>> {
  const outline = await readOutline(req, course.id);
  return new Set(outline.modules.flatMap((m) => m.units.map((u) => u.unitId)));
}

async function saveModuleUnits(req: PayloadRequest, module: DocId, units: DocId[]) {
  return req.payload.update({
    collection: 'modules',
    id: module,
    data: { units: units as number[], _status: 'draft' },
    draft: true,
    depth: 0,
    ...asUser(req),
  });
}

async function draftModule(req: PayloadRequest, id: DocId): Promise<Module> {
  return req.payload.findByID({ collection: 'modules', id, draft: true, depth: 0, ...asUser(req) });
}

export class OutlineError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** The module, if it is one of the course's. */
async function moduleOfCourse(req: PayloadRequest, course: Course, module: unknown) {
  if (!(course.modules ?? []).map((m) => String(idOf(m))).includes(String(module)))
    throw new OutlineError(`Module ${String(module)} is not one of this course's modules.`);
  return draftModule(req, module as DocId);
}

/** Add a unit at the end of a module: one step, its id derived from its title. */
export async function addUnit(
  req: PayloadRequest,
  courseDocId: DocId,
  input: { module?: unknown; kind?: unknown; title?: unknown; unitId?: unknown },
): Promise<Unit> {
  const course = await draftCourse(req, courseDocId);
  const module = await moduleOfCourse(req, course, input.module);
  if (!unitKinds.includes(input.kind as UnitKind))
    throw new OutlineError(`kind must be one of ${unitKinds.join(', ')}.`);
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (!title || title.length > 200)
    throw new OutlineError('Give the unit a title (at most 200 characters).');
  const taken = await unitIdsOf(req, course);
  const unitId =
    typeof input.unitId === 'string' && input.unitId
      ? input.unitId
      : slugFromTitle(title, String(input.kind), taken);
  if (!isSlug(unitId) || taken.has(unitId)) {
    const why = taken.has(unitId) ? 'already used in this course' : 'not a slug';
    throw new OutlineError(
      `The id "${unitId}" is ${why}: ` +
        'use lowercase letters, digits and single dashes, unique in the course.',
    );
  }
  const unit = await req.payload.create({
    collection: 'units',
    data: { unitId, kind: input.kind as UnitKind, title, _status: 'draft' },
    draft: true,
    locale: course.sourceLocale ?? 'en',
    depth: 0,
    ...asUser(req),
  });
  await saveModuleUnits(req, module.id, [...(module.units ?? []).map(idOf), unit.id]);
  return unit;
}

/** Move a unit to `index` in a module of the course (the same module: a reorder). */
export async function moveUnit(
  req: PayloadRequest,
  courseDocId: DocId,
  input: { unit?: unknown; module?: unknown; index?: unknown },
): Promise<void> {
  const course = await draftCourse(req, courseDocId);
  const target = await moduleOfCourse(req, course, input.module);
  const unit = String(input.unit);
  const modules = await Promise.all(
    (course.modules ?? []).map((m) => draftModule(req, idOf(m)) as Promise<Module>),
  );
  const from = modules.find((m) => (m.units ?? []).some((u) => String(idOf(u)) === unit));
  if (!from) throw new OutlineError(`Unit ${unit} is in none of this course's modules.`);
  const unitRef = (from.units ?? []).map(idOf).find((u) => String(u) === unit)!;
  const without = (list: Module['units']) =>
    (list ?? []).map(idOf).filter((u) => String(u) !== unit);
  const targetUnits =
    String(from.id) === String(target.id) ? without(from.units) : without(target.units);
  const index = Number.isInteger(input.index)
    ? Math.max(0, Math.min(Number(input.index), targetUnits.length))
    : targetUnits.length;
  targetUnits.splice(index, 0, unitRef);
  if (String(from.id) !== String(target.id))
    await saveModuleUnits(req, from.id, without(from.units));
  await saveModuleUnits(req, target.id, targetUnits);
}

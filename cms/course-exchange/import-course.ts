/**
 * `polycourse import`: a course model (from the files source) into the CMS. Idempotent — a second
 * import updates the same documents (matched by course, module and unit ids) — and media are
 * deduplicated by their sha256. Each locale's texts are written in turn; the source locale first,
 * with the structure.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Payload } from 'payload';
import type { Course } from '../../compiler/model/course.ts';
import { sha256 } from '../../compiler/model/fingerprint.ts';
import { courseData, courseStructure, moduleData, unitData } from './course-documents.ts';
import { writeProvenance } from '../translation/provenance.ts';
import { populated, type DocId } from '../documents.ts';

export interface ImportReport {
  created: number;
  updated: number;
  media: { uploaded: number; reused: number };
}

export async function importCourse(
  payload: Payload,
  course: Course,
  onProgress?: (done: number, total: number, label: string) => void,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, media: { uploaded: 0, reused: 0 } };
  const cmsLocales = new Set((payload.config.localization || { localeCodes: [] }).localeCodes);
  const locales = [
    course.sourceLocale,
    ...course.locales.filter((l) => l !== course.sourceLocale && cmsLocales.has(l)),
  ];
  await importMedia(payload, course, report);

  const existingCourse = (
    await payload.find({
      collection: 'courses',
      where: { courseId: { equals: course.id } },
      depth: 2,
      draft: true,
      limit: 1,
    })
  ).docs[0];
  const existingModules = populated(existingCourse?.modules);
  const total = course.modules.reduce((n, m) => n + m.units.length + 1, 1);
  let done = 0;

  /**
   * Write a document in every locale, the source locale first: that write creates it when it is
   * new, with what every locale shares. `save` writes one locale; returns the document's id.
   */
  const upsert = async <D extends { id: DocId }>(
    existing: D | undefined,
    save: (locale: string, current: D | undefined) => Promise<D>,
  ) => {
    let doc = existing;
    for (const locale of locales) {
      const current = doc;
      doc = await save(locale, current);
      if (!current) report.created++;
      else if (locale === course.sourceLocale) report.updated++;
    }
    return doc!.id;
  };

  const moduleIds: DocId[] = [];
  for (const module of course.modules) {
    const existingModule = existingModules.find((m) => m.moduleId === module.id);
    const existingUnits = populated(existingModule?.units);
    const unitIds: DocId[] = [];
    for (const unit of module.units) {
      const captions =
        unit.kind === 'video'
          ? Object.entries(unit.captions)
              .filter(([, ref]) => ref.file)
              .map(([locale, ref]) => ({ locale, vtt: fs.readFileSync(ref.file!, 'utf8') }))
          : undefined;
      unitIds.push(
        await upsert(
          existingUnits.find((u) => u.unitId === unit.id),
          (locale, current) => {
            const data = published(unitData(unit, locale, current, captions));
            return current
              ? payload.update({ collection: 'units', id: current.id, locale, data, draft: false })
              : payload.create({ collection: 'units', locale, data, draft: false });
          },
        ),
      );
      onProgress?.(++done, total, `${module.id}/${unit.id}`);
    }
    moduleIds.push(
      await upsert(existingModule, (locale, current) => {
        const data = published({ ...moduleData(module, locale), units: unitIds });
        return current
          ? payload.update({ collection: 'modules', id: current.id, locale, data, draft: false })
          : payload.create({ collection: 'modules', locale, data, draft: false });
      }),
    );
    onProgress?.(++done, total, module.id);
  }
  await upsert(existingCourse, (locale, current) => {
    const texts = { ...courseData(course, locale, current), modules: moduleIds };
    // What every locale shares is written with the source locale, which comes first and so creates
    // the course.
    if (!current)
      return payload.create({
        collection: 'courses',
        locale,
        data: published({ ...texts, ...courseStructure(course) }),
        draft: false,
      });
    const data = published(
      locale === course.sourceLocale ? { ...texts, ...courseStructure(course) } : texts,
    );
    return payload.update({ collection: 'courses', id: current.id, locale, data, draft: false });
  });
  // What each translation was made from (locales/<l>.sources.json), so status and stale detection
  // carry over.
  for (const [locale, records] of Object.entries(course.translations ?? {}))
    await writeProvenance(payload, course.id, locale, records);
  onProgress?.(++done, total, course.id);
  return report;
}

/**
 * One locale of a document as the import writes it: published; a text missing in the locale is left
 * out (it falls back), never written as empty.
 */
function published<T extends object>(data: T) {
  return { ...(JSON.parse(JSON.stringify(data)) as T), _status: 'published' as const };
}

/**
 * Upload every file under the course's media folder once; the same bytes are never stored twice.
 */
async function importMedia(payload: Payload, course: Course, report: ImportReport): Promise<void> {
  if (!course.mediaRoot) return;
  const dir = path.join(course.mediaRoot, course.mediaDir);
  if (!fs.existsSync(dir)) return;
  for (const rel of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const file = path.join(dir, rel);
    // captions are stored on their unit
    if (!fs.statSync(file).isFile() || /\.vtt$/i.test(rel)) continue;
    const hash = sha256(fs.readFileSync(file));
    const coursePath = `${course.mediaDir}/${rel.split(path.sep).join('/')}`;
    const found = (
      await payload.find({ collection: 'media', where: { sha256: { equals: hash } }, limit: 1 })
    ).docs[0];
    if (found) {
      report.media.reused++;
      if (found.coursePath !== coursePath)
        await payload.update({ collection: 'media', id: found.id, data: { coursePath } });
      continue;
    }
    await payload.create({
      collection: 'media',
      data: { coursePath, sha256: hash },
      filePath: file,
    });
    report.media.uploaded++;
  }
}

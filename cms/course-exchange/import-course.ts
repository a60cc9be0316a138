/**
 * `polycourse import`: a course model (from the files source) into the CMS. Idempotent — a second import
 * updates the same documents (matched by course, module and unit ids) — and media are deduplicated by
 * their sha256. Each locale's texts are written in turn; the source locale first, with the structure.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Payload } from 'payload';
import type { Course } from '../../compiler/model/course.ts';
import { sha256 } from '../../compiler/model/fingerprint.ts';
import { courseData, moduleData, unitData } from './course-documents.ts';
import { writeProvenance } from '../l10n/provenance.ts';

type Doc = Record<string, any> & { id: string | number };

export interface ImportReport { created: number; updated: number; media: { uploaded: number; reused: number } }

export async function importCourse(payload: Payload, course: Course, onProgress?: (done: number, total: number, label: string) => void): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, media: { uploaded: 0, reused: 0 } };
  const cmsLocales = new Set((payload.config.localization || { localeCodes: [] }).localeCodes);
  const locales = [course.sourceLocale, ...course.locales.filter((l) => l !== course.sourceLocale && cmsLocales.has(l))];
  await importMedia(payload, course, report);

  const existingCourse = (await payload.find({ collection: 'courses', where: { courseId: { equals: course.id } }, depth: 2, draft: true, limit: 1 })).docs[0] as Doc | undefined;
  const existingModules = (existingCourse?.modules ?? []) as Doc[];
  const total = course.modules.reduce((n, m) => n + m.units.length + 1, 1);
  let done = 0;

  /** Create or update one document in every locale; returns its id. */
  const upsert = async (collection: 'courses' | 'modules' | 'units', existing: Doc | undefined, dataFor: (locale: string, current?: Doc) => Record<string, unknown>) => {
    let doc = existing;
    for (const locale of locales) {
      // A text missing in a locale is left out (it falls back), never written as empty.
      const data = { ...withoutUndefined(dataFor(locale, doc)), _status: 'published' };
      if (!doc) {
        doc = (await payload.create({ collection, locale, data: data as never, draft: false })) as unknown as Doc;
        report.created++;
      } else {
        doc = (await payload.update({ collection, id: doc.id, locale, data: data as never, draft: false })) as unknown as Doc;
        if (locale === course.sourceLocale) report.updated++;
      }
    }
    return doc!.id;
  };

  const moduleIds: (string | number)[] = [];
  for (const module of course.modules) {
    const existingModule = existingModules.find((m) => m.moduleId === module.id);
    const existingUnits = (existingModule?.units ?? []) as Doc[];
    const unitIds: (string | number)[] = [];
    for (const unit of module.units) {
      const captions = unit.kind === 'video'
        ? Object.entries(unit.captions).filter(([, ref]) => ref.file).map(([locale, ref]) => ({ locale, vtt: fs.readFileSync(ref.file!, 'utf8') }))
        : undefined;
      unitIds.push(await upsert('units', existingUnits.find((u) => u.unitId === unit.id), (locale, current) => unitData(unit, locale, current, captions)));
      onProgress?.(++done, total, `${module.id}/${unit.id}`);
    }
    moduleIds.push(await upsert('modules', existingModule, (locale) => ({ ...moduleData(module, locale), units: unitIds })));
    onProgress?.(++done, total, module.id);
  }
  await upsert('courses', existingCourse, (locale, current) => ({ ...courseData(course, locale, current), modules: moduleIds }));
  // What each translation was made from (locales/<l>.sources.json), so status and stale detection carry over.
  for (const [locale, records] of Object.entries(course.translations ?? {})) await writeProvenance(payload, course.id, locale, records);
  onProgress?.(++done, total, course.id);
  return report;
}

function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Upload every file under the course's media folder once; the same bytes are never stored twice. */
async function importMedia(payload: Payload, course: Course, report: ImportReport): Promise<void> {
  if (!course.mediaRoot) return;
  const dir = path.join(course.mediaRoot, course.mediaDir);
  if (!fs.existsSync(dir)) return;
  for (const rel of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const file = path.join(dir, rel);
    if (!fs.statSync(file).isFile() || /\.vtt$/i.test(rel)) continue; // captions are stored on their unit
    const hash = sha256(fs.readFileSync(file));
    const coursePath = `${course.mediaDir}/${rel.split(path.sep).join('/')}`;
    const found = (await payload.find({ collection: 'media', where: { sha256: { equals: hash } }, limit: 1 })).docs[0] as Doc | undefined;
    if (found) {
      report.media.reused++;
      if (found.coursePath !== coursePath) await payload.update({ collection: 'media', id: found.id, data: { coursePath } as never });
      continue;
    }
    await payload.create({ collection: 'media', data: { coursePath, sha256: hash } as never, filePath: file });
    report.media.uploaded++;
  }
}

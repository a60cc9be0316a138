/**
 * Preview of a unit in the bundle's theme: the course is built from the latest saved drafts, in the
 * unit's locale only, into the previews folder (incremental, so the next preview re-renders only
 * what changed), and the unit's page is served from there. Nothing published changes.
 */
import type { Payload } from 'payload';
import type { Diagnostic } from '../../compiler/model/diagnostic.ts';
import { runCli } from '../publish/cli.ts';
import { previewsDir } from '../publish/bundles-dir.ts';
import { placementOf } from '../course-exchange/containing-course.ts';
import type { Course, Module, Unit } from '../payload-types.ts';

export type PreviewResult =
  | { ok: true; path: string }
  | { ok: false; status: number; message: string; diagnostics?: Diagnostic[] };

/**
 * One preview build per course at a time: two builds into the same folder would race on its swap.
 */
const running = new Map<string, Promise<unknown>>();

function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const next = (running.get(key) ?? Promise.resolve()).catch(() => {}).then(work);
  running.set(key, next);
  return next;
}

/** The course and module a unit belongs to, or why there is none. */
async function locateUnit(
  payload: Payload,
  unitDocId: string,
): Promise<{ unit: Unit; module: Module; course: Course } | string> {
  const { unit, module, course } = await placementOf(payload, 'units', unitDocId);
  if (!unit) return `There is no unit ${unitDocId}.`;
  if (!module)
    return `The unit "${unit.unitId}" is not in any module yet: add it to a module to preview it.`;
  if (!course)
    return (
      `The module "${module.moduleId}" is not in any ` +
      'course yet: add it to a course to preview it.'
    );
  return { unit, module, course };
}

export async function previewUnit(
  payload: Payload,
  unitDocId: string,
  locale: string,
): Promise<PreviewResult> {
  const found = await locateUnit(payload, unitDocId);
  if (typeof found === 'string') return { ok: false, status: 404, message: found };
  const { unit, module, course } = found;
  const languages: readonly string[] = course.languages ?? [];
  if (!languages.includes(locale))
    return {
      ok: false,
      status: 400,
      message:
        `The course "${course.courseId}" is not offered in ` +
        `"${locale}" (its languages: ${languages.join(', ')}).`,
    };
  const out = previewsDir();
  const run = await serialized(course.courseId, () =>
    runCli([
      'build',
      '--from-cms',
      course.courseId,
      '--drafts',
      '--locale',
      locale,
      '--out',
      out,
      '--json',
    ]),
  );
  let report: { ok?: boolean; diagnostics?: Diagnostic[] } = {};
  try {
    report = JSON.parse(run.stdout);
  } catch {
    return {
      ok: false,
      status: 500,
      message: `The preview build failed (exit code ${run.code}): ${run.stderr.slice(-2000)}`,
    };
  }
  if (!report.ok)
    return {
      ok: false,
      status: 422,
      message: 'The draft does not build: fix these problems, then preview again.',
      diagnostics: (report.diagnostics ?? []).filter((d) => d.severity === 'error'),
    };
  return { ok: true, path: `${course.courseId}/${locale}/${module.moduleId}/${unit.unitId}/` };
}

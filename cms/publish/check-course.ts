/**
 * What Publish bundles would refuse, found before it runs: the course is checked from the latest
 * saved drafts by the compiler itself (`polycourse validate --from-cms <course> --drafts --json` in
 * a child process, as previews and publishing run), so the answer is exactly the build's: answer
 * keys, missing media, unknown unit references, captions, MDX bodies, every locale. Each problem
 * gets an Edit link to the document that holds it.
 */
import path from 'node:path';
import type { Payload } from 'payload';
import type { Diagnostic } from '../../compiler/model/diagnostic.ts';
import { runCli } from './cli.ts';
import { bundlesDir } from './bundles-dir.ts';

export interface CourseProblem extends Diagnostic {
  /** The admin's edit view of the document that holds the problem (course, module or unit). */
  edit: string;
  /** What the link opens, e.g. `unit "rights-quiz"` (English, for server messages). */
  editLabel: string;
  /** What the link opens, for the admin to say in the member's language. */
  editTarget: { kind: 'unit' | 'module' | 'course'; id?: string };
}

export interface CourseCheck {
  ok: boolean;
  problems: CourseProblem[];
}

/** Where a check links the CMS's media: beside the bundles, like the previews. */
const checksDir = () => path.join(path.dirname(bundlesDir()), 'checks');

/**
 * The module and unit a diagnostic is about: from its model path
 * (`cms:courses/mini#modules.basics.units.quiz.questions.q1`), a body's file
 * (`cms:courses/mini/basics/first-lesson.en.mdx`) or a unit's media (`cms:units/quiz/src`).
 */
export function placeOf(d: Diagnostic): { moduleId?: string; unitId?: string } {
  const where = `${d.file ?? ''} ${d.path ?? ''}`;
  const inModel = /modules\.([a-z0-9-]+)(?:\.units\.([a-z0-9-]+))?/.exec(where);
  if (inModel) return { moduleId: inModel[1], unitId: inModel[2] };
  const body = /courses\/[a-z0-9-]+\/([a-z0-9-]+)\/([a-z0-9-]+)\.[A-Za-z0-9-]+\.mdx/.exec(where);
  if (body) return { moduleId: body[1], unitId: body[2] };
  const inUnit = /units\/([a-z0-9-]+)/.exec(where);
  return inUnit ? { unitId: inUnit[1] } : {};
}

async function idOf(payload: Payload, collection: 'modules' | 'units', field: string, id: string) {
  const found = await payload.find({
    collection,
    where: { [field]: { equals: id } },
    draft: true,
    depth: 0,
    limit: 1,
  });
  return found.docs[0]?.id;
}

export async function checkCourseDrafts(
  payload: Payload,
  course: { id: string | number; courseId: string },
): Promise<CourseCheck> {
  const run = await runCli([
    'validate',
    '--from-cms',
    course.courseId,
    '--drafts',
    '--json',
    '--cache-dir',
    path.join(checksDir(), course.courseId),
  ]);
  let report: { ok?: boolean; diagnostics?: Diagnostic[] };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    const message =
      `The course could not be checked (polycourse validate exited with ${run.code}): ` +
      run.stderr.trim().split('\n').slice(-3).join(' ');
    report = {
      ok: false,
      diagnostics: [{ severity: 'error', ruleId: 'polycourse:check-failed', message }],
    };
  }
  const problems: CourseProblem[] = [];
  for (const d of report.diagnostics ?? []) {
    if (d.severity !== 'error') continue;
    const { moduleId, unitId } = placeOf(d);
    const unit = unitId && (await idOf(payload, 'units', 'unitId', unitId));
    const module = !unit && moduleId && (await idOf(payload, 'modules', 'moduleId', moduleId));
    const editTarget: CourseProblem['editTarget'] = unit
      ? { kind: 'unit', id: unitId }
      : module
        ? { kind: 'module', id: moduleId }
        : { kind: 'course' };
    problems.push({
      ...d,
      edit: unit
        ? `/admin/collections/units/${unit}`
        : module
          ? `/admin/collections/modules/${module}`
          : `/admin/collections/courses/${course.id}`,
      editLabel: labelOf(editTarget),
      editTarget,
    });
  }
  return { ok: report.ok === true && problems.length === 0, problems };
}

/** `unit "rights-quiz"`, `module "basics"`, `the course`: the target in English. */
const labelOf = ({ kind, id }: CourseProblem['editTarget']) =>
  kind === 'course' ? 'the course' : `${kind} "${id}"`;

/** One line per problem, for a refusal message: `unit "quiz": Question … [rule]`. */
export function problemLines(problems: CourseProblem[], max = 5): string {
  const lines = problems
    .slice(0, max)
    .map((p) => `${p.editLabel}: ${p.message}${p.ruleId ? ` [${p.ruleId}]` : ''}`);
  if (problems.length > max) lines.push(`… and ${problems.length - max} more`);
  return lines.join('; ');
}

/**
 * The course's stored questionnaire responses as the evaluation reads them (a ResponseTable), and
 * the import of a responses CSV into them: the whole file is checked first (readResponsesCsv, the
 * same rules as `polycourse evaluate`); with any problem nothing is stored; otherwise each row is
 * created or replaces the learner's answers in that phase, so importing a file twice changes
 * nothing.
 */
import type { Payload, PayloadRequest } from 'payload';
import type { Diagnostic } from '../../compiler/model/diagnostic.ts';
import type { ResponseTable } from '../../compiler/evaluation/evaluation-types.ts';
import { readResponsesCsv } from '../../compiler/evaluation/read-responses-csv.ts';
import { csvCell } from '../../compiler/evaluation/report/write-report.ts';
import type { EvaluatedCourse } from './course-questionnaire.ts';

interface StoredResponse {
  id: string | number;
  learner: string;
  phase: 'pre' | 'post';
  answers: Record<string, number>;
  groups?: Record<string, string> | null;
  consentVersion?: string | null;
}

/**
 * The course's stored responses as a responses CSV (docs/evaluation.md), anonymized: each learner's
 * key is replaced by a number for this file only (`r1`, `r2`, … in the order of the keys, which are
 * random), so the file cannot be joined with anything stored; no dates. Columns: learner, phase,
 * the items, the grouping columns, and `consent_version` (the consent text each answer was given
 * under; empty for imported rows). `polycourse evaluate` reads it as it is.
 */
export async function responsesCsv(payload: Payload, course: EvaluatedCourse): Promise<string> {
  const { docs } = await payload.find({
    collection: 'questionnaire-responses',
    where: { courseId: { equals: course.id } },
    pagination: false,
    depth: 0,
    sort: 'learner',
    overrideAccess: true,
  });
  const responses = docs as unknown as StoredResponse[];
  const items = course.questionnaire?.items.map((i) => i.id) ?? [];
  const groupColumns = [...new Set(responses.flatMap((r) => Object.keys(r.groups ?? {})))]
    .filter((c) => c !== 'consent_version' && !items.includes(c))
    .sort();
  const numbers = new Map<string, string>();
  const rows = [['learner', 'phase', ...items, ...groupColumns, 'consent_version']];
  for (const r of responses) {
    if (!numbers.has(r.learner)) numbers.set(r.learner, `r${numbers.size + 1}`);
    rows.push([
      numbers.get(r.learner)!,
      r.phase,
      ...items.map((i) => (Number.isInteger(r.answers?.[i]) ? String(r.answers[i]) : '')),
      ...groupColumns.map((c) => String(r.groups?.[c] ?? '')),
      r.consentVersion ?? '',
    ]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** Every stored response of the course, by column; the grouping columns any response has. */
export async function storedResponses(
  payload: Payload,
  course: EvaluatedCourse,
): Promise<{ table: ResponseTable; groupColumns: string[] }> {
  const { docs } = await payload.find({
    collection: 'questionnaire-responses',
    where: { courseId: { equals: course.id } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  });
  const responses = docs as unknown as StoredResponse[];
  const items = course.questionnaire?.items.map((i) => i.id) ?? [];
  const groupColumns = [...new Set(responses.flatMap((r) => Object.keys(r.groups ?? {})))].sort();
  const table: ResponseTable = {
    learner: responses.map((r) => r.learner),
    phase: responses.map((r) => r.phase),
    answers: Object.fromEntries(
      items.map((item) => [item, Float64Array.from(responses, (r) => r.answers?.[item] ?? NaN)]),
    ),
    groups: Object.fromEntries(
      groupColumns.map((c) => [c, responses.map((r) => String(r.groups?.[c] ?? ''))]),
    ),
  };
  return { table, groupColumns };
}

/**
 * Import a responses CSV into the course. `req` carries the user, whose access is enforced, unless
 * `overrideAccess` (the operator's `polycourse evaluate --store-in-cms`, like `polycourse import`).
 */
export async function importResponses(
  req: PayloadRequest,
  course: EvaluatedCourse,
  text: string,
  file = 'responses.csv',
  overrideAccess = false,
): Promise<{ imported: number; diagnostics: Diagnostic[] }> {
  const q = course.questionnaire!;
  const read = readResponsesCsv(text, {
    file,
    items: q.items.map((i) => i.id),
    scale: { min: 1, max: q.scale },
  });
  if (read.diagnostics.length) return { imported: 0, diagnostics: read.diagnostics };
  const { table, items, groupColumns } = read;
  for (let row = 0; row < table.learner.length; row++) {
    const answers: Record<string, number> = {};
    for (const item of items) {
      const value = table.answers[item]![row]!;
      if (!Number.isNaN(value)) answers[item] = value;
    }
    const data = {
      courseId: course.id,
      learner: table.learner[row]!,
      phase: table.phase[row]!,
      answers,
      groups: Object.fromEntries(groupColumns.map((c) => [c, table.groups[c]![row]!])),
    };
    const existing = await req.payload.find({
      collection: 'questionnaire-responses',
      where: {
        courseId: { equals: course.id },
        learner: { equals: data.learner },
        phase: { equals: data.phase },
      },
      limit: 1,
      depth: 0,
      req,
      overrideAccess,
    });
    const id = existing.docs[0]?.id;
    if (id === undefined)
      await req.payload.create({
        collection: 'questionnaire-responses',
        data,
        req,
        overrideAccess,
      });
    else
      await req.payload.update({
        collection: 'questionnaire-responses',
        id,
        data,
        req,
        overrideAccess,
      });
  }
  return { imported: table.learner.length, diagnostics: [] };
}

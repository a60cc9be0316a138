/**
 * Before a unit is validated: each question's ids are filled where the author left them empty
 * (q1…, a, b…, t1…), its stored answer key (`correct`) is derived from the quiz editor's fields
 * (cms/quiz/answer-key.ts), and a quiz whose key is missing or inconsistent is refused with the
 * problem on the field the author fixes, the same rule the bundle build applies
 * (validateCourse's answer-key), so it never fails later at Publish bundles. Nothing is stored when
 * a key is refused.
 */
import {
  ValidationError,
  type CollectionAfterReadHook,
  type CollectionBeforeValidateHook,
  type Validate,
} from 'payload';
import {
  hasEditorKey,
  keyOf,
  keyProblems,
  projectKey,
  withDerivedKey,
  type QuestionRow,
} from '../quiz/answer-key.ts';

/** The first of `candidates` that `taken` does not hold. */
function freeId(taken: Set<string>, candidates: (n: number) => string): string {
  for (let n = 0; ; n++) {
    const id = candidates(n);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const letters = (n: number) => (n < 26 ? String.fromCharCode(97 + n) : `o${n + 1}`);

function withIds<T extends Record<string, unknown>>(
  rows: T[] | null | undefined,
  field: string,
  candidates: (n: number) => string,
): T[] {
  // In the admin's form state an array without rows may hold its row count (0), not a list.
  const list = Array.isArray(rows) ? rows : [];
  const taken = new Set(list.map((r) => r[field]).filter(Boolean) as string[]);
  return list.map((r) => (r[field] ? r : { ...r, [field]: freeId(taken, candidates) }));
}

/** The questions with the ids a save fills in (q1…, a, b…, t1…) where the author left none. */
function withAllIds(questions: QuestionRow[]): QuestionRow[] {
  return withIds(questions, 'questionId', (n) => `q${n + 1}`).map((q) => ({
    ...q,
    options: withIds(q.options, 'optionId', letters),
    targets: withIds(q.targets, 'targetId', (n) => `t${n + 1}`),
  }));
}

export const deriveAnswerKeys: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  const kind = data?.kind ?? originalDoc?.kind;
  if (!data || kind !== 'quiz' || !Array.isArray(data.questions)) return data;
  const stored = (originalDoc?.questions ?? []) as QuestionRow[];
  const questions = withAllIds(data.questions as QuestionRow[]).map((q) =>
    withDerivedKey(
      q,
      stored.find((s) => (q.id && s.id === q.id) || s.questionId === q.questionId),
    ),
  );
  const problems = questions.flatMap((q, i) => keyProblems(q, `questions.${i}`));
  if (problems.length) throw new ValidationError({ collection: 'units', errors: problems });
  return { ...data, questions };
};

/**
 * A question stored before the quiz editor existed has its key only in `correct`: shown in the
 * editor's fields (ticked options, the true/false answer, partners), so the author sees the key
 * that is in force, and the next save stores it there.
 */
export const showStoredAnswerKeys: CollectionAfterReadHook = ({ doc }) => {
  if (doc?.kind !== 'quiz' || !Array.isArray(doc.questions)) return doc;
  doc.questions = (doc.questions as QuestionRow[]).map((q) =>
    !hasEditorKey(q) && keyOf(q.correct) ? projectKey(q, keyOf(q.correct)!) : q,
  );
  return doc;
};

/**
 * The key check of a field of a question while the author edits (Payload's form-state requests,
 * `event: 'onChange'`; every change of any field asks for one), with the messages a save gives:
 * after a refused save each problem stays on its field while other fields change and goes once it
 * is fixed. The key in force is the form's own (its `correct` is what the document holds), as on
 * save; on save this returns true and deriveAnswerKeys refuses. Form-state validation gets the
 * field's config and its row, not its path (Payload 3.7x): the question is found by the row's id.
 */
export const validateKeyOnChange: Validate<unknown> = (_value, options) => {
  const { event, data, siblingData } = options;
  const name = (options as { name?: string }).name;
  const questions = (data as { questions?: QuestionRow[] })?.questions;
  const rowId = (siblingData as { id?: string })?.id;
  if (event !== 'onChange' || (data as { kind?: string })?.kind !== 'quiz') return true;
  if (!Array.isArray(questions) || !rowId || !name) return true;
  // `match` sits in an option's row; the other fields in the question's.
  const index = questions.findIndex((q) =>
    name === 'match' ? q.options?.some((o) => o.id === rowId) : q.id === rowId,
  );
  if (index === -1) return true;
  const q = withAllIds(questions)[index];
  const at =
    name === 'match'
      ? `questions.${index}.options.${q.options!.findIndex((o) => o.id === rowId)}.match`
      : `questions.${index}.${name}`;
  const messages = keyProblems(withDerivedKey(q, q), `questions.${index}`)
    .filter((problem) => problem.path === at)
    .map((problem) => problem.message);
  return messages.length ? messages.join(' ') : true;
};

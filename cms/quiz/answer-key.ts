/**
 * A question's answer key as the quiz editor shapes it: single and multiple choice by the options'
 * Correct checkboxes, true/false by the Answer radio, ordering by the options' order, matching
 * by each option's Partner among the targets. Those fields are the one source of truth; the stored
 * `correct` (what the compiler's CMS source reads) is derived from them on every save
 * (cms/hooks/deriveAnswerKeys.ts). Pure functions, shared by the hook and the tests.
 */
import type { Question } from '../../compiler/model/course.ts';

export interface OptionRow {
  id?: string | null;
  optionId?: string | null;
  correct?: boolean | null;
  /** matching: the targetId this option is matched with */
  match?: string | null;
  [field: string]: unknown;
}

export interface TargetRow {
  id?: string | null;
  targetId?: string | null;
  [field: string]: unknown;
}

export interface QuestionRow {
  id?: string | null;
  questionId?: string | null;
  type?: Question['type'] | null;
  /**
   * true/false questions: whether the statement is true (`is-true`/`is-false`: GraphQL refuses enum
   * values named true and false)
   */
  answer?: 'is-true' | 'is-false' | null;
  options?: OptionRow[] | null;
  targets?: TargetRow[] | null;
  correct?: unknown;
  [field: string]: unknown;
}

/** A problem with one question's key, placed on the field the author fixes. */
export interface KeyProblem {
  path: string;
  message: string;
}

/** The key in the compiler's shape (Question['correct']), read from the editor's fields. */
export function keyFromEditor(q: QuestionRow): string[] {
  const options = q.options ?? [];
  switch (q.type) {
    case 'truefalse':
      return q.answer === 'is-true' ? ['true'] : q.answer === 'is-false' ? ['false'] : [];
    case 'ordering':
      return options.map((o) => String(o.optionId ?? ''));
    case 'matching':
      return options.filter((o) => o.match).map((o) => `${o.optionId}=${o.match}`);
    default:
      return options.filter((o) => o.correct).map((o) => String(o.optionId ?? ''));
  }
}

/** Whether the editor's fields hold any key at all (ordering always does: its order). */
export function hasEditorKey(q: QuestionRow): boolean {
  return keyFromEditor(q).length > 0;
}

/**
 * The editor's fields set from a key in the compiler's shape (a REST client or an older row that
 * wrote `correct`): checkboxes, the true/false answer, partners, or the options put in key order.
 */
export function projectKey<Q extends QuestionRow>(q: Q, key: readonly string[]): Q {
  return projectOnto(q, key) as Q;
}

function projectOnto(q: QuestionRow, key: readonly string[]): QuestionRow {
  const options = q.options ?? [];
  switch (q.type) {
    case 'truefalse':
      return {
        ...q,
        answer: key[0] === 'true' ? 'is-true' : key[0] === 'false' ? 'is-false' : q.answer,
      };
    case 'ordering': {
      const rank = (o: OptionRow) => {
        const i = key.indexOf(String(o.optionId));
        return i === -1 ? key.length : i;
      };
      return { ...q, options: [...options].sort((a, b) => rank(a) - rank(b)) };
    }
    case 'matching': {
      const partner = new Map(
        key.map((pair) => {
          const at = pair.indexOf('=');
          return [pair.slice(0, at), pair.slice(at + 1)] as const;
        }),
      );
      return {
        ...q,
        options: options.map((o) => ({ ...o, match: partner.get(String(o.optionId)) ?? o.match })),
      };
    }
    default:
      return {
        ...q,
        options: options.map((o) => ({ ...o, correct: key.includes(String(o.optionId)) })),
      };
  }
}

/**
 * A `correct` value as clients write it: a list of ids, or for true/false also `true`/`false` or
 * one id.
 */
export function keyOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'boolean' || (typeof value === 'string' && value)) return [String(value)];
  return undefined;
}

const sameKey = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The question as it is stored: the editor's fields, set from `correct` first when the request
 * changed `correct` itself (an explicit key from REST) or when the editor's fields hold none (a row
 * written before the editor existed), then `correct` derived from them.
 */
export function withDerivedKey(q: QuestionRow, stored?: QuestionRow): QuestionRow {
  const sent = keyOf(q.correct);
  const explicit = sent !== undefined && sent.length > 0 && !sameKey(sent, keyOf(stored?.correct));
  const shaped = sent?.length && (explicit || !hasEditorKey(q)) ? projectKey(q, sent) : q;
  return { ...shaped, correct: keyFromEditor(shaped) };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What would stop the bundle build (validateCourse's answer-key rule), found on the question's own
 * fields so the admin shows each problem where it is fixed. `at` is the question's path, e.g.
 * `questions.2`.
 */
export function keyProblems(q: QuestionRow, at: string): KeyProblem[] {
  const problems: KeyProblem[] = [];
  const label = `Question ${q.questionId ? `"${q.questionId}"` : at.replace(/^.*\./, '#')}`;
  const options = q.options ?? [];
  const say = (field: string, message: string) =>
    problems.push({ path: `${at}.${field}`, message: `${label}: ${message}` });
  const ids = options.map((o) => String(o.optionId ?? ''));
  const repeated = ids.filter((id, i) => id && ids.indexOf(id) !== i);
  if (repeated.length)
    say('options', `option id "${repeated[0]}" is used twice; give each option its own id.`);
  switch (q.type) {
    case 'truefalse':
      if (q.answer !== 'is-true' && q.answer !== 'is-false')
        say('answer', 'choose whether the statement is true or false.');
      break;
    case 'single':
    case 'multiple': {
      if (options.length < 2) say('options', 'add at least two options.');
      const ticked = options.filter((o) => o.correct).length;
      if (q.type === 'single' && ticked !== 1)
        say(
          'options',
          ticked === 0
            ? 'tick the one correct option.'
            : `single choice has ${count(ticked, 'correct option')}: keep one ticked, ` +
                'or make it a multiple-choice question.',
        );
      if (q.type === 'multiple' && ticked === 0) say('options', 'tick the correct options.');
      break;
    }
    case 'ordering':
      if (options.length < 2)
        say('options', 'add at least two options, dragged into the correct order.');
      break;
    case 'matching': {
      if (options.length < 2) say('options', 'add at least two items to match.');
      const targetIds = (q.targets ?? []).map((t) => String(t.targetId ?? ''));
      const twice = targetIds.filter((id, i) => id && targetIds.indexOf(id) !== i);
      if (twice.length)
        say('targets', `target id "${twice[0]}" is used twice; give each target its own id.`);
      const used = new Map<string, string>();
      options.forEach((o, i) => {
        const item = `item ${o.optionId ? `"${o.optionId}"` : `#${i + 1}`}`;
        if (!o.match) say(`options.${i}.match`, `choose the partner of ${item} among the targets.`);
        else if (!targetIds.includes(o.match))
          say(`options.${i}.match`, `${item} is matched with "${o.match}", which is not a target.`);
        else if (used.has(o.match))
          say(
            `options.${i}.match`,
            `${item} and item "${used.get(o.match)}" have the same partner; ` +
              'each target matches one item.',
          );
        else used.set(o.match, String(o.optionId));
      });
      break;
    }
  }
  return problems;
}

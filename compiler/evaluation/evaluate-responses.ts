/**
 * Evaluate a cohort's pre/post questionnaire: pair each learner's answers, score reversed items in
 * reverse, compare every item and the total score, Holm-adjust the items' p-values, Cronbach's α,
 * and the same per group of any grouping column (groups under the minimum suppressed). The rules
 * are written out in docs/evaluation.md; the report repeats them.
 *
 * Answers are held by column (one Float64Array per item and phase, NaN when not answered) and a
 * cohort is a list of pair indices: 100,000 learners × 17 items evaluate in a fraction of a second.
 */
import padjust from '@stdlib/stats-padjust';
import type {
  CohortResult,
  EvaluationOptions,
  EvaluationResult,
  ItemResult,
  ResponseTable,
  SuppressedGroup,
} from './evaluation-types.ts';
import { comparePaired, variance } from './paired-statistics.ts';

/** The paired learners' scored answers: item → values by pair index (NaN = not answered). */
interface PairedAnswers {
  pre: Float64Array[];
  post: Float64Array[];
  /** 1 for the pairs that answered every item both times */
  complete: Uint8Array;
}

/** A set of learners: indices of its pairs, and how many of its learners are unmatched. */
interface Learners {
  pairs: number[];
  unmatched: number;
}

export interface Evaluation {
  result: EvaluationResult;
  /** Each learner's total-score change (post − pre), for the report's histogram. */
  totalChanges: Float64Array;
}

export function evaluateResponses(table: ResponseTable, options: EvaluationOptions): Evaluation {
  // learner → its pre row and post row (-1: none)
  const rowsOf = new Map<string, [number, number]>();
  table.learner.forEach((learner, row) => {
    let rows = rowsOf.get(learner);
    if (!rows) rowsOf.set(learner, (rows = [-1, -1]));
    rows[table.phase[row] === 'pre' ? 0 : 1] = row;
  });
  const paired = [...rowsOf.values()].filter(([pre, post]) => pre >= 0 && post >= 0);
  const answers = scoredColumns(
    table,
    Int32Array.from(paired, ([pre]) => pre),
    Int32Array.from(paired, ([, post]) => post),
    options,
  );
  const all: Learners = { pairs: [], unmatched: 0 };
  const groups = new Map(options.by.map((column) => [column, new Map<string, Learners>()]));
  let index = 0;
  for (const [pre, post] of rowsOf.values()) {
    const pair = pre >= 0 && post >= 0 ? index++ : undefined;
    const into = (set: Learners) => (pair === undefined ? set.unmatched++ : set.pairs.push(pair));
    into(all);
    for (const [column, values] of groups) {
      const cells = table.groups[column]!;
      const value = (pre >= 0 && cells[pre]) || (post >= 0 && cells[post]) || '';
      let set = values.get(value);
      if (!set) values.set(value, (set = { pairs: [], unmatched: 0 }));
      into(set);
    }
  }
  const breakdown: EvaluationResult['groups'] = {};
  for (const [column, values] of groups) {
    const sorted = [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    breakdown[column] = Object.fromEntries(
      sorted.map(([value, set]): [string, CohortResult | SuppressedGroup] => [
        value,
        set.pairs.length < options.minGroup
          ? { n: set.pairs.length, suppressed: true }
          : evaluateCohort(set, answers, options),
      ]),
    );
  }
  const totals = totalScores(completePairs(all.pairs, answers), answers);
  return {
    result: {
      scale: options.scale,
      reversed: options.reversed,
      ...evaluateCohort(all, answers, options),
      groups: breakdown,
    },
    totalChanges: totals.post.map((b, i) => b - totals.pre[i]!),
  };
}

/** The pairs' answers by item column, reversed items flipped (v → min + max − v). */
function scoredColumns(
  table: ResponseTable,
  preRows: Int32Array,
  postRows: Int32Array,
  { items, scale, reversed }: EvaluationOptions,
): PairedAnswers {
  const column = (rows: Int32Array, item: string) => {
    const raw = table.answers[item]!;
    const values = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = raw[rows[i]!]!;
    if (reversed.includes(item))
      for (let i = 0; i < rows.length; i++) values[i] = scale.min + scale.max - values[i]!;
    return values;
  };
  const pre = items.map((item) => column(preRows, item));
  const post = items.map((item) => column(postRows, item));
  // a pair is complete when it answered every item both times (the total score's learners)
  const complete = new Uint8Array(preRows.length).fill(1);
  for (const values of [...pre, ...post])
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) complete[i] = 0;
  return { pre, post, complete };
}

/** The values before and after of the pairs that answered both times. */
function answeredBoth(preColumn: Float64Array, postColumn: Float64Array, pairs: number[]) {
  const both = (p: number) => !Number.isNaN(preColumn[p]!) && !Number.isNaN(postColumn[p]!);
  let n = 0;
  for (const p of pairs) if (both(p)) n++;
  const [pre, post] = [new Float64Array(n), new Float64Array(n)];
  let i = 0;
  for (const p of pairs)
    if (both(p)) {
      pre[i] = preColumn[p]!;
      post[i++] = postColumn[p]!;
    }
  return { pre, post };
}

/** The pairs that answered every item both times (the total score's learners). */
function completePairs(pairs: number[], answers: PairedAnswers): number[] {
  return pairs.filter((p) => answers.complete[p] === 1);
}

/** Total scores before and after of `complete` pairs. */
function totalScores(complete: number[], answers: PairedAnswers) {
  const sum = (columns: Float64Array[]) => {
    const totals = new Float64Array(complete.length);
    for (const column of columns)
      for (let i = 0; i < complete.length; i++) totals[i] += column[complete[i]!]!;
    return totals;
  };
  return { pre: sum(answers.pre), post: sum(answers.post) };
}

function evaluateCohort(
  { pairs, unmatched }: Learners,
  answers: PairedAnswers,
  options: EvaluationOptions,
): CohortResult {
  const range = options.scale.max - options.scale.min;
  const items = options.items.map((item, k) => {
    const { pre, post } = answeredBoth(answers.pre[k]!, answers.post[k]!, pairs);
    return comparePaired(item, pre, post, range, options);
  });
  const tested = items.filter((i) => i.wilcoxon.p !== null);
  // No item can be tested (no learner answered before and after, or no differences): nothing to
  // adjust (padjust refuses an empty list).
  const adjusted = new Map(
    tested.length
      ? padjust(
          tested.map((i) => i.wilcoxon.p!),
          'holm',
        ).map((p, k) => [tested[k]!.item, p])
      : [],
  );
  const complete = completePairs(pairs, answers);
  const totals = totalScores(complete, answers);
  const overall: ItemResult = {
    ...comparePaired('total', totals.pre, totals.post, range * options.items.length, options),
    p_holm: null,
  };
  return {
    n: pairs.length,
    unmatched,
    items: items.map((i) => ({ ...i, p_holm: adjusted.get(i.item) ?? null })),
    overall,
    alpha: {
      pre: cronbachAlpha(answers.pre, complete, totals.pre),
      post: cronbachAlpha(answers.post, complete, totals.post),
    },
  };
}

/**
 * Cronbach's α = k/(k − 1) · (1 − Σ var(item) / var(total)), sample variances, over the item
 * columns at `pairs` and those pairs' totals.
 */
function cronbachAlpha(
  columns: Float64Array[],
  pairs: number[],
  totals: Float64Array,
): number | null {
  const k = columns.length;
  if (totals.length < 2 || k < 2) return null;
  const itemVariances = columns.reduce((sum, column) => sum + varianceAt(column, pairs), 0);
  const alpha = (k / (k - 1)) * (1 - itemVariances / variance(totals));
  return Number.isFinite(alpha) ? alpha : null;
}

/** Sample variance of `column` at `indices` (two-pass, like `variance`), without a copy. */
function varianceAt(column: Float64Array, indices: number[]): number {
  let sum = 0;
  for (const i of indices) sum += column[i]!;
  const mean = sum / indices.length;
  let squares = 0;
  for (const i of indices) squares += (column[i]! - mean) ** 2;
  return squares / (indices.length - 1);
}

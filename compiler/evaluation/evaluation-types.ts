/**
 * The seam of the evaluation: what `evaluateResponses` reads (one row per learner and phase) and
 * what it reports (the keys of `polycourse evaluate --json`, documented in docs/evaluation.md).
 * Numbers that are undefined for the data (0/0, nothing left to rank) are `null`.
 */

export type Phase = 'pre' | 'post';

/**
 * Responses by column, one row per learner and phase: row r is `learner[r]`'s answers in
 * `phase[r]`. Columns keep 100,000-learner cohorts fast and small.
 */
export interface ResponseTable {
  learner: string[];
  phase: Phase[];
  /** Item id → the raw answer of each row on the scale (NaN when not answered). */
  answers: Record<string, Float64Array>;
  /** Grouping column (locale, cohort, country income group…) → each row's value ('' when empty). */
  groups: Record<string, string[]>;
}

export interface Scale {
  min: number;
  max: number;
}

export interface EvaluationOptions {
  /** Item ids in questionnaire order. */
  items: string[];
  scale: Scale;
  /** Items scored in reverse (v → min + max − v) before anything else. */
  reversed: string[];
  /** Grouping columns to break the results down by. */
  by: string[];
  /** Groups with fewer paired learners are suppressed (privacy). Default 10. */
  minGroup: number;
  /** `wilcox` drops zero differences before ranking; `pratt` ranks them, then drops them. */
  zeroMethod: 'wilcox' | 'pratt';
  /** Continuity correction of the normal approximation. Default off. */
  continuity: boolean;
}

export interface TTest {
  t: number | null;
  df: number;
  p: number | null;
}

export interface WilcoxonTest {
  /** The smaller of the two rank sums. */
  statistic: number | null;
  p: number | null;
  /** `exact` (n ≤ 50 non-zero differences, no ties) or `approx` (normal, tie-corrected). */
  method: 'exact' | 'approx' | null;
  /** Signed normal-approximation Z, positive when post > pre dominates. */
  z: number | null;
  n_nonzero: number;
}

export interface ItemResult {
  /** The item id, or `total` for the total score. */
  item: string;
  n: number;
  mean_pre: number | null;
  mean_post: number | null;
  sd_pre: number | null;
  sd_post: number | null;
  mean_change: number | null;
  sd_change: number | null;
  /** (mean post − mean pre) / mean pre × 100 */
  mean_change_pct: number | null;
  /** mean change / the scale's range × 100 (the scale need not start at 0) */
  change_pct_of_range: number | null;
  ci95: [number, number] | null;
  ttest: TTest;
  wilcoxon: WilcoxonTest;
  /** Cohen's dz = mean change / SD of the changes */
  dz: number | null;
  /** r = Z / √n */
  r: number | null;
  /** Holm-adjusted Wilcoxon p across the items (null for the total). */
  p_holm: number | null;
}

export interface CohortResult {
  /** Paired learners (a pre and a post row). */
  n: number;
  /** Learners with only one of the two phases (excluded). */
  unmatched: number;
  items: ItemResult[];
  overall: ItemResult;
  alpha: { pre: number | null; post: number | null };
}

export interface SuppressedGroup {
  n: number;
  suppressed: true;
}

export interface EvaluationResult extends CohortResult {
  scale: Scale;
  reversed: string[];
  groups: Record<string, Record<string, CohortResult | SuppressedGroup>>;
}

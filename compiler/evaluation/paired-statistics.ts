/**
 * Descriptive statistics and the paired t-test of one item (or the total score): means and sample
 * SDs before and after, the mean change with its 95% confidence interval, Cohen's dz, the Wilcoxon
 * signed-rank test and r = Z/√n. The t distribution is stdlib's.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { ItemResult } from './evaluation-types.ts';
import { signedRankTest, type SignedRankOptions } from './signed-rank-test.ts';

/** A finite number, or null (0/0, an SD of one value…). */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function mean(xs: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum / xs.length;
}

/** Sample variance (n − 1), two-pass for accuracy. */
export function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += (xs[i]! - m) ** 2;
  return sum / (xs.length - 1);
}

/**
 * Compare `pre` and `post` (the same learners in the same order, scored values). `range` is the
 * span of possible values (max − min), for the change as a percentage of it.
 */
export function comparePaired(
  item: string,
  pre: Float64Array,
  post: Float64Array,
  range: number,
  options: SignedRankOptions,
): Omit<ItemResult, 'p_holm'> {
  const n = pre.length;
  const change = new Float64Array(n);
  for (let i = 0; i < n; i++) change[i] = post[i]! - pre[i]!;
  const [meanPre, meanPost, meanChange] = [mean(pre), mean(post), mean(change)];
  const sdChange = Math.sqrt(variance(change));
  const se = sdChange / Math.sqrt(n);
  const t = meanChange / se;
  const margin = tQuantile(0.975, n - 1) * se;
  const wilcoxon = signedRankTest(change, options);
  const ci95: [number, number] | null = Number.isFinite(margin)
    ? [meanChange - margin, meanChange + margin]
    : null;
  return {
    item,
    n,
    mean_pre: finite(meanPre),
    mean_post: finite(meanPost),
    sd_pre: finite(Math.sqrt(variance(pre))),
    sd_post: finite(Math.sqrt(variance(post))),
    mean_change: finite(meanChange),
    sd_change: finite(sdChange),
    mean_change_pct: finite(((meanPost - meanPre) / meanPre) * 100),
    change_pct_of_range: finite((meanChange / range) * 100),
    ci95,
    ttest: {
      t: finite(t),
      df: n - 1,
      p: Number.isFinite(t) ? 2 * tCdf(-Math.abs(t), n - 1) : null,
    },
    wilcoxon,
    dz: finite(meanChange / sdChange),
    r: wilcoxon.z === null ? null : wilcoxon.z / Math.sqrt(n),
  };
}

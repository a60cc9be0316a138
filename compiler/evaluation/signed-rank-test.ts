/**
 * The Wilcoxon signed-rank test of paired differences, two-sided, as scipy.stats.wilcoxon computes
 * it: the exact null distribution when there are at most 50 differences with no zeros and no ties,
 * otherwise the normal approximation with the tie correction (and, when asked, Pratt's zero
 * handling and the continuity correction).
 *
 * Written here because no kept JavaScript library does this correctly: @stdlib/stats-wilcoxon (the
 * only one) corrects for continuity by default, always approximates when there are ties or zeros
 * and gives no Z. The exact distribution is stdlib's (@stdlib/stats-base-dists-signrank-cdf) and
 * the normal one too; this file only ranks and sums.
 */
import signrankCdf from '@stdlib/stats-base-dists-signrank-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { WilcoxonTest } from './evaluation-types.ts';

export interface SignedRankOptions {
  zeroMethod: 'wilcox' | 'pratt';
  continuity: boolean;
}

/** Largest count of differences that gets the exact distribution (scipy's `method='auto'`). */
const exactLimit = 50;

export function signedRankTest(
  differences: Float64Array,
  options: SignedRankOptions,
): WilcoxonTest {
  let nonzero = 0;
  for (const d of differences) if (d !== 0) nonzero++;
  if (nonzero === 0) return { statistic: null, p: null, method: null, z: null, n_nonzero: 0 };
  let ranked = differences;
  if (options.zeroMethod === 'wilcox' && nonzero < differences.length) {
    ranked = new Float64Array(nonzero);
    for (let i = 0, k = 0; i < differences.length; i++)
      if (differences[i] !== 0) ranked[k++] = differences[i]!;
  }
  const count = ranked.length;
  const zeros = count - nonzero;
  const { rPlus, rMinus, tieSum, hasTies } = rankSums(ranked);
  // Pratt (Cureton 1967): the zeros' ranks leave the mean and the variance, and their group is not
  // a tie of the differences that are tested.
  const mean = (count * (count + 1) - zeros * (zeros + 1)) / 4;
  const variance =
    (count * (count + 1) * (2 * count + 1) - zeros * (zeros + 1) * (2 * zeros + 1) - tieSum / 2) /
    24;
  const se = Math.sqrt(variance);
  const raw = (rPlus - mean) / se;
  const z = options.continuity ? raw - (Math.sign(raw) * 0.5) / se : raw;
  const statistic = Math.min(rPlus, rMinus);
  // Exact only without zeros in the data, whichever zero method dropped or ranked them (scipy).
  if (nonzero === differences.length && count <= exactLimit && !hasTies) {
    // Two-sided: twice the smaller tail of the exact distribution of R+ (symmetric on 0…N).
    const total = (count * (count + 1)) / 2;
    const tail = Math.min(signrankCdf(rPlus, count), signrankCdf(total - rPlus, count));
    return { statistic, p: Math.min(1, 2 * tail), method: 'exact', z, n_nonzero: nonzero };
  }
  const p = Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
  return { statistic, p, method: 'approx', z, n_nonzero: nonzero };
}

interface RankSums {
  rPlus: number;
  rMinus: number;
  tieSum: number;
  hasTies: boolean;
}

/**
 * The sums of the average ranks (1-based) of |d| over the positive and the negative differences,
 * the tie correction Σ(t³ − t) over groups of equal non-zero |d|, and whether there is such a tie.
 * Answers are whole numbers, so |d| usually is too and spans a small range: counting each value
 * then ranks in one pass, with no sort (this runs for every item of every group of a
 * 100,000-learner cohort). Other differences are sorted.
 */
function rankSums(values: Float64Array): RankSums {
  let largest = 0;
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (a > largest) largest = a;
    if (whole && !Number.isInteger(a)) whole = false;
  }
  if (!whole || largest > 4 * values.length + 1000) return sortedRankSums(values);
  const all = new Int32Array(largest + 1);
  const up = new Int32Array(largest + 1);
  for (let i = 0; i < values.length; i++) {
    const d = values[i]!;
    all[Math.abs(d)]++;
    if (d > 0) up[d]++;
  }
  const sums: RankSums = { rPlus: 0, rMinus: 0, tieSum: 0, hasTies: false };
  for (let value = 0, below = 0; value <= largest; value++) {
    const size = all[value]!;
    if (size) add(sums, value, (2 * below + 1 + size) / 2, size, up[value]!);
    below += size;
  }
  return sums;
}

/** A group of `size` equal |d| (`up` of them positive) at average rank `rank`. */
function add(sums: RankSums, value: number, rank: number, size: number, up: number): void {
  sums.rPlus += rank * up;
  if (value === 0) return;
  sums.rMinus += rank * (size - up);
  if (size > 1) {
    sums.tieSum += size ** 3 - size;
    sums.hasTies = true;
  }
}

/** rankSums for any differences: two native sorts (all |d|, the positive d), one walk over both. */
function sortedRankSums(values: Float64Array): RankSums {
  const sorted = new Float64Array(values.length);
  let positives = 0;
  for (let i = 0; i < values.length; i++) {
    sorted[i] = Math.abs(values[i]!);
    if (values[i]! > 0) positives++;
  }
  const positive = new Float64Array(positives);
  for (let i = 0, k = 0; i < values.length; i++) if (values[i]! > 0) positive[k++] = values[i]!;
  sorted.sort();
  positive.sort();
  const sums: RankSums = { rPlus: 0, rMinus: 0, tieSum: 0, hasTies: false };
  for (let start = 0, k = 0; start < sorted.length;) {
    const value = sorted[start]!;
    let end = start + 1;
    while (end < sorted.length && sorted[end] === value) end++;
    let up = 0;
    while (k < positive.length && positive[k] === value) [k, up] = [k + 1, up + 1];
    add(sums, value, (start + 1 + end) / 2, end - start, up);
    start = end;
  }
  return sums;
}

/**
 * Numbers in the report, formatted for the reader's locale through Intl (digits, separators and
 * the minus sign of the locale); p-values below 0.001 read "< 0.001".
 */
import type { ItemResult } from '../evaluation-types.ts';

export interface ReportNumbers {
  /** Two decimals (means, changes, effect sizes); "–" for an undefined value. */
  num(x: number | null | undefined, digits?: number): string;
  /** A p-value: three decimals, or "< 0.001". */
  p(x: number | null | undefined): string;
  /** A whole number (counts). */
  count(x: number): string;
  /** The mean change and its 95% interval: `0.42 [0.10, 0.74]`. */
  change(item: Pick<ItemResult, 'mean_change' | 'ci95'>): string;
}

export function reportNumbers(locale: string): ReportNumbers {
  const formats = new Map<number, Intl.NumberFormat>();
  const format = (digits: number) => {
    let f = formats.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      formats.set(digits, f);
    }
    return f;
  };
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const num = (x: number | null | undefined, digits = 2) =>
    x === null || x === undefined || !Number.isFinite(x) ? '–' : format(digits).format(x);
  return {
    num,
    p: (x) =>
      x === null || x === undefined
        ? '–'
        : x < 0.001
          ? // isolated left-to-right: in an Arabic sentence "< 0.001" must not turn into "0.001 >"
            `\u2066< ${format(3).format(0.001)}\u2069`
          : num(x, 3),
    count: (x) => whole.format(x),
    change: (item) => `${num(item.mean_change)} [${num(item.ci95?.[0])}, ${num(item.ci95?.[1])}]`,
  };
}

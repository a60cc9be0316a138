/**
 * The report's two SVG charts, drawn as hast (hastscript's `s`) so every text is escaped: the mean
 * before and after per item with their 95% intervals (a dot plot), and the distribution of the
 * learners' total-score changes (a histogram). Written by hand: a chart library would bring a
 * browser runtime for two static pictures. Both charts have a title and description for screen
 * readers; the table beside them holds every number.
 */
import { s } from 'hastscript';
import type { Element } from 'hast';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { ItemResult, Scale } from '../evaluation-types.ts';
import type { ReportNumbers } from './report-format.ts';

const width = 640;
const left = 64;
const right = 24;
const row = 26;
const top = 28;

/** The 95% interval of one phase's mean: mean ± t(0.975, n − 1) · SD/√n. */
function meanInterval(mean: number | null, sd: number | null, n: number): [number, number] | null {
  if (mean === null || sd === null || n < 2) return null;
  const margin = (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return [mean - margin, mean + margin];
}

export function itemDotPlot(
  items: ItemResult[],
  scale: Scale,
  labels: { title: string; description: string; before: string; after: string },
  numbers: ReportNumbers,
): Element {
  const height = top + items.length * row + 36;
  const x = (v: number) =>
    left + ((v - scale.min) / (scale.max - scale.min || 1)) * (width - left - right);
  const ticks = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const rows = items.flatMap((item, i) => {
    const y = top + i * row + row / 2;
    const pre = meanInterval(item.mean_pre, item.sd_pre, item.n);
    const post = meanInterval(item.mean_post, item.sd_post, item.n);
    const bar = (range: [number, number] | null, dy: number, cls: string) =>
      range
        ? [s('line', { class: cls, x1: x(range[0]), x2: x(range[1]), y1: y + dy, y2: y + dy })]
        : [];
    const dot = (v: number | null, dy: number, cls: string, label: string) =>
      v === null
        ? []
        : [
            s(
              'circle',
              { class: cls, cx: x(v), cy: y + dy, r: 5 },
              s('title', `${label} ${numbers.num(v)}`),
            ),
          ];
    return [
      s('text', { class: 'label', x: left - 8, y: y + 4, 'text-anchor': 'end' }, item.item),
      ...bar(pre, -4, 'interval pre'),
      ...bar(post, 4, 'interval post'),
      ...dot(item.mean_pre, -4, 'pre', labels.before),
      ...dot(item.mean_post, 4, 'post', labels.after),
    ];
  });
  const axisY = top + items.length * row + 8;
  return s(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': 'dots-title dots-desc',
      class: 'chart',
    },
    s('title', { id: 'dots-title' }, labels.title),
    s('desc', { id: 'dots-desc' }, labels.description),
    ...ticks.flatMap((v) => [
      s('line', { class: 'grid', x1: x(v), x2: x(v), y1: top - 8, y2: axisY }),
      s(
        'text',
        { class: 'tick', x: x(v), y: axisY + 16, 'text-anchor': 'middle' },
        numbers.count(v),
      ),
    ]),
    s('circle', { class: 'pre', cx: left, cy: 10, r: 5 }),
    s('text', { class: 'legend', x: left + 10, y: 14 }, labels.before),
    s('circle', { class: 'post', cx: left + 160, cy: 10, r: 5 }),
    s('text', { class: 'legend', x: left + 170, y: 14 }, labels.after),
    ...rows,
  );
}

/** At most this many bars; wider changes share a bar. */
const maxBins = 40;

export function changeHistogram(
  changes: ArrayLike<number>,
  labels: { title: string; description: string; axis: string; count: string },
  numbers: ReportNumbers,
): Element | undefined {
  if (!changes.length) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < changes.length; i++) {
    lo = Math.min(lo, changes[i]!);
    hi = Math.max(hi, changes[i]!);
  }
  lo = Math.floor(Math.min(lo, 0));
  hi = Math.ceil(Math.max(hi, 0));
  const binWidth = Math.max(1, Math.ceil((hi - lo + 1) / maxBins));
  const bins = new Array<number>(Math.floor((hi - lo) / binWidth) + 1).fill(0);
  for (let i = 0; i < changes.length; i++) bins[Math.floor((changes[i]! - lo) / binWidth)]!++;
  const most = Math.max(...bins);
  const height = 240;
  const plotTop = 16;
  const plotBottom = height - 44;
  const step = (width - left - right) / bins.length;
  const barX = (k: number) => left + k * step;
  const zero = barX(Math.floor((0 - lo) / binWidth));
  const bars = bins.map((count, k) => {
    const h = most ? ((plotBottom - plotTop) * count) / most : 0;
    const from = lo + k * binWidth;
    const range =
      binWidth === 1
        ? numbers.count(from)
        : `${numbers.count(from)}…${numbers.count(from + binWidth - 1)}`;
    return s(
      'rect',
      { class: 'bar', x: barX(k) + 1, y: plotBottom - h, width: Math.max(1, step - 2), height: h },
      s('title', `${range}: ${numbers.count(count)}`),
    );
  });
  const tickEvery = Math.max(1, Math.ceil(bins.length / 10));
  const ticks = bins.flatMap((_, k) =>
    k % tickEvery
      ? []
      : [
          s(
            'text',
            { class: 'tick', x: barX(k) + step / 2, y: plotBottom + 16, 'text-anchor': 'middle' },
            numbers.count(lo + k * binWidth),
          ),
        ],
  );
  return s(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': 'hist-title hist-desc',
      class: 'chart',
    },
    s('title', { id: 'hist-title' }, labels.title),
    s('desc', { id: 'hist-desc' }, labels.description),
    ...bars,
    s('line', {
      class: 'zero',
      x1: zero + step / 2,
      x2: zero + step / 2,
      y1: plotTop,
      y2: plotBottom,
    }),
    s('line', { class: 'axis', x1: left, x2: width - right, y1: plotBottom, y2: plotBottom }),
    ...ticks,
    s(
      'text',
      {
        class: 'axis-label',
        x: (left + width - right) / 2,
        y: height - 8,
        'text-anchor': 'middle',
      },
      labels.axis,
    ),
    s(
      'text',
      { class: 'axis-label', x: 12, y: plotTop + 8 },
      `${labels.count} (${numbers.count(most)})`,
    ),
  );
}

/**
 * translation-report.html beside the bundles: coverage per locale as an SVG bar chart and a table,
 * and what falls back to the source locale. Written with every build.
 */
import { h, s } from 'hastscript';
import type { Element, Root } from 'hast';
import type { LocaleCoverage } from '../../translation/translation-status.ts';
import { localeInfo } from '../../model/locales.ts';

type Coverage = Record<string, LocaleCoverage>;

const style =
  'body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;' +
  'line-height:1.5;color:#1b1f24}table{border-collapse:collapse;width:100%}' +
  'th,td{border:1px solid #c9d0d9;padding:.3rem .6rem;text-align:start}td.n{text-align:end}' +
  'code{font-size:.9em}';

const percent = (c: LocaleCoverage) => Math.floor(c.ratio * 1000) / 10;
const labelOf = (locale: string) => `${localeInfo(locale).label} (${locale})`;

export function renderTranslationReport(
  courseTitle: string,
  sourceLocale: string,
  coverage: Coverage,
): Root {
  const locales = Object.keys(coverage);
  const intro =
    `What each locale has translated of the ${coverage[sourceLocale]?.total ?? 0} texts, bodies ` +
    `and caption files of the source locale (${sourceLocale}). Missing texts are shown in the ` +
    'source locale, marked in the pages.';
  const fallbacks = locales.filter((l) => coverage[l].missing.length);
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `Translation report · ${courseTitle}`),
          h('style', style),
        ]),
        h(
          'body',
          h('main', [
            h('h1', `Translation report: ${courseTitle}`),
            h('p', intro),
            renderChart(sourceLocale, coverage),
            renderTable(coverage),
            ...fallbacks.map((locale) => renderFallbacks(locale, coverage[locale])),
          ]),
        ),
      ]),
    ],
  };
}

/** One bar per locale: green when complete, blue from 80%, amber below. */
function renderChart(sourceLocale: string, coverage: Coverage): Element {
  const locales = Object.keys(coverage);
  const rowHeight = 28;
  const labelWidth = 150;
  const barWidth = 420;
  const bar = { x: labelWidth, height: rowHeight - 8, rx: 3 };
  const colour = (c: LocaleCoverage) =>
    c.ratio === 1 ? '#15803d' : c.ratio >= 0.8 ? '#0b5cad' : '#b45309';
  const viewBox = `0 0 ${labelWidth + barWidth + 70} ${locales.length * rowHeight + 10}`;
  return s('svg', { viewBox, width: '100%', role: 'img', 'aria-labelledby': 'chart-title' }, [
    s('title#chart-title', `Translation coverage per locale (source: ${sourceLocale})`),
    ...locales.flatMap((locale, i) => {
      const c = coverage[locale];
      const y = i * rowHeight + 5;
      const width = Math.round(barWidth * c.ratio);
      const label = { x: labelWidth - 8, y: y + 18, 'text-anchor': 'end', 'font-size': 14 };
      return [
        s('text', label, labelOf(locale)),
        s('rect', {
          x: bar.x,
          y,
          width: barWidth,
          height: bar.height,
          fill: '#e5e7eb',
          rx: bar.rx,
        }),
        s('rect', { x: bar.x, y, width, height: bar.height, fill: colour(c), rx: bar.rx }),
        s('text', { x: labelWidth + barWidth + 8, y: y + 18, 'font-size': 14 }, `${percent(c)}%`),
      ];
    }),
  ]);
}

function renderTable(coverage: Coverage): Element {
  const head = ['Locale', 'Translated', 'Missing', 'Coverage'].map((name) => h('th', name));
  const rows = Object.entries(coverage).map(([locale, c]) =>
    h('tr', [
      h('td', labelOf(locale)),
      h('td.n', String(c.translated)),
      h('td.n', String(c.total - c.translated)),
      h('td.n', `${percent(c)}%`),
    ]),
  );
  return h('table', [h('thead', h('tr', head)), h('tbody', rows)]);
}

function renderFallbacks(locale: string, c: LocaleCoverage): Element {
  return h('details', [
    h('summary', `${locale}: what falls back (${c.total - c.translated})`),
    h(
      'ul',
      c.missing.map((p) => h('li', h('code', p))),
    ),
  ]);
}

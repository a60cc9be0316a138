/**
 * translation-report.html beside the bundles: coverage per locale as an SVG bar chart and a table,
 * and what falls back to the source locale. Written with every build.
 */
import { h, s } from 'hastscript';
import type { Root } from 'hast';
import type { LocaleCoverage } from '../model/coverage.ts';
import { localeInfo } from '../model/locales.ts';

export function renderTranslationReport(courseTitle: string, sourceLocale: string, coverage: Record<string, LocaleCoverage>): Root {
  const locales = Object.keys(coverage);
  const rowHeight = 28;
  const labelWidth = 150;
  const barWidth = 420;
  const percent = (c: LocaleCoverage) => Math.floor(c.ratio * 1000) / 10;
  const chart = s('svg', { viewBox: `0 0 ${labelWidth + barWidth + 70} ${locales.length * rowHeight + 10}`, width: '100%', role: 'img', 'aria-labelledby': 'chart-title' }, [
    s('title#chart-title', `Translation coverage per locale (source: ${sourceLocale})`),
    ...locales.flatMap((locale, i) => {
      const c = coverage[locale];
      const y = i * rowHeight + 5;
      const width = Math.round(barWidth * c.ratio);
      return [
        s('text', { x: labelWidth - 8, y: y + 18, 'text-anchor': 'end', 'font-size': 14 }, `${localeInfo(locale).label} (${locale})`),
        s('rect', { x: labelWidth, y, width: barWidth, height: rowHeight - 8, fill: '#e5e7eb', rx: 3 }),
        s('rect', { x: labelWidth, y, width, height: rowHeight - 8, fill: c.ratio === 1 ? '#15803d' : c.ratio >= 0.8 ? '#0b5cad' : '#b45309', rx: 3 }),
        s('text', { x: labelWidth + barWidth + 8, y: y + 18, 'font-size': 14 }, `${percent(c)}%`),
      ];
    }),
  ]);
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `Translation report · ${courseTitle}`),
          h('style', 'body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}table{border-collapse:collapse;width:100%}th,td{border:1px solid #c9d0d9;padding:.3rem .6rem;text-align:start}td.n{text-align:end}code{font-size:.9em}'),
        ]),
        h('body', h('main', [
          h('h1', `Translation report: ${courseTitle}`),
          h('p', `What each locale has translated of the ${coverage[sourceLocale]?.total ?? 0} texts, bodies and caption files of the source locale (${sourceLocale}). Missing texts are shown in the source locale, marked in the pages.`),
          chart,
          h('table', [
            h('thead', h('tr', [h('th', 'Locale'), h('th', 'Translated'), h('th', 'Missing'), h('th', 'Coverage')])),
            h('tbody', locales.map((locale) => {
              const c = coverage[locale];
              return h('tr', [h('td', `${localeInfo(locale).label} (${locale})`), h('td.n', String(c.translated)), h('td.n', String(c.total - c.translated)), h('td.n', `${percent(c)}%`)]);
            })),
          ]),
          ...locales.filter((l) => coverage[l].missing.length).map((locale) =>
            h('details', [
              h('summary', `${locale}: what falls back (${coverage[locale].total - coverage[locale].translated})`),
              h('ul', coverage[locale].missing.map((p) => h('li', h('code', p)))),
            ])),
        ])),
      ]),
    ],
  };
}

/**
 * The evaluation report as one HTML page per locale: a plain-language summary per item, the two
 * charts, the full table, reliability, the breakdowns by group, every rule that made the numbers,
 * and how to cite it. Texts come from the theme's catalogs (`evaluation.*`), numbers are formatted
 * for the locale; the page needs no script and no other file.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent } from 'hast';
import { pickText, type Localized } from '../../model/course.ts';
import { localeInfo } from '../../model/locales.ts';
import type { Translate } from '../../ui-strings/ui-catalog.ts';
import type {
  CohortResult,
  EvaluationOptions,
  EvaluationResult,
  ItemResult,
  SuppressedGroup,
} from '../evaluation-types.ts';
import { changeHistogram, itemDotPlot } from './report-charts.ts';
import { reportNumbers, type ReportNumbers } from './report-format.ts';
import { reportStyles } from './report-styles.ts';

export interface ReportContext {
  result: EvaluationResult;
  /** Each learner's total-score change (for the histogram). */
  totalChanges: ArrayLike<number>;
  options: EvaluationOptions;
  /** Which end of the scored scale is the better attitude. */
  better: 'higher' | 'lower';
  /** The scale was read off the answers, not given. */
  scaleFromData: boolean;
  /** The questionnaire's title and item texts, when the course defines them. */
  title?: Localized;
  itemTexts?: Record<string, Localized>;
  sourceLocale: string;
  /** The report's languages; the first is index.html. */
  locales: string[];
  /** Where the responses came from (a file name, or the CMS course). */
  source: string;
  generatedAt: Date;
  version: string;
  /** What the page links to: another locale's page, the CSV, the JSON (default: the folder's). */
  links?: { page(locale: string): string; csv: string; json: string };
}

/** The links of a report folder (`polycourse evaluate --out`). */
const folderLinks = (context: ReportContext) => ({
  page: (locale: string) => reportFile(context, locale),
  csv: 'items.csv',
  json: 'report.json',
});

/** Significance level of the plain-language summary (stated in the rules). */
export const summaryAlpha = 0.05;

/** The report page's file name for a locale. */
export const reportFile = (context: ReportContext, locale: string) =>
  locale === context.locales[0] ? 'index.html' : `${locale}.html`;

export function renderReport(context: ReportContext, locale: string, t: Translate): string {
  const numbers = reportNumbers(locale);
  const { result, options } = context;
  const text = (value: Localized | undefined) =>
    value ? pickText(value, locale, context.sourceLocale).value : undefined;
  const itemText = (id: string) => text(context.itemTexts?.[id]) ?? id;
  const title = text(context.title) ?? t('evaluation.title');
  const links = context.links ?? folderLinks(context);
  const body: ElementContent[] = [
    languageMenu(context, locale, t, links.page),
    h('h1', title),
    h('p', { class: 'lead' }, cohortSentence(result, t, numbers)),
    h('p', totalSentence(result.overall, t, numbers)),
    h('h2', t('evaluation.section.items')),
    h(
      'ul',
      { class: 'items' },
      result.items.map((item) =>
        h('li', h('strong', itemText(item.item)), ' ', itemSentence(item, context, t, numbers)),
      ),
    ),
    h('h2', t('evaluation.section.chart')),
    itemDotPlot(
      result.items,
      options.scale,
      {
        title: t('evaluation.section.chart'),
        description: t('evaluation.chart.legend'),
        before: t('evaluation.column.before'),
        after: t('evaluation.column.after'),
      },
      numbers,
    ),
    h('p', { class: 'note' }, t('evaluation.chart.legend')),
  ];
  const histogram = changeHistogram(
    context.totalChanges,
    {
      title: t('evaluation.section.distribution'),
      description: t('evaluation.chart.distribution.axis'),
      axis: t('evaluation.chart.distribution.axis'),
      count: t('evaluation.chart.distribution.count'),
    },
    numbers,
  );
  if (histogram) body.push(h('h2', t('evaluation.section.distribution')), histogram);
  body.push(
    h('h2', t('evaluation.section.table')),
    resultsTable([...result.items, result.overall], itemText, t, numbers),
    h(
      'p',
      h('a', { href: links.csv, download: '' }, t('evaluation.download.csv')),
      ' · ',
      h('a', { href: links.json, download: '' }, t('evaluation.download.json')),
    ),
    h('h2', t('evaluation.section.reliability')),
    h(
      'p',
      t('evaluation.reliability', {
        k: numbers.count(options.items.length),
        pre: numbers.num(result.alpha.pre),
        post: numbers.num(result.alpha.post),
      }),
    ),
    ...groupSections(result, options, t, numbers),
    h('h2', t('evaluation.section.rules')),
    h(
      'ul',
      { class: 'rules' },
      rules(context, t, numbers).map((rule) => h('li', rule)),
    ),
    h('h2', t('evaluation.section.cite')),
    h(
      'p',
      t('evaluation.cite', {
        version: context.version,
        date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(context.generatedAt),
        source: context.source,
      }),
    ),
  );
  const page = h('html', { lang: locale, dir: localeInfo(locale).dir }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', title),
      h('style', `${reportStyles}\nbody { font-family: ${localeInfo(locale).fonts}; }`),
    ]),
    h('body', h('main', body)),
  ]);
  return `<!doctype html>\n${toHtml(page)}\n`;
}

function languageMenu(
  context: ReportContext,
  locale: string,
  t: Translate,
  page: (locale: string) => string,
): Element {
  return h(
    'nav',
    { class: 'languages', 'aria-label': t('nav.language') },
    context.locales.map((l) =>
      l === locale
        ? h('span', { 'aria-current': 'page', lang: l }, localeInfo(l).label)
        : h('a', { href: page(l), lang: l, hreflang: l }, localeInfo(l).label),
    ),
  );
}

function cohortSentence(result: CohortResult, t: Translate, numbers: ReportNumbers): string {
  return t('evaluation.summary.cohort', {
    paired: result.n,
    pairedText: numbers.count(result.n),
    unmatched: result.unmatched,
    unmatchedText: numbers.count(result.unmatched),
  });
}

function totalSentence(total: ItemResult, t: Translate, numbers: ReportNumbers): string {
  if (!total.n || !total.ci95) return t('evaluation.summary.totalNone');
  return t('evaluation.summary.total', {
    n: numbers.count(total.n),
    pre: numbers.num(total.mean_pre),
    post: numbers.num(total.mean_post),
    change: numbers.num(total.mean_change),
    low: numbers.num(total.ci95[0]),
    high: numbers.num(total.ci95[1]),
    p: numbers.p(total.ttest.p),
    dz: numbers.num(total.dz),
  });
}

function itemSentence(
  item: ItemResult,
  context: ReportContext,
  t: Translate,
  numbers: ReportNumbers,
): string {
  const values = {
    n: numbers.count(item.n),
    pre: numbers.num(item.mean_pre),
    post: numbers.num(item.mean_post),
    p: numbers.p(item.p_holm),
  };
  if (item.p_holm === null) return t('evaluation.item.untested', values);
  if (item.p_holm >= summaryAlpha) return t('evaluation.item.unclear', values);
  const up = (item.mean_change ?? 0) > 0;
  return up === (context.better === 'higher')
    ? t('evaluation.item.improved', values)
    : t('evaluation.item.worsened', values);
}

function resultsTable(
  rows: ItemResult[],
  itemText: (id: string) => string,
  t: Translate,
  numbers: ReportNumbers,
): Element {
  const head = [
    t('evaluation.column.item'),
    'n',
    t('evaluation.column.before'),
    t('evaluation.column.after'),
    t('evaluation.column.change'),
    t('evaluation.column.pctChange'),
    t('evaluation.column.pctRange'),
    't (df)',
    'p',
    'W',
    'p (W)',
    t('evaluation.column.holm'),
    'dz',
    'r',
  ];
  const cell = (item: ItemResult) => [
    item.item === 'total' ? t('evaluation.total') : item.item,
    numbers.count(item.n),
    `${numbers.num(item.mean_pre)} (${numbers.num(item.sd_pre)})`,
    `${numbers.num(item.mean_post)} (${numbers.num(item.sd_post)})`,
    numbers.change(item),
    numbers.num(item.mean_change_pct, 1),
    numbers.num(item.change_pct_of_range, 1),
    `${numbers.num(item.ttest.t)} (${numbers.count(item.ttest.df)})`,
    numbers.p(item.ttest.p),
    numbers.num(item.wilcoxon.statistic, 1),
    `${numbers.p(item.wilcoxon.p)}${item.wilcoxon.method === 'exact' ? '*' : ''}`,
    numbers.p(item.p_holm),
    numbers.num(item.dz),
    numbers.num(item.r),
  ];
  return h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': head[0] }, [
    h('table', [
      h(
        'thead',
        h(
          'tr',
          head.map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        rows.map((item) =>
          h('tr', { class: item.item === 'total' ? 'total' : undefined }, [
            h('th', { scope: 'row', title: itemText(item.item) }, cell(item)[0]!),
            ...cell(item)
              .slice(1)
              .map((c) => h('td', c)),
          ]),
        ),
      ),
    ]),
    h('p', { class: 'note' }, t('evaluation.table.note')),
  ]);
}

function groupSections(
  result: EvaluationResult,
  options: EvaluationOptions,
  t: Translate,
  numbers: ReportNumbers,
): ElementContent[] {
  return Object.entries(result.groups).flatMap(([column, groups]) => [
    h('h2', t('evaluation.section.group', { column })),
    h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': column }, [
      h('table', [
        h(
          'thead',
          h(
            'tr',
            [
              column,
              'n',
              t('evaluation.column.before'),
              t('evaluation.column.after'),
              t('evaluation.column.change'),
              'p',
              'dz',
            ].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          Object.entries(groups).map(([value, group]) =>
            groupRow(value, group, options, t, numbers),
          ),
        ),
      ]),
    ]),
  ]);
}

function groupRow(
  value: string,
  group: CohortResult | SuppressedGroup,
  options: EvaluationOptions,
  t: Translate,
  numbers: ReportNumbers,
): Element {
  const name = h('th', { scope: 'row' }, value || '—');
  if ('suppressed' in group)
    return h('tr', [
      name,
      h(
        'td',
        { colspan: 6 },
        t('evaluation.group.suppressed', { min: numbers.count(options.minGroup) }),
      ),
    ]);
  const total = group.overall;
  return h('tr', [
    name,
    h('td', numbers.count(total.n)),
    h('td', numbers.num(total.mean_pre)),
    h('td', numbers.num(total.mean_post)),
    h('td', numbers.change(total)),
    h('td', numbers.p(total.ttest.p)),
    h('td', numbers.num(total.dz)),
  ]);
}

function rules(context: ReportContext, t: Translate, numbers: ReportNumbers): string[] {
  const { options } = context;
  const scale = { min: numbers.count(options.scale.min), max: numbers.count(options.scale.max) };
  return [
    t('evaluation.rule.pairing'),
    t('evaluation.rule.missing'),
    t('evaluation.rule.scale', { ...scale, better: context.better }),
    ...(context.scaleFromData ? [t('evaluation.rule.scaleFromData')] : []),
    t('evaluation.rule.reversed', {
      count: options.reversed.length,
      items: options.reversed.join(', '),
      ...scale,
    }),
    t('evaluation.rule.percent'),
    options.zeroMethod === 'pratt'
      ? t('evaluation.rule.wilcoxon.pratt')
      : t('evaluation.rule.wilcoxon.wilcox'),
    options.continuity ? t('evaluation.rule.continuity.on') : t('evaluation.rule.continuity.off'),
    t('evaluation.rule.effect'),
    t('evaluation.rule.holm', { alpha: numbers.num(summaryAlpha) }),
    t('evaluation.rule.alpha'),
    ...(options.by.length
      ? [t('evaluation.rule.groups', { min: numbers.count(options.minGroup) })]
      : []),
  ];
}

/**
 * Write a report folder: one HTML page per locale (index.html is the first), `items.csv` (every
 * row of every table, full precision) and `report.json` (the `--json` result).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { UiCatalogs } from '../../ui-strings/ui-catalog.ts';
import type { EvaluationResult, ItemResult } from '../evaluation-types.ts';
import { renderReport, reportFile, type ReportContext } from './render-report.ts';

export function writeEvaluationReport(
  dir: string,
  context: ReportContext,
  catalogs: UiCatalogs,
): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, content: string) => {
    fs.writeFileSync(path.join(dir, name), content);
    written.push(name);
  };
  for (const locale of context.locales)
    write(reportFile(context, locale), renderReport(context, locale, catalogs.forLocale(locale)));
  write('items.csv', resultsCsv(context.result));
  write('report.json', `${JSON.stringify(context.result, null, 2)}\n`);
  return written;
}

const columns = [
  'group_column',
  'group',
  'item',
  'n',
  'mean_pre',
  'sd_pre',
  'mean_post',
  'sd_post',
  'mean_change',
  'sd_change',
  'ci95_low',
  'ci95_high',
  'mean_change_pct',
  'change_pct_of_range',
  't',
  'df',
  'p_ttest',
  'wilcoxon_statistic',
  'p_wilcoxon',
  'wilcoxon_method',
  'z',
  'dz',
  'r',
  'p_holm',
] as const;

/** The results as CSV: the whole cohort, then each group shown (suppressed groups left out). */
export function resultsCsv(result: EvaluationResult): string {
  const rows: string[][] = [[...columns]];
  const add = (column: string, group: string, items: ItemResult[]) => {
    for (const i of items)
      rows.push(
        [
          column,
          group,
          i.item,
          i.n,
          i.mean_pre,
          i.sd_pre,
          i.mean_post,
          i.sd_post,
          i.mean_change,
          i.sd_change,
          i.ci95?.[0],
          i.ci95?.[1],
          i.mean_change_pct,
          i.change_pct_of_range,
          i.ttest.t,
          i.ttest.df,
          i.ttest.p,
          i.wilcoxon.statistic,
          i.wilcoxon.p,
          i.wilcoxon.method,
          i.wilcoxon.z,
          i.dz,
          i.r,
          i.p_holm,
        ].map(csvCell),
      );
  };
  add('', '', [...result.items, result.overall]);
  for (const [column, groups] of Object.entries(result.groups))
    for (const [value, group] of Object.entries(groups))
      if (!('suppressed' in group)) add(column, value, [...group.items, group.overall]);
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

/**
 * A CSV cell; text that a spreadsheet would run as a formula (=, +, -, @ first, not a number) is
 * prefixed with ' (group values come from learners' data).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const raw = String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * From responses to an evaluation: settle the options (what was asked, else the course's
 * questionnaire, else what the data shows), check them against the columns, evaluate. Shared by
 * `polycourse evaluate` (a CSV) and the CMS (collected responses).
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Questionnaire } from '../model/course.ts';
import type { EvaluationOptions, ResponseTable, Scale } from './evaluation-types.ts';
import { evaluateResponses, type Evaluation } from './evaluate-responses.ts';
import { readResponsesCsv } from './read-responses-csv.ts';

/** What the person asked for; absent values come from the questionnaire or the data. */
export interface EvaluationSettings {
  items?: string[];
  reversed?: string[];
  scale?: Scale;
  by: string[];
  minGroup: number;
  zeroMethod: 'wilcox' | 'pratt';
  continuity: boolean;
}

export interface CohortEvaluation {
  evaluation?: Evaluation;
  options?: EvaluationOptions;
  /** The scale was read off the answers (the report says so). */
  scaleFromData: boolean;
  diagnostics: Diagnostic[];
}

export const defaultSettings: EvaluationSettings = {
  by: [],
  minGroup: 10,
  zeroMethod: 'wilcox',
  continuity: false,
};

export function evaluateCsv(
  text: string,
  file: string,
  settings: EvaluationSettings,
  questionnaire?: Questionnaire,
): CohortEvaluation {
  const scale = settings.scale ?? (questionnaire && { min: 1, max: questionnaire.scale });
  const read = readResponsesCsv(text, {
    file,
    items: settings.items ?? questionnaire?.items.map((i) => i.id),
    by: settings.by,
    scale,
  });
  if (read.diagnostics.length) return { scaleFromData: false, diagnostics: read.diagnostics };
  const seen = read.seen ?? { min: 1, max: 1 };
  return evaluateTable(read.table, read.items, read.groupColumns, {
    ...settings,
    scale: scale ?? { min: Math.min(1, seen.min), max: seen.max },
    reversed: settings.reversed ?? questionnaire?.items.filter((i) => i.reversed).map((i) => i.id),
    scaleFromData: !scale,
    where: file,
  });
}

/** Evaluate responses already read (from a CSV or the CMS) once the scale is known. */
export function evaluateTable(
  table: ResponseTable,
  items: string[],
  groupColumns: string[],
  settings: EvaluationSettings & { scale: Scale; scaleFromData: boolean; where: string },
): CohortEvaluation {
  const diagnostics: Diagnostic[] = [];
  const reversed = settings.reversed ?? [];
  const problem = (message: string, fix: string) =>
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:evaluation-options',
      message,
      file: settings.where,
      fix,
    });
  for (const item of reversed)
    if (!items.includes(item))
      problem(
        `Reversed item "${item}" is not one of the items (${items.join(', ')})`,
        'Name items as the header does, e.g. --reversed q03,q06.',
      );
  for (const column of settings.by)
    if (!groupColumns.includes(column))
      problem(
        `There is no grouping column "${column}" (columns: ${groupColumns.join(', ') || 'none'})`,
        'Break down by a column of the responses, e.g. --by locale.',
      );
  if (!items.length) problem('No item columns were found', 'Name the items with --items q01,q02,…');
  if (settings.scale.max <= settings.scale.min)
    problem(
      `The scale ${settings.scale.min}–${settings.scale.max} has no range`,
      'Give the scale with --scale min-max, e.g. --scale 1-5.',
    );
  if (!Number.isInteger(settings.minGroup) || settings.minGroup < 1)
    problem(
      `--min-group must be a whole number ≥ 1, got ${settings.minGroup}`,
      'E.g. --min-group 10.',
    );
  if (diagnostics.length) return { scaleFromData: settings.scaleFromData, diagnostics };
  const options: EvaluationOptions = {
    items,
    scale: settings.scale,
    reversed,
    by: settings.by,
    minGroup: settings.minGroup,
    zeroMethod: settings.zeroMethod,
    continuity: settings.continuity,
  };
  return {
    evaluation: evaluateResponses(table, options),
    options,
    scaleFromData: settings.scaleFromData,
    diagnostics,
  };
}

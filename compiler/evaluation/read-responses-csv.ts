/**
 * Read questionnaire responses from CSV: one row per learner and phase, columns `learner`, `phase`
 * (`pre` or `post`), one column per item (whole numbers on the scale, empty when not answered) and
 * grouping columns. Which columns are items: `items` when given (the course's questionnaire or
 * `--items`); otherwise every column of whole numbers that is not named in `by`. Every problem is
 * a Diagnostic at file:line:col; a file with an error gives no rows.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Phase, ResponseTable } from './evaluation-types.ts';
import { readCsvRecords, type CsvRecords } from './csv-records.ts';

export interface ReadResponsesOptions {
  /** File name shown in diagnostics (relative to the working directory). */
  file: string;
  /** The item columns, in questionnaire order; inferred when absent. */
  items?: string[];
  /** Columns that are grouping variables even when they hold numbers. */
  by?: string[];
  /** The scale, when known: answers off it are errors (else `seen` tells what was there). */
  scale?: { min: number; max: number };
}

export interface ReadResponses {
  table: ResponseTable;
  items: string[];
  /** Columns other than learner, phase and the items. */
  groupColumns: string[];
  /** Lowest and highest answer seen (for a scale that was not given). */
  seen: { min: number; max: number } | null;
  diagnostics: Diagnostic[];
}

/** Bounds: a cohort of millions fits; a runaway file or cell does not. */
export const responseLimits = {
  columns: 500,
  cellChars: 200,
  /** The CMS stores a learner id in at most 100 characters (questionnaire-responses.learner). */
  learnerChars: 100,
  rows: 20_000_000,
  problems: 100,
};

export function readResponsesCsv(text: string, options: ReadResponsesOptions): ReadResponses {
  const { file } = options;
  const diagnostics: Diagnostic[] = [];
  let more = 0;
  const problem = (line: number, column: number | undefined, message: string, fix = csvFix) => {
    if (diagnostics.length >= responseLimits.problems) return void more++;
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:evaluation-csv',
      message,
      file,
      line,
      column,
      fix,
    });
  };
  const empty = (): ReadResponses => {
    diagnostics.sort((a, b) => a.line! - b.line! || (a.column ?? 0) - (b.column ?? 0));
    if (more)
      diagnostics.push({
        severity: 'error',
        ruleId: 'polycourse:evaluation-csv',
        message: `…and ${more} more problems like these`,
        file,
        fix: 'Fix the ones above first; the file is checked whole each time.',
      });
    const table = { learner: [], phase: [], answers: {}, groups: {} };
    return { table, items: [], groupColumns: [], seen: null, diagnostics };
  };
  const records = readCsvRecords(text, problem);
  if (!records) return empty();
  const { header, rows } = records;
  const at = (name: string) => header.indexOf(name);
  for (const required of ['learner', 'phase'])
    if (at(required) < 0)
      problem(
        1,
        1,
        `The header has no "${required}" column`,
        `Start the header with ${headerExample}`,
      );
  if (header.length > responseLimits.columns)
    problem(1, 1, `${header.length} columns (at most ${responseLimits.columns})`);
  if (rows > responseLimits.rows)
    problem(1, 1, `${rows} rows (at most ${responseLimits.rows})`, 'Split the cohort.');
  // Each candidate column parsed once: its whole numbers, or undefined when a cell is not one.
  const parsed = new Map<string, Float64Array | undefined>();
  const numbers = (column: string) => {
    if (!parsed.has(column)) parsed.set(column, wholeNumbers(records, at(column)));
    return parsed.get(column);
  };
  const items = options.items ?? inferItems(records, options.by ?? [], numbers);
  for (const item of items)
    if (at(item) < 0)
      problem(
        1,
        1,
        `The header has no column for questionnaire item "${item}"`,
        `Add a column "${item}" (empty cells where it was not answered).`,
      );
  if (diagnostics.length) return empty();
  const where = (row: number, cell: number) =>
    [records.line(row), records.column(row, cell)] as const;
  const [learnerAt, phaseAt] = [at('learner'), at('phase')];
  const learner: string[] = [];
  const phase: Phase[] = [];
  const firstRow = { pre: new Map<string, number>(), post: new Map<string, number>() };
  for (let row = 0; row < rows; row++) {
    const [id, when] = [records.text(row, learnerAt), records.text(row, phaseAt)];
    learner.push(id);
    phase.push(when as Phase);
    if (!id) problem(...where(row, learnerAt), 'A row without a learner id', learnerFix);
    else if (id.length > responseLimits.learnerChars)
      problem(
        ...where(row, learnerAt),
        `A learner id of ${id.length} characters (at most ${responseLimits.learnerChars})`,
        'Use shorter pseudonymous ids, e.g. a hash of the learner cut to 32 characters.',
      );
    if (when !== 'pre' && when !== 'post') {
      problem(
        ...where(row, phaseAt),
        `Phase "${when}" is neither "pre" nor "post"`,
        'Write pre for answers given before the course and post for those after it.',
      );
      continue;
    }
    const earlier = firstRow[when].get(id);
    if (earlier === undefined) firstRow[when].set(id, row);
    else if (id)
      problem(
        records.line(row),
        1,
        `Learner "${id}" has a second "${when}" row ` +
          `(the first is on line ${records.line(earlier)})`,
        'Keep one row per learner and phase (the latest answers).',
      );
  }
  let seen: ReadResponses['seen'] = null;
  const answers: Record<string, Float64Array> = {};
  const scale = options.scale;
  for (const item of items) {
    const index = at(item);
    const values = numbers(item);
    if (!values) {
      for (let row = 0; row < rows; row++)
        if (records.whole(row, index) === undefined) {
          const message = `Item ${item}: "${records.text(row, index)}" is not a whole number`;
          problem(...where(row, index), message, scaleFix);
        }
      continue;
    }
    for (let row = 0; row < rows; row++) {
      const n = values[row]!;
      if (Number.isNaN(n)) continue;
      if (scale && (n < scale.min || n > scale.max))
        problem(
          ...where(row, index),
          `Item ${item}: ${n} is outside the scale ${scale.min}–${scale.max}`,
          scaleFix,
        );
      else if (!seen) seen = { min: n, max: n };
      else if (n < seen.min) seen.min = n;
      else if (n > seen.max) seen.max = n;
    }
    answers[item] = values;
  }
  const groupColumns = header.filter((c) => c !== 'learner' && c !== 'phase' && !items.includes(c));
  const groups: Record<string, string[]> = {};
  for (const column of groupColumns) {
    const index = at(column);
    const values: string[] = (groups[column] = []);
    for (let row = 0; row < rows; row++) {
      const value = records.text(row, index);
      if (value.length > responseLimits.cellChars)
        problem(
          ...where(row, index),
          `Column ${column}: a value over ${responseLimits.cellChars} characters`,
        );
      values.push(value);
    }
  }
  if (diagnostics.length) return empty();
  return { table: { learner, phase, answers, groups }, items, groupColumns, seen, diagnostics };
}

/** A column's whole numbers (NaN where empty), or undefined when a cell holds anything else. */
function wholeNumbers(records: CsvRecords, cell: number): Float64Array | undefined {
  const values = new Float64Array(records.rows);
  for (let row = 0; row < records.rows; row++) {
    const n = records.whole(row, cell);
    if (n === undefined) return undefined;
    values[row] = n;
  }
  return values;
}

/** Items when none are given: every column but learner, phase and `by` holding whole numbers. */
function inferItems(
  records: CsvRecords,
  by: string[],
  numbers: (column: string) => Float64Array | undefined,
): string[] {
  return records.header.filter((column) => {
    if (column === 'learner' || column === 'phase' || by.includes(column)) return false;
    const values = numbers(column);
    return !!values && values.some((n) => !Number.isNaN(n));
  });
}

const headerExample = 'learner,phase,q01,q02,… (then any grouping columns)';
const csvFix = `Save the responses as CSV with a header row: ${headerExample}`;
const learnerFix = 'Give every row the id of its learner (the same id in the pre and post rows).';
const scaleFix =
  'Answers are whole numbers on the scale (set it with --scale min-max); leave the cell empty ' +
  'when the item was not answered.';

/**
 * `polycourse evaluate <responses.csv>`: the pre/post questionnaire evaluation of a cohort, as a
 * table on the terminal, `--json`, or a report folder (`--out`: HTML per locale with SVG charts,
 * items.csv, report.json). docs/evaluation.md explains every number.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Course } from '../compiler/model/course.ts';
import type { Diagnostic } from '../compiler/model/diagnostic.ts';
import {
  evaluateCsv,
  type CohortEvaluation,
  type EvaluationSettings,
} from '../compiler/evaluation/evaluate-cohort.ts';
import type { ItemResult } from '../compiler/evaluation/evaluation-types.ts';
import { reportNumbers } from '../compiler/evaluation/report/report-format.ts';
import { exitCodes, UsageError } from './exit-codes.ts';
import { printDiagnostics, printJson } from './report-diagnostics.ts';

export interface EvaluateCommandOptions {
  /** The responses file, or… */
  csv?: string;
  /** …the course in the CMS (DATABASE_URI) whose stored responses to evaluate. */
  fromCms?: string;
  /** A course folder whose questionnaire names the items, scale, reversed items and texts. */
  courseDir?: string;
  settings: EvaluationSettings;
  better: 'higher' | 'lower';
  out?: string;
  locales?: string[];
  json: boolean;
}

/** Largest responses file read (a 5-million-learner cohort is ~500 MB). */
const maxBytes = 1024 * 1024 * 1024;

export async function evaluateCommand(options: EvaluateCommandOptions): Promise<number> {
  const fail = (diagnostics: Diagnostic[]) => {
    if (options.json) printJson({ ok: false, diagnostics });
    else printDiagnostics(diagnostics);
    return exitCodes.invalid;
  };
  const read = options.fromCms
    ? await fromCms(options.fromCms, options.settings)
    : await fromCsv(options);
  if ('diagnostics' in read) return fail(read.diagnostics);
  const { evaluated, course, source } = read;
  if (!evaluated.evaluation || !evaluated.options) return fail(evaluated.diagnostics);
  const { result } = evaluated.evaluation;
  if (options.out) {
    // Loaded only for a report: a --json run of a large cohort starts faster without them.
    const [
      { themeLocalesDirs },
      { loadUiCatalogs },
      { compilerVersion },
      report,
      { courseReportContext },
    ] = await Promise.all([
      import('../compiler/render/theme-folders.ts'),
      import('../compiler/ui-strings/ui-catalog.ts'),
      import('../compiler/pipeline/compiler-version.ts'),
      import('../compiler/evaluation/report/write-report.ts'),
      import('../compiler/evaluation/report/course-report.ts'),
    ]);
    const context = courseReportContext({
      evaluated: { ...evaluated, evaluation: evaluated.evaluation, options: evaluated.options },
      course,
      locales: options.locales,
      better: options.better,
      source,
      version: compilerVersion(),
    });
    const { localesDirs, diagnostics } = themeLocalesDirs(course?.theme ?? 'default');
    if (!localesDirs) return fail(diagnostics);
    const catalogs = loadUiCatalogs(localesDirs, context.locales, context.sourceLocale);
    const written = report.writeEvaluationReport(options.out, context, catalogs);
    if (!options.json)
      process.stderr.write(
        `wrote ${written.length} files to ${path.relative(process.cwd(), options.out) || '.'}: ` +
          `${written.join(', ')}\n`,
      );
  }
  if (options.json) printJson(result);
  else process.stdout.write(textTable(result.items, result.overall, result.n, result.unmatched));
  return exitCodes.ok;
}

type Read =
  | { evaluated: CohortEvaluation; course?: ReportCourse; source: string }
  | { diagnostics: Diagnostic[] };
type ReportCourse = Pick<Course, 'sourceLocale' | 'locales' | 'questionnaire' | 'theme'>;

async function fromCsv(options: EvaluateCommandOptions): Promise<Read> {
  const course = options.courseDir ? await readQuestionnaireCourse(options.courseDir) : undefined;
  if (course && 'diagnostics' in course) return course;
  const csv = options.csv!;
  const file = path.relative(process.cwd(), csv) || csv;
  const size = fs.statSync(csv, { throwIfNoEntry: false })?.size;
  if (size === undefined) throw new UsageError(`no responses file at ${csv}`);
  if (size > maxBytes) throw new UsageError(`${file} is over 1 GiB: split the cohort`);
  const text = fs.readFileSync(csv, 'utf8');
  const evaluated = evaluateCsv(text, file, options.settings, course?.questionnaire);
  return { evaluated, course, source: path.basename(csv) };
}

/** The stored responses of a course in the CMS, with its questionnaire. */
async function fromCms(courseId: string, settings: EvaluationSettings): Promise<Read> {
  const { withPayload } = await import('./cms-commands.ts');
  const { evaluateCourse } = await import('../cms/evaluation/evaluate-course.ts');
  const evaluated = await withPayload((payload) => evaluateCourse(payload, courseId, settings));
  return { evaluated, course: evaluated.course, source: `the CMS, course ${courseId}` };
}

/** The course folder's model, for its questionnaire, locales and theme. */
async function readQuestionnaireCourse(
  dir: string,
): Promise<Course | { diagnostics: Diagnostic[] }> {
  const { readCourse } = await import('../compiler/sources/read-course.ts');
  const read = readCourse(dir);
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  if (!read.course || errors.length) return { diagnostics: errors };
  if (!read.course.questionnaire)
    return {
      diagnostics: [
        {
          severity: 'error',
          ruleId: 'polycourse:evaluation-options',
          message: `Course "${read.course.id}" has no questionnaire`,
          file: path.relative(process.cwd(), path.join(dir, 'course.yaml')),
          fix: 'Define the questionnaire in course.yaml, or leave out --course and give --scale.',
        },
      ],
    };
  return read.course;
}

/** The results for a terminal: one line per item and the total. */
function textTable(items: ItemResult[], total: ItemResult, n: number, unmatched: number): string {
  const f = reportNumbers('en');
  const head = [
    'item',
    'n',
    'pre',
    'post',
    'change [95% CI]',
    't',
    'p',
    'W',
    'p(W)',
    'p Holm',
    'dz',
  ];
  const rows = [...items, total].map((i) => [
    i.item,
    String(i.n),
    f.num(i.mean_pre),
    f.num(i.mean_post),
    f.change(i),
    f.num(i.ttest.t),
    f.p(i.ttest.p),
    f.num(i.wilcoxon.statistic, 1),
    `${f.p(i.wilcoxon.p)}${i.wilcoxon.method === 'exact' ? '*' : ''}`,
    f.p(i.p_holm),
    f.num(i.dz),
  ]);
  // the report's bidi isolates around "< 0.001" have no width on a terminal
  for (const row of rows) row.forEach((cell, k) => (row[k] = cell.replace(/[\u2066\u2069]/g, '')));
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (r: string[]) =>
    r.map((c, k) => (k ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join('  ');
  return [
    `${n} paired learners, ${unmatched} unmatched (left out). * exact p. See docs/evaluation.md.`,
    line(head),
    ...rows.map(line),
    '',
  ].join('\n');
}

/**
 * The course's evaluation, for admins and evaluators only (the responses are learners' personal
 * data):
 * - GET /api/courses/:id/evaluation?format=html|json|csv&locale=fr&by=locale,cohort&minGroup=10
 *   the report of docs/evaluation.md from the stored responses (HTML by default: a page with no
 *   script, served with a CSP that allows none);
 * - POST /api/courses/:id/responses with a responses CSV as the body: checked whole, then stored
 *   (one document per learner and phase; importing twice changes nothing). 400 with the
 *   diagnostics, and nothing stored, when anything is wrong.
 * - GET /api/courses/:id/responses: the stored responses as an anonymized responses CSV (learners
 *   renumbered for the file, no dates), for `polycourse evaluate` or a statistics package.
 */
import type { Endpoint, PayloadRequest } from 'payload';
import { canEvaluate } from '../access/roles.ts';
import { defaultSettings } from '../../compiler/evaluation/evaluate-cohort.ts';
import { courseReportContext } from '../../compiler/evaluation/report/course-report.ts';
import { renderReport } from '../../compiler/evaluation/report/render-report.ts';
import { resultsCsv } from '../../compiler/evaluation/report/write-report.ts';
import { themeLocalesDirs } from '../../compiler/render/theme-folders.ts';
import { loadUiCatalogs } from '../../compiler/ui-strings/ui-catalog.ts';
import { compilerVersion } from '../../compiler/pipeline/compiler-version.ts';
import { evaluateCourse } from '../evaluation/evaluate-course.ts';
import { courseQuestionnaire } from '../evaluation/course-questionnaire.ts';
import { importResponses, responsesCsv } from '../evaluation/stored-responses.ts';

/** Largest responses CSV the admin takes in one request (~200,000 rows). */
export const maxResponsesBytes = 20 * 1024 * 1024;

const refused = () =>
  Response.json(
    { error: 'Only admins and evaluators can see and import questionnaire responses.' },
    { status: 403 },
  );

/** The course's courseId for an admin or evaluator; the refusal (403, 404) for anyone else. */
async function evaluatedCourseId(req: PayloadRequest): Promise<string | Response> {
  if (!canEvaluate(req)) return refused();
  return (await courseIdOf(req)) ?? Response.json({ error: 'No such course.' }, { status: 404 });
}

/** The course document's courseId (undefined when there is no such document). */
async function courseIdOf(req: PayloadRequest): Promise<string | undefined> {
  const doc = await req.payload
    .findByID({
      collection: 'courses',
      id: String(req.routeParams?.id),
      depth: 0,
      draft: true,
      overrideAccess: true,
      disableErrors: true,
    })
    .catch(() => null);
  return doc?.courseId ?? undefined;
}

export const evaluationReportEndpoint: Endpoint = {
  path: '/:id/evaluation',
  method: 'get',
  handler: async (req) => {
    const courseId = await evaluatedCourseId(req);
    if (courseId instanceof Response) return courseId;
    const query = req.searchParams;
    const minGroup = Number(query.get('minGroup') ?? defaultSettings.minGroup);
    const by = (query.get('by') ?? '').split(',').filter(Boolean);
    const evaluated = await evaluateCourse(req.payload, courseId, {
      ...defaultSettings,
      by: by.length ? by : [],
      minGroup,
    });
    if (!evaluated.evaluation || !evaluated.options)
      return Response.json({ diagnostics: evaluated.diagnostics }, { status: 400 });
    const format = query.get('format') ?? 'html';
    const { result } = evaluated.evaluation;
    if (format === 'json')
      return Response.json(result, {
        // the columns a breakdown can use, for the Evaluation panel
        headers: { ...privateHeaders, 'x-group-columns': evaluated.groupColumns.join(',') },
      });
    if (format === 'csv')
      return new Response(resultsCsv(result), {
        headers: {
          ...privateHeaders,
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${courseId}-evaluation.csv"`,
        },
      });
    const course = evaluated.course!;
    const locale = course.locales.includes(query.get('locale') ?? '')
      ? query.get('locale')!
      : course.sourceLocale;
    const here = (params: Record<string, string>) =>
      `?${new URLSearchParams({ ...Object.fromEntries(query), ...params })}`;
    const context = courseReportContext({
      evaluated: { ...evaluated, evaluation: evaluated.evaluation, options: evaluated.options },
      course,
      better: 'higher',
      source: `the CMS, course ${courseId}`,
      version: compilerVersion(),
      links: {
        page: (l) => here({ format: 'html', locale: l }),
        csv: here({ format: 'csv' }),
        json: here({ format: 'json' }),
      },
    });
    const { localesDirs, diagnostics } = themeLocalesDirs(course.theme);
    if (!localesDirs) return Response.json({ diagnostics }, { status: 500 });
    const catalogs = loadUiCatalogs(localesDirs, context.locales, context.sourceLocale);
    return new Response(renderReport(context, locale, catalogs.forLocale(locale)), {
      headers: {
        ...privateHeaders,
        'content-type': 'text/html; charset=utf-8',
        // the report is static: no script, no request to anywhere
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " +
          "frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
      },
    });
  },
};

/** Answers about a person's attitudes: never cached by a proxy, never sniffed. */
const privateHeaders = {
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
};

export const importResponsesEndpoint: Endpoint = {
  path: '/:id/responses',
  method: 'post',
  handler: async (req) => {
    const courseId = await evaluatedCourseId(req);
    if (courseId instanceof Response) return courseId;
    const length = Number(req.headers.get('content-length') ?? 0);
    if (length > maxResponsesBytes) return tooLarge();
    const text = (await req.text?.()) ?? '';
    if (Buffer.byteLength(text) > maxResponsesBytes) return tooLarge();
    const course = await courseQuestionnaire(req.payload, courseId);
    if (!course?.questionnaire)
      return Response.json(
        { error: `Course "${courseId}" has no questionnaire: define it before importing.` },
        { status: 400 },
      );
    const name = req.searchParams.get('file') ?? 'responses.csv';
    const result = await importResponses(req, course, text, name.slice(0, 200));
    return Response.json(result, { status: result.diagnostics.length ? 400 : 200 });
  },
};

export const exportResponsesEndpoint: Endpoint = {
  path: '/:id/responses',
  method: 'get',
  handler: async (req) => {
    const courseId = await evaluatedCourseId(req);
    if (courseId instanceof Response) return courseId;
    const course = await courseQuestionnaire(req.payload, courseId);
    if (!course?.questionnaire)
      return Response.json(
        { error: `Course "${courseId}" has no questionnaire, so it has no responses.` },
        { status: 400 },
      );
    return new Response(await responsesCsv(req.payload, course), {
      headers: {
        ...privateHeaders,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${courseId}-responses.csv"`,
      },
    });
  },
};

const tooLarge = () =>
  Response.json(
    {
      error:
        `A responses file is at most ${maxResponsesBytes / 1024 / 1024} MB here: ` +
        'split it by cohort, or use polycourse evaluate on the CSV.',
    },
    { status: 413 },
  );

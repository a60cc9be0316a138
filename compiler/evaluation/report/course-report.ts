/**
 * The report's context for a course: the questionnaire's title and item texts in the course's
 * languages, from an evaluation. One place for `polycourse evaluate` and the CMS's report.
 */
import type { Course } from '../../model/course.ts';
import type { CohortEvaluation } from '../evaluate-cohort.ts';
import type { Evaluation } from '../evaluate-responses.ts';
import type { EvaluationOptions } from '../evaluation-types.ts';
import type { ReportContext } from './render-report.ts';

export interface CourseReportInput {
  evaluated: CohortEvaluation & { evaluation: Evaluation; options: EvaluationOptions };
  /** The course, when there is one (its questionnaire, languages and source locale). */
  course?: Pick<Course, 'sourceLocale' | 'locales' | 'questionnaire'>;
  /** The report's languages (default: the course's, else English). */
  locales?: string[];
  better: 'higher' | 'lower';
  source: string;
  version: string;
  links?: ReportContext['links'];
}

export function courseReportContext(input: CourseReportInput): ReportContext {
  const { evaluated, course } = input;
  const locales = input.locales ?? course?.locales ?? ['en'];
  const questionnaire = course?.questionnaire;
  return {
    result: evaluated.evaluation.result,
    totalChanges: evaluated.evaluation.totalChanges,
    options: evaluated.options,
    better: input.better,
    scaleFromData: evaluated.scaleFromData,
    title: questionnaire?.title,
    itemTexts: questionnaire
      ? Object.fromEntries(questionnaire.items.map((i) => [i.id, i.text]))
      : undefined,
    sourceLocale: course?.sourceLocale ?? locales[0]!,
    locales,
    source: input.source,
    generatedAt: new Date(),
    version: input.version,
    links: input.links,
  };
}

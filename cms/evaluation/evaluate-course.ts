/**
 * Evaluate a course's stored responses with its questionnaire (items, scale 1–n, reversed items):
 * what the Evaluation panel shows and `polycourse evaluate --from-cms` prints.
 */
import type { Payload } from 'payload';
import {
  evaluateTable,
  type CohortEvaluation,
  type EvaluationSettings,
} from '../../compiler/evaluation/evaluate-cohort.ts';
import { courseQuestionnaire, type EvaluatedCourse } from './course-questionnaire.ts';
import { storedResponses } from './stored-responses.ts';

export interface CourseEvaluation extends CohortEvaluation {
  course?: EvaluatedCourse;
  /** The grouping columns the stored responses have (to offer as breakdowns). */
  groupColumns: string[];
}

export async function evaluateCourse(
  payload: Payload,
  courseId: string,
  settings: EvaluationSettings,
): Promise<CourseEvaluation> {
  const course = await courseQuestionnaire(payload, courseId);
  const q = course?.questionnaire;
  if (!course || !q)
    return {
      course,
      groupColumns: [],
      scaleFromData: false,
      diagnostics: [
        {
          severity: 'error',
          ruleId: 'polycourse:evaluation-options',
          path: `courses.${courseId}.questionnaire`,
          message: course
            ? `Course "${courseId}" has no questionnaire`
            : `There is no course "${courseId}" in the CMS`,
          fix: course
            ? 'Define the questionnaire (its id, scale and items) on the course.'
            : 'Give the courseId of a course in the CMS.',
        },
      ],
    };
  const { table, groupColumns } = await storedResponses(payload, course);
  const evaluated = evaluateTable(
    table,
    q.items.map((i) => i.id),
    groupColumns,
    {
      ...settings,
      scale: { min: 1, max: q.scale },
      reversed: settings.reversed ?? q.items.filter((i) => i.reversed).map((i) => i.id),
      scaleFromData: false,
      where: `questionnaire-responses of course ${courseId}`,
    },
  );
  return { ...evaluated, course, groupColumns };
}

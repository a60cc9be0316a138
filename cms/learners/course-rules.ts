/**
 * What the server needs to score a learner in a course: the published course's outline (units,
 * kinds, pass marks, the points rules) and each quiz's answer keys, read through the compiler's CMS
 * source (no media), kept for a short while per process. The same outline the bundle's runtime
 * gets (courseOutline), so the server's points and the learner's device agree.
 */
import os from 'node:os';
import type { Payload } from 'payload';
import type { Course, Question } from '../../compiler/model/course.ts';
import { courseOutline } from '../../compiler/model/course-outline.ts';
import type { CourseOutline } from '../../runtime/logic/course-outline.ts';
import type { ScorableQuestion } from '../../runtime/logic/scoring.ts';
import { readCourseFromCms } from '../course-exchange/read-course-from-cms.ts';

export interface CourseRules {
  outline: CourseOutline;
  locales: string[];
  /** `module/unit` → the quiz's questions with their keys and its pass mark */
  quizzes: Map<string, { questions: ScorableQuestion[]; passMark: number }>;
  /** the version of the questionnaire's consent text (no questionnaire answers without one) */
  consent?: string;
}

/** The answers a learner can give to a question, as the bundle's quiz form offers them. */
export function scorableQuestion(q: Question): ScorableQuestion {
  const ids = q.options.map((o) => o.id);
  return {
    id: q.id,
    type: q.type,
    options:
      q.type === 'truefalse'
        ? ['true', 'false']
        : q.type === 'matching'
          ? ids.flatMap((o) => (q.targets ?? []).map((t) => `${o}=${t.id}`))
          : ids,
    correct: q.correct,
  };
}

export function courseRules(course: Course): CourseRules {
  const quizzes: CourseRules['quizzes'] = new Map();
  for (const m of course.modules)
    for (const u of m.units)
      if (u.kind === 'quiz')
        quizzes.set(`${m.id}/${u.id}`, {
          questions: u.questions.map(scorableQuestion),
          passMark: u.passMark,
        });
  return {
    outline: courseOutline(course),
    locales: course.locales,
    quizzes,
    consent: course.questionnaire?.consent?.version,
  };
}

const keep = 30_000;
const cache = new Map<string, { at: number; rules: Promise<CourseRules | undefined> }>();

/**
 * The published course's rules, read at most every 30 s per process (a publish reaches the scoring
 * within that). Undefined when there is no such published course.
 */
export function publishedCourseRules(
  payload: Payload,
  courseId: string,
): Promise<CourseRules | undefined> {
  const hit = cache.get(courseId);
  if (hit && Date.now() - hit.at < keep) return hit.rules;
  const rules = readCourseFromCms(payload, courseId, os.tmpdir(), { media: false }).then(
    (result) => (result.course ? courseRules(result.course) : undefined),
    () => undefined,
  );
  cache.set(courseId, { at: Date.now(), rules });
  if (cache.size > 1000) cache.delete(cache.keys().next().value!);
  return rules;
}

/**
 * What the learner runtime knows of a course (runtime/logic/course-outline.ts): structure, kinds,
 * pass marks, points. No answers, no texts. The bundles embed it; the CMS's learner services score
 * with the same outline, so the server's points equal the device's.
 */
import type { Course } from './course.ts';
import type { CourseOutline } from '../../runtime/logic/course-outline.ts';

export function courseOutline(course: Course): CourseOutline {
  return {
    id: course.id,
    points: course.points,
    modules: course.modules.map((m) => ({
      id: m.id,
      units: m.units.map((u) => ({
        id: u.id,
        kind: u.kind,
        ...(u.kind === 'quiz' ? { questions: u.questions.length, passMark: u.passMark } : {}),
        ...(u.kind === 'challenge' ? { points: u.points } : {}),
      })),
    })),
    questionnaire: course.questionnaire && {
      id: course.questionnaire.id,
      scale: course.questionnaire.scale,
      items: course.questionnaire.items.map((i) => ({ id: i.id, reversed: i.reversed })),
    },
  };
}

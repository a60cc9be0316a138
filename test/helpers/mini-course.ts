/** The small fixture course used by stage tests: read once through the real files source. */
import path from 'node:path';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import type { Course } from '../../compiler/model/course.ts';
import { copyCourse, editFile } from './temp-course.ts';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');
export const miniCourseDir = path.join(fixturesDir, 'courses/mini');

export function miniCourse(): Course {
  const result = readCourseFromFiles(miniCourseDir);
  if (!result.course)
    throw new Error(`fixture course is invalid: ${JSON.stringify(result.diagnostics)}`);
  return result.course;
}

/**
 * A copy of the mini course whose questionnaire asks for consent (version `mini-1`, its text in en
 * and ar), for the learner services' tests. The fixture itself stays as it is: the positions and
 * counts other tests check do not move.
 */
export function miniCourseWithConsent(): string {
  const dir = copyCourse(miniCourseDir);
  const add = (file: string, after: string, line: string) =>
    editFile(path.join(dir, file), after, `${after}${line}\n`);
  add('course.yaml', '  reversed: [v2]\n', '  consent: mini-1');
  add(
    'locales/en.yaml',
    '    v2: Some people should not decide for themselves.\n',
    '  consent: Share my answers, under a random code and never with my name, to measure what ' +
      'the course changes.',
  );
  add(
    'locales/ar.yaml',
    '    v2: بعض الناس لا ينبغي أن يقرروا بأنفسهم.\n',
    '  consent: أشارك إجاباتي، برمز عشوائي ودون اسمي أبدًا، لقياس ما يغيّره المقرر.',
  );
  return dir;
}

/**
 * What a launch reports to the LMS, from the learner's progress and the course's rules: pure, so
 * that tests check the rules without a browser.
 *
 * - - Complete: every unit complete as the course outline says (lessons and sheets viewed, videos
 *   watched, quizzes passed at their pass mark, challenges done): the course's completion rule.
 * - - Passed: SCORM 1.2's status is "passed" when the course is complete and has quizzes (all of
 *   them passed, then), "completed" without quizzes; a learner may retry a quiz, so 1.2 never hears
 *   "failed". SCORM 2004's success is "passed" once every quiz is passed, "failed" while one was
 *   attempted and not passed, and "unknown" before.
 * - - Score (0–100): the mean of the best percentage of every quiz, once every quiz was attempted;
 *   the manifest's mastery score is the mean of the pass marks (the score of a learner who passed
 *   each quiz at exactly its mark).
 */
import type { CourseOutline, OutlineUnit } from '../logic/course-outline.ts';
import { unitKey } from '../logic/course-outline.ts';
import { summarize, type ProgressState } from '../logic/progress.ts';

export interface LmsReport {
  complete: boolean;
  /** every quiz passed at its pass mark; undefined in a course without quizzes */
  quizzesPassed?: boolean;
  /** some quiz attempted and not passed (2004's success "failed") */
  failing: boolean;
  /** 0–100, once every quiz was attempted */
  score?: number;
  /** units complete / units, 0–1 */
  progress: number;
}

const quizzes = (outline: CourseOutline) =>
  outline.modules.flatMap((m) =>
    m.units.filter((u) => u.kind === 'quiz').map((u) => ({ key: unitKey(m.id, u.id), unit: u })),
  );

const percent = (unit: OutlineUnit, best: number) =>
  unit.questions ? Math.round((best / unit.questions) * 100) : 0;

export function lmsReport(outline: CourseOutline, state: ProgressState): LmsReport {
  const summary = summarize(outline, state);
  const complete = summary.courseComplete;
  const all = quizzes(outline);
  const progress =
    summary.units.total === 0
      ? 0
      : Math.round((summary.units.done / summary.units.total) * 100) / 100;
  if (!all.length) return { complete, failing: false, progress };
  const attempted = all.filter((q) => (state.units[q.key]?.attempts ?? 0) > 0);
  const passedAll = all.every((q) => state.units[q.key]?.passed);
  const failing = attempted.some((q) => !state.units[q.key]?.passed);
  const score =
    attempted.length === all.length
      ? Math.round(
          all.reduce((sum, q) => sum + percent(q.unit, state.units[q.key]?.bestCorrect ?? 0), 0) /
            all.length,
        )
      : undefined;
  return { complete, quizzesPassed: passedAll, failing, score, progress };
}

/** The mastery score a manifest states: the mean pass mark of the quizzes, or undefined. */
export function masteryScore(outline: CourseOutline): number | undefined {
  const all = quizzes(outline);
  if (!all.length) return undefined;
  return Math.ceil(all.reduce((sum, q) => sum + (q.unit.passMark ?? 0), 0) / all.length);
}

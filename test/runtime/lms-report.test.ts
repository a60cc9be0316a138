/**
 * What a SCORM launch reports, from progress and the course's rules (runtime/lms/lms-report.ts),
 * and the session time formats of SCORM 1.2 and 2004 (runtime/lms/lms-api.ts).
 */
import { describe, expect, it } from 'vitest';
import type { CourseOutline } from '../../runtime/logic/course-outline.ts';
import { emptyProgress, type ProgressState } from '../../runtime/logic/progress.ts';
import { lmsReport, masteryScore } from '../../runtime/lms/lms-report.ts';
import { sessionTime } from '../../runtime/lms/lms-api.ts';

const points = {
  lessonViewed: 1,
  correctAnswer: 1,
  challengeDone: 1,
  replayCountsOnlyIfBetter: true,
};
const outline: CourseOutline = {
  id: 'c',
  points,
  modules: [
    {
      id: 'm',
      units: [
        { id: 'l', kind: 'lesson' },
        { id: 'q1', kind: 'quiz', questions: 4, passMark: 50 },
        { id: 'q2', kind: 'quiz', questions: 5, passMark: 80 },
      ],
    },
  ],
};
const withUnits = (units: ProgressState['units']): ProgressState => ({ ...emptyProgress(), units });

describe('lmsReport', () => {
  it('a fresh attempt: incomplete, no score, nothing failing', () => {
    expect(lmsReport(outline, emptyProgress())).toEqual({
      complete: false,
      quizzesPassed: false,
      failing: false,
      score: undefined,
      progress: 0,
    });
  });

  it('a quiz attempted and not passed is failing; no score until every quiz was attempted', () => {
    const r = lmsReport(outline, withUnits({ 'm/q1': { attempts: 1, bestCorrect: 1 } }));
    expect(r).toMatchObject({ failing: true, quizzesPassed: false, score: undefined });
  });

  it('the score is the mean best percentage once every quiz was attempted', () => {
    const r = lmsReport(
      outline,
      withUnits({
        'm/q1': { attempts: 2, bestCorrect: 3, passed: true },
        'm/q2': { attempts: 1, bestCorrect: 4, passed: true },
      }),
    );
    // (75 + 80) / 2
    expect(r).toMatchObject({ score: 78, quizzesPassed: true, complete: false, progress: 0.67 });
  });

  it('complete when every unit is: the lesson viewed and each quiz passed', () => {
    const r = lmsReport(
      outline,
      withUnits({
        'm/l': { viewed: true },
        'm/q1': { attempts: 1, bestCorrect: 4, passed: true },
        'm/q2': { attempts: 3, bestCorrect: 5, passed: true },
      }),
    );
    expect(r).toEqual({
      complete: true,
      quizzesPassed: true,
      failing: false,
      score: 100,
      progress: 1,
    });
  });

  it('without quizzes: completion only; the mastery score is the mean pass mark', () => {
    const noQuiz: CourseOutline = {
      ...outline,
      modules: [{ id: 'm', units: [{ id: 'l', kind: 'lesson' }] }],
    };
    const r = lmsReport(noQuiz, withUnits({ 'm/l': { viewed: true } }));
    expect(r).toEqual({ complete: true, failing: false, progress: 1 });
    expect(masteryScore(noQuiz)).toBeUndefined();
    expect(masteryScore(outline)).toBe(65);
  });
});

describe('sessionTime', () => {
  it('SCORM 1.2: HHHH:MM:SS.SS; SCORM 2004: an ISO 8601 duration', () => {
    const ms = ((1 * 60 + 2) * 60 + 3.456) * 1000;
    expect(sessionTime(ms, '1.2')).toBe('0001:02:03.46');
    expect(sessionTime(ms, '2004')).toBe('PT1H2M3.46S');
    expect(sessionTime(0, '1.2')).toBe('0000:00:00.00');
    expect(sessionTime(-5, '2004')).toBe('PT0H0M0.00S');
  });
});

/**
 * Learner progress as plain data with pure update functions. Points follow the course's rule set:
 * a unit viewed once, each correct answer of the best quiz attempt (a replay counts only when it
 * beats the best), each challenge done.
 */
import { unitKey, type CourseOutline, type OutlineUnit } from './course-outline.ts';

export interface UnitProgress {
  viewed?: boolean;
  /** video watched to the end (or nearly) */
  watched?: boolean;
  /** quiz: best number of correct answers, and whether any attempt passed */
  bestCorrect?: number;
  passed?: boolean;
  attempts?: number;
  /** challenge committed to and marked done */
  done?: boolean;
}

export interface QuestionnaireResponse {
  /** item id → 1..scale */
  answers: Record<string, number>;
  at: string;
  /** the consent version the learner agreed to when they saved (learner services only) */
  consent?: string;
}

export interface ProgressState {
  version: 1;
  units: Record<string, UnitProgress>;
  questionnaire: { pre?: QuestionnaireResponse; post?: QuestionnaireResponse };
  /** the learner's name as typed for the certificate */
  name?: string;
  completedAt?: string;
}

export const emptyProgress = (): ProgressState => ({ version: 1, units: {}, questionnaire: {} });

const update = (
  state: ProgressState,
  key: string,
  patch: (u: UnitProgress) => UnitProgress,
): ProgressState => ({
  ...state,
  units: { ...state.units, [key]: patch(state.units[key] ?? {}) },
});

export const recordView = (state: ProgressState, key: string) =>
  update(state, key, (u) => ({ ...u, viewed: true }));
export const recordWatched = (state: ProgressState, key: string) =>
  update(state, key, (u) => ({ ...u, viewed: true, watched: true }));
export const recordChallengeDone = (state: ProgressState, key: string, done: boolean) =>
  update(state, key, (u) => ({ ...u, viewed: true, done }));

export function recordQuizAttempt(
  state: ProgressState,
  key: string,
  correct: number,
  passed: boolean,
  rules: CourseOutline['points'],
): ProgressState {
  return update(state, key, (u) => {
    const best = rules.replayCountsOnlyIfBetter ? Math.max(u.bestCorrect ?? 0, correct) : correct;
    return {
      ...u,
      viewed: true,
      attempts: (u.attempts ?? 0) + 1,
      bestCorrect: best,
      passed: Boolean(u.passed || passed),
    };
  });
}

/**
 * Is this unit complete? lessons/sheets: viewed; videos: watched; quizzes: passed; challenges:
 * done.
 */
export function unitComplete(unit: OutlineUnit, p: UnitProgress | undefined): boolean {
  if (!p) return false;
  switch (unit.kind) {
    case 'lesson':
    case 'infosheet':
      return Boolean(p.viewed);
    case 'video':
      return Boolean(p.watched);
    case 'quiz':
      return Boolean(p.passed);
    case 'challenge':
      return Boolean(p.done);
  }
}

export interface ProgressSummary {
  points: number;
  units: { done: number; total: number };
  modules: Record<string, { done: number; total: number; complete: boolean }>;
  courseComplete: boolean;
}

export function summarize(outline: CourseOutline, state: ProgressState): ProgressSummary {
  let points = 0;
  let done = 0;
  let total = 0;
  const modules: ProgressSummary['modules'] = {};
  for (const m of outline.modules) {
    let moduleDone = 0;
    for (const unit of m.units) {
      const p = state.units[unitKey(m.id, unit.id)];
      if (p?.viewed && unit.kind !== 'quiz' && unit.kind !== 'challenge')
        points += outline.points.lessonViewed;
      if (unit.kind === 'quiz') points += (p?.bestCorrect ?? 0) * outline.points.correctAnswer;
      if (unit.kind === 'challenge' && p?.done)
        points += unit.points ?? outline.points.challengeDone;
      if (unitComplete(unit, p)) moduleDone++;
    }
    modules[m.id] = {
      done: moduleDone,
      total: m.units.length,
      complete: moduleDone === m.units.length,
    };
    done += moduleDone;
    total += m.units.length;
  }
  return { points, units: { done, total }, modules, courseComplete: total > 0 && done === total };
}

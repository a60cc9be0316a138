/**
 * Unit tests of the runtime's pure rules: scoring, progress and points, badges, storage, codes,
 * questionnaire change.
 */
import { describe, expect, it } from 'vitest';
import { scoreQuestion, scoreQuiz, type ScorableQuestion } from '../../runtime/logic/scoring.ts';
import {
  emptyProgress,
  recordChallengeDone,
  recordQuizAttempt,
  recordView,
  recordWatched,
  summarize,
} from '../../runtime/logic/progress.ts';
import { badgeProgress, earnedBadges, nextBadge } from '../../runtime/logic/badges.ts';
import {
  loadProgress,
  saveProgress,
  storageKey,
  type KeyValueStorage,
} from '../../runtime/logic/progress-store.ts';
import { verificationCode } from '../../runtime/logic/verification-code.ts';
import { questionnaireChange } from '../../runtime/logic/questionnaire-change.ts';
import type { CourseOutline } from '../../runtime/logic/course-outline.ts';

const single: ScorableQuestion = {
  id: 'q1',
  type: 'single',
  options: ['a', 'b', 'c'],
  correct: ['b'],
};
const multiple: ScorableQuestion = {
  id: 'q2',
  type: 'multiple',
  options: ['a', 'b', 'c'],
  correct: ['a', 'c'],
};
const truefalse: ScorableQuestion = {
  id: 'q3',
  type: 'truefalse',
  options: ['true', 'false'],
  correct: ['false'],
};

const outline: CourseOutline = {
  id: 'demo',
  points: { lessonViewed: 10, correctAnswer: 5, challengeDone: 20, replayCountsOnlyIfBetter: true },
  modules: [
    {
      id: 'm1',
      units: [
        { id: 'l1', kind: 'lesson' },
        { id: 'v1', kind: 'video' },
        { id: 'q1', kind: 'quiz', questions: 3, passMark: 60 },
        { id: 'c1', kind: 'challenge', points: 15 },
      ],
    },
    {
      id: 'm2',
      units: [
        { id: 's2', kind: 'infosheet' },
        { id: 'q2', kind: 'quiz', questions: 2, passMark: 50 },
      ],
    },
  ],
  questionnaire: {
    id: 'att',
    scale: 5,
    items: [
      { id: 'a', reversed: false },
      { id: 'b', reversed: true },
    ],
  },
};

class MemoryStorage implements KeyValueStorage {
  data = new Map<string, string>();
  full = false;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full)
      throw Object.assign(new Error('The quota has been exceeded.'), {
        name: 'QuotaExceededError',
      });
    this.data.set(k, v);
  }
}

describe('scoring', () => {
  it('single, multiple and true/false questions need exactly the correct set', () => {
    expect(scoreQuestion(single, ['b']).correct).toBe(true);
    expect(scoreQuestion(single, ['a']).correct).toBe(false);
    expect(scoreQuestion(single, []).correct).toBe(false);
    expect(scoreQuestion(multiple, ['c', 'a']).correct).toBe(true);
    expect(scoreQuestion(multiple, ['a']).correct).toBe(false);
    expect(scoreQuestion(multiple, ['a', 'b', 'c']).correct).toBe(false);
    expect(scoreQuestion(multiple, ['a', 'a']).correct).toBe(false);
    expect(scoreQuestion(truefalse, ['false']).correct).toBe(true);
  });

  it('reports answers for options that no longer exist, and does not count them', () => {
    expect(scoreQuestion(single, ['z'])).toEqual({ id: 'q1', correct: false, unknown: ['z'] });
    expect(scoreQuestion(multiple, ['a', 'c', 'gone'])).toEqual({
      id: 'q2',
      correct: true,
      unknown: ['gone'],
    });
  });

  it('a quiz passes at its pass mark, unanswered questions count as wrong', () => {
    const quiz = [single, multiple, truefalse];
    expect(scoreQuiz(quiz, { q1: ['b'], q2: ['a', 'c'] }, 60)).toMatchObject({
      correct: 2,
      total: 3,
      percent: 66,
      passed: true,
    });
    expect(scoreQuiz(quiz, { q1: ['b'] }, 60)).toMatchObject({
      correct: 1,
      percent: 33,
      passed: false,
    });
    expect(scoreQuiz(quiz, {}, 0)).toMatchObject({ correct: 0, passed: true });
  });
});

describe('progress and points', () => {
  it(
    'gives points per unit viewed, ' + 'per correct answer of the best attempt, per challenge done',
    () => {
      let s = emptyProgress();
      s = recordView(s, 'm1/l1');
      s = recordView(s, 'm1/l1'); // viewing twice counts once
      expect(summarize(outline, s).points).toBe(10);
      s = recordQuizAttempt(s, 'm1/q1', 1, false, outline.points);
      expect(summarize(outline, s).points).toBe(10 + 5);
      s = recordQuizAttempt(s, 'm1/q1', 3, true, outline.points);
      expect(summarize(outline, s).points).toBe(10 + 15);
      s = recordQuizAttempt(s, 'm1/q1', 2, true, outline.points); // a worse replay changes nothing
      expect(summarize(outline, s).points).toBe(10 + 15);
      expect(s.units['m1/q1']).toMatchObject({ attempts: 3, bestCorrect: 3, passed: true });
      s = recordChallengeDone(s, 'm1/c1', true);
      expect(summarize(outline, s).points).toBe(10 + 15 + 15); // the challenge's own points
    },
  );

  it('a replay replaces the score when the rule set says replays always count', () => {
    const rules = { ...outline.points, replayCountsOnlyIfBetter: false };
    let s = recordQuizAttempt(emptyProgress(), 'm1/q1', 3, true, rules);
    s = recordQuizAttempt(s, 'm1/q1', 1, false, rules);
    expect(s.units['m1/q1']).toMatchObject({ bestCorrect: 1, passed: true });
  });

  it('completes units by their own rule and modules when all units are complete', () => {
    let s = recordView(emptyProgress(), 'm1/v1');
    // a video is complete when watched, not viewed
    expect(summarize(outline, s).units.done).toBe(0);
    s = recordWatched(s, 'm1/v1');
    s = recordView(s, 'm1/l1');
    s = recordQuizAttempt(s, 'm1/q1', 2, true, outline.points);
    expect(summarize(outline, s).modules.m1.complete).toBe(false);
    s = recordChallengeDone(s, 'm1/c1', true);
    const summary = summarize(outline, s);
    expect(summary.modules.m1).toEqual({ done: 4, total: 4, complete: true });
    expect(summary.courseComplete).toBe(false);
  });
});

describe('badges', () => {
  it('one per completed module, all quizzes, all challenges, the course', () => {
    let s = emptyProgress();
    expect(earnedBadges(outline, s)).toEqual([]);
    s = recordView(s, 'm1/l1');
    s = recordWatched(s, 'm1/v1');
    s = recordQuizAttempt(s, 'm1/q1', 3, true, outline.points);
    s = recordChallengeDone(s, 'm1/c1', true);
    expect(earnedBadges(outline, s)).toEqual([
      { kind: 'module', moduleId: 'm1' },
      { kind: 'all-challenges' },
    ]);
    s = recordView(s, 'm2/s2');
    s = recordQuizAttempt(s, 'm2/q2', 1, true, outline.points);
    expect(earnedBadges(outline, s)).toEqual([
      { kind: 'module', moduleId: 'm1' },
      { kind: 'module', moduleId: 'm2' },
      { kind: 'all-quizzes' },
      { kind: 'all-challenges' },
      { kind: 'course' },
    ]);
  });
  it('counts what each badge still needs, and names the closest one next', () => {
    let s = recordView(emptyProgress(), 'm1/l1');
    s = recordWatched(s, 'm1/v1');
    const progress = badgeProgress(outline, s);
    expect(progress.map((b) => [b.id, b.done, b.total, b.earned])).toEqual([
      ['module:m1', 2, 4, false],
      ['module:m2', 0, 2, false],
      ['all-quizzes', 0, 2, false],
      ['all-challenges', 0, 1, false],
      ['course', 2, 6, false],
    ]);
    // one challenge left beats two units left in m1 and m2
    expect(nextBadge(outline, s)?.id).toBe('all-challenges');
    s = recordChallengeDone(s, 'm1/c1', true);
    expect(nextBadge(outline, s)?.id).toBe('module:m1');
    s = recordView(s, 'm2/s2');
    s = recordQuizAttempt(s, 'm1/q1', 3, true, outline.points);
    s = recordQuizAttempt(s, 'm2/q2', 1, true, outline.points);
    expect(nextBadge(outline, s)).toBeUndefined();
  });

  it('offers no badge whose criterion counts no unit', () => {
    const noChallenges = {
      ...outline,
      modules: outline.modules.map((m) => ({
        ...m,
        units: m.units.filter((u) => u.kind !== 'challenge'),
      })),
    };
    expect(badgeProgress(noChallenges, emptyProgress()).map((b) => b.id)).not.toContain(
      'all-challenges',
    );
  });
});

describe('progress storage', () => {
  it('round-trips progress', () => {
    const storage = new MemoryStorage();
    const s = recordQuizAttempt(
      recordView(emptyProgress(), 'm1/l1'),
      'm1/q1',
      2,
      true,
      outline.points,
    );
    expect(saveProgress(storage, 'demo', s)).toBeUndefined();
    expect(loadProgress(storage, 'demo')).toEqual({ state: s, warnings: [] });
  });

  it('sets corrupted data aside with a warning and starts fresh', () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey('demo'), '{not json');
    const loaded = loadProgress(storage, 'demo');
    expect(loaded.state).toEqual(emptyProgress());
    expect(loaded.warnings[0]).toMatch(/not valid JSON/);
    expect(storage.getItem(`${storageKey('demo')}:backup`)).toBe('{not json');
  });

  it('keeps the good parts of foreign or tampered data', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      storageKey('demo'),
      JSON.stringify({
        version: 1,
        units: { 'm1/l1': { viewed: true }, 'm1/q1': { bestCorrect: 'lots', passed: 'yes' }, x: 5 },
        questionnaire: { pre: { answers: { a: 4, b: 99 }, at: '2026-01-01' } },
      }),
    );
    const loaded = loadProgress(storage, 'demo');
    expect(loaded.state.units).toEqual({ 'm1/l1': { viewed: true }, 'm1/q1': {} });
    expect(loaded.state.questionnaire.pre).toEqual({ answers: { a: 4 }, at: '2026-01-01' });
    expect(loaded.warnings).toEqual(['ignored malformed progress for x']);
    const foreign = new MemoryStorage();
    foreign.setItem(storageKey('demo'), JSON.stringify({ version: 7, whatever: true }));
    expect(loadProgress(foreign, 'demo').warnings[0]).toMatch(/unknown format/);
  });

  it('a full storage is a warning, not an exception', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(saveProgress(storage, 'demo', emptyProgress())).toMatch(/QuotaExceededError/);
    expect(loadProgress(undefined, 'demo').warnings[0]).toMatch(/not available/);
  });
});

describe('verification code', () => {
  it('is stable for the same completion and changes with the name, date or course', () => {
    const code = verificationCode('demo', 'Amina Yusuf', '2026-11-25');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(verificationCode('demo', ' Amina Yusuf ', '2026-11-25')).toBe(code);
    expect(verificationCode('demo', 'Amina Yusuf', '2026-11-26')).not.toBe(code);
    expect(verificationCode('demo', 'Amina Yusef', '2026-11-25')).not.toBe(code);
    expect(verificationCode('other', 'Amina Yusuf', '2026-11-25')).not.toBe(code);
    expect(verificationCode('demo', 'أمينة يوسف', '2026-11-25')).toMatch(/^.{4}-.{4}-.{4}$/);
  });
});

describe('questionnaire change', () => {
  it('scores reversed items in reverse and reports per item and overall', () => {
    const q = outline.questionnaire!;
    const change = questionnaireChange(
      q,
      { answers: { a: 2, b: 4 }, at: 'x' },
      { answers: { a: 4, b: 2 }, at: 'y' },
    );
    expect(change.items).toEqual([
      { id: 'a', pre: 2, post: 4, change: 2 },
      { id: 'b', pre: 2, post: 4, change: 2 },
    ]);
    expect(change).toMatchObject({ preMean: 2, postMean: 4, improvementPercent: 50 });
    expect(
      questionnaireChange(q, { answers: { a: 3 }, at: 'x' }).improvementPercent,
    ).toBeUndefined();
  });
});

describe('ordering and matching', () => {
  const ordering: ScorableQuestion = {
    id: 'o',
    type: 'ordering',
    options: ['a', 'b', 'c'],
    correct: ['c', 'a', 'b'],
  };
  const matching: ScorableQuestion = {
    id: 'm',
    type: 'matching',
    options: ['a=x', 'a=y', 'b=x', 'b=y'],
    correct: ['a=y', 'b=x'],
  };

  it('an ordering question needs the exact sequence', () => {
    expect(scoreQuestion(ordering, ['c', 'a', 'b']).correct).toBe(true);
    expect(scoreQuestion(ordering, ['a', 'b', 'c']).correct).toBe(false);
    expect(scoreQuestion(ordering, ['c', 'a']).correct).toBe(false);
    expect(scoreQuestion(ordering, ['c', 'a', 'z'])).toEqual({
      id: 'o',
      correct: false,
      unknown: ['z'],
    });
  });

  it('a matching question needs every pair, in any order', () => {
    expect(scoreQuestion(matching, ['b=x', 'a=y']).correct).toBe(true);
    expect(scoreQuestion(matching, ['a=y']).correct).toBe(false);
    expect(scoreQuestion(matching, ['a=x', 'b=y']).correct).toBe(false);
  });
});

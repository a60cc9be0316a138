/**
 * SCORM suspend_data: progress round-trips through the compact text, a learner who did everything
 * in the demo course (and in a course ten times its size) fits SCORM 1.2's 4,096 characters, and
 * foreign, corrupted or outdated text gives empty or partial progress with warnings, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { readCourse } from '../../compiler/sources/read-course.ts';
import { courseOutline } from '../../compiler/model/course-outline.ts';
import { unitKey, type CourseOutline } from '../../runtime/logic/course-outline.ts';
import { emptyProgress, type ProgressState } from '../../runtime/logic/progress.ts';
import { sanitizeProgress } from '../../runtime/logic/progress-store.ts';
import {
  decodeSuspendData,
  encodeSuspendData,
  SUSPEND_DATA_LIMIT,
} from '../../runtime/logic/suspend-data.ts';
import { demoCourseDir } from '../helpers/demo-course.ts';

/** What CMIString4096 carries through every LMS we know of. */
const SAFE = /^[A-Za-z0-9;._-]*$/;

const points = {
  lessonViewed: 10,
  correctAnswer: 5,
  challengeDone: 20,
  replayCountsOnlyIfBetter: true,
};

const outline: CourseOutline = {
  id: 'demo',
  points,
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
        { id: 'l2', kind: 'lesson' },
        { id: 's2', kind: 'infosheet' },
        { id: 'q2', kind: 'quiz', questions: 40, passMark: 50 },
      ],
    },
  ],
  questionnaire: {
    id: 'attitudes',
    scale: 11,
    items: ['i1', 'i2', 'i3', 'i4'].map((id) => ({ id, reversed: id === 'i3' })),
  },
};

const keysOf = (o: CourseOutline) =>
  o.modules.flatMap((m) => m.units.map((u) => unitKey(m.id, u.id)));

/** Every unit done with the highest counts, both questionnaire phases answered in full. */
function fullState(o: CourseOutline, name: string, bestCorrect?: number): ProgressState {
  const state = emptyProgress();
  for (const m of o.modules)
    for (const u of m.units)
      state.units[unitKey(m.id, u.id)] = {
        viewed: true,
        watched: true,
        passed: true,
        done: true,
        bestCorrect: bestCorrect ?? u.questions ?? 0,
        attempts: 9999,
      };
  const items = o.questionnaire?.items ?? [];
  const answers = (shift: number) =>
    Object.fromEntries(items.map((item, i) => [item.id, ((i + shift) % 11) + 1]));
  state.questionnaire.pre = { answers: answers(0), at: '2025-01-31T23:59:59.000Z' };
  state.questionnaire.post = { answers: answers(5), at: '2025-03-14T09:26:53.000Z' };
  state.name = name;
  state.completedAt = '2025-03-14';
  return state;
}

/** 200 UTF-16 units of Arabic and Chinese letters with spaces. */
const worldName = 'محمد بن سلمان 王小明 ليلى 张伟 '.repeat(20).slice(0, 200);

function roundTrip(o: CourseOutline, state: ProgressState) {
  const text = encodeSuspendData(o, state);
  expect(text).toMatch(SAFE);
  expect(text.startsWith('p1;')).toBe(true);
  const decoded = decodeSuspendData(o, text);
  expect(decoded.warnings).toEqual([]);
  // The same text again: the launcher skips writing when nothing changed.
  expect(encodeSuspendData(o, decoded.state)).toBe(text);
  return { text, state: decoded.state };
}

describe('suspend_data round trip', () => {
  it('keeps empty progress', () => {
    const { text, state } = roundTrip(outline, emptyProgress());
    expect(state).toEqual(emptyProgress());
    expect(text.length).toBeLessThan(30);
  });

  it('keeps partial progress', () => {
    const state: ProgressState = {
      version: 1,
      units: {
        'm1/v1': { viewed: true },
        'm1/q1': { viewed: true, attempts: 2, bestCorrect: 1, passed: false },
        'm2/q2': { bestCorrect: 0 },
        'm2/s2': { viewed: true },
      },
      questionnaire: { pre: { answers: { i1: 3, i3: 11 }, at: '2025-02-01T10:00:00.000Z' } },
    };
    const expected = structuredClone(state);
    delete expected.units['m1/q1'].passed; // false is the same as absent
    expect(roundTrip(outline, state).state).toEqual(expected);
  });

  it('keeps everything of a finished course', () => {
    const state = fullState(outline, worldName);
    expect(roundTrip(outline, state).state).toEqual(state);
  });

  it('keeps names exactly, whatever they hold', () => {
    const names = [
      '',
      ' ',
      "Ana María Ó'Brien-Núñez",
      'quotes " \\ < > & % + ; . ~ \u0000 \n \t',
      'emoji 👩🏽‍⚕️ and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
      'cut in a pair 👩'.slice(0, -1),
      '\udc00 lone low first',
    ];
    for (const name of names) {
      const state = { ...emptyProgress(), name };
      expect(roundTrip(outline, state).state.name).toBe(name);
    }
    const long = { ...emptyProgress(), name: 'x'.repeat(300) };
    expect(roundTrip(outline, long).state.name).toBe('x'.repeat(200));
  });

  it('keeps timestamps to the second and dates as dates', () => {
    const at = (value: string) => {
      const state = emptyProgress();
      state.questionnaire.post = { answers: {}, at: value };
      state.completedAt = value;
      const back = roundTrip(outline, state).state;
      expect(back.questionnaire.post!.at).toBe(back.completedAt);
      return back.completedAt;
    };
    expect(at('2025-03-14T09:26:53.589Z')).toBe('2025-03-14T09:26:53.000Z');
    expect(at('2025-03-14T09:26:53Z')).toBe('2025-03-14T09:26:53.000Z');
    expect(at('1970-01-01T00:00:00.000Z')).toBe('1970-01-01T00:00:00.000Z');
    expect(at('2025-03-14')).toBe('2025-03-14');
    // Anything else is kept as written (up to 64 characters).
    expect(at('2025-03-14T10:26:53+01:00')).toBe('2025-03-14T10:26:53+01:00');
    expect(at('1969-07-20')).toBe('1969-07-20');
    expect(at('2025-02-30')).toBe('2025-02-30');
    expect(at('yesterday')).toBe('yesterday');
    expect(at('')).toBe('');
    expect(at('y'.repeat(100))).toBe('y'.repeat(64));
  });

  it('keeps what sanitizeProgress keeps and leaves out what the outline cannot address', () => {
    const raw = {
      version: 1,
      units: {
        'm1/l1': { viewed: true, attempts: 10_000, bestCorrect: -1 },
        'm1/v1': { watched: 'yes', attempts: 1.5 },
        'm2/q2': { bestCorrect: 9999, attempts: 0, passed: true },
        'gone/unit': { viewed: true },
      },
      questionnaire: {
        pre: { answers: { i1: 12, i2: 0, i4: 11, gone: 5 }, at: '2025-01-01T00:00:00.000Z' },
        post: { answers: {}, at: 7 },
      },
      name: 42,
      completedAt: '2025-01-02',
    };
    const { state } = roundTrip(outline, raw as unknown as ProgressState);
    const sanitized = sanitizeProgress(raw, []);
    expect(state).toEqual({
      ...sanitized,
      units: { 'm1/l1': { viewed: true }, 'm2/q2': sanitized.units['m2/q2'] },
      questionnaire: { pre: { answers: { i4: 11 }, at: '2025-01-01T00:00:00.000Z' } },
    });
  });

  it('handles an outline without units or questionnaire', () => {
    const bare: CourseOutline = { id: 'bare', points, modules: [] };
    const state = fullState(outline, 'Ana');
    const back = roundTrip(bare, state).state;
    expect(back.units).toEqual({});
    expect(back.questionnaire.pre).toEqual({ answers: {}, at: state.questionnaire.pre!.at });
    expect(back.name).toBe('Ana');
  });
});

describe('suspend_data size', () => {
  const { course, diagnostics } = readCourse(demoCourseDir);
  const demo = courseOutline(course!);

  it('reads the demo course', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(keysOf(demo).length).toBeGreaterThanOrEqual(30);
    expect(demo.questionnaire!.items.length).toBeGreaterThan(10);
  });

  it('a learner who did everything in the demo course fits in 4,096 characters', () => {
    const state = fullState(demo, worldName);
    expect(state.name).toHaveLength(200);
    const { text, state: back } = roundTrip(demo, state);
    expect(back).toEqual(state);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    // With room to spare, units carry their key hash (a republished course keeps progress).
    expect(text.split(';')[1]).toMatch(/k$/);
    expect(text.length).toBeLessThan(1000);
  });

  it('a course with ten times as many units still fits', () => {
    const big: CourseOutline = {
      ...demo,
      id: 'big',
      modules: Array.from({ length: 10 }, (_, m) => ({
        id: `module-${m + 1}`,
        units: Array.from({ length: 40 }, (_, u) =>
          u % 8 === 7
            ? { id: `unit-${u + 1}-quiz`, kind: 'quiz' as const, questions: 20, passMark: 60 }
            : { id: `unit-${u + 1}-lesson`, kind: 'lesson' as const },
        ),
      })),
    };
    const chinese = '王小明张伟李娜刘洋陈静'.repeat(20).slice(0, 200);
    const realistic = roundTrip(big, fullState(big, chinese));
    expect(realistic.text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    expect(realistic.state).toEqual(fullState(big, chinese));
    // The worst the ranges allow: every count 9,999. Key hashes are left out to fit.
    const worst = fullState(big, chinese, 9999);
    const { text, state } = roundTrip(big, worst);
    expect(state).toEqual(worst);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    expect(text.split(';')[1]).not.toMatch(/k$/);
  });
});

describe('suspend_data from elsewhere', () => {
  const state = fullState(outline, worldName);
  const text = encodeSuspendData(outline, state);

  const fresh = (o: CourseOutline, input: string) => {
    const result = decodeSuspendData(o, input);
    expect(result.state).toEqual(emptyProgress());
    expect(result.warnings).toHaveLength(1);
    return result.warnings[0];
  };

  it('reads nothing as a first launch', () => {
    expect(decodeSuspendData(outline, '')).toEqual({ state: emptyProgress(), warnings: [] });
    expect(decodeSuspendData(outline, '  ')).toEqual({ state: emptyProgress(), warnings: [] });
    expect(decodeSuspendData(outline, `${text}\n`).state).toEqual(state);
  });

  it('refuses foreign text', () => {
    for (const input of [
      JSON.stringify(state),
      'bookmark=page7',
      '<xml/>',
      'p1',
      'p1;',
      'P1;abc',
      '\u0000'.repeat(5000),
    ])
      expect(fresh(outline, input)).toMatch(/not in a format|corrupted/);
    expect(decodeSuspendData(outline, null as unknown as string).state).toEqual(emptyProgress());
  });

  it('names an unknown version', () => {
    expect(fresh(outline, `p2${text.slice(2)}`)).toMatch(/format version p2/);
    expect(fresh(outline, 'p10;whatever')).toMatch(/format version p10/);
  });

  it('refuses every truncation and every changed character', () => {
    for (let end = 1; end < text.length; end++)
      expect(fresh(outline, text.slice(0, end))).toMatch(/not in a format|corrupted/);
    const symbols = 'A9z_-.;t~';
    for (let i = 0; i < text.length; i++)
      for (const c of symbols) {
        if (text[i] === c) continue;
        const changed = text.slice(0, i) + c + text.slice(i + 1);
        expect(() => decodeSuspendData(outline, changed)).not.toThrow();
        expect(decodeSuspendData(outline, changed).warnings).not.toEqual([]);
      }
  });

  it('never throws on random sections, even behind a valid checksum', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 8) % n;
    };
    const alphabet = '0123456789ABVWXYZabkst-_.;';
    const sections = text.split(';');
    let accepted = 0;
    for (let round = 0; round < 5000; round++) {
      const changed = [...sections];
      const at = 1 + random(7);
      changed[at] = Array.from({ length: random(12) }, () => alphabet[random(alphabet.length)])
        .join('')
        .replace(/^/, random(2) ? changed[at].slice(0, random(changed[at].length + 1)) : '');
      const body = changed.slice(0, 8).join(';') + ';';
      for (const input of [body, withChecksum(body)]) {
        const result = decodeSuspendData(outline, input);
        expect(result.state.version).toBe(1);
        if (result.warnings.length) continue;
        accepted++;
        expect(encodeSuspendData(outline, result.state)).toMatch(SAFE);
      }
    }
    // Some random sections are well-formed: the parsers were reached.
    expect(accepted).toBeGreaterThan(100);
  });

  it('moves progress to the units of a republished course by key', () => {
    const [first, second] = outline.modules;
    const reordered: CourseOutline = {
      ...outline,
      modules: [{ ...second, units: [...second.units].reverse() }, first],
    };
    const moved = decodeSuspendData(reordered, text);
    expect(moved.state).toEqual(state);
    expect(moved.warnings).toEqual([expect.stringMatching(/changed.*matched by unit key$/)]);

    const shorter: CourseOutline = {
      ...outline,
      modules: [{ ...first, units: first.units.filter((u) => u.id !== 'q1') }, second],
    };
    const partial = decodeSuspendData(shorter, text);
    const expected = structuredClone(state);
    delete expected.units['m1/q1'];
    expect(partial.state).toEqual(expected);
    expect(partial.warnings).toEqual([
      expect.stringMatching(/7 units then, 6 now.*1 units the course no longer has was dropped/),
    ]);
  });

  it('drops unit progress when the outline changed and units carry no key hash', () => {
    const unkeyed = encodeSuspendData(outline, state, 100);
    expect(unkeyed.split(';')[1]).not.toMatch(/k$/);
    expect(decodeSuspendData(outline, unkeyed).state).toEqual(state);
    const renamed: CourseOutline = {
      ...outline,
      modules: [outline.modules[0], { ...outline.modules[1], id: 'm2-new' }],
    };
    const result = decodeSuspendData(renamed, unkeyed);
    expect(result.state).toEqual({ ...state, units: {} });
    expect(result.warnings).toEqual([
      expect.stringMatching(/units changed.*progress of 7 units was dropped/),
    ]);
  });

  it('drops questionnaire answers when the questionnaire changed', () => {
    const items = [...outline.questionnaire!.items].reverse();
    const changed: CourseOutline = {
      ...outline,
      questionnaire: { ...outline.questionnaire!, items },
    };
    const result = decodeSuspendData(changed, text);
    expect(result.state).toEqual({ ...state, questionnaire: {} });
    expect(result.warnings).toEqual([
      expect.stringMatching(/questionnaire changed.*pre answers/),
      expect.stringMatching(/questionnaire changed.*post answers/),
    ]);
  });
});

/** The format's checksum (FNV-1a + murmur3 finalizer, 4 symbols), to build texts that pass it. */
function withChecksum(body: string): string {
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  let h = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  let out = body;
  for (let i = 0; i < 4; i++, h >>>= 6) out += digits[h & 63];
  return out;
}

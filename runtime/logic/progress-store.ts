/**
 * Progress in localStorage, one key per course (shared by all its locales, so switching language
 * keeps progress). Hostile or broken storage never throws: corrupted or foreign data is set aside
 * under a backup key and reported as a warning; a full or disabled storage keeps progress in
 * memory.
 */
import { emptyProgress, type ProgressState, type UnitProgress } from './progress.ts';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface LoadResult {
  state: ProgressState;
  warnings: string[];
}

export const storageKey = (courseId: string) => `polycourse:${courseId}:progress`;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keep what is well-formed, drop what is not (with a warning each). */
export function sanitizeProgress(raw: unknown, warnings: string[]): ProgressState {
  const state = emptyProgress();
  if (!isRecord(raw) || raw.version !== 1) {
    warnings.push(
      'stored progress has an unknown format; starting fresh (the old data is kept as a backup)',
    );
    return state;
  }
  if (isRecord(raw.units)) {
    for (const [key, value] of Object.entries(raw.units)) {
      if (!isRecord(value)) {
        warnings.push(`ignored malformed progress for ${key}`);
        continue;
      }
      const unit: UnitProgress = {};
      for (const flag of ['viewed', 'watched', 'passed', 'done'] as const)
        if (value[flag] === true) unit[flag] = true;
      for (const count of ['bestCorrect', 'attempts'] as const) {
        const n = value[count];
        if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 10_000) unit[count] = n;
      }
      state.units[key] = unit;
    }
  }
  if (isRecord(raw.questionnaire)) {
    for (const phase of ['pre', 'post'] as const) {
      const r = raw.questionnaire[phase];
      if (isRecord(r) && isRecord(r.answers) && typeof r.at === 'string') {
        const answers: Record<string, number> = {};
        for (const [item, v] of Object.entries(r.answers))
          if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 11) answers[item] = v;
        state.questionnaire[phase] = { answers, at: r.at };
        if (typeof r.consent === 'string' && r.consent.length <= 100)
          state.questionnaire[phase].consent = r.consent;
      }
    }
  }
  if (typeof raw.name === 'string') state.name = raw.name.slice(0, 200);
  if (typeof raw.completedAt === 'string') state.completedAt = raw.completedAt;
  return state;
}

export function loadProgress(storage: KeyValueStorage | undefined, courseId: string): LoadResult {
  const warnings: string[] = [];
  if (!storage)
    return {
      state: emptyProgress(),
      warnings: ['storage is not available; progress lasts until the page closes'],
    };
  let text: string | null = null;
  try {
    text = storage.getItem(storageKey(courseId));
  } catch (error) {
    return {
      state: emptyProgress(),
      warnings: [
        `cannot read storage (${(error as Error).message}); progress lasts until the page closes`,
      ],
    };
  }
  if (text === null) return { state: emptyProgress(), warnings };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    warnings.push(
      'stored progress is not valid JSON; starting fresh (the old data is kept as a backup)',
    );
  }
  const state = raw === undefined ? emptyProgress() : sanitizeProgress(raw, warnings);
  if (warnings.length) {
    try {
      storage.setItem(`${storageKey(courseId)}:backup`, text);
    } catch {
      /* best effort */
    }
  }
  return { state, warnings };
}

/** Save; returns a warning instead of throwing when storage is full or refused. */
export function saveProgress(
  storage: KeyValueStorage | undefined,
  courseId: string,
  state: ProgressState,
): string | undefined {
  if (!storage) return 'storage is not available';
  try {
    storage.setItem(storageKey(courseId), JSON.stringify(state));
    return undefined;
  } catch (error) {
    return (
      `progress could not be saved (${(error as Error).name}: ` +
      `${(error as Error).message}); it is kept for this visit`
    );
  }
}

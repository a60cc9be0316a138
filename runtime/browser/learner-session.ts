/**
 * The page's learner session: progress loaded once, every change saved and announced as an event.
 */
import { loadProgress, saveProgress, type KeyValueStorage } from '../logic/progress-store.ts';
import { summarize, type ProgressState } from '../logic/progress.ts';
import type { CourseOutline } from '../logic/course-outline.ts';
import type { LearnerEvents } from './learner-events.ts';

/**
 * Where progress is kept: localStorage; in a preview of drafts (`data-preview`), the tab's
 * sessionStorage, so trying a draft never changes the published course's progress.
 */
function localStorageOrUndefined(): KeyValueStorage | undefined {
  try {
    return document.body?.hasAttribute('data-preview')
      ? window.sessionStorage
      : window.localStorage;
  } catch {
    return undefined; // blocked (privacy settings, sandboxed frames)
  }
}

export function createLearnerSession(outline: CourseOutline, events: LearnerEvents) {
  const storage = localStorageOrUndefined();
  const loaded = loadProgress(storage, outline.id);
  for (const w of loaded.warnings) console.warn(`[polycourse] ${w}`);
  let state: ProgressState = loaded.state;
  const listeners = new Set<(s: ProgressState) => void>();
  return {
    get state() {
      return state;
    },
    update(change: (s: ProgressState) => ProgressState) {
      const before = summarize(outline, state);
      state = change(state);
      const after = summarize(outline, state);
      if (after.courseComplete && !state.completedAt)
        state = { ...state, completedAt: new Date().toISOString().slice(0, 10) };
      const warning = saveProgress(storage, outline.id, state);
      if (warning) console.warn(`[polycourse] ${warning}`);
      if (after.points !== before.points) events.emit({ type: 'points', points: after.points });
      if (after.courseComplete && !before.courseComplete)
        events.emit({ type: 'course-completed', points: after.points });
      for (const l of listeners) l(state);
    },
    onChange(listener: (s: ProgressState) => void) {
      listeners.add(listener);
    },
  };
}
export type LearnerSession = ReturnType<typeof createLearnerSession>;

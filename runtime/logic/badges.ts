/**
 * Badges earned from progress: one per completed module, all quizzes passed, all challenges done.
 */
import { unitKey, type CourseOutline } from './course-outline.ts';
import { summarize, unitComplete, type ProgressState } from './progress.ts';

export type Badge =
  | { kind: 'module'; moduleId: string }
  | { kind: 'all-quizzes' }
  | { kind: 'all-challenges' }
  | { kind: 'course' };

export function earnedBadges(outline: CourseOutline, state: ProgressState): Badge[] {
  const summary = summarize(outline, state);
  const badges: Badge[] = outline.modules
    .filter((m) => summary.modules[m.id].complete)
    .map((m) => ({ kind: 'module', moduleId: m.id }));
  const all = (kind: 'quiz' | 'challenge') => {
    const units = outline.modules.flatMap((m) =>
      m.units.filter((u) => u.kind === kind).map((u) => ({ m, u })),
    );
    return (
      units.length > 0 &&
      units.every(({ m, u }) => unitComplete(u, state.units[unitKey(m.id, u.id)]))
    );
  };
  if (all('quiz')) badges.push({ kind: 'all-quizzes' });
  if (all('challenge')) badges.push({ kind: 'all-challenges' });
  if (summary.courseComplete) badges.push({ kind: 'course' });
  return badges;
}

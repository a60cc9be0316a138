/**
 * Badges earned from progress: one per completed module, all quizzes passed, all challenges done,
 * the course completed. Each badge counts the units its criterion needs, so a page can say what
 * the next one still needs.
 */
import { unitKey, type CourseOutline, type OutlineUnit } from './course-outline.ts';
import { unitComplete, type ProgressState } from './progress.ts';

export type Badge =
  | { kind: 'module'; moduleId: string }
  | { kind: 'all-quizzes' }
  | { kind: 'all-challenges' }
  | { kind: 'course' };

export interface BadgeProgress {
  badge: Badge;
  /** `module:<id>`, `all-quizzes`, `all-challenges`, `course`: the badge's id in pages */
  id: string;
  /** units its criterion counts, and how many of them are complete */
  done: number;
  total: number;
  earned: boolean;
}

/** A badge's id in pages and events. */
export const badgeId = (badge: Badge) =>
  badge.kind === 'module' ? `module:${badge.moduleId}` : badge.kind;

/**
 * Every badge the course offers, in a fixed order (modules, quizzes, challenges, course), with the
 * learner's progress towards it. A badge whose criterion counts no unit (a course without
 * challenges) is not offered.
 */
export function badgeProgress(outline: CourseOutline, state: ProgressState): BadgeProgress[] {
  const complete = (moduleId: string, u: OutlineUnit) =>
    unitComplete(u, state.units[unitKey(moduleId, u.id)]);
  const count = (badge: Badge, units: { moduleId: string; u: OutlineUnit }[]): BadgeProgress => {
    const done = units.filter(({ moduleId, u }) => complete(moduleId, u)).length;
    const total = units.length;
    return { badge, id: badgeId(badge), done, total, earned: done === total };
  };
  const all = outline.modules.flatMap((m) => m.units.map((u) => ({ moduleId: m.id, u })));
  const ofKind = (kind: OutlineUnit['kind']) => all.filter(({ u }) => u.kind === kind);
  return [
    ...outline.modules.map((m) =>
      count(
        { kind: 'module', moduleId: m.id },
        m.units.map((u) => ({ moduleId: m.id, u })),
      ),
    ),
    count({ kind: 'all-quizzes' }, ofKind('quiz')),
    count({ kind: 'all-challenges' }, ofKind('challenge')),
    count({ kind: 'course' }, all),
  ].filter((b) => b.total > 0);
}

export function earnedBadges(outline: CourseOutline, state: ProgressState): Badge[] {
  return badgeProgress(outline, state)
    .filter((b) => b.earned)
    .map((b) => b.badge);
}

/**
 * The badge closest to being earned (fewest units left; the first in course order on a tie), or
 * undefined when every badge is earned.
 */
export function nextBadge(outline: CourseOutline, state: ProgressState): BadgeProgress | undefined {
  let best: BadgeProgress | undefined;
  for (const b of badgeProgress(outline, state))
    if (!b.earned && (!best || b.total - b.done < best.total - best.done)) best = b;
  return best;
}

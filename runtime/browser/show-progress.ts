/**
 * Shows the learner's progress wherever the page has a place for it: done marks in the course map
 * and lists, points, units and badges in the header, the home page's map (runtime/browser/
 * course-map.ts), the badges page. A change made on this page (a lesson viewed, a quiz passed)
 * is also told in a short notice: the points just earned, a new badge, what the next one needs.
 */
import { badgeProgress, nextBadge, type BadgeProgress } from '../logic/badges.ts';
import { summarize, unitComplete, type ProgressState } from '../logic/progress.ts';
import { unitKey } from '../logic/course-outline.ts';
import { showCourseMap } from './course-map.ts';
import type { PageServices } from './page-services.ts';

/** A badge's name in the page's language (the badges page shows the same strings). */
export function badgeName({ t, moduleTitles }: PageServices, b: BadgeProgress): string {
  switch (b.badge.kind) {
    case 'module':
      return t('runtime.badge.module.name', { module: moduleTitles[b.badge.moduleId] ?? '' });
    case 'all-quizzes':
      return t('runtime.badge.allQuizzes.name');
    case 'all-challenges':
      return t('runtime.badge.allChallenges.name');
    case 'course':
      return t('runtime.badge.course.name');
  }
}

function nextBadgeText(services: PageServices, state: ProgressState): string {
  const next = nextBadge(services.outline, state);
  return next
    ? services.t('runtime.badge.next', {
        name: badgeName(services, next),
        left: next.total - next.done,
      })
    : '';
}

export function showProgress(services: PageServices): void {
  const { session, outline, t } = services;
  const render = () => {
    const summary = summarize(outline, session.state);
    for (const link of document.querySelectorAll<HTMLElement>('[data-unit-link]')) {
      const [moduleId, unitId] = link.dataset.unitLink!.split('/');
      const unit = outline.modules
        .find((m) => m.id === moduleId)
        ?.units.find((u) => u.id === unitId);
      const done = Boolean(
        unit && unitComplete(unit, session.state.units[unitKey(moduleId, unitId)]),
      );
      link.classList.toggle('done', done);
      let mark = link.querySelector('.done-mark');
      if (done && !mark) {
        mark = document.createElement('span');
        mark.className = 'done-mark';
        mark.textContent = ` ✓ ${t('runtime.unit.done')}`;
        link.append(mark);
      } else if (!done && mark) mark.remove();
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-module-progress]')) {
      const m = summary.modules[el.dataset.moduleProgress!];
      if (m) el.textContent = t('runtime.module.progress', { done: m.done, total: m.total });
    }
    const badges = badgeProgress(outline, session.state);
    const status = document.querySelector<HTMLElement>('.learner-status');
    if (status) {
      status.hidden = false;
      const { done, total } = summary.units;
      const text = [
        t('runtime.points', { points: summary.points }),
        t('runtime.progress', { done, total }),
        t('runtime.badges', { count: badges.filter((b) => b.earned).length }),
      ].join(t('runtime.separator'));
      (status.querySelector('a') ?? status).textContent = text;
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-badge]')) {
      const b = badges.find((x) => x.id === el.dataset.badge);
      const state = el.querySelector<HTMLElement>('.badge-state');
      if (!b || !state) continue;
      el.classList.toggle('earned', b.earned);
      state.hidden = false;
      state.textContent = b.earned
        ? t('runtime.badge.earned')
        : t('runtime.module.progress', { done: b.done, total: b.total });
    }
    for (const el of document.querySelectorAll<HTMLElement>('.next-badge')) {
      el.textContent = nextBadgeText(services, session.state);
      el.hidden = !el.textContent;
    }
    showCourseMap(services, summary);
  };
  render();

  // What this page view adds is told once, in the header's polite status region.
  const toast = document.querySelector<HTMLElement>('.points-toast');
  let before = session.state;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  session.onChange((state) => {
    render();
    const gained = summarize(outline, state).points - summarize(outline, before).points;
    const earnedBefore = new Set(
      badgeProgress(outline, before)
        .filter((b) => b.earned)
        .map((b) => b.id),
    );
    const newBadges = badgeProgress(outline, state).filter(
      (b) => b.earned && !earnedBefore.has(b.id),
    );
    before = state;
    if (!toast || (gained <= 0 && !newBadges.length)) return;
    toast.textContent = [
      gained > 0 ? t('runtime.points.gained', { points: gained }) : '',
      ...newBadges.map((b) => t('runtime.badge.new', { name: badgeName(services, b) })),
      nextBadgeText(services, state),
    ]
      .filter(Boolean)
      .join(t('runtime.separator'));
    // Restart the animation (the stylesheet leaves it out under prefers-reduced-motion).
    toast.classList.remove('shown');
    void toast.offsetWidth;
    toast.classList.add('shown');
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => toast.classList.remove('shown'), 8000);
  });
}

/**
 * Marks what is done in the course map and lists, and shows points, progress and badges in the
 * header.
 */
import { earnedBadges } from '../logic/badges.ts';
import { summarize, unitComplete } from '../logic/progress.ts';
import { unitKey } from '../logic/course-outline.ts';
import type { PageServices } from './page-services.ts';

export function showProgress({ session, outline, t }: PageServices): void {
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
    const status = document.querySelector<HTMLElement>('.learner-status');
    if (status) {
      status.hidden = false;
      const { done, total } = summary.units;
      status.textContent = [
        t('runtime.points', { points: summary.points }),
        t('runtime.progress', { done, total }),
        t('runtime.badges', { count: earnedBadges(outline, session.state).length }),
      ].join(t('runtime.separator'));
    }
  };
  render();
  session.onChange(render);
}

/**
 * The course home as a map (themes/default/templates.ts `homeContent`): fills each module's
 * progress ring, shows the one next step that fits the learner (the questionnaire first, then the
 * first unit not done, the questionnaire again, the certificate) and says what the certificate
 * still needs while it is locked. Other pages have none of these places; nothing happens there.
 */
import type { ProgressSummary } from '../logic/progress.ts';
import type { PageServices } from './page-services.ts';

type Step = 'pre' | 'continue' | 'post' | 'certificate';

export function showCourseMap({ session, outline, t }: PageServices, summary: ProgressSummary) {
  const steps = document.querySelectorAll<HTMLAnchorElement>('.next-step[data-step]');
  if (!steps.length) return;

  for (const card of document.querySelectorAll<HTMLElement>('.module-card[data-module]')) {
    const m = summary.modules[card.dataset.module!];
    if (!m) continue;
    const percent = m.total ? Math.round((100 * m.done) / m.total) : 0;
    card.querySelector('.progress-ring-fill')?.setAttribute('stroke-dasharray', `${percent} 100`);
    card.classList.toggle('complete', m.complete);
  }

  const answered = session.state.questionnaire;
  const step: Step =
    outline.questionnaire && !answered.pre
      ? 'pre'
      : !summary.courseComplete
        ? 'continue'
        : outline.questionnaire && !answered.post
          ? 'post'
          : 'certificate';
  for (const link of steps) link.hidden = link.dataset.step !== step;
  const next = document.querySelector<HTMLElement>('.module-map [data-unit-link]:not(.done)');
  const go = document.querySelector<HTMLAnchorElement>('.next-step[data-step="continue"]');
  // Before anything is done the link keeps its "Start the course" and the first unit.
  if (step === 'continue' && next && go && summary.units.done > 0) {
    go.href = next.getAttribute('href')!;
    go.textContent = t('runtime.home.continue', {
      unit: next.querySelector('.unit-title')?.textContent ?? '',
    });
  }

  const locked = document.querySelector<HTMLElement>('.certificate-link .locked-note');
  if (locked) {
    locked.hidden = summary.courseComplete;
    locked.textContent = t('runtime.home.locked', {
      left: summary.units.total - summary.units.done,
    });
  }
}

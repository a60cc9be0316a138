/**
 * Challenges: the learner marks their commitment done (and can undo it); points follow the rule
 * set.
 */
import { recordChallengeDone } from '../logic/progress.ts';
import type { PageServices } from './page-services.ts';

export function enhanceChallenge(
  form: HTMLFormElement,
  unit: string,
  { session, events, t }: PageServices,
): void {
  const box = form.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
  const status = document.querySelector<HTMLElement>('.challenge-status')!;
  const points = Number(form.dataset.points ?? 0);
  form.hidden = false;
  box.checked = Boolean(session.state.units[unit]?.done);
  const show = () => {
    status.textContent = box.checked ? t('runtime.challenge.done', { points }) : '';
  };
  show();
  box.addEventListener('change', () => {
    session.update((s) => recordChallengeDone(s, unit, box.checked));
    events.emit({ type: 'challenge-done', unit, done: box.checked });
    show();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
}

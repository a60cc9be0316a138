/**
 * Certificate of completion: the learner's name as typed, the course, the date and a verification
 * code.
 */
import { summarize } from '../logic/progress.ts';
import { verificationCode } from '../logic/verification-code.ts';
import type { PageServices } from './page-services.ts';

export function enhanceCertificate(
  root: HTMLElement,
  { session, outline, t, locale }: PageServices,
): void {
  const summary = summarize(outline, session.state);
  const locked = root.querySelector<HTMLElement>('.certificate-locked')!;
  const form = root.querySelector<HTMLFormElement>('form.certificate-form')!;
  const sheet = root.querySelector<HTMLElement>('.certificate')!;
  if (!summary.courseComplete || !session.state.completedAt) {
    locked.textContent = t('runtime.certificate.locked', {
      done: summary.units.done,
      total: summary.units.total,
    });
    return;
  }
  locked.hidden = true;
  form.hidden = false;
  const input = form.querySelector<HTMLInputElement>('input[name="learner-name"]')!;
  const completedOn = session.state.completedAt;
  const render = () => {
    const name = session.state.name?.trim();
    if (!name) {
      sheet.hidden = true;
      return;
    }
    sheet.querySelector<HTMLElement>('.certificate-name')!.textContent = name;
    sheet.querySelector<HTMLElement>('.certificate-date')!.textContent = new Intl.DateTimeFormat(
      locale,
      { dateStyle: 'long' },
    ).format(new Date(`${completedOn}T12:00:00Z`));
    sheet.querySelector<HTMLElement>('.certificate-code')!.textContent = verificationCode(
      outline.id,
      name,
      completedOn,
    );
    sheet.querySelector<HTMLElement>('.certificate-points')!.textContent = t('runtime.points', {
      points: summary.points,
    });
    sheet.hidden = false;
  };
  input.value = session.state.name ?? '';
  render();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    session.update((s) => ({ ...s, name: input.value.trim().slice(0, 200) }));
    render();
    sheet.focus();
  });
  root
    .querySelector<HTMLButtonElement>('button.print-certificate')
    ?.addEventListener('click', () => window.print());
}

/**
 * The attitude questionnaire (pre and post): answers kept on this device, sent to subscribers,
 * editable.
 */
import type { PageServices } from './page-services.ts';

export function enhanceQuestionnaire(
  form: HTMLFormElement,
  { session, events, t }: PageServices,
): void {
  const phase = form.dataset.phase as 'pre' | 'post';
  const actions = form.querySelector<HTMLElement>('.questionnaire-actions')!;
  const status = form.querySelector<HTMLElement>('.questionnaire-status')!;
  actions.hidden = false;
  const saved = session.state.questionnaire[phase];
  if (saved) {
    for (const [item, value] of Object.entries(saved.answers)) {
      const input = form.querySelector<HTMLInputElement>(
        `input[name="${CSS.escape(item)}"][value="${value}"]`,
      );
      if (input) input.checked = true;
    }
    status.textContent = t('runtime.questionnaire.saved');
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answers: Record<string, number> = {};
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked'))
      answers[input.name] = Number(input.value);
    const missing = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset.likert')].filter(
      (f) => !f.querySelector('input:checked'),
    );
    if (missing.length) {
      status.textContent = t('runtime.questionnaire.missing', { count: missing.length });
      missing[0].querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    session.update((s) => ({
      ...s,
      questionnaire: { ...s.questionnaire, [phase]: { answers, at: new Date().toISOString() } },
    }));
    events.emit({ type: 'questionnaire-response', phase, answers });
    status.textContent = t('runtime.questionnaire.saved');
  });
}

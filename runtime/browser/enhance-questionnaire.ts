/**
 * The attitude questionnaire (pre and post): answers kept on this device, sent to subscribers,
 * editable. With the learner services and a consent text, a ticked consent box lets the answers
 * be shared for the evaluation; unticking it later takes them back.
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
  const consentBox = form.querySelector<HTMLFieldSetElement>('.questionnaire-consent');
  const consent = consentBox?.querySelector<HTMLInputElement>('input[name="consent"]');
  if (consentBox) consentBox.hidden = false;
  const saved = session.state.questionnaire[phase];
  if (consent) consent.checked = saved?.consent === consent.value;
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
    const agreed = consent?.checked ? consent.value : undefined;
    const sharedBefore = session.state.questionnaire[phase]?.consent !== undefined;
    session.update((s) => ({
      ...s,
      questionnaire: {
        ...s.questionnaire,
        [phase]: { answers, at: new Date().toISOString(), ...(agreed ? { consent: agreed } : {}) },
      },
    }));
    events.emit({ type: 'questionnaire-response', phase, answers, consent: agreed });
    if (!agreed && sharedBefore) events.emit({ type: 'questionnaire-withdrawn', phase });
    status.textContent = t(
      agreed
        ? 'runtime.questionnaire.shared'
        : sharedBefore
          ? 'runtime.questionnaire.withdrawn'
          : 'runtime.questionnaire.saved',
    );
  });
}

/**
 * The learner's own before/after change, per item and overall, and their answers as a JSON
 * download.
 */
import { questionnaireChange } from '../logic/questionnaire-change.ts';
import type { PageServices } from './page-services.ts';

export function showQuestionnaireResults(
  root: HTMLElement,
  { session, outline, t, locale }: PageServices,
): void {
  const q = outline.questionnaire;
  if (!q) return;
  const { pre, post } = session.state.questionnaire;
  const change = questionnaireChange(q, pre, post);
  const number = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const summary = root.querySelector<HTMLElement>('.results-summary')!;
  summary.textContent =
    change.improvementPercent === undefined
      ? t('runtime.results.incomplete')
      : t('runtime.results.summary', { change: number.format(change.improvementPercent) });
  const body = root.querySelector<HTMLTableSectionElement>('tbody')!;
  for (const row of body.rows) {
    const item = change.items.find((i) => i.id === row.dataset.item);
    const cell = (i: number, v: number | undefined, signed = false) => {
      row.cells[i].textContent = v === undefined ? '–' : signed ? number.format(v) : String(v);
    };
    cell(1, item?.pre);
    cell(2, item?.post);
    cell(3, item?.change, true);
  }
  root.querySelector<HTMLElement>('.results-table')!.hidden = false;
  const download = root.querySelector<HTMLButtonElement>('button.export-responses')!;
  // Nothing to download before the first answers.
  download.hidden = !pre && !post;
  download.addEventListener('click', () => {
    // what is stored when the learner clicks (another tab may have added answers since)
    const answers = session.state.questionnaire;
    const json = JSON.stringify(
      {
        course: outline.id,
        questionnaire: q.id,
        scale: q.scale,
        pre: answers.pre ?? null,
        post: answers.post ?? null,
      },
      null,
      2,
    );
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    link.download = `${outline.id}-${q.id}-responses.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
}

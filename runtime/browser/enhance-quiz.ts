/**
 * Quizzes: check answers, per-option and per-question feedback, pass mark, retry, announced
 * results. A retry keeps the answers and their feedback: the learner changes what was wrong, and a
 * question's feedback goes when its answer changes. The correct answer (the "Show the answer"
 * disclosure) is offered for a wrong question once the quiz is passed or after a second try, so
 * the first retry is still the learner's own.
 */
import { scoreQuiz, type ScorableQuestion } from '../logic/scoring.ts';
import { recordQuizAttempt } from '../logic/progress.ts';
import type { PageServices } from './page-services.ts';

export function enhanceQuiz(
  form: HTMLFormElement,
  unit: string,
  { session, events, t, outline }: PageServices,
): void {
  const passMark = Number(form.dataset.passMark ?? 0);
  const fieldsets = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset.question')];
  const questions: ScorableQuestion[] = fieldsets.map((f) => ({
    id: f.dataset.question!,
    type: f.dataset.type as ScorableQuestion['type'],
    options: possibleAnswers(f),
    correct: (f.dataset.correct ?? '').split(' ').filter(Boolean),
  }));
  const actions = form.querySelector<HTMLElement>('.quiz-actions')!;
  const retry = form.querySelector<HTMLButtonElement>('button.retry')!;
  const result = form.querySelector<HTMLElement>('.quiz-result')!;
  actions.hidden = false;

  const stored = session.state.units[unit];
  if (stored?.bestCorrect !== undefined && stored.bestCorrect > questions.length) {
    console.warn(
      `[polycourse] stored best score ${stored.bestCorrect} is above this quiz's ` +
        `${questions.length} questions (the quiz changed); keeping ${questions.length}`,
    );
    session.update((s) => ({
      ...s,
      units: { ...s.units, [unit]: { ...stored, bestCorrect: questions.length } },
    }));
  }
  const best = session.state.units[unit];
  if (best?.attempts)
    result.textContent = t('runtime.quiz.best', {
      correct: best.bestCorrect ?? 0,
      total: questions.length,
    });

  /** Forget one question's result: its feedback, its mark, the offered answer. */
  const clearResult = (f: HTMLFieldSetElement) => {
    for (const el of f.querySelectorAll<HTMLElement>('.option-feedback, .question-feedback'))
      el.hidden = true;
    f.classList.remove('result-correct', 'result-incorrect', 'answer-offered');
  };
  for (const f of fieldsets) f.addEventListener('change', () => clearResult(f));

  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Checked already (Enter in a field, a second click): one attempt per check.
    if (submit.hidden) return;
    const answers: Record<string, string[]> = {};
    for (const f of fieldsets) answers[f.dataset.question!] = chosenAnswers(f);
    if (Object.values(answers).every((a) => a.length === 0)) {
      result.textContent = t('runtime.quiz.empty');
      fieldsets[0]?.querySelector<HTMLElement>('input, select')?.focus();
      return;
    }
    const score = scoreQuiz(questions, answers, passMark);
    const offerAnswers = score.passed || (session.state.units[unit]?.attempts ?? 0) >= 1;
    score.questions.forEach((q, i) => {
      const f = fieldsets[i];
      clearResult(f);
      f.classList.add(q.correct ? 'result-correct' : 'result-incorrect');
      f.classList.toggle('answer-offered', !q.correct && offerAnswers);
      f.querySelector<HTMLElement>(
        `.question-feedback[data-result="${q.correct ? 'correct' : 'incorrect'}"]`,
      )!.hidden = false;
      if (!q.correct)
        for (const chosen of answers[q.id]) {
          const fb = f.querySelector<HTMLElement>(
            `.option-feedback[data-option="${CSS.escape(chosen)}"]`,
          );
          if (fb) fb.hidden = false;
        }
      for (const control of f.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        'input, select',
      ))
        control.disabled = true;
    });
    session.update((s) => recordQuizAttempt(s, unit, score.correct, score.passed, outline.points));
    events.emit({
      type: 'quiz-attempt',
      unit,
      correct: score.correct,
      total: score.total,
      percent: score.percent,
      passed: score.passed,
      answers,
    });
    const scoreText = t('runtime.quiz.score', { correct: score.correct, total: score.total });
    const verdict = t(score.passed ? 'runtime.quiz.passed' : 'runtime.quiz.failed', {
      passMark: passMark / 100,
    });
    result.textContent = `${scoreText} ${verdict}`;
    retry.hidden = false;
    submit.hidden = true;
    // The button that had focus is gone: focus goes to the result, which is read out.
    result.tabIndex = -1;
    result.focus();
  });

  retry.addEventListener('click', () => {
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      'input, select',
    ))
      control.disabled = false;
    retry.hidden = true;
    submit.hidden = false;
    result.textContent = '';
    // Back to the first question that was wrong, its feedback still beside it.
    const wrong = fieldsets.find((f) => f.classList.contains('result-incorrect')) ?? fieldsets[0];
    wrong?.querySelector<HTMLElement>('input, select')?.focus();
  });
}

const selects = (f: HTMLFieldSetElement) => [
  ...f.querySelectorAll<HTMLSelectElement>('select[data-option]'),
];

/**
 * Every answer the question's controls can express (for scoring and for spotting stale stored
 * answers).
 */
function possibleAnswers(f: HTMLFieldSetElement): string[] {
  if (f.dataset.type === 'ordering') return selects(f).map((s) => s.dataset.option!);
  if (f.dataset.type === 'matching') {
    return selects(f).flatMap((s) =>
      [...s.options].filter((o) => o.value).map((o) => `${s.dataset.option}=${o.value}`),
    );
  }
  return [...f.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value);
}

/**
 * The learner's answer: checked options; options sorted by the positions given; `option=target`
 * pairs.
 */
function chosenAnswers(f: HTMLFieldSetElement): string[] {
  if (f.dataset.type === 'ordering') {
    const given = selects(f).map((s) => ({ id: s.dataset.option!, position: Number(s.value) }));
    if (given.some((g) => !g.position)) return [];
    return given.sort((a, b) => a.position - b.position).map((g) => g.id);
  }
  if (f.dataset.type === 'matching')
    return selects(f)
      .filter((s) => s.value)
      .map((s) => `${s.dataset.option}=${s.value}`);
  return [...f.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
}

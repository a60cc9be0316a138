/** Quiz scoring: pure functions, the same in the browser and in tests (and later on a server). */
export type QuestionType = 'single' | 'multiple' | 'truefalse' | 'ordering' | 'matching';

export interface ScorableQuestion {
  id: string;
  type: QuestionType;
  /**
   * the answers a learner can give: option ids (truefalse: "true", "false"; matching: every
   * `option=target`)
   */
  options: string[];
  /** the correct answer; for ordering, every option id in the correct order */
  correct: string[];
}

export interface QuestionResult {
  id: string;
  correct: boolean;
  /**
   * chosen options that are not among the question's options (edited after the learner answered)
   */
  unknown: string[];
}

export interface QuizResult {
  questions: QuestionResult[];
  correct: number;
  total: number;
  /** 0..100, rounded down */
  percent: number;
  passed: boolean;
}

/**
 * A question is right when the chosen set equals the correct set (no partial credit); an ordering
 * question when the chosen sequence equals the correct sequence.
 */
export function scoreQuestion(question: ScorableQuestion, chosen: string[]): QuestionResult {
  const known = chosen.filter((c) => question.options.includes(c));
  const unknown = chosen.filter((c) => !question.options.includes(c));
  if (question.type === 'ordering') {
    const correct =
      unknown.length === 0 &&
      chosen.length === question.correct.length &&
      chosen.every((c, i) => c === question.correct[i]);
    return { id: question.id, correct, unknown };
  }
  const wanted = new Set(question.correct);
  const correct =
    known.length === wanted.size &&
    known.every((c) => wanted.has(c)) &&
    new Set(known).size === known.length;
  return { id: question.id, correct, unknown };
}

/** Score a whole attempt; unanswered questions count as wrong. */
export function scoreQuiz(
  questions: ScorableQuestion[],
  answers: Record<string, string[]>,
  passMark: number,
): QuizResult {
  const results = questions.map((q) => scoreQuestion(q, answers[q.id] ?? []));
  const correct = results.filter((r) => r.correct).length;
  const total = questions.length;
  const percent = total ? Math.floor((correct / total) * 100) : 0;
  return { questions: results, correct, total, percent, passed: percent >= passMark };
}

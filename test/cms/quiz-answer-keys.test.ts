/**
 * The quiz editor's answer keys on real databases (SQLite file, PostgreSQL schema), through the
 * Local API as an author: each of the five question types keyed by its own fields (checkboxes,
 * true/false, order, partners) stores the key the compiler reads; a missing or inconsistent key is
 * refused on the field, and nothing is stored; a REST-style `correct` is shown in the editor's
 * fields; ids left empty are filled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError, type Payload } from 'payload';
import { databaseAvailable, startCms } from '../helpers/cms.ts';

interface Row {
  questionId?: string;
  type: string;
  prompt?: string;
  answer?: string;
  options?: { optionId?: string; text: string; correct?: boolean; match?: string }[];
  targets?: { targetId: string; text: string }[];
}

const fiveQuestions = (): Row[] => [
  {
    questionId: 'q1',
    type: 'single',
    prompt: 'Which article?',
    options: [
      { optionId: 'a', text: 'Article 1' },
      { optionId: 'b', text: 'Article 12', correct: true },
    ],
  },
  {
    questionId: 'q2',
    type: 'multiple',
    prompt: 'Which rights?',
    options: [
      { optionId: 'a', text: 'Liberty', correct: true },
      { optionId: 'b', text: 'Nothing' },
      { optionId: 'c', text: 'Health', correct: true },
    ],
  },
  { questionId: 'q3', type: 'truefalse', prompt: 'Coercion is care.', answer: 'is-false' },
  {
    questionId: 'q4',
    type: 'ordering',
    prompt: 'Order the steps.',
    options: [
      { optionId: 'listen', text: 'Listen' },
      { optionId: 'offer', text: 'Offer' },
      { optionId: 'review', text: 'Review' },
    ],
  },
  {
    questionId: 'q5',
    type: 'matching',
    prompt: 'Match.',
    options: [
      { optionId: 'home', text: 'Housing', match: 'house' },
      { optionId: 'work', text: 'Work', match: 'job' },
    ],
    targets: [
      { targetId: 'job', text: 'A job' },
      { targetId: 'house', text: 'A home' },
      { targetId: 'boat', text: 'A boat' },
    ],
  },
];

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).data.errors;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  const available = await databaseAvailable(kind);
  describe.skipIf(available !== true)(`quiz answer keys on ${kind}`, () => {
    let payload: Payload;
    let stop: () => Promise<void>;
    let author: object;
    const asAuthor = () => ({
      user: { ...author, collection: 'users' },
      overrideAccess: false,
    });
    const createQuiz = (unitId: string, questions: unknown[]) =>
      payload.create({
        collection: 'units',
        locale: 'en',
        data: { unitId, kind: 'quiz', title: 'Quiz', questions, _status: 'published' } as never,
        ...asAuthor(),
      });

    beforeAll(async () => {
      ({ payload, stop } = await startCms(kind));
      author = await payload.create({
        collection: 'users',
        data: {
          email: 'quiz-author@example.org',
          password: `pw-${Date.now()}`,
          roles: ['author'],
        },
      });
    }, 120_000);
    afterAll(async () => {
      await stop?.();
    });

    it('stores the key of each of the five types from its editor fields', async () => {
      const quiz = await createQuiz('five-types', fiveQuestions());
      expect(quiz.questions!.map((q) => q.correct)).toEqual([
        ['b'],
        ['a', 'c'],
        ['false'],
        ['listen', 'offer', 'review'],
        ['home=house', 'work=job'],
      ]);
      // Reordering the options of the ordering question changes its key; nothing else does.
      const questions = quiz.questions!.map((q) =>
        q.type === 'ordering' ? { ...q, options: [...q.options!].reverse() } : q,
      );
      const updated = await payload.update({
        collection: 'units',
        id: quiz.id,
        locale: 'en',
        data: { questions },
        ...asAuthor(),
      });
      expect(updated.questions![3].correct).toEqual(['review', 'offer', 'listen']);
      expect(updated.questions![0].correct).toEqual(['b']);
    });

    it('refuses a missing or inconsistent key on the field, storing nothing', async () => {
      const broken = fiveQuestions();
      broken[0].options![1].correct = false; // single: none ticked
      broken[1].options!.forEach((o) => (o.correct = false)); // multiple: none ticked
      delete (broken[2] as { answer?: string }).answer; // true/false: no answer
      broken[3].options = broken[3].options!.slice(0, 1); // ordering: one option
      broken[4].options![1].match = 'house'; // matching: two items, one partner
      const errors = await refusal(createQuiz('broken-keys', broken));
      expect(errors).toEqual([
        { path: 'questions.0.options', message: 'Question "q1": tick the one correct option.' },
        { path: 'questions.1.options', message: 'Question "q2": tick the correct options.' },
        {
          path: 'questions.2.answer',
          message: 'Question "q3": choose whether the statement is true or false.',
        },
        {
          path: 'questions.3.options',
          message: 'Question "q4": add at least two options, dragged into the correct order.',
        },
        {
          path: 'questions.4.options.1.match',
          message:
            'Question "q5": item "work" and item "home" have the same partner; ' +
            'each target matches one item.',
        },
      ]);
      const stored = await payload.find({
        collection: 'units',
        where: { unitId: { equals: 'broken-keys' } },
        draft: true,
      });
      expect(stored.totalDocs).toBe(0);

      const two = fiveQuestions().slice(0, 1);
      two[0].options![0].correct = true;
      expect(await refusal(createQuiz('two-ticked', two))).toEqual([
        {
          path: 'questions.0.options',
          message:
            'Question "q1": single choice has 2 correct options: keep one ticked, ' +
            'or make it a multiple-choice question.',
        },
      ]);
      const stray = fiveQuestions().slice(4);
      stray[0].options![0].match = 'nowhere';
      expect(await refusal(createQuiz('stray-partner', stray))).toEqual([
        {
          path: 'questions.0.options.0.match',
          message: 'Question "q5": item "home" is matched with "nowhere", which is not a target.',
        },
      ]);
    });

    it('an existing quiz stays as it was when an edit would break its key', async () => {
      const quiz = await createQuiz('kept-key', fiveQuestions().slice(0, 1));
      const questions = [
        { ...quiz.questions![0], options: quiz.questions![0].options!.slice(0, 1) },
      ];
      await refusal(
        payload.update({
          collection: 'units',
          id: quiz.id,
          locale: 'en',
          data: { questions },
          ...asAuthor(),
        }),
      );
      const again = await payload.findByID({ collection: 'units', id: quiz.id, draft: true });
      expect(again.questions![0].options!.map((o) => o.optionId)).toEqual(['a', 'b']);
      expect(again.questions![0].correct).toEqual(['b']);
    });

    it('a key written as `correct` (REST, older rows) is shown in the editor fields', async () => {
      const quiz = await createQuiz('rest-key', [
        {
          questionId: 'q1',
          type: 'multiple',
          options: [
            { optionId: 'a', text: 'A' },
            { optionId: 'b', text: 'B' },
            { optionId: 'c', text: 'C' },
          ],
          correct: ['a', 'c'],
        },
        {
          questionId: 'q2',
          type: 'ordering',
          options: [
            { optionId: 'x', text: 'X' },
            { optionId: 'y', text: 'Y' },
          ],
          correct: ['y', 'x'],
        },
        { questionId: 'q3', type: 'truefalse', correct: ['true'] },
        {
          questionId: 'q4',
          type: 'matching',
          options: [
            { optionId: 'a', text: 'A' },
            { optionId: 'b', text: 'B' },
          ],
          targets: [
            { targetId: 'one', text: '1' },
            { targetId: 'two', text: '2' },
          ],
          correct: ['a=two', 'b=one'],
        },
      ]);
      const [multiple, ordering, truefalse, matching] = quiz.questions!;
      expect(multiple.options!.map((o) => o.correct)).toEqual([true, false, true]);
      expect(ordering.options!.map((o) => o.optionId)).toEqual(['y', 'x']);
      expect(truefalse.answer).toBe('is-true');
      expect(matching.options!.map((o) => o.match)).toEqual(['two', 'one']);
      expect(quiz.questions!.map((q) => q.correct)).toEqual([
        ['a', 'c'],
        ['y', 'x'],
        ['true'],
        ['a=two', 'b=one'],
      ]);
    });

    it('fills the ids an author left empty', async () => {
      const quiz = await createQuiz('no-ids', [
        {
          type: 'single',
          options: [{ text: 'Yes', correct: true }, { text: 'No' }],
        },
        { type: 'truefalse', answer: 'is-true' },
      ]);
      expect(quiz.questions!.map((q) => q.questionId)).toEqual(['q1', 'q2']);
      expect(quiz.questions![0].options!.map((o) => o.optionId)).toEqual(['a', 'b']);
      expect(quiz.questions![0].correct).toEqual(['a']);
    });
  });
}

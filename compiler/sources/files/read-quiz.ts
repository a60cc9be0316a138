/**
 * A quiz: its intro and questions. course.yaml holds each question's type, option ids and answer
 * key; the locale files hold prompts, options, targets and feedback.
 */
import type { Localized, Question, Unit } from '../../model/course.ts';
import type { UnitFile } from './course-file-schema.ts';
import type { CourseContext } from './files-context.ts';
import { optional, readText } from './read-locale-texts.ts';
import type { UnitPlace } from './read-units.ts';

type QuizFile = Extract<UnitFile, { kind: 'quiz' }>;
type QuestionFile = QuizFile['questions'][number];

export function readQuiz(
  context: CourseContext,
  u: QuizFile,
  place: UnitPlace,
  title: Localized,
): Unit {
  const { textPath, modelPath } = place;
  return {
    id: u.id,
    kind: 'quiz',
    title,
    passMark: u.passMark,
    intro: readText(context, [...textPath, 'intro'], `${modelPath}.intro`, false),
    questions: u.questions.map((q, qi) => readQuestion(context, q, qi, place)),
  };
}

function readQuestion(
  context: CourseContext,
  q: QuestionFile,
  qi: number,
  unit: UnitPlace,
): Question {
  const qPath = [...unit.textPath, 'questions', q.id];
  const qm = `${unit.modelPath}.questions.${q.id}`;
  const text = (key: string[], required?: boolean) =>
    readText(context, [...qPath, ...key], [qm, ...key].join('.'), required);
  context.positions.set(qm, context.structureYaml.positionOf([...unit.yamlPath, 'questions', qi]));
  const pairs = q.pairs ?? [];
  const optionIds =
    q.type === 'truefalse' ? [] : q.type === 'matching' ? pairs.map(([o]) => o) : (q.options ?? []);
  const options = optionIds.map((o) => ({
    id: o,
    text: text(['options', o]),
    feedback: optional(text(['optionFeedback', o], false)),
  }));
  const targets =
    q.type === 'matching'
      ? pairs.map(([, target]) => ({ id: target, text: text(['targets', target]) }))
      : undefined;
  const correct =
    q.type === 'ordering'
      ? optionIds
      : q.type === 'matching'
        ? pairs.map(([o, target]) => `${o}=${target}`)
        : typeof q.correct === 'boolean'
          ? [String(q.correct)]
          : (q.correct ?? []);
  if ((q.type === 'ordering' || q.type === 'matching') && q.correct !== undefined) {
    context.diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:answer-key',
      ...context.structureYaml.positionOf([...unit.yamlPath, 'questions', qi, 'correct']),
      message:
        `Question "${q.id}" is ${q.type}: its answer comes from ` +
        `${q.type === 'ordering' ? 'the order of options' : 'pairs'}, not from correct`,
      fix:
        q.type === 'ordering'
          ? 'List options in the correct order and remove correct.'
          : 'Write pairs: [[option, target], …] and remove correct.',
    });
  }
  return {
    id: q.id,
    type: q.type,
    prompt: text(['prompt']),
    options,
    targets,
    correct,
    feedback: {
      correct: text(['feedback', 'correct']),
      incorrect: text(['feedback', 'incorrect']),
    },
  };
}

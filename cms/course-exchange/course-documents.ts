/**
 * The course model ↔ Payload documents, field by field, one locale at a time. Arrays keep their row
 * ids across locales (rows are shared, their texts are localized), so a row is matched by its own
 * id field.
 */
import {
  pickText,
  type Course,
  type CourseModule,
  type Localized,
  type Question,
  type Unit,
} from '../../compiler/model/course.ts';
import type { Course as CourseDoc, Unit as UnitDoc } from '../payload-types.ts';
import { projectKey } from '../quiz/answer-key.ts';

type Row = { id?: string | null };
type QuestionRow = NonNullable<UnitDoc['questions']>[number];
const text = (value: Localized | undefined, locale: string) => value?.[locale];
/** Carry the stored row id of the row whose key field equals `key`. */
const withId = <R extends Row>(
  existing: readonly R[] | null | undefined,
  keyField: keyof R,
  key: string,
) => existing?.find((r) => r[keyField] === key)?.id;

/** What a course shares across its locales: written with the source locale. */
export function courseStructure(course: Course) {
  // The select fields take the CMS's base locales; Payload refuses any other on save.
  return {
    courseId: course.id,
    sourceLocale: course.sourceLocale as CourseDoc['sourceLocale'],
    languages: course.locales as CourseDoc['languages'],
    theme: course.theme,
    points: course.points,
  };
}

/** A course's texts in one locale, its rows keeping their stored ids. */
export function courseData(
  course: Course,
  locale: string,
  existing?: Pick<CourseDoc, 'glossary' | 'questionnaire'>,
) {
  const q = course.questionnaire;
  return {
    title: text(course.title, locale),
    description: text(course.description, locale),
    glossary: course.glossary.map((g) => ({
      id: withId(existing?.glossary, 'termId', g.id),
      termId: g.id,
      term: text(g.term, locale),
      definition: text(g.definition, locale),
    })),
    questionnaire: q && {
      questionnaireId: q.id,
      scale: q.scale,
      title: text(q.title, locale),
      intro: text(q.intro, locale),
      scaleLabels: q.scaleLabels.map((label, i) => ({
        id: existing?.questionnaire?.scaleLabels?.[i]?.id,
        label: text(label, locale),
      })),
      items: q.items.map((item) => ({
        id: withId(existing?.questionnaire?.items, 'itemId', item.id),
        itemId: item.id,
        text: text(item.text, locale),
        reversed: item.reversed,
      })),
      consentVersion: q.consent?.version ?? null,
      consent: text(q.consent?.text, locale),
    },
  };
}

export function moduleData(module: CourseModule, locale: string) {
  return {
    moduleId: module.id,
    title: text(module.title, locale),
    summary: text(module.summary, locale),
  };
}

export function unitData(
  unit: Unit,
  locale: string,
  existing?: Pick<UnitDoc, 'questions'>,
  captions?: { locale: string; vtt: string }[],
) {
  const base = { unitId: unit.id, kind: unit.kind, title: text(unit.title, locale) };
  switch (unit.kind) {
    case 'lesson':
    case 'infosheet':
      return { ...base, body: unit.body[locale]?.text };
    case 'video':
      return {
        ...base,
        src: unit.src.url ?? unit.src.path,
        poster: unit.poster?.url ?? unit.poster?.path,
        transcript: text(unit.transcript, locale),
        captions,
      };
    case 'challenge':
      return {
        ...base,
        prompt: text(unit.prompt, locale),
        commitment: text(unit.commitment, locale),
        points: unit.points,
      };
    case 'quiz': {
      const old = existing?.questions ?? [];
      return {
        ...base,
        passMark: unit.passMark,
        intro: text(unit.intro, locale),
        questions: unit.questions.map((qn) =>
          questionData(
            qn,
            locale,
            old.find((r) => r.questionId === qn.id),
          ),
        ),
      };
    }
  }
}

function questionData(q: Question, locale: string, old?: QuestionRow) {
  // The quiz editor's fields (checkboxes, true/false, order, partners) set from the model's key.
  return projectKey(
    {
      id: old?.id,
      questionId: q.id,
      type: q.type,
      prompt: text(q.prompt, locale),
      correct: q.correct,
      correctFeedback: text(q.feedback.correct, locale),
      incorrectFeedback: text(q.feedback.incorrect, locale),
      options: q.options.map((o) => ({
        id: withId(old?.options, 'optionId', o.id),
        optionId: o.id,
        text: text(o.text, locale),
        feedback: text(o.feedback, locale),
      })),
      targets: (q.targets ?? []).map((t) => ({
        id: withId(old?.targets, 'targetId', t.id),
        targetId: t.id,
        text: text(t.text, locale),
      })),
    },
    q.correct,
  );
}

export { pickText };

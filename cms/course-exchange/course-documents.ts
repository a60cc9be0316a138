/**
 * The course model ↔ Payload documents, field by field, one locale at a time. Arrays keep their row ids
 * across locales (rows are shared, their texts are localized), so a row is matched by its own id field.
 */
import { pickText, type Course, type CourseModule, type Localized, type Question, type Unit } from '../../compiler/model/course.ts';

type Row = Record<string, unknown> & { id?: string | number };
const text = (value: Localized | undefined, locale: string) => value?.[locale];
/** Carry the stored row id of the row whose key field equals `key`. */
const withId = (existing: Row[] | undefined, keyField: string, key: string) => existing?.find((r) => r[keyField] === key)?.id;

export function courseData(course: Course, locale: string, existing?: Row, structure = locale === course.sourceLocale) {
  const q = course.questionnaire;
  const old = existing as { glossary?: Row[]; questionnaire?: { scaleLabels?: Row[]; items?: Row[] } } | undefined;
  return {
    title: text(course.title, locale),
    description: text(course.description, locale),
    ...(structure ? {
      courseId: course.id, sourceLocale: course.sourceLocale, languages: course.locales, theme: course.theme, points: course.points,
    } : {}),
    glossary: course.glossary.map((g) => ({ id: withId(old?.glossary, 'termId', g.id), termId: g.id, term: text(g.term, locale), definition: text(g.definition, locale) })),
    questionnaire: q && {
      questionnaireId: q.id, scale: q.scale, title: text(q.title, locale), intro: text(q.intro, locale),
      scaleLabels: q.scaleLabels.map((label, i) => ({ id: old?.questionnaire?.scaleLabels?.[i]?.id, label: text(label, locale) })),
      items: q.items.map((item) => ({ id: withId(old?.questionnaire?.items, 'itemId', item.id), itemId: item.id, text: text(item.text, locale), reversed: item.reversed })),
    },
  };
}

export function moduleData(module: CourseModule, locale: string) {
  return { moduleId: module.id, title: text(module.title, locale), summary: text(module.summary, locale) };
}

export function unitData(unit: Unit, locale: string, existing?: Row, captions?: { locale: string; vtt: string }[]) {
  const base = { unitId: unit.id, kind: unit.kind, title: text(unit.title, locale) };
  switch (unit.kind) {
    case 'lesson':
    case 'infosheet':
      return { ...base, body: unit.body[locale]?.text };
    case 'video':
      return { ...base, src: unit.src.url ?? unit.src.path, poster: unit.poster?.url ?? unit.poster?.path, transcript: text(unit.transcript, locale), captions };
    case 'challenge':
      return { ...base, prompt: text(unit.prompt, locale), commitment: text(unit.commitment, locale), points: unit.points };
    case 'quiz': {
      const old = (existing?.questions ?? []) as Row[];
      return {
        ...base, passMark: unit.passMark, intro: text(unit.intro, locale),
        questions: unit.questions.map((qn) => questionData(qn, locale, old.find((r) => r.questionId === qn.id))),
      };
    }
  }
}

function questionData(q: Question, locale: string, old?: Row) {
  return {
    id: old?.id, questionId: q.id, type: q.type, prompt: text(q.prompt, locale), correct: q.correct,
    correctFeedback: text(q.feedback.correct, locale), incorrectFeedback: text(q.feedback.incorrect, locale),
    options: q.options.map((o) => ({ id: withId(old?.options as Row[], 'optionId', o.id), optionId: o.id, text: text(o.text, locale), feedback: text(o.feedback, locale) })),
    targets: (q.targets ?? []).map((t) => ({ id: withId(old?.targets as Row[], 'targetId', t.id), targetId: t.id, text: text(t.text, locale) })),
  };
}

export { pickText };

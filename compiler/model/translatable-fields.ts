/**
 * Every learner-visible text of a course, by model path: what translators translate and status
 * counts.
 */
import type { Course, Localized } from './course.ts';

export interface TranslatableField {
  /** model path, e.g. `modules.recovery.units.recovery-quiz.questions.q1.prompt` */
  path: string;
  /** the field's content in a locale (a body's MDX text, a caption file's path), or undefined */
  value(locale: string): string | undefined;
}

/** Walk every localized field, body and caption track that exists in the source locale. */
export function translatableFields(course: Course): TranslatableField[] {
  const fields: TranslatableField[] = [];
  const text = (path: string, value: Localized | undefined) => {
    if (value?.[course.sourceLocale] === undefined) return;
    fields.push({ path, value: (l) => (value[l]?.trim() ? value[l] : undefined) });
  };
  text('title', course.title);
  text('description', course.description);
  for (const g of course.glossary) {
    text(`glossary.${g.id}.term`, g.term);
    text(`glossary.${g.id}.definition`, g.definition);
  }
  const q = course.questionnaire;
  if (q) {
    text('questionnaire.title', q.title);
    text('questionnaire.intro', q.intro);
    q.scaleLabels.forEach((label, i) => text(`questionnaire.scale.${i}`, label));
    for (const item of q.items) text(`questionnaire.items.${item.id}`, item.text);
  }
  for (const m of course.modules) {
    const mp = `modules.${m.id}`;
    text(`${mp}.title`, m.title);
    text(`${mp}.summary`, m.summary);
    for (const u of m.units) {
      const up = `${mp}.units.${u.id}`;
      text(`${up}.title`, u.title);
      switch (u.kind) {
        case 'lesson':
        case 'infosheet':
          fields.push({ path: `${up}.body`, value: (l) => u.body[l]?.text });
          break;
        case 'video':
          text(`${up}.transcript`, u.transcript);
          if (u.captions[course.sourceLocale])
            fields.push({ path: `${up}.captions`, value: (l) => u.captions[l]?.path });
          break;
        case 'quiz':
          text(`${up}.intro`, u.intro);
          for (const question of u.questions) {
            const qp = `${up}.questions.${question.id}`;
            text(`${qp}.prompt`, question.prompt);
            text(`${qp}.feedback.correct`, question.feedback.correct);
            text(`${qp}.feedback.incorrect`, question.feedback.incorrect);
            for (const o of question.options) {
              text(`${qp}.options.${o.id}`, o.text);
              text(`${qp}.optionFeedback.${o.id}`, o.feedback);
            }
            for (const target of question.targets ?? [])
              text(`${qp}.targets.${target.id}`, target.text);
          }
          break;
        case 'challenge':
          text(`${up}.prompt`, u.prompt);
          text(`${up}.commitment`, u.commitment);
          break;
      }
    }
  }
  return fields;
}

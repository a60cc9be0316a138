/**
 * Every learner-visible text of a course, by model path: what translators translate and status
 * counts.
 */
import fs from 'node:fs';
import type { Course, Localized, MediaRef } from './course.ts';

export interface TranslatableField {
  /** model path, e.g. `modules.recovery.units.recovery-quiz.questions.q1.prompt` */
  path: string;
  /** the field's content in a locale (a body's MDX text, a caption file's WebVTT), or undefined */
  value(locale: string): string | undefined;
}

/**
 * A caption track's WebVTT text (read once per file and version), so its status follows what the
 * cues say; its path when the file is not on this machine.
 */
function captionText(ref: MediaRef | undefined): string | undefined {
  if (!ref) return undefined;
  if (!ref.file) return ref.path;
  const stat = fs.statSync(ref.file, { throwIfNoEntry: false });
  if (!stat) return ref.path;
  const key = `${ref.file}\0${stat.mtimeMs}\0${stat.size}`;
  let text = captionTexts.get(key);
  if (text === undefined) captionTexts.set(key, (text = fs.readFileSync(ref.file, 'utf8')));
  return text;
}
const captionTexts = new Map<string, string>();

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
    text('questionnaire.consent', q.consent?.text);
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
            fields.push({ path: `${up}.captions`, value: (l) => captionText(u.captions[l]) });
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

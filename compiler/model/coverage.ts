/** Translation coverage of a course: per locale, how many learner-visible texts exist in that locale. */
import type { Course, Localized } from './course.ts';

export interface LocaleCoverage {
  /** texts, bodies and caption files that exist in the source locale */
  total: number;
  translated: number;
  /** translated / total, 0..1 */
  ratio: number;
  /** Model paths of what falls back to the source locale (first 50). */
  missing: string[];
}

/** Walk every localized field, body and caption track of the course. */
export function translationCoverage(course: Course, locales = course.locales): Record<string, LocaleCoverage> {
  const fields: { path: string; has: (locale: string) => boolean }[] = [];
  const text = (path: string, value: Localized | undefined) => {
    if (value?.[course.sourceLocale] === undefined) return;
    fields.push({ path, has: (l) => !!value[l]?.trim() });
  };
  text('title', course.title);
  text('description', course.description);
  for (const g of course.glossary) { text(`glossary.${g.id}.term`, g.term); text(`glossary.${g.id}.definition`, g.definition); }
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
          fields.push({ path: `${up}.body`, has: (l) => !!u.body[l] });
          break;
        case 'video':
          text(`${up}.transcript`, u.transcript);
          if (u.captions[course.sourceLocale]) fields.push({ path: `${up}.captions`, has: (l) => !!u.captions[l] });
          break;
        case 'quiz':
          text(`${up}.intro`, u.intro);
          for (const question of u.questions) {
            const qp = `${up}.questions.${question.id}`;
            text(`${qp}.prompt`, question.prompt);
            text(`${qp}.feedback.correct`, question.feedback.correct);
            text(`${qp}.feedback.incorrect`, question.feedback.incorrect);
            for (const o of question.options) { text(`${qp}.options.${o.id}`, o.text); text(`${qp}.optionFeedback.${o.id}`, o.feedback); }
            for (const target of question.targets ?? []) text(`${qp}.targets.${target.id}`, target.text);
          }
          break;
        case 'challenge':
          text(`${up}.prompt`, u.prompt);
          text(`${up}.commitment`, u.commitment);
          break;
      }
    }
  }
  const out: Record<string, LocaleCoverage> = {};
  for (const locale of locales) {
    const missing = fields.filter((f) => !f.has(locale)).map((f) => f.path);
    const translated = fields.length - missing.length;
    out[locale] = { total: fields.length, translated, ratio: fields.length ? translated / fields.length : 1, missing: missing.slice(0, 50) };
  }
  return out;
}

/** Model-level rules that hold whatever the source: unique ids, answer keys that exist, valid locale tags. */
import type { Course } from './course.ts';
import type { Diagnostic } from './diagnostic.ts';
import { isValidLocaleTag } from './locales.ts';
import { reservedModuleIds } from '../render/plan-pages.ts';

/** Every model-level problem of `course`, each with a model path (the source turns it into a position). */
export function validateCourse(course: Course): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (path: string, ruleId: string, message: string, fix: string) =>
    out.push({ severity: 'error', ruleId: `polycourse:${ruleId}`, path, message, fix });

  const seenLocales = new Set<string>();
  course.locales.forEach((locale) => {
    if (!isValidLocaleTag(locale)) error('locales', 'locale-tag', `"${locale}" is not a valid BCP 47 language tag`, 'Use a tag such as "fr", "pt-BR" or "zh-Hans".');
    if (seenLocales.has(locale)) error('locales', 'duplicate-id', `Locale "${locale}" is listed twice`, 'Remove the duplicate.');
    seenLocales.add(locale);
  });
  if (!course.locales.includes(course.sourceLocale)) {
    error('sourceLocale', 'source-locale', `sourceLocale "${course.sourceLocale}" is not one of the course's locales`, `Add "${course.sourceLocale}" to locales.`);
  }

  const unique = (ids: string[], where: (id: string) => string, what: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) error(where(id), 'duplicate-id', `${what} id "${id}" is used twice`, `Give each ${what} its own id.`);
      seen.add(id);
    }
  };
  unique(course.modules.map((m) => m.id), (id) => `modules.${id}`, 'module');
  const units = course.modules.flatMap((m) => m.units.map((u) => ({ m, u })));
  // Unit ids are unique within their module: pages live at <module>/<unit>/, references are module-relative.
  for (const m of course.modules) unique(m.units.map((u) => u.id), (id) => `modules.${m.id}.units.${id}`, 'unit');
  for (const m of course.modules) {
    if (reservedModuleIds.includes(m.id)) error(`modules.${m.id}`, 'reserved-id', `Module id "${m.id}" is reserved by the bundle layout`, `Rename the module (reserved: ${reservedModuleIds.join(', ')}).`);
  }
  unique(course.glossary.map((g) => g.id), (id) => `glossary.${id}`, 'glossary term');

  for (const { m, u } of units) {
    if (u.kind !== 'quiz') continue;
    const quizPath = `modules.${m.id}.units.${u.id}`;
    unique(u.questions.map((q) => q.id), (id) => `${quizPath}.questions.${id}`, 'question');
    for (const q of u.questions) {
      const qPath = `${quizPath}.questions.${q.id}`;
      const optionIds = q.options.map((o) => o.id);
      unique(optionIds, () => qPath, 'option');
      if (!q.correct.length) {
        error(qPath, 'answer-key', `Question "${q.id}" has no correct answer`, q.type === 'truefalse' ? 'Add correct: true or correct: false.' : q.type === 'ordering' || q.type === 'matching' ? 'List its options (ordering) or pairs (matching).' : 'Add correct: [option ids].');
        continue;
      }
      if (q.type === 'ordering' || q.type === 'matching') {
        if (optionIds.length < 2) error(qPath, 'answer-key', `Question "${q.id}" needs at least two ${q.type === 'ordering' ? 'options to order' : 'pairs'}`, q.type === 'ordering' ? 'List the options in the correct order.' : 'Write pairs: [[option, target], …].');
        if (q.type === 'matching') unique((q.targets ?? []).map((t) => t.id), () => qPath, 'target');
        continue;
      }
      if (q.type === 'truefalse') {
        if (q.correct.length !== 1 || !['true', 'false'].includes(q.correct[0])) {
          error(qPath, 'answer-key', `Question "${q.id}" is true/false: correct must be true or false`, 'Write `correct: true` or `correct: false`.');
        }
        continue;
      }
      if (optionIds.length < 2) error(qPath, 'answer-key', `Question "${q.id}" needs at least two options`, 'List the option ids under `options`.');
      for (const c of q.correct) {
        if (!optionIds.includes(c)) error(qPath, 'answer-key', `Question "${q.id}": correct answer "${c}" is not one of its options [${optionIds.join(', ')}]`, 'Use an id from `options`.');
      }
      if (q.type === 'single' && q.correct.length !== 1) {
        error(qPath, 'answer-key', `Question "${q.id}" is single choice but has ${q.correct.length} correct answers`, 'Keep one correct answer, or make it `type: multiple`.');
      }
    }
  }

  const qn = course.questionnaire;
  if (qn) {
    unique(qn.items.map((i) => i.id), (id) => `questionnaire.items.${id}`, 'questionnaire item');
    if (qn.scaleLabels.length !== qn.scale) {
      error('questionnaire.scale', 'questionnaire-scale', `The scale has ${qn.scale} points but ${qn.scaleLabels.length} labels`, 'Give one label per point of the scale.');
    }
  }
  return out;
}

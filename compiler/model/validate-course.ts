/**
 * Model-level rules that hold whatever the source (files, CMS): ids that are slugs and unique,
 * answer keys that exist, valid locale tags, and no invisible characters in short texts.
 */
import type { Course } from './course.ts';
import type { Diagnostic } from './diagnostic.ts';
import { isValidLocaleTag } from './locales.ts';
import { isSlug, reservedModuleIds } from './slug-ids.ts';
import { findInvisibleCharacter } from './invisible-characters.ts';
import { translatableFields } from './translatable-fields.ts';

/**
 * Every model-level problem of `course`, each with a model path (the source turns it into a
 * position).
 */
export function validateCourse(course: Course): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (path: string, ruleId: string, message: string, fix: string) =>
    out.push({ severity: 'error', ruleId: `polycourse:${ruleId}`, path, message, fix });

  const seenLocales = new Set<string>();
  course.locales.forEach((locale) => {
    if (!isValidLocaleTag(locale))
      error(
        'locales',
        'locale-tag',
        `"${locale}" is not a valid BCP 47 language tag`,
        'Use a tag such as "fr", "pt-BR" or "zh-Hans".',
      );
    if (seenLocales.has(locale))
      error(
        'locales',
        'duplicate-id',
        `Locale "${locale}" is listed twice`,
        'Remove the duplicate.',
      );
    seenLocales.add(locale);
  });
  if (!course.locales.includes(course.sourceLocale)) {
    error(
      'sourceLocale',
      'source-locale',
      `sourceLocale "${course.sourceLocale}" is not one of the course's locales`,
      `Add "${course.sourceLocale}" to locales.`,
    );
  }

  out.push(...idSyntaxProblems(course));

  const unique = (ids: string[], where: (id: string) => string, what: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id))
        error(
          where(id),
          'duplicate-id',
          `${what} id "${id}" is used twice`,
          `Give each ${what} its own id.`,
        );
      seen.add(id);
    }
  };
  unique(
    course.modules.map((m) => m.id),
    (id) => `modules.${id}`,
    'module',
  );
  const units = course.modules.flatMap((m) => m.units.map((u) => ({ m, u })));
  // Unit ids are unique within their module: pages live at <module>/<unit>/ and references are
  // module-relative (the benchmark corpus repeats lesson ids across modules). A video's id is
  // unique in the whole course: its captions are media/captions/<unit>.<locale>.vtt.
  for (const m of course.modules)
    unique(
      m.units.map((u) => u.id),
      (id) => `modules.${m.id}.units.${id}`,
      'unit',
    );
  for (const { m, u } of units) {
    const other =
      u.kind === 'video' ? units.find((x) => x.u.id === u.id && x.m.id !== m.id) : undefined;
    if (!other) continue;
    error(
      `modules.${m.id}.units.${u.id}`,
      'duplicate-id',
      `Video id "${u.id}" of module "${m.id}" is also used in module "${other.m.id}"`,
      'Give the video its own id: its captions are named by it ' +
        '(media/captions/<id>.<locale>.vtt), so it is unique in the course.',
    );
  }
  for (const m of course.modules) {
    if (reservedModuleIds.includes(m.id))
      error(
        `modules.${m.id}`,
        'reserved-id',
        `Module id "${m.id}" is reserved by the bundle layout`,
        `Rename the module (reserved: ${reservedModuleIds.join(', ')}).`,
      );
  }
  unique(
    course.glossary.map((g) => g.id),
    (id) => `glossary.${id}`,
    'glossary term',
  );

  for (const { m, u } of units) {
    if (u.kind !== 'quiz') continue;
    const quizPath = `modules.${m.id}.units.${u.id}`;
    unique(
      u.questions.map((q) => q.id),
      (id) => `${quizPath}.questions.${id}`,
      'question',
    );
    for (const q of u.questions) {
      const qPath = `${quizPath}.questions.${q.id}`;
      const optionIds = q.options.map((o) => o.id);
      unique(optionIds, () => qPath, 'option');
      if (!q.correct.length) {
        error(
          qPath,
          'answer-key',
          `Question "${q.id}" has no correct answer`,
          q.type === 'truefalse'
            ? 'Add correct: true or correct: false.'
            : q.type === 'ordering' || q.type === 'matching'
              ? 'List its options (ordering) or pairs (matching).'
              : 'Add correct: [option ids].',
        );
        continue;
      }
      if (q.type === 'ordering' || q.type === 'matching') {
        if (optionIds.length < 2)
          error(
            qPath,
            'answer-key',
            `Question "${q.id}" needs at least two ` +
              `${q.type === 'ordering' ? 'options to order' : 'pairs'}`,
            q.type === 'ordering'
              ? 'List the options in the correct order.'
              : 'Write pairs: [[option, target], …].',
          );
        if (q.type === 'matching')
          unique(
            (q.targets ?? []).map((t) => t.id),
            () => qPath,
            'target',
          );
        continue;
      }
      if (q.type === 'truefalse') {
        if (q.correct.length !== 1 || !['true', 'false'].includes(q.correct[0])) {
          error(
            qPath,
            'answer-key',
            `Question "${q.id}" is true/false: correct must be true or false`,
            'Write `correct: true` or `correct: false`.',
          );
        }
        continue;
      }
      if (optionIds.length < 2)
        error(
          qPath,
          'answer-key',
          `Question "${q.id}" needs at least two options`,
          'List the option ids under `options`.',
        );
      for (const c of q.correct) {
        if (!optionIds.includes(c))
          error(
            qPath,
            'answer-key',
            `Question "${q.id}": correct answer "${c}" is ` +
              `not one of its options [${optionIds.join(', ')}]`,
            'Use an id from `options`.',
          );
      }
      if (q.type === 'single' && q.correct.length !== 1) {
        error(
          qPath,
          'answer-key',
          `Question "${q.id}" is single choice but has ${q.correct.length} correct answers`,
          'Keep one correct answer, or make it `type: multiple`.',
        );
      }
    }
  }

  const qn = course.questionnaire;
  if (qn) {
    unique(
      qn.items.map((i) => i.id),
      (id) => `questionnaire.items.${id}`,
      'questionnaire item',
    );
    if (qn.scaleLabels.length !== qn.scale) {
      error(
        'questionnaire.scale',
        'questionnaire-scale',
        `The scale has ${qn.scale} points but ${qn.scaleLabels.length} labels`,
        'Give one label per point of the scale.',
      );
    }
    if (qn.consent && !qn.consent.text[course.sourceLocale]?.trim()) {
      error(
        'questionnaire.consent',
        'questionnaire-consent',
        `The questionnaire names consent version "${qn.consent.version}" but has no consent ` +
          `text in ${course.sourceLocale}`,
        'Write the consent text (what learners agree to before their answers are shared), or ' +
          'remove the consent version.',
      );
    }
  }
  out.push(...invisibleCharacterWarnings(course));
  return out;
}

/**
 * Ids that are not slugs, and caption locales that are not the course's: each would become a path.
 */
function idSyntaxProblems(course: Course): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (path: string, ruleId: string, message: string, fix: string) =>
    out.push({ severity: 'error', ruleId: `polycourse:${ruleId}`, path, message, fix });
  // A source that does not check ids itself (the CMS) must not get them through to a file name.
  const slug = (id: unknown, where: string, what: string) => {
    if (!isSlug(id))
      error(
        where,
        'id-syntax',
        `${what} id ${JSON.stringify(id ?? null)} is not a slug: ids name folders and files`,
        'Use lowercase letters, digits and single dashes, e.g. "rights-quiz".',
      );
  };
  slug(course.id, 'id', 'Course');
  for (const m of course.modules) {
    slug(m.id, `modules.${m.id}`, 'Module');
    for (const u of m.units) {
      const unitPath = `modules.${m.id}.units.${u.id}`;
      slug(u.id, unitPath, 'Unit');
      if (u.kind === 'quiz') {
        for (const q of u.questions) {
          slug(q.id, `${unitPath}.questions.${q.id}`, 'Question');
          for (const o of q.options)
            slug(o.id, `${unitPath}.questions.${q.id}.options.${o.id}`, 'Option');
          for (const t of q.targets ?? [])
            slug(t.id, `${unitPath}.questions.${q.id}.targets.${t.id}`, 'Target');
        }
      }
      if (u.kind === 'video') {
        for (const locale of Object.keys(u.captions)) {
          const where = `${unitPath}.captions.${locale}`;
          if (!isValidLocaleTag(locale))
            error(
              where,
              'locale-tag',
              `Captions of unit "${u.id}" are for "${locale}", ` +
                'which is not a valid BCP 47 language tag',
              `Use one of the course's locales: ${course.locales.join(', ')}.`,
            );
          else if (!course.locales.includes(locale))
            error(
              where,
              'unknown-locale',
              `Captions of unit "${u.id}" are for "${locale}", ` +
                `which is not one of the course's locales`,
              `Use one of: ${course.locales.join(', ')}, ` +
                `or add "${locale}" to the course's locales.`,
            );
        }
      }
    }
  }
  for (const g of course.glossary) slug(g.id, `glossary.${g.id}`, 'Glossary term');
  if (course.questionnaire) {
    slug(course.questionnaire.id, 'questionnaire', 'Questionnaire');
    for (const item of course.questionnaire.items)
      slug(item.id, `questionnaire.items.${item.id}`, 'Questionnaire item');
  }
  return out;
}

/**
 * Bidi overrides and zero-width characters in short texts (bodies are MDX, checked on their own).
 */
function invisibleCharacterWarnings(course: Course): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const field of translatableFields(course)) {
    if (field.path.endsWith('.body') || field.path.endsWith('.captions')) continue;
    for (const locale of course.locales) {
      const value = field.value(locale);
      const found = value === undefined ? undefined : findInvisibleCharacter(value, locale);
      if (!found) continue;
      const effect = found.reorders
        ? ': it reorders the text around it (the page shows the text without it)'
        : ', which nobody sees';
      out.push({
        severity: 'warning',
        ruleId: 'polycourse:invisible-characters',
        path: `${field.path}.${locale}`,
        message:
          `${field.path} (${locale}) contains ${found.name} ` +
          `at character ${found.index + 1}${effect}`,
        fix: found.reorders
          ? 'Delete it; to mark direction in right-to-left text use ' +
            'U+200F RIGHT-TO-LEFT MARK or an isolate (U+2067 … U+2069).'
          : 'Delete it (editors show it with "show invisible characters").',
      });
    }
  }
  return out;
}

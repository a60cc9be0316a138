/**
 * The collections of the learner services (learners, their events and scores, the forums, the
 * questionnaire responses) speak the staff member's admin language: the collection's names, its
 * description and navigation group, and every field staff see (inside arrays and groups too), with
 * its description and the values of its choices, are one text per admin language from the
 * catalogs (cms/locales/<language>.po, through adminLabel), and translated: the Arabic is not the
 * English. Checked on the built Payload config, as the admin gets it. Payload's own fields (login,
 * timestamps, drafts) carry Payload's own translations; fields the admin does not show are skipped.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Field } from 'payload';
import { adminLanguages } from '../../cms/admin-languages.ts';
import { ForumPosts, ForumReports, ForumThreads } from '../../cms/collections/Forums.ts';
import { LearnerEvents, LearnerScores } from '../../cms/collections/LearnerProgress.ts';
import { Learners } from '../../cms/collections/Learners.ts';
import { QuestionnaireResponses } from '../../cms/collections/QuestionnaireResponses.ts';
import { databaseAdapter } from '../../cms/database-adapter.ts';
import { polycourseConfig } from '../../cms/payload.config.ts';
import { tempDir } from '../helpers/temp-course.ts';

const languages = Object.keys(adminLanguages);
const dir = tempDir('polycourse-labels-');
// Building the config opens no database.
const config = await polycourseConfig({
  db: databaseAdapter(`file:${path.join(dir, 'labels.db')}`),
  secret: 'test',
  mediaDir: path.join(dir, 'media'),
});

// These collections only, for now: others still show some English-only texts (the choices of
// users' roles and publish jobs' states, the course's admin panels, Payload's own collections).
const learnerServices = [
  Learners,
  LearnerEvents,
  LearnerScores,
  ForumThreads,
  ForumPosts,
  ForumReports,
  QuestionnaireResponses,
].map((collection) => collection.slug);

/** Fields Payload adds to a collection and labels itself (a function of Payload's translator). */
const payloadOwn = new Set([
  'email',
  'username',
  'enableAPIKey',
  'apiKey',
  '_status',
  'createdAt',
  'updatedAt',
]);

/** What is wrong with a text staff read: not one non-empty text per admin language, translated. */
function textProblems(what: string, text: unknown): string[] {
  if (typeof text !== 'object' || text === null)
    return [`${what}: ${JSON.stringify(text) ?? 'none'}, not a text per admin language`];
  const texts = text as Record<string, unknown>;
  const empty = languages.filter((l) => typeof texts[l] !== 'string' || !String(texts[l]).trim());
  if (empty.length) return [`${what}: nothing in ${empty.join(', ')}`];
  if (texts.ar === texts.en) return [`${what}: the Arabic is the English, "${texts.en}"`];
  return [];
}

/** The problems of the fields staff see, nested ones included. */
function fieldProblems(fields: Field[], at: string): string[] {
  const problems: string[] = [];
  for (const field of fields) {
    const { hidden, admin } = field as {
      hidden?: boolean;
      admin?: { hidden?: boolean; disabled?: boolean; description?: unknown };
    };
    // hidden: not in the admin (nor the API); admin.hidden, admin.disabled: not in the admin
    if (hidden || admin?.hidden || admin?.disabled) continue;
    if (!('name' in field)) {
      // rows, collapsibles and tabs only arrange the named fields inside them
      if (field.type === 'collapsible')
        problems.push(...textProblems(`${at} collapsible label`, field.label));
      if ('fields' in field) problems.push(...fieldProblems(field.fields, at));
      if (field.type === 'tabs')
        for (const tab of field.tabs) {
          problems.push(...textProblems(`${at} tab label`, tab.label));
          problems.push(...fieldProblems(tab.fields, 'name' in tab ? `${at}.${tab.name}` : at));
        }
      continue;
    }
    const where = `${at}.${field.name}`;
    if (payloadOwn.has(field.name) && typeof field.label === 'function') continue;
    problems.push(...textProblems(`${where} label`, 'label' in field ? field.label : undefined));
    if (admin?.description)
      problems.push(...textProblems(`${where} description`, admin.description));
    if (field.type === 'select' || field.type === 'radio')
      for (const option of field.options)
        problems.push(
          ...(typeof option === 'string'
            ? [`${where} option "${option}": no label`]
            : textProblems(`${where} option "${option.value}"`, option.label)),
        );
    if ('fields' in field) problems.push(...fieldProblems(field.fields, where));
  }
  return problems;
}

describe('the learner services’ collections in every admin language', () => {
  it('the config has each of them', () => {
    const slugs = config.collections.map((c) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining(learnerServices));
    expect([...languages].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'pt', 'ru', 'uk', 'zh']);
  });

  for (const slug of learnerServices)
    it(`${slug}: names, fields, descriptions and choices, translated`, () => {
      const collection = config.collections.find((c) => c.slug === slug)!;
      const { group, description } = collection.admin;
      const problems = [
        ...textProblems(`${slug} singular`, collection.labels.singular),
        ...textProblems(`${slug} plural`, collection.labels.plural),
        ...(group ? textProblems(`${slug} group`, group) : []),
        ...(description ? textProblems(`${slug} description`, description) : []),
        ...fieldProblems(collection.fields, slug),
      ];
      expect(problems).toEqual([]);
    });

  it('a field without a label is found', () => {
    const fields: Field[] = [
      { name: 'unlabelled', type: 'text' },
      { name: 'english', type: 'text', label: 'English only' },
      {
        name: 'untranslated',
        type: 'text',
        label: Object.fromEntries(languages.map((l) => [l, 'x'])),
      },
      {
        name: 'inside',
        type: 'array',
        label: { ...Object.fromEntries(languages.map((l) => [l, 'Rows'])), ar: 'الصفوف' },
        fields: [{ name: 'choice', type: 'select', options: ['a'] }],
      },
      { name: 'hidden', type: 'text', admin: { hidden: true } },
    ];
    expect(fieldProblems(fields, 'c')).toEqual([
      'c.unlabelled label: none, not a text per admin language',
      'c.english label: "English only", not a text per admin language',
      'c.untranslated label: the Arabic is the English, "x"',
      'c.inside.choice label: none, not a text per admin language',
      'c.inside.choice option "a": no label',
    ]);
  });
});

/**
 * Every Polycourse collection (staff accounts, the course content, media, publish jobs, translation
 * records, the learner services) speaks the staff member's admin language: the collection's names,
 * its description and navigation group, and every field staff see (inside arrays and groups too),
 * with its description, the names of its rows and the values of its choices, are one text per
 * admin language from the catalogs (cms/locales/<language>.po, through adminLabel), and
 * translated: the Arabic is not the English, unless the text is the same in every language on
 * purpose (sameInEveryLanguage, each with its reason). Checked on the built Payload config, as the
 * admin gets it. Payload's own fields (login, timestamps, drafts) carry Payload's own
 * translations, Payload's internal collections (preferences, locks, migrations) are left to it;
 * fields the admin does not show are skipped.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Field } from 'payload';
import { adminLanguages } from '../../cms/admin-languages.ts';
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

/** Payload's internal collections: not in the admin's navigation, and named by Payload. */
const payloadInternal = new Set([
  'payload-kv',
  'payload-locked-documents',
  'payload-preferences',
  'payload-migrations',
]);
/** Every other collection of the config: Polycourse's. */
const polycourseCollections = config.collections
  .map((c) => c.slug)
  .filter((slug) => !payloadInternal.has(slug));

/**
 * Texts that are the same in every admin language on purpose, by where they are: the check still
 * wants a text in every language (for a label), but not that the Arabic differs from the English.
 * `<field> options`: choices shown as their stored values, with no label of their own.
 */
const sameInEveryLanguage: Record<string, string> = {
  'media.sha256 label': 'SHA-256, the name of the checksum, is written so in every language',
};

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

/**
 * What is wrong with a text staff read: not one non-empty text per admin language, translated (the
 * Arabic is not the English, unless `same`).
 */
function textProblems(what: string, text: unknown, same = false): string[] {
  if (typeof text !== 'object' || text === null)
    return [`${what}: ${JSON.stringify(text) ?? 'none'}, not a text per admin language`];
  const texts = text as Record<string, unknown>;
  const empty = languages.filter((l) => typeof texts[l] !== 'string' || !String(texts[l]).trim());
  if (empty.length) return [`${what}: nothing in ${empty.join(', ')}`];
  if (texts.ar === texts.en && !same) return [`${what}: the Arabic is the English, "${texts.en}"`];
  return [];
}

/**
 * The problems of the fields staff see, nested ones included; `same` is sameInEveryLanguage, and
 * `used` collects the entries of it that were needed.
 */
function fieldProblems(
  fields: Field[],
  at: string,
  same: Record<string, string> = sameInEveryLanguage,
  used = new Set<string>(),
): string[] {
  const problems: string[] = [];
  const allowed = (what: string) => Boolean(same[what]) && Boolean(used.add(what));
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
      if ('fields' in field) problems.push(...fieldProblems(field.fields, at, same, used));
      if (field.type === 'tabs')
        for (const tab of field.tabs) {
          problems.push(...textProblems(`${at} tab label`, tab.label));
          const tabAt = 'name' in tab ? `${at}.${tab.name}` : at;
          problems.push(...fieldProblems(tab.fields, tabAt, same, used));
        }
      continue;
    }
    const where = `${at}.${field.name}`;
    if (payloadOwn.has(field.name) && typeof field.label === 'function') continue;
    const text = (what: string, value: unknown) =>
      textProblems(`${where} ${what}`, value, allowed(`${where} ${what}`));
    problems.push(...text('label', 'label' in field ? field.label : undefined));
    if (admin?.description) problems.push(...text('description', admin.description));
    // an array's rows: "Add <singular>", "<singular> 01"
    if (field.type === 'array') {
      problems.push(...text('row singular', field.labels?.singular));
      problems.push(...text('row plural', field.labels?.plural));
    }
    if (field.type === 'select' || field.type === 'radio') {
      const asStored = allowed(`${where} options`);
      for (const option of field.options)
        problems.push(
          ...(typeof option === 'string'
            ? asStored
              ? []
              : [`${where} option "${option}": no label`]
            : textProblems(`${where} option "${option.value}"`, option.label, asStored)),
        );
    }
    if ('fields' in field) problems.push(...fieldProblems(field.fields, where, same, used));
  }
  return problems;
}

/** The problems of one collection of the config: its names, then its fields. */
function collectionProblems(slug: string, used = new Set<string>()): string[] {
  const collection = config.collections.find((c) => c.slug === slug)!;
  const { group, description } = collection.admin;
  return [
    ...textProblems(`${slug} singular`, collection.labels.singular),
    ...textProblems(`${slug} plural`, collection.labels.plural),
    ...(group ? textProblems(`${slug} group`, group) : []),
    ...(description ? textProblems(`${slug} description`, description) : []),
    ...fieldProblems(collection.fields, slug, sameInEveryLanguage, used),
  ];
}

describe('every Polycourse collection in every admin language', () => {
  it('the config has each of them', () => {
    expect([...polycourseCollections].sort()).toEqual([
      'courses',
      'forum-posts',
      'forum-reports',
      'forum-threads',
      'learner-events',
      'learner-scores',
      'learners',
      'media',
      'modules',
      'publish-jobs',
      'questionnaire-responses',
      'translations',
      'units',
      'users',
    ]);
    expect([...languages].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'pt', 'ru', 'uk', 'zh']);
  });

  for (const slug of polycourseCollections)
    it(`${slug}: names, fields, descriptions, rows and choices, translated`, () => {
      expect(collectionProblems(slug)).toEqual([]);
    });

  it('each entry of sameInEveryLanguage names a text of the config', () => {
    const used = new Set<string>();
    for (const slug of polycourseCollections) collectionProblems(slug, used);
    expect([...used].sort()).toEqual(Object.keys(sameInEveryLanguage).sort());
  });

  const rows = { ...Object.fromEntries(languages.map((l) => [l, 'Rows'])), ar: 'الصفوف' };

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
        label: rows,
        labels: { singular: 'Row', plural: rows },
        fields: [{ name: 'choice', type: 'select', options: ['a'] }],
      },
      { name: 'hidden', type: 'text', admin: { hidden: true } },
    ];
    expect(fieldProblems(fields, 'c', {})).toEqual([
      'c.unlabelled label: none, not a text per admin language',
      'c.english label: "English only", not a text per admin language',
      'c.untranslated label: the Arabic is the English, "x"',
      'c.inside row singular: "Row", not a text per admin language',
      'c.inside.choice label: none, not a text per admin language',
      'c.inside.choice option "a": no label',
    ]);
  });

  it('a text the same in every language passes only where it is allowed', () => {
    const same = Object.fromEntries(languages.map((l) => [l, 'SHA-256']));
    const fields: Field[] = [
      { name: 'sum', type: 'text', label: same },
      { name: 'missing', type: 'text', label: { ...same, de: '' } },
      { name: 'codes', type: 'select', label: rows, options: ['fr', { label: same, value: 'x' }] },
      { name: 'other', type: 'select', label: rows, options: ['fr'] },
    ];
    const allowed = { 'c.sum label': '…', 'c.missing label': '…', 'c.codes options': '…' };
    const used = new Set<string>();
    expect(fieldProblems(fields, 'c', allowed, used)).toEqual([
      'c.missing label: nothing in de',
      'c.other option "fr": no label',
    ]);
    expect([...used].sort()).toEqual(Object.keys(allowed).sort());
  });
});

describe('panels in the list views', () => {
  it('a panel (a ui field: the outline, Bundles, checks…) is offered as no column', () => {
    const panels = config.collections.flatMap((c) =>
      c.fields.flatMap((f) => (f.type === 'ui' ? [`${c.slug}.${f.name}`] : [])),
    );
    expect(panels.length).toBeGreaterThanOrEqual(6);
    const listed = config.collections.flatMap((c) =>
      c.fields.flatMap((f) =>
        f.type === 'ui' && !f.admin?.disableListColumn ? [`${c.slug}.${f.name}`] : [],
      ),
    );
    expect(listed).toEqual([]);
  });
});

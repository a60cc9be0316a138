import { withSourceText } from '../translation/with-source-text.ts';
import { translationFieldsEndpoint } from '../endpoints/translation-fields.ts';
import { unitPlacementEndpoint } from '../endpoints/unit-placement.ts';
import { localeTag, mediaPathOrUrl, slugId } from '../fields/path-safe-text.ts';
import type { CollectionConfig, Condition } from 'payload';
import {
  canCreateContent,
  canDeleteContent,
  canEditLocale,
  publishedOrStaff,
} from '../access/roles.ts';
import { validateMdxBeforeChange, validateMdxOnChange } from '../hooks/validateMdxBeforeChange.ts';
import { translatedFieldsOnly } from '../access/translated-fields-only.ts';
import {
  deriveAnswerKeys,
  showStoredAnswerKeys,
  validateKeyOnChange,
} from '../hooks/deriveAnswerKeys.ts';

const kinds = ['lesson', 'video', 'infosheet', 'quiz', 'challenge'] as const;
const when =
  (...k: (typeof kinds)[number][]): Condition =>
  (data) =>
    k.includes(data?.kind);

/** The question that holds the option at `path` (`questions.2.options.0.correct`). */
const questionOf = (data: Record<string, unknown>, path: (string | number)[] = []) => {
  const at = path.indexOf('questions');
  const index = at === -1 ? -1 : Number(path[at + 1]);
  const questions = data?.questions as { type?: string }[] | undefined;
  return Number.isInteger(index) ? questions?.[index] : undefined;
};

/**
 * One collection for every unit kind: fields appear by kind, so a module orders its units in one
 * list. Localized texts are not `required` here: Payload would demand them in every locale, while a
 * missing translation must fall back. The compiler's validation requires them in the source locale.
 */
export const Units: CollectionConfig = translatedFieldsOnly({
  slug: 'units',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'unitId', '_status'],
    // The Preview button: the unit's page in the bundle's theme, built from the latest saved
    // drafts.
    preview: (doc, { locale }) => {
      if (!doc?.id) return null;
      const code =
        typeof locale === 'string' ? locale : ((locale as { code?: string })?.code ?? 'en');
      return `/preview/units/${doc.id}?locale=${encodeURIComponent(code)}`;
    },
  },
  versions: { drafts: true },
  access: {
    read: publishedOrStaff,
    create: canCreateContent,
    update: canEditLocale,
    delete: canDeleteContent,
  },
  endpoints: [translationFieldsEndpoint('units'), unitPlacementEndpoint],
  hooks: { beforeValidate: [deriveAnswerKeys], afterRead: [showStoredAnswerKeys] },
  fields: withSourceText([
    // Not stored: which module and course hold the unit.
    {
      name: 'placement',
      type: 'ui',
      admin: { components: { Field: '/components/UnitPlacement.tsx#UnitPlacement' } },
    },
    { name: 'unitId', type: 'text', required: true, validate: slugId },
    { name: 'kind', type: 'select', options: [...kinds], required: true },
    { name: 'title', type: 'text', localized: true },
    {
      name: 'body',
      type: 'textarea',
      localized: true,
      admin: {
        condition: when('lesson', 'infosheet'),
        description: 'MDX (docs/authoring.md). Checked on save like the compiler checks it.',
        // A refused body: each problem's line, highlighted.
        components: { afterInput: ['/components/BodyProblems.tsx#BodyProblems'] },
      },
      validate: validateMdxOnChange,
      hooks: { beforeChange: [validateMdxBeforeChange] },
    },
    {
      name: 'src',
      type: 'text',
      validate: mediaPathOrUrl,
      admin: {
        condition: when('video'),
        description: 'media/… path of an uploaded file, or an https:// URL',
      },
    },
    { name: 'poster', type: 'text', validate: mediaPathOrUrl, admin: { condition: when('video') } },
    {
      name: 'captions',
      type: 'array',
      admin: { condition: when('video') },
      fields: [
        { name: 'locale', type: 'text', required: true, validate: localeTag },
        { name: 'vtt', type: 'textarea', required: true },
      ],
    },
    { name: 'transcript', type: 'textarea', localized: true, admin: { condition: when('video') } },
    {
      name: 'passMark',
      type: 'number',
      min: 0,
      max: 100,
      defaultValue: 60,
      admin: { condition: when('quiz') },
    },
    { name: 'intro', type: 'textarea', localized: true, admin: { condition: when('quiz') } },
    {
      name: 'questions',
      type: 'array',
      admin: {
        condition: when('quiz'),
        description:
          'Each question is keyed in the editor: tick the correct options (single, multiple), ' +
          'choose true or false, drag the options into the correct order (ordering; learners see ' +
          "them shuffled), or choose each item's partner (matching). Saving checks the key.",
      },
      fields: [
        {
          name: 'questionId',
          type: 'text',
          validate: slugId,
          admin: { description: 'Left empty, it is filled on save (q1, q2, …).' },
        },
        {
          name: 'type',
          type: 'select',
          options: [
            { label: 'Single choice', value: 'single' },
            { label: 'Multiple choice', value: 'multiple' },
            { label: 'True or false', value: 'truefalse' },
            { label: 'Ordering', value: 'ordering' },
            { label: 'Matching', value: 'matching' },
          ],
          defaultValue: 'single',
          required: true,
        },
        { name: 'prompt', type: 'textarea', localized: true },
        {
          name: 'answer',
          label: 'The statement is',
          type: 'radio',
          validate: validateKeyOnChange,
          options: [
            // Not `true`/`false`: GraphQL refuses enum values with those names.
            { label: 'True', value: 'is-true' },
            { label: 'False', value: 'is-false' },
          ],
          admin: { condition: (_, sibling) => sibling?.type === 'truefalse', layout: 'horizontal' },
        },
        {
          name: 'options',
          type: 'array',
          validate: validateKeyOnChange,
          labels: { singular: 'Option', plural: 'Options' },
          admin: {
            condition: (_, sibling) => sibling?.type !== 'truefalse',
            description:
              'Ordering: in the correct order (drag a row by its handle). ' +
              'Matching: the items on the left, each with its partner among the targets.',
          },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'text', type: 'text', localized: true, admin: { width: '60%' } },
                {
                  name: 'correct',
                  label: 'Correct',
                  type: 'checkbox',
                  admin: {
                    width: '15%',
                    condition: (data, sibling, { path }) =>
                      ['single', 'multiple'].includes(questionOf(data, path)?.type ?? ''),
                  },
                },
                {
                  name: 'match',
                  label: 'Partner',
                  type: 'text',
                  validate: validateKeyOnChange,
                  admin: {
                    width: '40%',
                    condition: (data, sibling, { path }) =>
                      questionOf(data, path)?.type === 'matching',
                    components: { Field: '/components/MatchSelect.tsx#MatchSelect' },
                  },
                },
              ],
            },
            { name: 'feedback', type: 'text', localized: true },
            {
              name: 'optionId',
              type: 'text',
              validate: slugId,
              admin: { description: 'Left empty, it is filled on save (a, b, c, …).' },
            },
          ],
        },
        {
          name: 'targets',
          type: 'array',
          validate: validateKeyOnChange,
          labels: { singular: 'Target', plural: 'Targets' },
          admin: {
            condition: (_, sibling) => sibling?.type === 'matching',
            description:
              'What the items are matched with; more targets than items add distractors.',
          },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'text', type: 'text', localized: true, admin: { width: '70%' } },
                {
                  name: 'targetId',
                  type: 'text',
                  validate: slugId,
                  defaultValue: () => `t-${Math.random().toString(36).slice(2, 7)}`,
                  admin: { width: '30%' },
                },
              ],
            },
          ],
        },
        {
          // Derived from the fields above on every save (cms/hooks/deriveAnswerKeys.ts): what the
          // compiler's CMS source reads. A REST client may still write it; then the fields above
          // are set from it.
          name: 'correct',
          type: 'json',
          admin: { hidden: true, readOnly: true },
        },
        { name: 'correctFeedback', type: 'textarea', localized: true },
        { name: 'incorrectFeedback', type: 'textarea', localized: true },
      ],
    },
    { name: 'prompt', type: 'textarea', localized: true, admin: { condition: when('challenge') } },
    {
      name: 'commitment',
      type: 'textarea',
      localized: true,
      admin: { condition: when('challenge') },
    },
    { name: 'points', type: 'number', min: 0, admin: { condition: when('challenge') } },
  ]),
});

import { withSourceText } from '../translation/with-source-text.ts';
import { translationFieldsEndpoint } from '../endpoints/translation-fields.ts';
import { localeTag, mediaPathOrUrl, slugId } from '../fields/path-safe-text.ts';
import type { CollectionConfig, Condition } from 'payload';
import {
  canCreateContent,
  canDeleteContent,
  canEditLocale,
  publishedOrStaff,
} from '../access/roles.ts';
import { validateMdxBeforeChange } from '../hooks/validateMdxBeforeChange.ts';
import { translatedFieldsOnly } from '../access/translated-fields-only.ts';

const kinds = ['lesson', 'video', 'infosheet', 'quiz', 'challenge'] as const;
const when =
  (...k: (typeof kinds)[number][]): Condition =>
  (data) =>
    k.includes(data?.kind);

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
  endpoints: [translationFieldsEndpoint('units')],
  fields: withSourceText([
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
      },
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
      admin: { condition: when('quiz') },
      fields: [
        { name: 'questionId', type: 'text', required: true, validate: slugId },
        {
          name: 'type',
          type: 'select',
          options: ['single', 'multiple', 'truefalse', 'ordering', 'matching'],
          required: true,
        },
        { name: 'prompt', type: 'textarea', localized: true },
        {
          name: 'options',
          type: 'array',
          fields: [
            { name: 'optionId', type: 'text', required: true, validate: slugId },
            { name: 'text', type: 'text', localized: true },
            { name: 'feedback', type: 'text', localized: true },
            { name: 'correct', type: 'checkbox' },
          ],
        },
        {
          name: 'targets',
          type: 'array',
          fields: [
            { name: 'targetId', type: 'text', required: true, validate: slugId },
            { name: 'text', type: 'text', localized: true },
          ],
        },
        {
          name: 'correct',
          type: 'json',
          admin: {
            description:
              'Answer key as the compiler reads it (option ids; ' +
              'ordering: ids in order; matching: option=target).',
          },
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

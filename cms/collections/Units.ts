import { withSourceText } from '../translation/with-source-text.ts';
import { translationFieldsEndpoint } from '../endpoints/translation-fields.ts';
import { unitPlacementEndpoint } from '../endpoints/unit-placement.ts';
import { leftToRight, localeTag, mediaPathOrUrl, slugId } from '../fields/path-safe-text.ts';
import type { CollectionConfig, Condition } from 'payload';
import {
  canCreateContent,
  canDeleteContent,
  canEditLocale,
  publishedOrStaff,
} from '../access/roles.ts';
import { validateMdxBeforeChange, validateMdxOnChange } from '../hooks/validateMdxBeforeChange.ts';
import { refuseInvalidWebVtt, webVttText } from '../fields/webvtt-text.ts';
import { translatedFieldsOnly } from '../access/translated-fields-only.ts';
import { adminLabel } from '../admin-languages.ts';
import {
  deriveAnswerKeys,
  showStoredAnswerKeys,
  validateKeyOnChange,
} from '../hooks/deriveAnswerKeys.ts';
import { staleReadsAfterChange, staleReadsAfterDelete } from '../content-read-cache.ts';

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
  labels: {
    singular: adminLabel('admin.collection.unit'),
    plural: adminLabel('admin.collection.units'),
  },
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
  hooks: {
    beforeValidate: [deriveAnswerKeys],
    afterRead: [showStoredAnswerKeys],
    afterChange: [staleReadsAfterChange],
    afterDelete: [staleReadsAfterDelete],
  },
  fields: withSourceText([
    // Not stored: which module and course hold the unit.
    {
      name: 'placement',
      label: adminLabel('admin.field.placement'),
      type: 'ui',
      admin: {
        components: { Field: '/components/UnitPlacement.tsx#UnitPlacement' },
        // a panel, not a value: no column in the list views
        disableListColumn: true,
      },
    },
    {
      name: 'unitId',
      label: adminLabel('admin.field.unitId'),
      type: 'text',
      required: true,
      validate: slugId,
      admin: leftToRight,
    },
    {
      name: 'kind',
      label: adminLabel('admin.field.kind'),
      type: 'select',
      // The outline's names of the kinds, in the member's language (values stay the ids).
      options: [
        { value: 'lesson', label: adminLabel('admin.outline.kind.lesson') },
        { value: 'video', label: adminLabel('admin.outline.kind.video') },
        { value: 'infosheet', label: adminLabel('admin.outline.kind.infosheet') },
        { value: 'quiz', label: adminLabel('admin.outline.kind.quiz') },
        { value: 'challenge', label: adminLabel('admin.outline.kind.challenge') },
      ] satisfies { value: (typeof kinds)[number]; label: unknown }[],
      required: true,
    },
    { name: 'title', label: adminLabel('admin.field.title'), type: 'text', localized: true },
    {
      name: 'body',
      label: adminLabel('admin.field.body'),
      type: 'textarea',
      localized: true,
      admin: {
        condition: when('lesson', 'infosheet'),
        description: adminLabel('admin.field.body.description'),
        // A refused body: each problem's line, highlighted.
        components: { afterInput: ['/components/BodyProblems.tsx#BodyProblems'] },
      },
      validate: validateMdxOnChange,
      hooks: { beforeChange: [validateMdxBeforeChange] },
    },
    {
      name: 'src',
      label: adminLabel('admin.field.src'),
      type: 'text',
      validate: mediaPathOrUrl,
      admin: {
        ...leftToRight,
        condition: when('video'),
        description: adminLabel('admin.field.src.description'),
      },
    },
    {
      name: 'poster',
      label: adminLabel('admin.field.poster'),
      type: 'text',
      validate: mediaPathOrUrl,
      admin: { ...leftToRight, condition: when('video') },
    },
    {
      name: 'captions',
      type: 'array',
      label: adminLabel('admin.captions.captions'),
      labels: {
        singular: adminLabel('admin.captions.caption'),
        plural: adminLabel('admin.captions.captions'),
      },
      admin: { condition: when('video') },
      fields: [
        {
          name: 'locale',
          type: 'text',
          required: true,
          validate: localeTag,
          label: adminLabel('admin.captions.locale'),
          admin: leftToRight,
        },
        {
          name: 'vtt',
          type: 'textarea',
          required: true,
          label: adminLabel('admin.captions.text'),
          validate: webVttText,
          hooks: { beforeChange: [refuseInvalidWebVtt] },
          admin: {
            ...leftToRight,
            components: { afterInput: ['/components/CaptionFile.tsx#CaptionFile'] },
          },
        },
      ],
    },
    {
      name: 'transcript',
      label: adminLabel('admin.field.transcript'),
      type: 'textarea',
      localized: true,
      admin: { condition: when('video') },
    },
    {
      name: 'passMark',
      label: adminLabel('admin.quiz.passMark'),
      type: 'number',
      min: 0,
      max: 100,
      defaultValue: 60,
      admin: { condition: when('quiz') },
    },
    {
      name: 'intro',
      label: adminLabel('admin.quiz.intro'),
      type: 'textarea',
      localized: true,
      admin: { condition: when('quiz') },
    },
    {
      name: 'questions',
      label: adminLabel('admin.quiz.questions'),
      type: 'array',
      labels: {
        singular: adminLabel('admin.quiz.question'),
        plural: adminLabel('admin.quiz.questions'),
      },
      admin: {
        condition: when('quiz'),
        description: adminLabel('admin.quiz.questionsDescription'),
      },
      fields: [
        {
          name: 'questionId',
          label: adminLabel('admin.quiz.questionId'),
          type: 'text',
          validate: slugId,
          admin: { ...leftToRight, description: adminLabel('admin.quiz.questionIdDescription') },
        },
        {
          name: 'type',
          label: adminLabel('admin.quiz.type'),
          type: 'select',
          options: [
            { label: adminLabel('admin.quiz.type.single'), value: 'single' },
            { label: adminLabel('admin.quiz.type.multiple'), value: 'multiple' },
            { label: adminLabel('admin.quiz.type.truefalse'), value: 'truefalse' },
            { label: adminLabel('admin.quiz.type.ordering'), value: 'ordering' },
            { label: adminLabel('admin.quiz.type.matching'), value: 'matching' },
          ],
          defaultValue: 'single',
          required: true,
        },
        {
          name: 'prompt',
          label: adminLabel('admin.quiz.prompt'),
          type: 'textarea',
          localized: true,
        },
        {
          name: 'answer',
          label: adminLabel('admin.quiz.answer'),
          type: 'radio',
          validate: validateKeyOnChange,
          options: [
            // Not `true`/`false`: GraphQL refuses enum values with those names.
            { label: adminLabel('admin.quiz.answer.true'), value: 'is-true' },
            { label: adminLabel('admin.quiz.answer.false'), value: 'is-false' },
          ],
          admin: { condition: (_, sibling) => sibling?.type === 'truefalse', layout: 'horizontal' },
        },
        {
          name: 'options',
          label: adminLabel('admin.quiz.options'),
          type: 'array',
          validate: validateKeyOnChange,
          labels: {
            singular: adminLabel('admin.quiz.option'),
            plural: adminLabel('admin.quiz.options'),
          },
          admin: {
            condition: (_, sibling) => sibling?.type !== 'truefalse',
            description: adminLabel('admin.quiz.optionsDescription'),
          },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'text',
                  label: adminLabel('admin.quiz.text'),
                  type: 'text',
                  localized: true,
                  admin: { width: '60%' },
                },
                {
                  name: 'correct',
                  label: adminLabel('admin.quiz.correct'),
                  type: 'checkbox',
                  admin: {
                    width: '15%',
                    condition: (data, sibling, { path }) =>
                      ['single', 'multiple'].includes(questionOf(data, path)?.type ?? ''),
                  },
                },
                {
                  name: 'match',
                  label: adminLabel('admin.quiz.partner'),
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
            {
              name: 'feedback',
              label: adminLabel('admin.quiz.feedback'),
              type: 'text',
              localized: true,
            },
            {
              name: 'optionId',
              label: adminLabel('admin.quiz.optionId'),
              type: 'text',
              validate: slugId,
              admin: { ...leftToRight, description: adminLabel('admin.quiz.optionIdDescription') },
            },
          ],
        },
        {
          name: 'targets',
          label: adminLabel('admin.quiz.targets'),
          type: 'array',
          validate: validateKeyOnChange,
          labels: {
            singular: adminLabel('admin.quiz.target'),
            plural: adminLabel('admin.quiz.targets'),
          },
          admin: {
            condition: (_, sibling) => sibling?.type === 'matching',
            description: adminLabel('admin.quiz.targetsDescription'),
          },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'text',
                  label: adminLabel('admin.quiz.text'),
                  type: 'text',
                  localized: true,
                  admin: { width: '70%' },
                },
                {
                  name: 'targetId',
                  label: adminLabel('admin.quiz.targetId'),
                  type: 'text',
                  validate: slugId,
                  defaultValue: () => `t-${Math.random().toString(36).slice(2, 7)}`,
                  admin: { ...leftToRight, width: '30%' },
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
        {
          name: 'correctFeedback',
          label: adminLabel('admin.quiz.correctFeedback'),
          type: 'textarea',
          localized: true,
        },
        {
          name: 'incorrectFeedback',
          label: adminLabel('admin.quiz.incorrectFeedback'),
          type: 'textarea',
          localized: true,
        },
      ],
    },
    {
      name: 'prompt',
      label: adminLabel('admin.field.prompt'),
      type: 'textarea',
      localized: true,
      admin: { condition: when('challenge') },
    },
    {
      name: 'commitment',
      label: adminLabel('admin.field.commitment'),
      type: 'textarea',
      localized: true,
      admin: { condition: when('challenge') },
    },
    {
      name: 'points',
      label: adminLabel('admin.field.points'),
      type: 'number',
      min: 0,
      admin: { condition: when('challenge') },
    },
  ]),
});

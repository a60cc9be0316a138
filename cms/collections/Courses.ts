import { withSourceText } from '../translation/with-source-text.ts';
import { consentVersionField, leftToRight, slugId } from '../fields/path-safe-text.ts';
import type { CollectionConfig } from 'payload';
import {
  canCreateContent,
  canDeleteContent,
  canEditLocale,
  publishedOrStaff,
} from '../access/roles.ts';
import { baseLocales } from '../locales.ts';
import { publishCourseAsAWhole } from '../hooks/publishCourseAsAWhole.ts';
import { checkBeforePublish } from '../hooks/checkBeforePublish.ts';
import { courseCheckEndpoint } from '../endpoints/course-check.ts';
import { courseOutlineEndpoints } from '../endpoints/course-outline.ts';
import { translatedFieldsOnly } from '../access/translated-fields-only.ts';
import { translationStatusEndpoint } from '../endpoints/translation-status.ts';
import { translationMarkEndpoint } from '../endpoints/translation-mark.ts';
import { translationFieldsEndpoint } from '../endpoints/translation-fields.ts';
import { publishBundlesEndpoint } from '../endpoints/publish-bundles.ts';
import {
  evaluationReportEndpoint,
  exportResponsesEndpoint,
  importResponsesEndpoint,
} from '../endpoints/evaluation.ts';

export const Courses: CollectionConfig = translatedFieldsOnly({
  slug: 'courses',
  admin: {
    useAsTitle: 'title',
    // Not the first field (the Outline panel, which has no value to list).
    defaultColumns: ['title', 'courseId', 'languages', '_status', 'updatedAt'],
  },
  versions: { drafts: true },
  hooks: { beforeChange: [checkBeforePublish], afterChange: [publishCourseAsAWhole] },
  access: {
    read: publishedOrStaff,
    create: canCreateContent,
    update: canEditLocale,
    delete: canDeleteContent,
  },
  endpoints: [
    translationStatusEndpoint,
    translationMarkEndpoint,
    translationFieldsEndpoint('courses'),
    publishBundlesEndpoint,
    courseCheckEndpoint,
    ...courseOutlineEndpoints,
    evaluationReportEndpoint,
    exportResponsesEndpoint,
    importResponsesEndpoint,
  ],
  fields: withSourceText([
    // Not stored: the course's modules and units as a tree, edited in place.
    {
      name: 'outline',
      type: 'ui',
      admin: { components: { Field: '/components/CourseOutline.tsx#CourseOutline' } },
    },
    // Not stored: the "Publish bundles" panel (progress, errors, links to the last bundles and
    // their zips).
    {
      name: 'publishBundles',
      type: 'ui',
      admin: { components: { Field: '/components/PublishBundles.tsx#PublishBundles' } },
    },
    // Not stored: the evaluation of the questionnaire's responses (admins and evaluators).
    {
      name: 'checks',
      type: 'ui',
      admin: { components: { Field: '/components/CourseChecks.tsx#CourseChecks' } },
    },
    {
      name: 'evaluation',
      type: 'ui',
      admin: { components: { Field: '/components/EvaluationPanel.tsx#EvaluationPanel' } },
    },
    // Not stored: coverage per locale, and what needs work in the locale being edited.
    {
      name: 'translationStatus',
      type: 'ui',
      admin: { components: { Field: '/components/TranslationStatus.tsx#TranslationStatus' } },
    },
    {
      name: 'courseId',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: slugId,
      admin: leftToRight,
    },
    { name: 'title', type: 'text', localized: true },
    { name: 'description', type: 'textarea', localized: true },
    {
      name: 'sourceLocale',
      type: 'select',
      options: baseLocales,
      defaultValue: 'en',
      required: true,
    },
    // not "locales": Payload's SQL adapters name their localization tables <collection>_locales
    { name: 'languages', type: 'select', options: baseLocales, hasMany: true, required: true },
    { name: 'theme', type: 'text', defaultValue: 'default', admin: leftToRight },
    { name: 'modules', type: 'relationship', relationTo: 'modules', hasMany: true },
    {
      name: 'points',
      type: 'group',
      fields: [
        { name: 'lessonViewed', type: 'number', defaultValue: 10 },
        { name: 'correctAnswer', type: 'number', defaultValue: 5 },
        { name: 'challengeDone', type: 'number', defaultValue: 20 },
        { name: 'replayCountsOnlyIfBetter', type: 'checkbox', defaultValue: true },
      ],
    },
    {
      name: 'glossary',
      type: 'array',
      fields: [
        { name: 'termId', type: 'text', required: true, validate: slugId, admin: leftToRight },
        { name: 'term', type: 'text', localized: true },
        { name: 'definition', type: 'textarea', localized: true },
      ],
    },
    {
      name: 'questionnaire',
      type: 'group',
      fields: [
        { name: 'questionnaireId', type: 'text', validate: slugId, admin: leftToRight },
        { name: 'scale', type: 'number', min: 2, max: 11 },
        { name: 'title', type: 'text', localized: true },
        { name: 'intro', type: 'textarea', localized: true },
        {
          name: 'scaleLabels',
          type: 'array',
          fields: [{ name: 'label', type: 'text', localized: true }],
        },
        {
          name: 'items',
          type: 'array',
          fields: [
            { name: 'itemId', type: 'text', required: true, validate: slugId, admin: leftToRight },
            { name: 'text', type: 'textarea', localized: true },
            { name: 'reversed', type: 'checkbox' },
          ],
        },
        {
          name: 'consentVersion',
          type: 'text',
          validate: consentVersionField,
          admin: {
            ...leftToRight,
            description:
              'Names the consent text below. With the learner services, a learner agrees to it ' +
              'before their answers are shared; each answer records this version. Change it ' +
              'whenever the text changes.',
          },
        },
        {
          name: 'consent',
          type: 'textarea',
          localized: true,
          admin: {
            description:
              'What a learner agrees to before their answers leave their device for the ' +
              'evaluation: who sees them, under which key, for what, and how to withdraw.',
          },
        },
      ],
    },
  ]),
});

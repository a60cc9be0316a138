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
import { publishBundlesEndpoint, readyPublisherEndpoint } from '../endpoints/publish-bundles.ts';
import { adminLabel, localeOptions } from '../admin-languages.ts';
import {
  evaluationReportEndpoint,
  exportResponsesEndpoint,
  importResponsesEndpoint,
} from '../endpoints/evaluation.ts';
import { staleReadsAfterChange, staleReadsAfterDelete } from '../content-read-cache.ts';

export const Courses: CollectionConfig = translatedFieldsOnly({
  slug: 'courses',
  labels: {
    singular: adminLabel('admin.collection.course'),
    plural: adminLabel('admin.collection.courses'),
  },
  admin: {
    useAsTitle: 'title',
    // Not the first field (the Outline panel, which has no value to list).
    defaultColumns: ['title', 'courseId', 'languages', '_status', 'updatedAt'],
  },
  versions: { drafts: true },
  hooks: {
    beforeChange: [checkBeforePublish],
    afterChange: [publishCourseAsAWhole, staleReadsAfterChange],
    afterDelete: [staleReadsAfterDelete],
  },
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
    readyPublisherEndpoint,
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
      label: adminLabel('admin.outline.title'),
      type: 'ui',
      admin: {
        components: { Field: '/components/CourseOutline.tsx#CourseOutline' },
        // a panel, not a value: no column in the list views
        disableListColumn: true,
      },
    },
    // Not stored: the "Publish bundles" panel (progress, errors, links to the last bundles and
    // their zips).
    {
      name: 'publishBundles',
      label: adminLabel('admin.publish.title'),
      type: 'ui',
      admin: {
        components: { Field: '/components/PublishBundles.tsx#PublishBundles' },
        // a panel, not a value: no column in the list views
        disableListColumn: true,
      },
    },
    // Not stored: the evaluation of the questionnaire's responses (admins and evaluators).
    {
      name: 'checks',
      label: adminLabel('admin.checks.title'),
      type: 'ui',
      admin: {
        components: { Field: '/components/CourseChecks.tsx#CourseChecks' },
        // a panel, not a value: no column in the list views
        disableListColumn: true,
      },
    },
    {
      name: 'evaluation',
      label: adminLabel('admin.evaluation.title'),
      type: 'ui',
      admin: {
        components: { Field: '/components/EvaluationPanel.tsx#EvaluationPanel' },
        // a panel, not a value: no column in the list views
        disableListColumn: true,
      },
    },
    // Not stored: coverage per locale, and what needs work in the locale being edited.
    {
      name: 'translationStatus',
      label: adminLabel('admin.translation.title'),
      type: 'ui',
      admin: {
        components: { Field: '/components/TranslationStatus.tsx#TranslationStatus' },
        // a panel, not a value: no column in the list views
        disableListColumn: true,
      },
    },
    {
      name: 'courseId',
      label: adminLabel('admin.field.courseId'),
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: slugId,
      admin: leftToRight,
    },
    { name: 'title', label: adminLabel('admin.field.title'), type: 'text', localized: true },
    {
      name: 'description',
      label: adminLabel('admin.field.description'),
      type: 'textarea',
      localized: true,
    },
    {
      name: 'sourceLocale',
      label: adminLabel('admin.field.sourceLocale'),
      type: 'select',
      options: localeOptions(baseLocales),
      defaultValue: 'en',
      required: true,
    },
    // not "locales": Payload's SQL adapters name their localization tables <collection>_locales
    {
      name: 'languages',
      label: adminLabel('admin.field.languages'),
      type: 'select',
      options: localeOptions(baseLocales),
      hasMany: true,
      required: true,
    },
    {
      name: 'theme',
      label: adminLabel('admin.field.theme'),
      type: 'text',
      defaultValue: 'default',
      admin: leftToRight,
    },
    {
      name: 'modules',
      label: adminLabel('admin.field.modules'),
      type: 'relationship',
      relationTo: 'modules',
      hasMany: true,
    },
    {
      name: 'points',
      label: adminLabel('admin.field.points'),
      type: 'group',
      fields: [
        {
          name: 'lessonViewed',
          label: adminLabel('admin.field.lessonViewed'),
          type: 'number',
          defaultValue: 10,
        },
        {
          name: 'correctAnswer',
          label: adminLabel('admin.field.correctAnswer'),
          type: 'number',
          defaultValue: 5,
        },
        {
          name: 'challengeDone',
          label: adminLabel('admin.field.challengeDone'),
          type: 'number',
          defaultValue: 20,
        },
        {
          name: 'replayCountsOnlyIfBetter',
          label: adminLabel('admin.field.replayCountsOnlyIfBetter'),
          type: 'checkbox',
          defaultValue: true,
        },
      ],
    },
    {
      name: 'glossary',
      label: adminLabel('admin.field.glossary'),
      type: 'array',
      labels: {
        singular: adminLabel('admin.field.glossaryEntry'),
        plural: adminLabel('admin.field.glossary'),
      },
      fields: [
        {
          name: 'termId',
          label: adminLabel('admin.field.termId'),
          type: 'text',
          required: true,
          validate: slugId,
          admin: leftToRight,
        },
        { name: 'term', label: adminLabel('admin.field.term'), type: 'text', localized: true },
        {
          name: 'definition',
          label: adminLabel('admin.field.definition'),
          type: 'textarea',
          localized: true,
        },
      ],
    },
    {
      name: 'questionnaire',
      label: adminLabel('admin.field.questionnaire'),
      type: 'group',
      fields: [
        {
          name: 'questionnaireId',
          label: adminLabel('admin.field.questionnaireId'),
          type: 'text',
          validate: slugId,
          admin: leftToRight,
        },
        { name: 'scale', label: adminLabel('admin.field.scale'), type: 'number', min: 2, max: 11 },
        { name: 'title', label: adminLabel('admin.field.title'), type: 'text', localized: true },
        {
          name: 'intro',
          label: adminLabel('admin.field.intro'),
          type: 'textarea',
          localized: true,
        },
        {
          name: 'scaleLabels',
          label: adminLabel('admin.field.scaleLabels'),
          type: 'array',
          labels: {
            singular: adminLabel('admin.field.scaleLabel'),
            plural: adminLabel('admin.field.scaleLabels'),
          },
          fields: [
            {
              name: 'label',
              label: adminLabel('admin.field.label'),
              type: 'text',
              localized: true,
            },
          ],
        },
        {
          name: 'items',
          label: adminLabel('admin.field.items'),
          type: 'array',
          labels: {
            singular: adminLabel('admin.field.item'),
            plural: adminLabel('admin.field.items'),
          },
          fields: [
            {
              name: 'itemId',
              label: adminLabel('admin.field.itemId'),
              type: 'text',
              required: true,
              validate: slugId,
              admin: leftToRight,
            },
            {
              name: 'text',
              label: adminLabel('admin.field.text'),
              type: 'textarea',
              localized: true,
            },
            { name: 'reversed', label: adminLabel('admin.field.reversed'), type: 'checkbox' },
          ],
        },
        {
          name: 'consentVersion',
          label: adminLabel('admin.field.consentVersion'),
          type: 'text',
          validate: consentVersionField,
          admin: {
            ...leftToRight,
            description: adminLabel('admin.field.consentVersion.description'),
          },
        },
        {
          name: 'consent',
          label: adminLabel('admin.field.consent'),
          type: 'textarea',
          localized: true,
          admin: {
            description: adminLabel('admin.field.consent.description'),
          },
        },
      ],
    },
  ]),
});

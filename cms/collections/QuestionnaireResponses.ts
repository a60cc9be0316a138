/**
 * Learners' answers to a course's attitude questionnaire, one document per learner and phase
 * (`pre` before the course, `post` after it): what `polycourse evaluate --from-cms` and the
 * course's Evaluation panel compare. Filled by importing a responses CSV (POST
 * /api/courses/:id/responses); the learner services will add answers from the bundles. Only admins
 * and evaluators see them (docs/security.md). Each save checks the answers against the course's
 * questionnaire: its items and its scale.
 */
import { ValidationError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload';
import { evaluatorsOnly, isAdmin } from '../access/roles.ts';
import { checkAnswers, courseQuestionnaire } from '../evaluation/course-questionnaire.ts';
import { jsonText } from '../fields/json-text.ts';
import { adminLabel } from '../admin-languages.ts';

const checkAgainstQuestionnaire: CollectionBeforeChangeHook = async ({ data, req }) => {
  const questionnaire = await courseQuestionnaire(req.payload, String(data.courseId ?? ''));
  const problems = checkAnswers(data.answers, questionnaire, String(data.courseId ?? ''));
  if (problems.length)
    throw new ValidationError({
      collection: 'questionnaire-responses',
      errors: problems.map((message) => ({ path: 'answers', message })),
    });
  return data;
};

export const QuestionnaireResponses: CollectionConfig = {
  slug: 'questionnaire-responses',
  labels: {
    singular: adminLabel('admin.collection.questionnaireResponse'),
    plural: adminLabel('admin.collection.questionnaireResponses'),
  },
  admin: {
    useAsTitle: 'learner',
    defaultColumns: ['courseId', 'learner', 'phase', 'updatedAt'],
    group: adminLabel('admin.group.evaluation'),
  },
  access: {
    read: evaluatorsOnly,
    create: evaluatorsOnly,
    update: evaluatorsOnly,
    delete: isAdmin,
  },
  hooks: { beforeChange: [checkAgainstQuestionnaire] },
  indexes: [{ fields: ['courseId', 'learner', 'phase'], unique: true }],
  fields: [
    {
      name: 'courseId',
      label: adminLabel('admin.field.courseId'),
      type: 'text',
      required: true,
      index: true,
      maxLength: 100,
    },
    {
      name: 'learner',
      label: adminLabel('admin.field.learner'),
      type: 'text',
      required: true,
      maxLength: 100,
      admin: { description: adminLabel('admin.field.learner.description') },
    },
    {
      name: 'phase',
      label: adminLabel('admin.field.phase'),
      type: 'select',
      options: [
        { value: 'pre', label: adminLabel('admin.field.phase.pre') },
        { value: 'post', label: adminLabel('admin.field.phase.post') },
      ],
      required: true,
    },
    {
      name: 'answers',
      label: adminLabel('admin.field.answers'),
      type: 'json',
      required: true,
      admin: {
        ...jsonText,
        description: adminLabel('admin.field.answers.description'),
      },
    },
    {
      name: 'groups',
      label: adminLabel('admin.field.groups'),
      type: 'json',
      admin: { ...jsonText, description: adminLabel('admin.field.groups.description') },
    },
    {
      name: 'consentVersion',
      label: adminLabel('admin.field.consentVersion'),
      type: 'text',
      maxLength: 100,
    },
  ],
};

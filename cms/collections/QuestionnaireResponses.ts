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
  admin: {
    useAsTitle: 'learner',
    defaultColumns: ['courseId', 'learner', 'phase', 'updatedAt'],
    group: 'Evaluation',
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
    { name: 'courseId', type: 'text', required: true, index: true, maxLength: 100 },
    {
      name: 'learner',
      type: 'text',
      required: true,
      maxLength: 100,
      admin: { description: 'A pseudonymous id, the same in the pre and post answers.' },
    },
    { name: 'phase', type: 'select', options: ['pre', 'post'], required: true },
    {
      name: 'answers',
      type: 'json',
      required: true,
      admin: {
        ...jsonText,
        description: 'Item id → answer on the scale, e.g. {"a01": 4, "a02": 2}.',
      },
    },
    {
      name: 'groups',
      type: 'json',
      admin: { ...jsonText, description: 'Grouping values for the report, e.g. {"locale": "fr"}.' },
    },
    { name: 'consentVersion', type: 'text', maxLength: 100 },
  ],
};

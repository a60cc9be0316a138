/**
 * What learners did, as the server recorded it (cms/learners/record-events.ts): one document per
 * event a bundle sent (`learner-events`, unique per learner, course and event id, so a retried
 * event counts once), and one score per learner and course (`learner-scores`, the points the
 * server computed from those events with the course's rules, what the leaderboard sorts). Only the
 * server writes them; admins read them in the admin; learners reach theirs through
 * /api/learner/me.
 */
import type { CollectionConfig } from 'payload';
import { hiddenUnlessAdmin, isAdmin } from '../access/roles.ts';
import { moveOnBoards, type ScoreRow } from '../learners/redis-boards.ts';
import { adminLabel } from '../admin-languages.ts';

const serverWritten = {
  read: isAdmin,
  create: () => false,
  update: () => false,
  delete: isAdmin,
} as const;

export const eventTypes = [
  'unit-viewed',
  'video-watched',
  'quiz-attempt',
  'challenge-done',
] as const;

/** How the admin names each event type (the values stay the stored ones). */
const eventTypeLabels = {
  'unit-viewed': 'admin.field.eventType.unitViewed',
  'video-watched': 'admin.field.eventType.videoWatched',
  'quiz-attempt': 'admin.field.eventType.quizAttempt',
  'challenge-done': 'admin.field.eventType.challengeDone',
} satisfies Record<(typeof eventTypes)[number], string>;

export const LearnerEvents: CollectionConfig = {
  slug: 'learner-events',
  labels: {
    singular: adminLabel('admin.collection.learnerEvent'),
    plural: adminLabel('admin.collection.learnerEvents'),
  },
  admin: {
    group: adminLabel('admin.group.learners'),
    defaultColumns: ['learner', 'courseId', 'type', 'unit', 'createdAt'],
    hidden: hiddenUnlessAdmin,
  },
  access: serverWritten,
  graphQL: false,
  indexes: [{ fields: ['learner', 'courseId', 'eventId'], unique: true }],
  fields: [
    {
      name: 'learner',
      label: adminLabel('admin.field.learner'),
      type: 'relationship',
      relationTo: 'learners',
      required: true,
      index: true,
    },
    {
      name: 'courseId',
      label: adminLabel('admin.field.courseId'),
      type: 'text',
      required: true,
      maxLength: 100,
    },
    {
      name: 'eventId',
      label: adminLabel('admin.field.eventId'),
      type: 'text',
      required: true,
      maxLength: 64,
    },
    {
      name: 'type',
      label: adminLabel('admin.field.eventType'),
      type: 'select',
      options: eventTypes.map((value) => ({ value, label: adminLabel(eventTypeLabels[value]) })),
      required: true,
    },
    { name: 'locale', label: adminLabel('admin.field.locale'), type: 'text', maxLength: 20 },
    {
      name: 'unit',
      label: adminLabel('admin.field.unit'),
      type: 'text',
      required: true,
      maxLength: 201,
    },
    /** quiz-attempt: the answers as sent; scored on the server, never taken from the client */
    { name: 'answers', label: adminLabel('admin.field.quizAnswers'), type: 'json' },
    { name: 'correct', label: adminLabel('admin.field.correctAnswers'), type: 'number' },
    { name: 'total', label: adminLabel('admin.field.totalQuestions'), type: 'number' },
    { name: 'passed', label: adminLabel('admin.field.passed'), type: 'checkbox' },
    /** challenge-done: done or undone */
    { name: 'done', label: adminLabel('admin.field.challengeMarkedDone'), type: 'checkbox' },
    /** when the learner did it (the device's clock, bounded by the server's) */
    { name: 'at', label: adminLabel('admin.field.eventAt'), type: 'date', required: true },
  ],
};

export const LearnerScores: CollectionConfig = {
  slug: 'learner-scores',
  labels: {
    singular: adminLabel('admin.collection.learnerScore'),
    plural: adminLabel('admin.collection.learnerScores'),
  },
  admin: {
    group: adminLabel('admin.group.learners'),
    useAsTitle: 'name',
    defaultColumns: ['name', 'courseId', 'locale', 'points', 'weekPoints', 'listed'],
    hidden: hiddenUnlessAdmin,
    components: { beforeListTable: ['/components/StaffLeaderboard.tsx#StaffLeaderboard'] },
  },
  access: serverWritten,
  graphQL: false,
  // With Redis, each change moves the learner on the boards' sorted sets (the ranks).
  hooks: {
    afterChange: [
      async ({ doc, previousDoc, req }) => {
        await moveOnBoards(req.payload, doc as ScoreRow, previousDoc as ScoreRow | undefined);
        return doc;
      },
    ],
    afterDelete: [
      async ({ doc, req }) => {
        await moveOnBoards(req.payload, undefined, doc as ScoreRow);
      },
    ],
  },
  indexes: [
    { fields: ['learner', 'courseId'], unique: true },
    { fields: ['courseId', 'listed', 'points'] },
    { fields: ['courseId', 'listed', 'week', 'weekPoints'] },
  ],
  fields: [
    {
      name: 'learner',
      label: adminLabel('admin.field.learner'),
      type: 'relationship',
      relationTo: 'learners',
      required: true,
    },
    {
      name: 'courseId',
      label: adminLabel('admin.field.courseId'),
      type: 'text',
      required: true,
      maxLength: 100,
    },
    /** the locale the learner last studied in: the per-locale board */
    { name: 'locale', label: adminLabel('admin.field.locale'), type: 'text', maxLength: 20 },
    /** the learner's display name when they take part in the leaderboard */
    { name: 'name', label: adminLabel('admin.leaderboard.name'), type: 'text', maxLength: 40 },
    {
      name: 'listed',
      label: adminLabel('admin.field.listed'),
      type: 'checkbox',
      defaultValue: false,
    },
    {
      name: 'points',
      label: adminLabel('admin.field.points'),
      type: 'number',
      required: true,
      defaultValue: 0,
    },
    /** the Monday (UTC) of the week `weekPoints` counts, YYYY-MM-DD */
    { name: 'week', label: adminLabel('admin.field.week'), type: 'text', maxLength: 10 },
    {
      name: 'weekPoints',
      label: adminLabel('admin.field.weekPoints'),
      type: 'number',
      defaultValue: 0,
    },
    /** points at the start of `week` */
    {
      name: 'weekBase',
      label: adminLabel('admin.field.weekBase'),
      type: 'number',
      defaultValue: 0,
    },
    /**
     * The learner's progress in the course as counted so far (runtime/logic/progress.ts), and the
     * time of the latest event it counts: a new event adds to it (cms/learners/record-events.ts).
     */
    { name: 'progress', type: 'json', admin: { hidden: true } },
    { name: 'lastAt', type: 'date', admin: { hidden: true } },
    /** one more on every write of the points: a write is refused if another came first */
    { name: 'revision', type: 'number', defaultValue: 0, admin: { hidden: true } },
  ],
};

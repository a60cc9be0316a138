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

export const LearnerEvents: CollectionConfig = {
  slug: 'learner-events',
  admin: {
    group: 'Learners',
    defaultColumns: ['learner', 'courseId', 'type', 'unit', 'points', 'createdAt'],
    hidden: hiddenUnlessAdmin,
  },
  access: serverWritten,
  graphQL: false,
  indexes: [{ fields: ['learner', 'courseId', 'eventId'], unique: true }],
  fields: [
    { name: 'learner', type: 'relationship', relationTo: 'learners', required: true, index: true },
    { name: 'courseId', type: 'text', required: true, maxLength: 100 },
    { name: 'eventId', type: 'text', required: true, maxLength: 64 },
    { name: 'type', type: 'select', options: [...eventTypes], required: true },
    { name: 'locale', type: 'text', maxLength: 20 },
    { name: 'unit', type: 'text', required: true, maxLength: 201 },
    /** quiz-attempt: the answers as sent; scored on the server, never taken from the client */
    { name: 'answers', type: 'json' },
    { name: 'correct', type: 'number' },
    { name: 'total', type: 'number' },
    { name: 'passed', type: 'checkbox' },
    /** challenge-done: done or undone */
    { name: 'done', type: 'checkbox' },
    /** when the learner did it (the device's clock, bounded by the server's) */
    { name: 'at', type: 'date', required: true },
  ],
};

export const LearnerScores: CollectionConfig = {
  slug: 'learner-scores',
  admin: {
    group: 'Learners',
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
    { name: 'learner', type: 'relationship', relationTo: 'learners', required: true },
    { name: 'courseId', type: 'text', required: true, maxLength: 100 },
    /** the locale the learner last studied in: the per-locale board */
    { name: 'locale', type: 'text', maxLength: 20 },
    /** the learner's display name when they take part in the leaderboard */
    { name: 'name', type: 'text', maxLength: 40 },
    { name: 'listed', type: 'checkbox', defaultValue: false },
    { name: 'points', type: 'number', required: true, defaultValue: 0 },
    /** the Monday (UTC) of the week `weekPoints` counts, YYYY-MM-DD */
    { name: 'week', type: 'text', maxLength: 10 },
    { name: 'weekPoints', type: 'number', defaultValue: 0 },
    /** points at the start of `week` */
    { name: 'weekBase', type: 'number', defaultValue: 0 },
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

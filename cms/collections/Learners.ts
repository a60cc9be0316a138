/**
 * Learners: the accounts of people taking a course from a bundle, separate from staff (`users`).
 * Pseudonymous: a username and a password, a display name shown on the leaderboard only when they
 * opt in, an email only if they give one. They sign in through /api/learner/* (cms/endpoints/
 * learner-api.ts), which answers with a Bearer token and never sets Payload's `payload-token`
 * cookie: that one cookie is shared by all auth collections, so a learner signing in on the CMS's
 * own origin would otherwise replace a staff session. Payload's own cookie-setting auth routes of
 * this collection are closed, and it has no GraphQL (docs/security.md).
 */
import crypto from 'node:crypto';
import type { Access, CollectionConfig, Endpoint, PayloadRequest } from 'payload';
import { hasRole, hiddenUnlessAdmin } from '../access/roles.ts';
import { learnerBearer } from '../learners/learner-auth.ts';
import { adminLabel } from '../admin-languages.ts';

/** Whether the request comes from a signed-in learner. */
export const isLearner = (req: PayloadRequest) => req.user?.collection === 'learners';

/** Admins see every learner; a learner only their own account; nobody else any. */
const adminOrSelf: Access = ({ req }) =>
  hasRole(req, 'admin') ? true : isLearner(req) ? { id: { equals: req.user!.id } } : false;

/**
 * Payload's routes that set (or clear) the one `payload-token` cookie: closed for learners, with
 * where to go instead.
 */
const closed = (path: string): Endpoint => ({
  path,
  method: 'post',
  handler: () =>
    Response.json(
      {
        errors: [
          {
            message:
              path === '/logout'
                ? 'Learners do not use /api/learners/logout (it clears the cookie of a staff ' +
                  'session): sign out with POST /api/learner/logout and the Bearer token.'
                : `Learners do not use /api/learners${path}: sign in with POST ` +
                  '/api/learner/login, which answers with a Bearer token and sets no cookie.',
          },
        ],
      },
      { status: 404 },
    ),
});

export const learnerLimits = { username: 40, displayName: 40, password: 200, minPassword: 8 };

export const Learners: CollectionConfig = {
  slug: 'learners',
  labels: {
    singular: adminLabel('admin.collection.learner'),
    plural: adminLabel('admin.collection.learners'),
  },
  auth: {
    loginWithUsername: { allowEmailLogin: true, requireEmail: false },
    // Lockout after 5 failed logins for 10 minutes (Payload's own, per account).
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 30 * 24 * 60 * 60,
    // Learners' Bearer tokens in one small query, before Payload's own strategy (learner-auth.ts).
    strategies: [learnerBearer],
  },
  graphQL: false,
  endpoints: [
    '/login',
    '/logout',
    '/refresh-token',
    '/first-register',
    '/reset-password',
    '/forgot-password',
  ].map(closed),
  admin: {
    useAsTitle: 'username',
    defaultColumns: ['username', 'displayName', 'leaderboard', 'createdAt'],
    group: adminLabel('admin.group.learners'),
    hidden: hiddenUnlessAdmin,
  },
  access: {
    read: adminOrSelf,
    // Sign-up goes through POST /api/learner/sign-up (rate-limited), not the collection.
    create: ({ req }) => hasRole(req, 'admin'),
    update: adminOrSelf,
    delete: adminOrSelf,
    admin: () => false,
  },
  fields: [
    {
      name: 'displayName',
      label: adminLabel('admin.field.displayName'),
      type: 'text',
      maxLength: learnerLimits.displayName,
      admin: { description: adminLabel('admin.field.displayName.description') },
    },
    {
      name: 'leaderboard',
      label: adminLabel('admin.field.leaderboard'),
      type: 'checkbox',
      defaultValue: false,
      admin: { description: adminLabel('admin.field.leaderboard.description') },
    },
    {
      // Matches a learner's pre and post questionnaire answers for evaluators, who never see the
      // account behind it.
      name: 'evaluationKey',
      label: adminLabel('admin.field.evaluationKey'),
      type: 'text',
      unique: true,
      index: true,
      access: { update: () => false },
      admin: { readOnly: true },
      hooks: {
        beforeChange: [
          ({ value, operation }) =>
            operation === 'create' && !value ? crypto.randomBytes(12).toString('hex') : value,
        ],
      },
    },
  ],
};

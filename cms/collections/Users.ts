import type { Access, CollectionConfig } from 'payload';
import { hasRole, isAdmin, isStaff, roles } from '../access/roles.ts';
import { baseLocales } from '../locales.ts';
import { requireSetupToken, setupTokenField, spendSetupToken } from '../first-admin.ts';

/** Admins read and change every account; other staff only their own; nobody else any. */
const adminOrSelf: Access = ({ req }) =>
  hasRole(req, 'admin') ? true : isStaff(req) ? { id: { equals: req.user!.id } } : false;
// On the create-first-user form nobody is signed in: that account is the admin, so roles are not
// offered.
const signedIn = (_data: unknown, _siblingData: unknown, { user }: { user?: unknown }) =>
  Boolean(user);

export const Users: CollectionConfig = {
  slug: 'users',
  // API keys: a build machine reads the CMS over REST with one (polycourse build --from … --token).
  auth: { useAPIKey: true },
  admin: { useAsTitle: 'email' },
  access: { read: adminOrSelf, create: isAdmin, update: adminOrSelf, delete: isAdmin },
  // The first account (POST /api/users/first-register) needs the operator's setup token and is an
  // admin.
  hooks: { beforeOperation: [requireSetupToken], afterChange: [spendSetupToken] },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      options: [...roles],
      defaultValue: ['author'],
      required: true,
      admin: { condition: signedIn },
      access: { update: ({ req }) => hasRole(req, 'admin') },
    },
    {
      name: 'workLocales',
      type: 'select',
      hasMany: true,
      options: baseLocales,
      admin: {
        condition: signedIn,
        description: 'Translators and reviewers work in these locales only.',
      },
      access: { update: ({ req }) => hasRole(req, 'admin') },
    },
    setupTokenField,
  ],
};

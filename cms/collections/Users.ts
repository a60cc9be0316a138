import type { Access, CollectionConfig } from 'payload';
import { hasRole, isAdmin, isStaff, roles, type Role } from '../access/roles.ts';
import { baseLocales } from '../locales.ts';
import { requireSetupToken, setupTokenField, spendSetupToken } from '../first-admin.ts';
import { adminLabel, localeOptions } from '../admin-languages.ts';
import {
  staleReadsAfterChange,
  staleReadsAfterDelete,
  staleReadsAfterLogout,
} from '../content-read-cache.ts';

/** Admins read and change every account; other staff only their own; nobody else any. */
const adminOrSelf: Access = ({ req }) =>
  hasRole(req, 'admin') ? true : isStaff(req) ? { id: { equals: req.user!.id } } : false;
// On the create-first-user form nobody is signed in: that account is the admin, so roles are not
// offered.
const signedIn = (_data: unknown, _siblingData: unknown, { user }: { user?: unknown }) =>
  Boolean(user);

/** How the admin names each role (the values stay the stored ones). */
const roleLabels = {
  admin: 'admin.field.roles.admin',
  author: 'admin.field.roles.author',
  translator: 'admin.field.roles.translator',
  reviewer: 'admin.field.roles.reviewer',
  evaluator: 'admin.field.roles.evaluator',
  moderator: 'admin.field.roles.moderator',
} satisfies Record<Role, string>;

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: adminLabel('admin.collection.user'),
    plural: adminLabel('admin.collection.users'),
  },
  // API keys: a build machine reads the CMS over REST with one (polycourse build --from … --token).
  auth: { useAPIKey: true },
  admin: { useAsTitle: 'email' },
  access: { read: adminOrSelf, create: isAdmin, update: adminOrSelf, delete: isAdmin },
  // The first account (POST /api/users/first-register) needs the operator's setup token and is an
  // admin. A change of roles or keys, or a logout, ends the cached content reads
  // (content-read-cache.ts).
  hooks: {
    beforeOperation: [requireSetupToken],
    afterChange: [spendSetupToken, staleReadsAfterChange],
    afterDelete: [staleReadsAfterDelete],
    afterLogout: [staleReadsAfterLogout],
  },
  fields: [
    { name: 'name', label: adminLabel('admin.field.name'), type: 'text' },
    {
      name: 'roles',
      label: adminLabel('admin.field.roles'),
      type: 'select',
      hasMany: true,
      options: roles.map((value) => ({ value, label: adminLabel(roleLabels[value]) })),
      defaultValue: ['author'],
      required: true,
      admin: { condition: signedIn },
      access: { update: ({ req }) => hasRole(req, 'admin') },
    },
    {
      name: 'workLocales',
      label: adminLabel('admin.field.workLocales'),
      type: 'select',
      hasMany: true,
      options: localeOptions(baseLocales),
      admin: {
        condition: signedIn,
        description: adminLabel('admin.field.workLocales.description'),
      },
      access: { update: ({ req }) => hasRole(req, 'admin') },
    },
    {
      ...setupTokenField,
      label: adminLabel('admin.field.setupToken'),
      admin: {
        ...setupTokenField.admin,
        description: adminLabel('admin.field.setupToken.description'),
      },
    },
    // Payload's flag beside the API key (no control in the form, a column of the list): only its
    // label is ours, merged into Payload's field (virtual as Payload's: nothing to validate).
    {
      name: 'hasAPIKey',
      type: 'checkbox',
      virtual: true,
      label: adminLabel('admin.field.hasAPIKey'),
    },
  ],
};

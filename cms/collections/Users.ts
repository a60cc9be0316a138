import type { CollectionConfig } from 'payload';
import { isAdmin, roles } from '../access/roles.ts';
import { baseLocales } from '../locales.ts';

export const Users: CollectionConfig = {
  slug: 'users',
  // API keys: a build machine reads the CMS over REST with one (polycourse build --from … --token).
  auth: { useAPIKey: true },
  admin: { useAsTitle: 'email' },
  access: {
    read: ({ req }) => (req.user ? true : false),
    create: isAdmin,
    update: ({ req }) => (req.user?.roles?.includes('admin') ? true : { id: { equals: req.user?.id } }),
    delete: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text' },
    { name: 'roles', type: 'select', hasMany: true, options: [...roles], defaultValue: ['author'], required: true, access: { update: ({ req }) => Boolean(req.user?.roles?.includes('admin')) } },
    { name: 'workLocales', type: 'select', hasMany: true, options: baseLocales, admin: { description: 'Translators and reviewers work in these locales only.' }, access: { update: ({ req }) => Boolean(req.user?.roles?.includes('admin')) } },
  ],
};

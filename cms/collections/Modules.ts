import type { CollectionConfig } from 'payload';
import { canCreateContent, canDeleteContent, canEditLocale, publishedOrStaff } from '../access/roles.ts';

export const Modules: CollectionConfig = {
  slug: 'modules',
  admin: { useAsTitle: 'title' },
  versions: { drafts: true },
  access: { read: publishedOrStaff, create: canCreateContent, update: canEditLocale, delete: canDeleteContent },
  fields: [
    { name: 'moduleId', type: 'text', required: true },
    { name: 'title', type: 'text', localized: true },
    { name: 'summary', type: 'textarea', localized: true },
    { name: 'units', type: 'relationship', relationTo: 'units', hasMany: true },
  ],
};

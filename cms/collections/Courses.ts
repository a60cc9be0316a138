import type { CollectionConfig } from 'payload';
import { canCreateContent, canDeleteContent, canEditLocale, publishedOrStaff } from '../access/roles.ts';
import { baseLocales } from '../locales.ts';

export const Courses: CollectionConfig = {
  slug: 'courses',
  admin: { useAsTitle: 'title' },
  versions: { drafts: true },
  access: { read: publishedOrStaff, create: canCreateContent, update: canEditLocale, delete: canDeleteContent },
  fields: [
    { name: 'courseId', type: 'text', required: true, unique: true, index: true },
    { name: 'title', type: 'text', localized: true, required: true },
    { name: 'description', type: 'textarea', localized: true },
    { name: 'sourceLocale', type: 'select', options: baseLocales, defaultValue: 'en', required: true },
    { name: 'languages', type: 'select', options: baseLocales, hasMany: true, required: true }, // not "locales": Payload's SQL adapters name their localization tables <collection>_locales
    { name: 'theme', type: 'text', defaultValue: 'default' },
    { name: 'modules', type: 'relationship', relationTo: 'modules', hasMany: true },
  ],
};

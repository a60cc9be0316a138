import { withSourceText } from '../translation/with-source-text.ts';
import { translationFieldsEndpoint } from '../endpoints/translation-fields.ts';
import { leftToRight, slugId } from '../fields/path-safe-text.ts';
import type { CollectionConfig } from 'payload';
import {
  canCreateContent,
  canDeleteContent,
  canEditLocale,
  publishedOrStaff,
} from '../access/roles.ts';
import { translatedFieldsOnly } from '../access/translated-fields-only.ts';

export const Modules: CollectionConfig = translatedFieldsOnly({
  slug: 'modules',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'moduleId', '_status', 'updatedAt'] },
  versions: { drafts: true },
  access: {
    read: publishedOrStaff,
    create: canCreateContent,
    update: canEditLocale,
    delete: canDeleteContent,
  },
  endpoints: [translationFieldsEndpoint('modules')],
  fields: withSourceText([
    { name: 'moduleId', type: 'text', required: true, validate: slugId, admin: leftToRight },
    { name: 'title', type: 'text', localized: true },
    { name: 'summary', type: 'textarea', localized: true },
    { name: 'units', type: 'relationship', relationTo: 'units', hasMany: true },
  ]),
});

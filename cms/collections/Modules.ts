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
import { adminLabel } from '../admin-languages.ts';
import { staleReadsAfterChange, staleReadsAfterDelete } from '../content-read-cache.ts';

export const Modules: CollectionConfig = translatedFieldsOnly({
  slug: 'modules',
  labels: {
    singular: adminLabel('admin.collection.module'),
    plural: adminLabel('admin.collection.modules'),
  },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'moduleId', '_status', 'updatedAt'] },
  versions: { drafts: true },
  access: {
    read: publishedOrStaff,
    create: canCreateContent,
    update: canEditLocale,
    delete: canDeleteContent,
  },
  hooks: { afterChange: [staleReadsAfterChange], afterDelete: [staleReadsAfterDelete] },
  endpoints: [translationFieldsEndpoint('modules')],
  fields: withSourceText([
    {
      name: 'moduleId',
      label: adminLabel('admin.field.moduleId'),
      type: 'text',
      required: true,
      validate: slugId,
      admin: leftToRight,
    },
    { name: 'title', label: adminLabel('admin.field.title'), type: 'text', localized: true },
    {
      name: 'summary',
      label: adminLabel('admin.field.summary'),
      type: 'textarea',
      localized: true,
    },
    {
      name: 'units',
      label: adminLabel('admin.field.units'),
      type: 'relationship',
      relationTo: 'units',
      hasMany: true,
    },
  ]),
});

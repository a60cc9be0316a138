import type { CollectionConfig } from 'payload';
import { isAdmin, staffOnly } from '../access/roles.ts';
import { jsonText } from '../fields/json-text.ts';
import { adminLabel } from '../admin-languages.ts';

/**
 * Provenance of a course's translations, one row per course and locale: for each translated field
 * (by model path), the fingerprint of the source text it was made from and whether a reviewer
 * approved it. The same records as a course folder's `locales/<locale>.sources.json`; written by
 * the server only (import, "Mark as translated", "Approve"), read by staff.
 */
export const Translations: CollectionConfig = {
  slug: 'translations',
  labels: {
    singular: adminLabel('admin.collection.translation'),
    plural: adminLabel('admin.collection.translations'),
  },
  admin: {
    useAsTitle: 'courseId',
    defaultColumns: ['courseId', 'locale', 'updatedAt'],
    group: adminLabel('admin.group.translation'),
  },
  access: { read: staffOnly, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    {
      name: 'courseId',
      label: adminLabel('admin.field.courseId'),
      type: 'text',
      required: true,
      index: true,
    },
    { name: 'locale', label: adminLabel('admin.field.locale'), type: 'text', required: true },
    {
      name: 'records',
      label: adminLabel('admin.field.records'),
      type: 'json',
      required: true,
      admin: jsonText,
    },
  ],
};

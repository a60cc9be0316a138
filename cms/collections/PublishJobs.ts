import type { CollectionConfig } from 'payload';
import { isAdmin, staffOnly } from '../access/roles.ts';
import { jsonText } from '../fields/json-text.ts';

/** One row per "Publish bundles" run: state, progress and problems, readable from the admin. */
export const PublishJobs: CollectionConfig = {
  slug: 'publish-jobs',
  admin: {
    useAsTitle: 'courseId',
    defaultColumns: ['courseId', 'state', 'done', 'total', 'updatedAt'],
  },
  access: { read: staffOnly, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'courseId', type: 'text', required: true, index: true },
    { name: 'state', type: 'select', options: ['running', 'done', 'failed'], required: true },
    { name: 'done', type: 'number' },
    { name: 'total', type: 'number' },
    { name: 'outputDir', type: 'text' },
    { name: 'diagnostics', type: 'json', admin: jsonText },
  ],
};

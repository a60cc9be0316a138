import type { CollectionConfig } from 'payload';
import { isAdmin, staffOnly } from '../access/roles.ts';
import { jsonText } from '../fields/json-text.ts';
import { adminLabel } from '../admin-languages.ts';

/** One row per "Publish bundles" run: state, progress and problems, readable from the admin. */
export const PublishJobs: CollectionConfig = {
  slug: 'publish-jobs',
  labels: {
    singular: adminLabel('admin.collection.publishJob'),
    plural: adminLabel('admin.collection.publishJobs'),
  },
  admin: {
    useAsTitle: 'courseId',
    defaultColumns: ['courseId', 'state', 'done', 'total', 'updatedAt'],
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
    {
      name: 'state',
      label: adminLabel('admin.field.state'),
      type: 'select',
      // the values stay the stored ones; their labels are in the admin's languages
      options: [
        { value: 'running', label: adminLabel('admin.field.state.running') },
        { value: 'done', label: adminLabel('admin.field.state.done') },
        { value: 'failed', label: adminLabel('admin.field.state.failed') },
      ],
      required: true,
    },
    { name: 'done', label: adminLabel('admin.field.done'), type: 'number' },
    { name: 'total', label: adminLabel('admin.field.total'), type: 'number' },
    { name: 'outputDir', label: adminLabel('admin.field.outputDir'), type: 'text' },
    {
      name: 'diagnostics',
      label: adminLabel('admin.field.diagnostics'),
      type: 'json',
      admin: jsonText,
    },
  ],
};

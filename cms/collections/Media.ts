import { leftToRight, mediaPath } from '../fields/path-safe-text.ts';
import type { CollectionConfig } from 'payload';
import { canCreateContent, canEditLocale } from '../access/roles.ts';
import { translatedFieldsOnly } from '../access/translated-fields-only.ts';
import { adminLabel } from '../admin-languages.ts';

/**
 * Images and videos; image sizes match what the compiler's image stage makes. Translators and
 * reviewers change only `alt` in their locales; the file and where the course refers to it are an
 * author's.
 */
export const Media: CollectionConfig = translatedFieldsOnly({
  slug: 'media',
  labels: {
    singular: adminLabel('admin.collection.media'),
    plural: adminLabel('admin.collection.media'),
  },
  // Read stays public: a file is what published pages show, and learners see no more than anonymous
  // readers.
  // Delete: media have no published state (canDeleteContent's `_status` query fails here), so who
  // adds files removes them.
  access: {
    read: () => true,
    create: canCreateContent,
    update: canEditLocale,
    delete: canCreateContent,
  },
  upload: {
    staticDir: 'data/media',
    imageSizes: [480, 960, 1440].map((width) => ({
      name: `w${width}`,
      width,
      withoutEnlargement: true,
    })),
    mimeTypes: ['image/*', 'video/mp4', 'video/webm', 'text/vtt'],
  },
  fields: [
    { name: 'alt', label: adminLabel('admin.field.alt'), type: 'text', localized: true },
    {
      name: 'coursePath',
      label: adminLabel('admin.field.coursePath'),
      type: 'text',
      index: true,
      validate: mediaPath,
      admin: {
        ...leftToRight,
        description: adminLabel('admin.field.coursePath.description'),
      },
    },
    {
      name: 'sha256',
      label: adminLabel('admin.field.sha256'),
      type: 'text',
      index: true,
      admin: { ...leftToRight, readOnly: true },
    },
  ],
});

import type { CollectionConfig } from 'payload';
import { canCreateContent, canDeleteContent } from '../access/roles.ts';

/** Images and videos; image sizes match what the compiler's image stage makes. */
export const Media: CollectionConfig = {
  slug: 'media',
  access: { read: () => true, create: canCreateContent, update: canCreateContent, delete: canDeleteContent },
  upload: {
    staticDir: 'data/media',
    imageSizes: [480, 960, 1440].map((width) => ({ name: `w${width}`, width, withoutEnlargement: true })),
    mimeTypes: ['image/*', 'video/mp4', 'video/webm', 'text/vtt'],
  },
  fields: [
    { name: 'alt', type: 'text', localized: true },
    { name: 'coursePath', type: 'text', index: true, admin: { description: 'Where course content refers to it, e.g. media/diagram.png' } },
    { name: 'sha256', type: 'text', index: true, admin: { readOnly: true } },
  ],
};

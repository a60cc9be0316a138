/**
 * Ids become folder and file names (`<module>/<unit>/`, `media/captions/<unit>.<locale>.vtt`):
 * slugs only.
 */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `id` is a slug: lowercase letters, digits and single dashes, e.g. `rights-quiz`. */
export function isSlug(id: unknown): id is string {
  return typeof id === 'string' && slugPattern.test(id);
}

/** Folder names a module may not take, because the bundle's own pages and assets use them. */
export const reservedModuleIds = ['glossary', 'questionnaire', 'certificate', '_assets'];

/**
 * A course is published as a whole: when an admin, author or reviewer publishes a course, the latest
 * drafts of its modules and of their units are published with it (every locale), so a bundle never
 * mixes a published course with unpublished parts. Translators publishing their locale do not cascade.
 */
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload';
import { hasRole } from '../access/roles.ts';

type Doc = Record<string, any>;
const idOf = (ref: unknown) => (ref && typeof ref === 'object' ? (ref as Doc).id : ref) as string | number;

/** Publish the latest draft of a document, if its latest version is a draft; returns that version. */
async function publishLatest(req: PayloadRequest, collection: 'modules' | 'units', id: string | number): Promise<Doc | null> {
  const latest = await req.payload.findByID({ collection, id, draft: true, depth: 0, req, disableErrors: true }) as Doc | null;
  if (latest?._status !== 'draft') return latest;
  // Updating the status publishes the latest version's content in every locale.
  return req.payload.update({ collection, id, data: { _status: 'published' } as never, depth: 0, req, context: { cascading: true } }) as Promise<Doc>;
}

export const publishCourseAsAWhole: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (doc._status !== 'published' || context.cascading || !hasRole(req, 'admin', 'author', 'reviewer')) return doc;
  for (const moduleRef of (doc.modules ?? []) as unknown[]) {
    const module = await publishLatest(req, 'modules', idOf(moduleRef));
    for (const unitRef of (module?.units ?? []) as unknown[]) await publishLatest(req, 'units', idOf(unitRef));
  }
  return doc;
};

/**
 * A course is published as a whole: when an admin, author or reviewer publishes a course, the
 * latest drafts of its modules and of their units are published with it (every locale), so a bundle
 * never mixes a published course with unpublished parts. Translators publishing their locale do not
 * cascade.
 */
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload';
import { hasRole } from '../access/roles.ts';
import { idOf, type DocId } from '../documents.ts';
import type { Course, Module, Unit } from '../payload-types.ts';

/**
 * Publish the latest draft of a document, if its latest version is a draft; returns that version.
 */
async function publishLatest(
  req: PayloadRequest,
  collection: 'modules',
  id: DocId,
): Promise<Module | null>;
async function publishLatest(
  req: PayloadRequest,
  collection: 'units',
  id: DocId,
): Promise<Unit | null>;
async function publishLatest(
  req: PayloadRequest,
  collection: 'modules' | 'units',
  id: DocId,
): Promise<Module | Unit | null> {
  const latest = await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    req,
    disableErrors: true,
  });
  if (latest?._status !== 'draft') return latest;
  // Updating the status publishes the latest version's content in every locale.
  return req.payload.update({
    collection,
    id,
    data: { _status: 'published' },
    depth: 0,
    req,
    context: { cascading: true },
  });
}

export const publishCourseAsAWhole: CollectionAfterChangeHook<Course> = async ({
  doc,
  req,
  context,
}) => {
  if (
    doc._status !== 'published' ||
    context.cascading ||
    !hasRole(req, 'admin', 'author', 'reviewer')
  )
    return doc;
  for (const moduleRef of doc.modules ?? []) {
    const module = await publishLatest(req, 'modules', idOf(moduleRef));
    for (const unitRef of module?.units ?? []) await publishLatest(req, 'units', idOf(unitRef));
  }
  return doc;
};

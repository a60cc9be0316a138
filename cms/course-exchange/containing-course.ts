/**
 * Where a CMS document sits: the module that lists a unit and the course that lists a module
 * (drafts included).
 */
import type { Payload } from 'payload';
import type { Course, Module, Unit } from '../payload-types.ts';
import type { DocId } from '../documents.ts';

export interface Placement {
  unit?: Unit;
  module?: Module;
  course?: Course;
}

/**
 * The document itself and what contains it, as far as it goes (a unit not in any module has no
 * course).
 */
export async function placementOf(
  payload: Payload,
  collection: 'courses' | 'modules' | 'units',
  id: DocId,
): Promise<Placement> {
  const self = { id, draft: true, depth: 0, disableErrors: true } as const;
  const listing = { draft: true, depth: 0, limit: 1 } as const;
  const courseListing = async (module: Module) =>
    (
      await payload.find({
        collection: 'courses',
        where: { modules: { in: [module.id] } },
        ...listing,
      })
    ).docs[0];
  if (collection === 'courses') {
    const course = await payload.findByID({ collection, ...self });
    return course ? { course } : {};
  }
  if (collection === 'modules') {
    const module = await payload.findByID({ collection, ...self });
    return module ? { module, course: await courseListing(module) } : {};
  }
  const unit = await payload.findByID({ collection, ...self });
  if (!unit) return {};
  const module = (
    await payload.find({ collection: 'modules', where: { units: { in: [unit.id] } }, ...listing })
  ).docs[0];
  return module ? { unit, module, course: await courseListing(module) } : { unit };
}

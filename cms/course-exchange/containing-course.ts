/** Where a CMS document sits: the module that lists a unit and the course that lists a module (drafts included). */
import type { Payload } from 'payload';

type Doc = Record<string, any>;

export interface Placement { unit?: Doc; module?: Doc; course?: Doc }

/** The document itself and what contains it, as far as it goes (a unit not in any module has no course). */
export async function placementOf(payload: Payload, collection: 'courses' | 'modules' | 'units', id: string | number): Promise<Placement> {
  const find = (c: 'modules' | 'courses', field: 'units' | 'modules', member: string | number) =>
    payload.find({ collection: c, where: { [field]: { in: [member] } }, draft: true, depth: 0, limit: 1 }).then((r) => r.docs[0] as Doc | undefined);
  const self = await payload.findByID({ collection, id, draft: true, depth: 0, disableErrors: true }) as Doc | null;
  if (!self) return {};
  if (collection === 'courses') return { course: self };
  const module = collection === 'modules' ? self : await find('modules', 'units', self.id);
  const unit = collection === 'units' ? self : undefined;
  if (!module) return { unit };
  return { unit, module, course: await find('courses', 'modules', module.id) };
}

/**
 * GET /api/units/:id/placement — the module that holds the unit and that module's course (latest
 * drafts), so the unit's edit view can say where it is. Staff only.
 */
import type { Endpoint } from 'payload';
import { isStaff } from '../access/roles.ts';
import { placementOf } from '../course-exchange/containing-course.ts';

export const unitPlacementEndpoint: Endpoint = {
  path: '/:id/placement',
  method: 'get',
  handler: async (req) => {
    if (!isStaff(req)) return Response.json({ error: 'Only signed-in staff.' }, { status: 403 });
    const { unit, module, course } = await placementOf(
      req.payload,
      'units',
      String(req.routeParams?.id),
    );
    if (!unit) return Response.json({ error: 'No such unit.' }, { status: 404 });
    return Response.json({
      module: module && { id: module.id, moduleId: module.moduleId, title: module.title },
      course: course && { id: course.id, courseId: course.courseId, title: course.title },
    });
  },
};

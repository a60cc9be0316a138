/**
 * GET /api/courses/:id/check — what Publish bundles would refuse in the course's latest drafts,
 * each problem with an Edit link (cms/publish/check-course.ts). Staff only.
 */
import type { Endpoint } from 'payload';
import { isStaff } from '../access/roles.ts';
import { checkCourseDrafts } from '../publish/check-course.ts';

export const courseCheckEndpoint: Endpoint = {
  path: '/:id/check',
  method: 'get',
  handler: async (req) => {
    if (!isStaff(req))
      return Response.json({ error: 'Only signed-in staff can check a course.' }, { status: 403 });
    const course = await req.payload.findByID({
      collection: 'courses',
      id: String(req.routeParams?.id),
      depth: 0,
      draft: true,
      disableErrors: true,
    });
    if (!course) return Response.json({ error: 'No such course.' }, { status: 404 });
    return Response.json(await checkCourseDrafts(req.payload, course));
  },
};

/**
 * POST /api/courses/:id/publish {approvedOnly?} — starts a build of the course's bundles in the
 * background (202 with the job's id).
 */
import type { Endpoint } from 'payload';
import { hasRole } from '../access/roles.ts';
import { spawnPublish } from '../publish/spawn-publish.ts';

export const publishBundlesEndpoint: Endpoint = {
  path: '/:id/publish',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req, 'admin', 'author', 'reviewer'))
      return Response.json(
        { error: 'Only admins, authors and reviewers can publish.' },
        { status: 403 },
      );
    const course = await req.payload.findByID({
      collection: 'courses',
      id: String(req.routeParams?.id),
      depth: 0,
    });
    const body = (await req.json?.().catch(() => ({}))) as { approvedOnly?: boolean } | undefined;
    const jobId = await spawnPublish(req.payload, course.courseId, {
      approvedOnly: Boolean(body?.approvedOnly),
    });
    return Response.json({ job: jobId }, { status: 202 });
  },
};

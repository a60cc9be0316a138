/**
 * POST /api/courses/:id/publish {approvedOnly?, packages?} — starts a build of the course's
 * bundles (and the LMS packages named: scorm12, scorm2004, cmi5) in the background (202 with the
 * job's id). An unknown package name is refused (400) before anything starts.
 */
import type { Endpoint, PayloadRequest } from 'payload';
import { isStaff, mayPublishBundles } from '../access/roles.ts';
import { readyPublisher, spawnPublish } from '../publish/spawn-publish.ts';
import { isPackageName, packageNames } from '../../compiler/targets/target-names.ts';

export const publishBundlesEndpoint: Endpoint = {
  path: '/:id/publish',
  method: 'post',
  handler: async (req) => {
    const refused = refusedUnlessPublisher(req);
    if (refused) return refused;
    const course = await req.payload.findByID({
      collection: 'courses',
      id: String(req.routeParams?.id),
      depth: 0,
    });
    const body = (await req.json?.().catch(() => ({}))) as
      { approvedOnly?: boolean; packages?: unknown } | undefined;
    const packages = body?.packages ?? [];
    if (!Array.isArray(packages) || !packages.every(isPackageName))
      return Response.json(
        {
          error:
            `packages must be a list of ${packageNames.join(', ')}; ` +
            `got ${JSON.stringify(body?.packages).slice(0, 100)}`,
        },
        { status: 400 },
      );
    const jobId = await spawnPublish(req.payload, course.courseId, {
      approvedOnly: Boolean(body?.approvedOnly),
      packages: [...new Set(packages)],
    });
    return Response.json({ job: jobId }, { status: 202 });
  },
};

/**
 * POST /api/courses/:id/publish/ready — starts the server's publisher if none runs (the Bundles
 * panel asks when it opens), so that the next Publish bundles finds Payload and the compiler
 * loaded. 204; 403 for those who cannot publish.
 */
export const readyPublisherEndpoint: Endpoint = {
  path: '/:id/publish/ready',
  method: 'post',
  handler: async (req) => {
    const refused = refusedUnlessPublisher(req);
    if (refused) return refused;
    readyPublisher(req.payload);
    return new Response(null, { status: 204 });
  },
};

/** 403 unless the member may publish (admins, authors, reviewers). */
function refusedUnlessPublisher(req: PayloadRequest): Response | undefined {
  if (isStaff(req) && mayPublishBundles(req.user)) return undefined;
  return Response.json(
    { error: 'Only admins, authors and reviewers can publish.' },
    { status: 403 },
  );
}

/**
 * The course outline (cms/outline/course-outline.ts):
 * - GET /api/courses/:id/outline — modules and units, publishing and translation status (staff);
 * - POST /api/courses/:id/outline {action: 'add', module, kind, title, unitId?} — a new unit at the
 *   end of a module (201 with the unit);
 * - POST /api/courses/:id/outline {action: 'move', unit, module, index} — move or reorder a unit.
 * Changes are for admins and authors (shared structure); every read and write runs with the user's
 * access rules.
 */
import type { Endpoint, PayloadRequest } from 'payload';
import { hasRole, isStaff } from '../access/roles.ts';
import { addUnit, moveUnit, OutlineError, readOutline } from '../outline/course-outline.ts';

const courseOf = (req: PayloadRequest) => String(req.routeParams?.id);

async function answer(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OutlineError)
      return Response.json({ error: error.message }, { status: error.status });
    const status = (error as { status?: number }).status;
    if (status && status < 500)
      return Response.json({ error: (error as Error).message }, { status });
    throw error;
  }
}

export const courseOutlineEndpoints: Endpoint[] = [
  {
    path: '/:id/outline',
    method: 'get',
    handler: (req) =>
      answer(async () => {
        if (!isStaff(req))
          return Response.json({ error: 'Only signed-in staff see the outline.' }, { status: 403 });
        return Response.json(await readOutline(req, courseOf(req)));
      }),
  },
  {
    path: '/:id/outline',
    method: 'post',
    handler: (req) =>
      answer(async () => {
        if (!hasRole(req, 'admin', 'author'))
          return Response.json(
            { error: 'Only admins and authors change the outline of a course.' },
            { status: 403 },
          );
        const body = ((await req.json?.().catch(() => undefined)) ?? {}) as Record<string, unknown>;
        if (body.action === 'add')
          return Response.json({ unit: await addUnit(req, courseOf(req), body) }, { status: 201 });
        if (body.action === 'move') {
          await moveUnit(req, courseOf(req), body);
          return Response.json(await readOutline(req, courseOf(req)));
        }
        return Response.json({ error: 'action must be "add" or "move".' }, { status: 400 });
      }),
  },
];

/**
 * What the translation endpoints share: only staff may call them, and the course a request names
 * (its latest draft).
 */
import type { PayloadRequest } from 'payload';
import { isStaff } from '../access/roles.ts';
import type { Course } from '../payload-types.ts';

/** 401 for anyone but staff; undefined when the request may go on. */
export const refuseNonStaff = (req: PayloadRequest) =>
  isStaff(req)
    ? undefined
    : Response.json({ error: 'Sign in as staff to see translation status.' }, { status: 401 });

/** The course of `/api/courses/:id/…`, or null when there is none. */
export const routeCourse = (req: PayloadRequest): Promise<Course | null> =>
  req.payload.findByID({
    collection: 'courses',
    id: String(req.routeParams?.id),
    depth: 0,
    draft: true,
    disableErrors: true,
  });

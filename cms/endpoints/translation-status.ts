/**
 * GET /api/courses/:id/translation-status[?locale=fr] — counts per locale; with a locale, every
 * field of it (staff).
 */
import type { Endpoint } from 'payload';
import { courseTranslationStatus } from '../translation/course-translation-status.ts';
import { refuseNonStaff, routeCourse } from './translation-requests.ts';

export const translationStatusEndpoint: Endpoint = {
  path: '/:id/translation-status',
  method: 'get',
  handler: async (req) => {
    const refused = refuseNonStaff(req);
    if (refused) return refused;
    const course = await routeCourse(req);
    if (!course) return Response.json({ error: 'No such course.' }, { status: 404 });
    const locale = req.searchParams.get('locale') ?? undefined;
    return Response.json(await courseTranslationStatus(req.payload, course.courseId, locale));
  },
};

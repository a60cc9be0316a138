/**
 * POST /api/courses/:id/translation-mark {locale, approve?, paths?} — "Mark as translated" and
 * "Approve": records what the locale's translations were made from. Marking: admins and authors, or
 * translators and reviewers of the locale; approving: admins, or reviewers of the locale.
 */
import type { Endpoint, PayloadRequest } from 'payload';
import { isStaff, mayMarkLocale } from '../access/roles.ts';
import { markTranslations } from '../translation/course-translation-status.ts';
import { refuseNonStaff, routeCourse } from './translation-requests.ts';

const mayMark = (req: PayloadRequest, locale: string, approve: boolean | undefined) =>
  isStaff(req) && mayMarkLocale(req.user, locale, Boolean(approve));

export const translationMarkEndpoint: Endpoint = {
  path: '/:id/translation-mark',
  method: 'post',
  handler: async (req) => {
    const refused = refuseNonStaff(req);
    if (refused) return refused;
    const course = await routeCourse(req);
    if (!course) return Response.json({ error: 'No such course.' }, { status: 404 });
    const body = (await req.json?.().catch(() => ({}))) as {
      locale?: string;
      approve?: boolean;
      paths?: string[];
    };
    const locale = body.locale ?? '';
    const languages: readonly string[] = course.languages;
    if (!languages.includes(locale) || locale === course.sourceLocale) {
      return Response.json(
        {
          error:
            `"${locale}" is not a translation locale of ${course.courseId} ` +
            `(its languages: ${languages.join(', ')}; source ${course.sourceLocale}).`,
        },
        { status: 400 },
      );
    }
    if (!mayMark(req, locale, body.approve))
      return Response.json(
        {
          error: body.approve
            ? `Only an admin or a reviewer of "${locale}" can approve it.`
            : `You do not translate "${locale}".`,
        },
        { status: 403 },
      );
    return Response.json({
      locale,
      ...(await markTranslations(req.payload, course.courseId, locale, {
        approve: Boolean(body.approve),
        paths: body.paths,
      })),
    });
  },
};

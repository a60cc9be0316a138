/**
 * REST endpoints of the translation workflow in the CMS:
 *   GET  /api/courses/:id/translation-status[?locale=fr]   counts per locale; with a locale, every field
 *   POST /api/courses/:id/translation-mark {locale, approve?, paths?}   record provenance ("Mark as translated" / "Approve")
 *   GET  /api/<courses|modules|units>/:id/translation-fields?locale=fr  this document's fields: source text and status
 */
import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { hasRole, isStaff, workLocalesOf } from '../access/roles.ts';
import { courseTranslationStatus, markTranslations, type CmsCollection } from './course-translation-status.ts';
import { placementOf } from '../course-exchange/containing-course.ts';

type Doc = Record<string, any>;

const staffOnly = (req: PayloadRequest) => (isStaff(req) ? undefined : Response.json({ error: 'Sign in as staff to see translation status.' }, { status: 401 }));

async function courseDoc(payload: Payload, id: string): Promise<Doc | null> {
  return payload.findByID({ collection: 'courses', id, depth: 0, draft: true, disableErrors: true }) as Promise<Doc | null>;
}

export const courseTranslationEndpoints: Endpoint[] = [
  {
    path: '/:id/translation-status',
    method: 'get',
    handler: async (req) => {
      const refused = staffOnly(req);
      if (refused) return refused;
      const course = await courseDoc(req.payload, String(req.routeParams?.id));
      if (!course) return Response.json({ error: 'No such course.' }, { status: 404 });
      const locale = req.searchParams.get('locale') ?? undefined;
      return Response.json(await courseTranslationStatus(req.payload, course.courseId, locale));
    },
  },
  {
    path: '/:id/translation-mark',
    method: 'post',
    handler: async (req) => {
      const refused = staffOnly(req);
      if (refused) return refused;
      const course = await courseDoc(req.payload, String(req.routeParams?.id));
      if (!course) return Response.json({ error: 'No such course.' }, { status: 404 });
      const body = (await req.json?.().catch(() => ({}))) as { locale?: string; approve?: boolean; paths?: string[] };
      const locale = body.locale ?? '';
      if (!(course.languages as string[]).includes(locale) || locale === course.sourceLocale) {
        return Response.json({ error: `"${locale}" is not a translation locale of ${course.courseId} (its languages: ${(course.languages as string[]).join(', ')}; source ${course.sourceLocale}).` }, { status: 400 });
      }
      const inTheirLocale = workLocalesOf(req).includes(locale);
      const allowed = body.approve
        ? hasRole(req, 'admin') || (hasRole(req, 'reviewer') && inTheirLocale)
        : hasRole(req, 'admin', 'author') || (hasRole(req, 'translator', 'reviewer') && inTheirLocale);
      if (!allowed) return Response.json({ error: body.approve ? `Only an admin or a reviewer of "${locale}" can approve it.` : `You do not translate "${locale}".` }, { status: 403 });
      return Response.json({ locale, ...(await markTranslations(req.payload, course.courseId, locale, { approve: Boolean(body.approve), paths: body.paths })) });
    },
  },
];

/** For the field beside the input (SourceText): this document's fields in a locale, by field path. */
export const translationFieldsEndpoint = (collection: CmsCollection): Endpoint => ({
  path: '/:id/translation-fields',
  method: 'get',
  handler: async (req) => {
    const refused = staffOnly(req);
    if (refused) return refused;
    const id = String(req.routeParams?.id);
    const locale = req.searchParams.get('locale') ?? '';
    const course = (await placementOf(req.payload, collection, id)).course;
    if (!course) return Response.json({ sourceLocale: null, fields: {} });
    const courseId = course.courseId as string;
    // Editing the source locale: nothing to show beside the fields, so no need to read the whole course.
    if (locale === course.sourceLocale) return Response.json({ courseId, sourceLocale: course.sourceLocale, locale, fields: {} });
    const status = await courseTranslationStatus(req.payload, courseId, locale);
    const fields = Object.fromEntries(status.fields
      .filter((f) => f.doc?.collection === collection && String(f.doc.id) === id)
      .map((f) => [f.doc!.field, { status: f.status, source: f.source, path: f.path }]));
    return Response.json({ courseId, sourceLocale: status.sourceLocale, locale, fields });
  },
});

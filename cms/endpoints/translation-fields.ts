/**
 * GET /api/<courses|modules|units>/:id/translation-fields?locale=fr — this document's fields in a
 * locale, by field path: source text and status, for the box under each input
 * (components/SourceText.tsx). Staff only.
 */
import type { Endpoint } from 'payload';
import {
  documentTranslationFields,
  type CmsCollection,
} from '../translation/course-translation-status.ts';
import { refuseNonStaff } from './translation-requests.ts';

export const translationFieldsEndpoint = (collection: CmsCollection): Endpoint => ({
  path: '/:id/translation-fields',
  method: 'get',
  handler: async (req) => {
    const refused = refuseNonStaff(req);
    if (refused) return refused;
    return Response.json(
      await documentTranslationFields(
        req.payload,
        collection,
        String(req.routeParams?.id),
        req.searchParams.get('locale') ?? '',
      ),
    );
  },
});

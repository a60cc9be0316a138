/**
 * GET /bundles/… — the bundles that "Publish bundles" built (POLYCOURSE_BUNDLES_DIR), served next
 * to the admin so an author can open the course and download its zips. Same answers as
 * `polycourse serve`.
 */
import { bundlesDir } from '../../../../publish/bundles-dir.ts';
import { staticResponse } from '../../../../publish/static-response.ts';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return staticResponse(
    bundlesDir(),
    new URL(request.url).pathname.replace(/^\/bundles/, '') || '/',
    '/bundles',
  );
}

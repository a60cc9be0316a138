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
    'no-cache',
    request.headers.get('range'),
  );
}

/** HEAD: the same status and headers, no body (the admin asks which packages exist). */
export async function HEAD(request: Request): Promise<Response> {
  const response = await GET(request);
  await response.body?.cancel();
  return new Response(null, { status: response.status, headers: response.headers });
}

/**
 * GET /bundles/… — the bundles that "Publish bundles" built (POLYCOURSE_BUNDLES_DIR), served next to the
 * admin so an author can open the course and download its zips. Same answers as `polycourse serve`.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { resolveStaticFile } from '../../../../../compiler/targets/static-server.ts';
import { bundlesDir } from '../../../../publish/bundles-dir.ts';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const pathname = new URL(request.url).pathname.replace(/^\/bundles/, '') || '/';
  const answer = resolveStaticFile(bundlesDir(), pathname);
  switch (answer.status) {
    case 200: {
      const body = Readable.toWeb(fs.createReadStream(answer.file)) as ReadableStream;
      return new Response(body, { headers: { 'content-type': answer.contentType, 'content-length': String(answer.size), 'cache-control': 'no-cache' } });
    }
    case 301:
      return new Response(null, { status: 301, headers: { location: `/bundles${answer.location}` } });
    case 404:
      return new Response(answer.body as BodyInit, { status: 404, headers: { 'content-type': answer.contentType } });
    default:
      return new Response(answer.body, { status: answer.status });
  }
}

/**
 * A file of a bundles folder as a web Response, for the admin server's /bundles and /preview
 * routes.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { resolveStaticFile } from '../../compiler/targets/static-server.ts';

/**
 * Answer `pathname` (below `mountPath`, e.g. /bundles) from the folder `root`, as
 * `polycourse serve` does.
 */
export function staticResponse(
  root: string,
  pathname: string,
  mountPath: string,
  cacheControl = 'no-cache',
): Response {
  const answer = resolveStaticFile(root, pathname);
  switch (answer.status) {
    case 200:
      return new Response(Readable.toWeb(fs.createReadStream(answer.file)) as ReadableStream, {
        headers: {
          'content-type': answer.contentType,
          'content-length': String(answer.size),
          'cache-control': cacheControl,
        },
      });
    case 301:
      return new Response(null, {
        status: 301,
        headers: { location: `${mountPath}${answer.location}` },
      });
    case 404:
      return new Response(answer.body as BodyInit, {
        status: 404,
        headers: { 'content-type': answer.contentType },
      });
    default:
      return new Response(answer.body, { status: answer.status });
  }
}

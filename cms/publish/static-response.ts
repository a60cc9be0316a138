/**
 * A file of a bundles folder as a web Response, for the admin server's /bundles and /preview
 * routes.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parseRange, resolveStaticFile } from '../../compiler/targets/static-server.ts';

/**
 * Answer `pathname` (below `mountPath`, e.g. /bundles) from the folder `root`, as
 * `polycourse serve` does: with a single byte range when `range` asks for one (videos seek).
 */
export function staticResponse(
  root: string,
  pathname: string,
  mountPath: string,
  cacheControl = 'no-cache',
  range?: string | null,
): Response {
  const answer = resolveStaticFile(root, pathname);
  switch (answer.status) {
    case 200: {
      const headers = {
        'content-type': answer.contentType,
        'cache-control': cacheControl,
        'accept-ranges': 'bytes',
      };
      const part = range ? parseRange(range, answer.size) : undefined;
      if (part === 'unsatisfiable')
        return new Response(null, {
          status: 416,
          headers: { ...headers, 'content-range': `bytes */${answer.size}` },
        });
      const { start, end } = part ?? { start: 0, end: answer.size - 1 };
      // An empty file: end is -1, the stream reads nothing.
      const stream = fs.createReadStream(answer.file, { start, end: Math.max(start, end) });
      return new Response(Readable.toWeb(stream) as ReadableStream, {
        status: part ? 206 : 200,
        headers: {
          ...headers,
          'content-length': String(end - start + 1),
          ...(part && { 'content-range': `bytes ${start}-${end}/${answer.size}` }),
        },
      });
    }
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

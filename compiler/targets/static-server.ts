/**
 * Serving bundles over HTTP: `resolveStaticFile` maps a URL path to a file under a root (directory
 * index, redirect to the trailing slash, the locale's 404 page), and `startStaticServer` is the
 * small server that `polycourse serve` and the browser tests use. The CMS's /bundles route answers
 * with the same function.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.zip': 'application/zip',
};

export type StaticAnswer =
  | { status: 200; file: string; size: number; contentType: string }
  | { status: 301; location: string }
  | { status: 400 | 403; body: string }
  | { status: 404; body: Buffer | string; contentType: string };

/**
 * What to answer for the request path `rawPathname` (percent-encoded, as on the request line; a
 * query is ignored) under `root`. It is decoded once; a path that is malformed, holds a NUL or a
 * backslash, or climbs above the root is refused, and so is any file whose real path (symlinks
 * followed) is outside it.
 */
export function resolveStaticFile(root: string, rawPathname: string): StaticAnswer {
  const base = realRoot(root);
  const pathname = rawPathname.replace(/[?#].*$/s, '');
  const segments = requestSegments(pathname);
  if (segments === 'bad') return { status: 400, body: 'bad request' };
  if (segments === 'outside') return { status: 403, body: 'forbidden' };
  const target = path.join(base, ...segments);
  const real = realInside(base, target);
  if (real && fs.statSync(real).isDirectory()) {
    const canonical = `/${segments.map(encodeURIComponent).join('/')}${segments.length ? '/' : ''}`;
    if (!pathname.endsWith('/')) return { status: 301, location: canonical };
    const index = realInside(base, path.join(target, 'index.html'));
    if (index && fs.statSync(index).isFile()) return found(index);
  } else if (real && fs.statSync(real).isFile()) return found(real);
  // The nearest locale's 404 page, /<course>/<locale>/404.html, itself only from inside the root.
  const notFound =
    segments.length >= 2
      ? realInside(base, path.join(base, segments[0], segments[1], '404.html'))
      : undefined;
  const page = notFound && fs.statSync(notFound).isFile() ? fs.readFileSync(notFound) : undefined;
  return { status: 404, contentType: types['.html'], body: page ?? 'Not found' };
}

function found(file: string): StaticAnswer {
  return {
    status: 200,
    file,
    size: fs.statSync(file).size,
    contentType: types[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
  };
}

function realRoot(root: string): string {
  try {
    return fs.realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

/**
 * The decoded segments of a request path, without empty ones and `.`, with `..` applied; or why
 * not.
 */
function requestSegments(pathname: string): string[] | 'bad' | 'outside' {
  if (!pathname.startsWith('/')) return 'bad';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 'bad';
  }
  // Backslashes are separators on Windows and never in a bundle; NUL ends a path in the system
  // calls.
  if (/[\\\0]/.test(decoded)) return 'bad';
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (!segments.pop()) return 'outside';
  }
  return segments;
}

/** `file`'s real path when it exists and lies inside `base` (already real), else undefined. */
function realInside(base: string, file: string): string | undefined {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return undefined;
  }
  return real === base || real.startsWith(base + path.sep) ? real : undefined;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve `root` on `host:port` (0: any free port); a busy port rejects with Node's EADDRINUSE error.
 */
export function startStaticServer(
  root: string,
  port = 0,
  host = '127.0.0.1',
): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    try {
      answer(req, res, resolveStaticFile(root, requestPath(req.url ?? '/')));
    } catch {
      // A file that vanished between the checks and the read: the server answers and keeps going.
      if (!res.headersSent) res.writeHead(500).end('server error');
      else res.destroy();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

/**
 * The path of a request target: origin form (`/a/b?q`) as is, absolute form (`http://host/a/b`)
 * after its authority.
 */
function requestPath(target: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  return absolute ? target.slice(absolute[0].length) || '/' : target;
}

function answer(req: http.IncomingMessage, res: http.ServerResponse, answer: StaticAnswer): void {
  if (answer.status === 301) res.writeHead(301, { location: answer.location }).end();
  else if (answer.status === 404)
    res.writeHead(404, { 'content-type': answer.contentType }).end(answer.body);
  else if (answer.status !== 200)
    res.writeHead(answer.status, { 'content-type': types['.txt'] }).end(answer.body);
  else {
    res.writeHead(200, {
      'content-type': answer.contentType,
      'content-length': answer.size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else
      fs.createReadStream(answer.file)
        .on('error', () => res.destroy())
        .pipe(res);
  }
}

/**
 * Serving bundles over HTTP: `resolveStaticFile` maps a URL path to a file under a root (directory index,
 * redirect to the trailing slash, the locale's 404 page), and `startStaticServer` is the small server that
 * `polycourse serve` and the browser tests use. The CMS's /bundles route answers with the same function.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif', '.gif': 'image/gif',
  '.mp4': 'video/mp4', '.webm': 'video/webm', '.vtt': 'text/vtt; charset=utf-8', '.pdf': 'application/pdf',
  '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json', '.zip': 'application/zip',
};

export type StaticAnswer =
  | { status: 200; file: string; size: number; contentType: string }
  | { status: 301; location: string }
  | { status: 400 | 403; body: string }
  | { status: 404; body: Buffer | string; contentType: string };

/** What to answer for `pathname` (already URL-decoded is not required: it is decoded here) under `root`. */
export function resolveStaticFile(root: string, rawPathname: string): StaticAnswer {
  const base = path.resolve(root);
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPathname);
  } catch {
    return { status: 400, body: 'bad request' };
  }
  let file = path.join(base, pathname);
  if (file !== base && !file.startsWith(base + path.sep)) return { status: 403, body: 'forbidden' };
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    if (!pathname.endsWith('/')) return { status: 301, location: `${pathname}/` };
    file = path.join(file, 'index.html');
  }
  if (!fs.existsSync(file)) {
    // The nearest locale's 404 page: /<course>/<locale>/404.html
    const parts = pathname.split('/').filter(Boolean);
    const notFound = parts.length >= 2 ? path.join(base, parts[0], parts[1], '404.html') : '';
    return { status: 404, contentType: types['.html'], body: notFound && fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'Not found' };
  }
  return { status: 200, file, size: fs.statSync(file).size, contentType: types[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export function startStaticServer(root: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const answer = resolveStaticFile(root, new URL(req.url ?? '/', 'http://x').pathname);
    if (answer.status === 301) res.writeHead(301, { location: answer.location }).end();
    else if (answer.status === 404) res.writeHead(404, { 'content-type': answer.contentType }).end(answer.body);
    else if (answer.status !== 200) res.writeHead(answer.status).end(answer.body);
    else {
      res.writeHead(200, { 'content-type': answer.contentType, 'content-length': answer.size, 'cache-control': 'no-cache' });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(answer.file).pipe(res);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/`,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

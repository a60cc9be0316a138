/**
 * Serving bundles over HTTP: `resolveStaticFile` maps a URL path to a file under a root (directory
 * index, redirect to the trailing slash, the locale's 404 page), and `startStaticServer` is the
 * small server that `polycourse serve` and the browser tests use. The CMS's /bundles route answers
 * with the same function.
 *
 * The server speaks enough HTTP/1.1 for a static bundle (see docs/hosting.md for what it lacks):
 * GET and HEAD (others 405), single byte ranges with If-Range (video seeking), ETag and
 * Last-Modified validators (304), gzip or brotli for text, Cache-Control by kind of file, and
 * `X-Content-Type-Options: nosniff` on every answer. It is written by hand on node:http and
 * node:zlib rather than with `send`/`serve-static`: those resolve paths their own way, and the
 * safety of this server is `resolveStaticFile` (one decoding, no `..` above the root, real paths
 * checked); what they would add on top (ranges, conditionals, negotiation) is the few small
 * functions below, each following RFC 9110 and tested in test/targets/static-server.test.ts.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pipeline, type Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { contentTypeOf, contentTypes, immutableCache, revalidateCache } from './content-types.ts';
import { parseRange } from '../../runtime/logic/byte-range.ts';

// The CMS's /bundles route answers ranges with it too.
export { parseRange };

/**
 * Text worth compressing. Images, video, audio, fonts, PDF and zip are compressed already, and
 * files smaller than `minCompressSize` gain nothing.
 */
const compressible = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.webmanifest',
  '.xml',
  '.txt',
  '.md',
  '.csv',
  '.vtt',
  '.svg',
]);
const minCompressSize = 1024;

/** Longest request path answered (percent-encoded); longer ones are 414. No bundle path is near. */
const maxPathLength = 4096;

export type StaticAnswer =
  | {
      status: 200;
      file: string;
      size: number;
      contentType: string;
      /** Modification time of the file, for Last-Modified and the ETag. */
      mtimeMs: number;
      /** `public, max-age=31536000, immutable` under `_assets/`, else `no-cache`. */
      cacheControl: string;
    }
  | { status: 301; location: string }
  | { status: 400 | 403 | 414; body: string }
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
  if (pathname.length > maxPathLength) return { status: 414, body: 'URI too long' };
  const segments = requestSegments(pathname);
  if (segments === 'bad') return { status: 400, body: 'bad request' };
  if (segments === 'outside') return { status: 403, body: 'forbidden' };
  const target = path.join(base, ...segments);
  const real = realInside(base, target);
  if (real && fs.statSync(real).isDirectory()) {
    const canonical = `/${segments.map(encodeURIComponent).join('/')}${segments.length ? '/' : ''}`;
    if (!pathname.endsWith('/')) return { status: 301, location: canonical };
    const index = realInside(base, path.join(target, 'index.html'));
    if (index && fs.statSync(index).isFile()) return found(base, index);
  } else if (real && fs.statSync(real).isFile()) return found(base, real);
  // The locale's 404 page, itself only from inside the root: the deepest of
  // /<course>/<locale>/404.html (serving output/), /<locale>/404.html (serving one course's
  // folder) and /404.html (one locale's folder). Two levels at most: a long path costs no more.
  for (let depth = Math.min(2, segments.length); depth >= 0; depth--) {
    const notFound = realInside(base, path.join(base, ...segments.slice(0, depth), '404.html'));
    if (notFound && fs.statSync(notFound).isFile())
      return { status: 404, contentType: contentTypes['.html'], body: fs.readFileSync(notFound) };
  }
  return { status: 404, contentType: contentTypes['.html'], body: 'Not found' };
}

function found(base: string, file: string): StaticAnswer {
  const stat = fs.statSync(file);
  const inAssets = path.relative(base, file).split(path.sep).includes('_assets');
  return {
    status: 200,
    file,
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    contentType: contentTypeOf(file),
    cacheControl: inAssets ? immutableCache : revalidateCache,
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

export interface StaticServerOptions {
  /**
   * Answers a request first (e.g. `polycourse dev`'s live reload) and says whether it did; the
   * rest is served from `root`.
   */
  before?(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

/**
 * Serve `root` on `host:port` (0: any free port); a busy port rejects with Node's EADDRINUSE error.
 */
export function startStaticServer(
  root: string,
  port = 0,
  host = '127.0.0.1',
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    try {
      if (options.before?.(req, res)) return;
      answer(req, res, resolveStaticFile(root, requestPath(req.url ?? '/')));
    } catch {
      // A file that vanished between the checks and the read: the server answers and keeps going.
      if (res.headersSent) return void res.destroy();
      for (const name of res.getHeaderNames())
        if (name !== 'x-content-type-options') res.removeHeader(name);
      text(res, 500, 'server error', false);
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

type Found = Extract<StaticAnswer, { status: 200 }>;

function answer(req: http.IncomingMessage, res: http.ServerResponse, answer: StaticAnswer): void {
  const head = req.method === 'HEAD';
  // A malformed or forbidden target is refused first (so `OPTIONS *` is 400), then the method.
  if ('body' in answer && answer.status !== 404) return text(res, answer.status, answer.body, head);
  if (req.method !== 'GET' && !head) {
    res.setHeader('allow', 'GET, HEAD');
    return text(res, 405, 'method not allowed', false);
  }
  if (answer.status === 301) res.writeHead(301, { location: answer.location }).end();
  else if (answer.status === 404) {
    const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
    res.writeHead(404, {
      'content-type': answer.contentType,
      'content-length': body.length,
      'cache-control': revalidateCache,
    });
    res.end(head ? undefined : body);
  } else sendFile(req, res, answer);
}

function text(res: http.ServerResponse, status: number, body: string, head: boolean): void {
  res.writeHead(status, {
    'content-type': contentTypes['.txt'],
    'content-length': Buffer.byteLength(body),
  });
  res.end(head ? undefined : body);
}

/** A file: 304, 206 or 416 for a single range, or 200, compressed when the client accepts it. */
function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: Found): void {
  const ext = path.extname(file.file).toLowerCase();
  const etag = `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  const mtime = Math.floor(file.mtimeMs / 1000) * 1000; // HTTP dates have whole seconds
  const canCompress = compressible.has(ext) && file.size >= minCompressSize;
  res.setHeader('content-type', file.contentType);
  res.setHeader('cache-control', file.cacheControl);
  res.setHeader('last-modified', new Date(mtime).toUTCString());
  res.setHeader('accept-ranges', 'bytes');
  // The answer depends on Accept-Encoding whether or not this one is compressed.
  if (canCompress) res.setHeader('vary', 'Accept-Encoding');

  const encoding = canCompress
    ? pickEncoding(String(req.headers['accept-encoding'] ?? ''))
    : undefined;
  // Each encoding is its own representation with its own tag (RFC 9110 §8.8.3.3).
  const encodedTag = encoding ? etag.replace(/"$/, `-${encoding}"`) : etag;

  if (notModified(req, etag, mtime)) {
    res.setHeader('etag', encodedTag);
    res.removeHeader('content-type');
    res.writeHead(304).end();
    return;
  }

  // Ranges are defined for GET only (RFC 9110 §14.2); HEAD answers as GET without Range would.
  const rangeHeader = req.method === 'GET' ? req.headers.range : undefined;
  const range =
    rangeHeader !== undefined && ifRangeHolds(req.headers['if-range']?.toString(), etag, mtime)
      ? parseRange(rangeHeader, file.size)
      : undefined;
  if (range === 'unsatisfiable') {
    res.setHeader('etag', etag);
    res.setHeader('content-range', `bytes */${file.size}`);
    res.removeHeader('cache-control');
    return text(res, 416, 'range not satisfiable', false);
  }
  if (range) {
    // A range is of the file's bytes as they are: never compressed.
    res.writeHead(206, {
      etag,
      'content-range': `bytes ${range.start}-${range.end}/${file.size}`,
      'content-length': range.end - range.start + 1,
    });
    return stream(res, fs.createReadStream(file.file, range));
  }

  if (!encoding) {
    res.writeHead(200, { etag, 'content-length': file.size });
    if (req.method === 'HEAD') res.end();
    else stream(res, fs.createReadStream(file.file));
    return;
  }
  // The compressed length is not known ahead (chunked); HEAD says the same without compressing.
  res.writeHead(200, { etag: encodedTag, 'content-encoding': encoding });
  if (req.method === 'HEAD') return void res.end();
  const encoder =
    encoding === 'br'
      ? zlib.createBrotliCompress({
          params: {
            // Quality 11 (the default) is for compressing once ahead; 5 makes text a little
            // smaller than gzip -6 at about gzip's speed, fit for every request.
            [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: file.size,
          },
        })
      : zlib.createGzip();
  stream(res, fs.createReadStream(file.file), encoder);
}

/**
 * Stream a file (through an encoder) into the response. `pipeline` closes the file when the
 * client goes away mid-way, which `.pipe` does not.
 */
function stream(
  res: http.ServerResponse,
  source: Readable,
  encoder?: zlib.Gzip | zlib.BrotliCompress,
) {
  const done = (error: Error | null) => {
    if (error) res.destroy();
  };
  if (encoder) pipeline(source, encoder, res, done);
  else pipeline(source, res, done);
}

/** The entity tags of an If-None-Match or If-Range value, without `W/` and encoding suffixes. */
function opaqueTags(value: string): string[] {
  return [...value.matchAll(/(?:W\/)?"([^"]*)"/g)].map((m) => m[1].replace(/-(?:br|gzip)$/, ''));
}

/**
 * RFC 9110 §13.2.2: If-None-Match (weak comparison, `*` for any) decides when present; else
 * If-Modified-Since.
 */
function notModified(req: http.IncomingMessage, etag: string, mtime: number): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (noneMatch !== undefined)
    return noneMatch.trim() === '*' || opaqueTags(noneMatch).includes(etag.slice(1, -1));
  const since = req.headers['if-modified-since'];
  if (since === undefined) return false;
  const date = Date.parse(since);
  return !Number.isNaN(date) && mtime <= date;
}

/**
 * RFC 9110 §13.1.5: a Range counts only if If-Range names the current representation: a strong
 * tag equal to ours (a weak one never does) or exactly its Last-Modified date.
 */
function ifRangeHolds(value: string | undefined, etag: string, mtime: number): boolean {
  if (value === undefined) return true;
  const v = value.trim();
  if (v.startsWith('W/')) return false;
  if (v.startsWith('"')) return v === etag;
  return Date.parse(v) === mtime;
}

/**
 * The content coding to answer with, from Accept-Encoding with its q-values: brotli when it is
 * at least as welcome as gzip, then gzip, else none (identity).
 */
export function pickEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    let q = 1;
    for (const param of params) {
      const value = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(param);
      if (value) q = Number(value[1]);
    }
    if (name.trim()) weights.set(name.trim(), Number.isFinite(q) ? q : 0);
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

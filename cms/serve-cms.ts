/**
 * The CMS's one HTTP server: Next.js (the admin, the REST and GraphQL APIs, the bundles) runs in
 * this process, and the learner API (`/api/learner/…`: events, the leaderboard, ranks, forums) is
 * answered before it, by Payload's own REST handler (`handleEndpoints`, documented for attaching
 * Payload to any fetch-style server), with the same endpoints, access and rate limits.
 *
 * Why: the learner API carries a course's load (every learner's progress, the board), and Next.js's
 * work per request was most of its cost: the top 20 from memory at 280–940 req/s through Next.js,
 * 1,800–2,060 answered here (docs/benchmarks.md, fifth run). A front server on another port cost
 * every other request a hop; in one process there is none.
 *
 * The learner API runs on the Payload instance of this process (cached under its own key), not on
 * the one inside Next.js's bundle: they share the database (and Redis), as any two server processes
 * do behind a load balancer (docs/scaling.md).
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { handleEndpoints, type SanitizedConfig } from 'payload';

// Loaded with require: next's declarations name its CommonJS export `default`, which an ESM default
// import under NodeNext does not match.
const next = createRequire(import.meta.url)('next') as typeof import('next').default;

export interface ServeCmsOptions {
  /** the folder of the Next.js app (`cms/`), built */
  dir: string;
  host: string;
  port: number;
  config: Promise<SanitizedConfig>;
  /** the getPayload cache key of this process's instance (already started with `config`) */
  payloadKey: string;
}

/**
 * Is this a learner API request, answered before Next.js? Decided on the path as the fetch API
 * will read it (`/api/learner/../users` is `/api/users`, which goes to Next.js).
 */
function isLearnerApi(req: http.IncomingMessage): boolean {
  // Most requests (the admin, bundles) are told apart without parsing: no learner API path can
  // start otherwise (dot segments and escapes come after `/api/`).
  if (!req.url?.startsWith('/api/')) return false;
  try {
    return /^\/api\/learner(\/|$)/.test(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return false;
  }
}

/**
 * The request as the fetch API sees it. The client's address is appended to X-Forwarded-For, as a
 * proxy does: rate limits per address take the hop POLYCOURSE_TRUSTED_PROXIES proxies in front of
 * this server saw (rate-limit.ts, clientAddress), never one the client wrote itself.
 */
export function fetchRequest(req: http.IncomingMessage, body?: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'x-forwarded-for') continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const peer = req.socket.remoteAddress ?? 'unknown';
  const sent = req.headers['x-forwarded-for'];
  headers.set('x-forwarded-for', sent ? `${sent}, ${peer}` : peer);
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    // A view of the read body, not a copy (Buffer.concat's memory is an ArrayBuffer).
    ...(body && { body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length) }),
  });
}

/** The largest request body the learner API reads; its endpoints take at most 256 KiB. */
const maxBody = 1024 * 1024;

/**
 * The whole body, read before the endpoint runs (it is small): an endpoint that answers without
 * reading it leaves nothing unread on a kept-alive connection. Undefined when it is over maxBody.
 */
function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > maxBody) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
      else resolve(undefined);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const tooLarge = JSON.stringify({
  errors: [{ message: `The request body is larger than ${maxBody} bytes; send less.` }],
});

const badHost = JSON.stringify({
  errors: [{ message: "The Host header is not a host name and port; send the server's own." }],
});

async function answer(
  options: ServeCmsOptions,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const body = hasBody ? await readBody(req) : undefined;
  if (hasBody && !body) {
    // Refused unread: the connection closes after the answer instead of reading the rest.
    res.on('finish', () => req.destroy());
    res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end(tooLarge);
    return;
  }
  let request: Request;
  try {
    request = fetchRequest(req, body);
  } catch {
    // Only the URL can fail: a Host header that is no host name (or port).
    res.writeHead(400, { 'content-type': 'application/json' }).end(badHost);
    return;
  }
  const response = await handleEndpoints({
    config: options.config,
    request,
    payloadInstanceCacheKey: options.payloadKey,
  });
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  const sent = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(sent.length);
  res.writeHead(response.status, headers).end(req.method === 'HEAD' ? undefined : sent);
}

export interface CmsServer {
  server: http.Server;
  /** Stop listening, end idle connections (and busy ones after 5 s), close Next.js. */
  stop(): Promise<void>;
}

/** Start Next.js in this process and listen; resolves once it listens. */
export async function serveCms(options: ServeCmsOptions): Promise<CmsServer> {
  const app = next({ dev: false, dir: options.dir, hostname: options.host, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    if (!isLearnerApi(req)) return void handle(req, res);
    answer(options, req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'Something went wrong.' }] }));
    });
  });
  // Keep idle connections longer than Node's 5 s default: clients and proxies that reuse a
  // connection just as the server drops it see "socket closed" errors.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stop = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const late = setTimeout(() => server.closeAllConnections(), 5_000).unref();
    await closed;
    clearTimeout(late);
    await app.close();
  };
  return { server, stop };
}

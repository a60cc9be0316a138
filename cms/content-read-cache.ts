/**
 * Course, module and unit reads over REST answered from memory while nothing they could show has
 * changed (#17). A partner's build reads the same documents again and again, and Payload's
 * population of the nested localized documents costs ~40 ms a read on the embedded SQLite
 * (docs/benchmarks.md), so 20 clients got 16–161 reads/s.
 *
 * - **Whose answer.** Without credentials, everyone's (published content only,
 *   cms/access/roles.ts `publishedOrStaff`). With credentials (an `Authorization` header, a
 *   cookie), only that credential's: the key holds a digest of them, and they must still sign
 *   someone in (checked as below), so no answer reaches a reader Payload would not give it to.
 * - **How long.** While the content generation is the one it was read under. Every change and
 *   delete of a course, module, unit or staff account, and every staff logout, writes a new
 *   generation into Payload's key-value store in the same transaction as the change, so no read
 *   sees the new generation with the old content; every server process, the publisher and the
 *   CLI's imports share it through the database. A read costs that one indexed row instead of the
 *   population; credentials are checked again when the generation changes, when their JWT
 *   expires, and at least every 30 s (a session ended without a logout, e.g. by a password reset).
 * - **What not.** Requests with an `Origin` (the answer's CORS headers depend on it), other
 *   addresses, answers other than 200, an answer over 4 MB; at most 64 MB in all, the least
 *   recently used going first. `POLYCOURSE_READ_CACHE=0` turns it off.
 */
import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import {
  executeAuthStrategies,
  getPayload,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionAfterLogoutHook,
  type Payload,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload';

const generationKey = 'content-reads.generation';
/** Payload's key-value store (its `DatabaseKVAdapter`'s collection). */
const kvCollection = 'payload-kv';
const cachedPaths = /^\/api\/(courses|modules|units)(\/[^/]+)?\/?$/;

interface Entry {
  generation: string;
  headers: [string, string][];
  body: Uint8Array;
}

const entries = new LRUCache<string, Entry>({
  maxSize: 64 << 20,
  maxEntrySize: 4 << 20,
  sizeCalculation: (entry) => entry.body.byteLength + 256,
});

type RouteHandler<A> = (request: Request, args: A) => Promise<Response>;

/**
 * Credentials found to sign someone in: checked again when the generation changes (a staff
 * account changed, was deleted or logged out), when a JWT expires, and at least every 30 s (a
 * session ended some other way), so the check (Payload's auth strategies: a user read per
 * request, most of a cached read's cost) is not paid on every read.
 */
const signedIn = new LRUCache<string, { generation: string }>({ max: 10_000, ttl: 30_000 });

async function signsIn(
  reader: string,
  generation: string,
  headers: Headers,
  payload: Payload,
): Promise<boolean> {
  if (signedIn.get(reader)?.generation === generation) return true;
  const { user } = await executeAuthStrategies({ headers, payload });
  if (!user) return false;
  const ttl = Math.min(30_000, ...tokenExpiries(headers).map((exp) => exp * 1000 - Date.now()));
  if (ttl > 0) signedIn.set(reader, { generation }, { ttl });
  return true;
}

/** The `exp` (seconds) of every JWT in the request's credentials, which Payload just verified. */
function tokenExpiries(headers: Headers): number[] {
  const text = `${headers.get('authorization') ?? ''} ${headers.get('cookie') ?? ''}`;
  return (text.match(/[\w-]+\.[\w-]+\.[\w-]+/g) ?? []).flatMap((token) => {
    try {
      const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
      return typeof exp === 'number' ? [exp] : [];
    } catch {
      return []; // not a JWT (a cookie value with dots)
    }
  });
}

async function currentGeneration(payload: Payload): Promise<string> {
  return JSON.stringify((await payload.kv.get(generationKey)) ?? null);
}

/**
 * Payload's REST `GET` with course, module and unit reads cached (see the top of this file);
 * everything else goes straight to it.
 */
export function cachedContentReads<A>(
  handler: RouteHandler<A>,
  config: Promise<SanitizedConfig> | SanitizedConfig,
): RouteHandler<A> {
  if (process.env.POLYCOURSE_READ_CACHE === '0') return handler;
  return async (request, args) => {
    const url = new URL(request.url);
    if (!cachedPaths.test(url.pathname) || request.headers.has('origin'))
      return handler(request, args);
    const payload = await getPayload({ config });
    const credentials = ['authorization', 'cookie']
      .map((name) => request.headers.get(name) ?? '')
      .join('\n');
    const reader = credentials.trim()
      ? crypto.createHash('sha256').update(credentials).digest('hex')
      : 'anyone';
    const generation = await currentGeneration(payload);
    // Credentials that sign no one in: Payload answers (and refuses them).
    if (reader !== 'anyone' && !(await signsIn(reader, generation, request.headers, payload)))
      return handler(request, args);
    const key = `${reader} ${url.pathname}${url.search}`;
    const hit = entries.get(key);
    if (hit?.generation === generation)
      return new Response(hit.body as BodyInit, {
        headers: [...hit.headers, ['x-polycourse-cache', 'hit']],
      });
    const response = await handler(request, args);
    if (response.status !== 200) return response;
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = [...response.headers].filter(([name]) => name !== 'set-cookie');
    entries.set(key, { generation, headers, body });
    return new Response(body as BodyInit, {
      headers: [...headers, ['x-polycourse-cache', 'miss']],
    });
  };
}

/** A new content generation, written in the change's own transaction (`req`). */
async function bumpGeneration(req: PayloadRequest): Promise<void> {
  await req.payload.db.upsert({
    collection: kvCollection,
    data: { key: generationKey, data: { id: crypto.randomUUID(), at: new Date().toISOString() } },
    req,
    where: { key: { equals: generationKey } },
  });
}

/** On courses, modules, units and staff accounts: cached reads of them are stale from now on. */
export const staleReadsAfterChange: CollectionAfterChangeHook = async ({ req }) => {
  await bumpGeneration(req);
};
export const staleReadsAfterDelete: CollectionAfterDeleteHook = async ({ req }) => {
  await bumpGeneration(req);
};
/** On staff accounts: a session that ends stops signing in at once, cached reads included. */
export const staleReadsAfterLogout: CollectionAfterLogoutHook = async ({ req }) => {
  await bumpGeneration(req);
};

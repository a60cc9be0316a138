/**
 * Rate limits of the learner services (Payload 3 has none of its own), with rate-limiter-flexible:
 * counters in Redis when `REDIS_URL` is set, else in PostgreSQL when the CMS runs on it (one table;
 * both are shared by every server process behind a load balancer), else in memory on the embedded
 * SQLite server (one process; shared by its Payload instances, see memoryLimiters). A refused
 * request gets 429 with Retry-After.
 */
import type { Payload, PayloadRequest } from 'payload';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { redisFor } from './redis.ts';

/** Each limit: how many requests per key in how many seconds. */
export const learnerRateLimits = {
  /** sign-ups per address */
  signUp: { points: 20, duration: 60 * 60 },
  /** sign-in attempts per address (each account also locks after 5 failures) */
  login: { points: 60, duration: 10 * 60 },
  /** event batches per learner */
  events: { points: 240, duration: 60 },
  /** leaderboard, rank and forum reads per address */
  read: { points: 600, duration: 60 },
  /** forum posts, replies, edits and deletes per learner */
  post: { points: 20, duration: 10 * 60 },
  /** forum writes (posts and reports) per address: a school's learners may share one */
  postAddress: { points: 120, duration: 60 },
  /** reports per learner */
  report: { points: 30, duration: 60 * 60 },
} as const;
export type LimitName = keyof typeof learnerRateLimits;

const limiters = new WeakMap<Payload, Map<LimitName, Promise<RateLimiterAbstract>>>();

/**
 * Counters in memory belong to the process and its database, not to one Payload instance:
 * `polycourse cms` runs two (its own for the learner API, serve-cms.ts, and the one in Next.js's
 * bundle, a separate module graph), and a request that reaches the other must not find a fresh
 * count. Kept on globalThis under a registered symbol, which both module graphs share.
 */
const memoryLimiters: Map<string, RateLimiterMemory> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('polycourse.memoryRateLimiters')
] ??= new Map()) as Map<string, RateLimiterMemory>;

function memoryLimiter(payload: Payload, opts: IRateLimiterOptions): RateLimiterMemory {
  const url = (payload.db as { clientConfig?: { url?: string } }).clientConfig?.url ?? '';
  const key = `${opts.keyPrefix} ${url}`;
  let limiter = memoryLimiters.get(key);
  if (!limiter) memoryLimiters.set(key, (limiter = new RateLimiterMemory(opts)));
  return limiter;
}

function limiterFor(payload: Payload, name: LimitName): Promise<RateLimiterAbstract> {
  let byName = limiters.get(payload);
  if (!byName) limiters.set(payload, (byName = new Map()));
  let limiter = byName.get(name);
  if (!limiter) {
    const opts = { keyPrefix: `polycourse_${name}`, ...learnerRateLimits[name] };
    const db = payload.db as { name?: string; pool?: unknown; schemaName?: string };
    const redis = redisFor(payload);
    limiter = redis
      ? Promise.resolve(
          // While Redis cannot be reached, each process counts in memory (insuranceLimiter).
          new RateLimiterRedis({
            ...opts,
            storeClient: redis,
            insuranceLimiter: new RateLimiterMemory(opts),
          }),
        )
      : db.name === 'postgres' && db.pool
        ? new Promise((resolve, reject) => {
            const pg: RateLimiterPostgres = new RateLimiterPostgres(
              {
                ...opts,
                storeClient: db.pool,
                tableName: 'polycourse_rate_limits',
                ...(db.schemaName ? { schemaName: db.schemaName } : {}),
              },
              (error?: unknown) => (error ? reject(error) : resolve(pg)),
            );
          })
        : Promise.resolve(memoryLimiter(payload, opts));
    byName.set(name, limiter);
  }
  return limiter;
}

/**
 * The client's address for per-address limits: the one the nearest trusted proxy saw
 * (POLYCOURSE_TRUSTED_PROXIES proxies in front, e.g. 1 behind nginx), else the connection's, which
 * serve-cms.ts appends to X-Forwarded-For (as a proxy does).
 */
export function clientAddress(req: PayloadRequest): string {
  const hops = (req.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const trusted = Number(process.env.POLYCOURSE_TRUSTED_PROXIES ?? 0) || 0;
  return hops[Math.max(0, hops.length - 1 - trusted)] ?? 'unknown';
}

/** Count one request; a 429 response when over the limit, else undefined. */
export async function overLimit(
  req: PayloadRequest,
  name: LimitName,
  key: string,
): Promise<Response | undefined> {
  try {
    await (await limiterFor(req.payload, name)).consume(key);
    return undefined;
  } catch (refused) {
    if (!(refused instanceof RateLimiterRes)) throw refused;
    const seconds = Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
    const { points, duration } = learnerRateLimits[name];
    return Response.json(
      {
        errors: [
          {
            message:
              `Too many requests: at most ${points} in ${duration} s ` +
              `(${name}); try again in ${seconds} s.`,
          },
        ],
      },
      { status: 429, headers: { 'Retry-After': String(seconds) } },
    );
  }
}

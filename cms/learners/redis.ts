/**
 * Redis for the learner services when `REDIS_URL` is set (docs/scaling.md): rate-limit counters
 * and the leaderboards' sorted sets, shared by every server process. Without it, the counters live
 * in PostgreSQL (or memory) and a rank is counted in the database. One client per Payload instance,
 * its keys under `POLYCOURSE_REDIS_PREFIX` (default `polycourse:`) so that several installations,
 * or test runs, can share one Redis.
 */
import { Redis } from 'ioredis';
import type { Payload } from 'payload';

const clients = new WeakMap<Payload, Redis | undefined>();

export function redisFor(payload: Payload): Redis | undefined {
  if (clients.has(payload)) return clients.get(payload);
  const url = process.env.REDIS_URL;
  const client = url
    ? new Redis(url, {
        keyPrefix: process.env.POLYCOURSE_REDIS_PREFIX ?? 'polycourse:',
        // A request waits at most this long for Redis before it falls back to the database.
        commandTimeout: 2000,
        maxRetriesPerRequest: 1,
        lazyConnect: false,
        // Commands of the same tick (many requests' rate limits and ranks) go in one write.
        enableAutoPipelining: true,
      })
    : undefined;
  // An unreachable Redis is reported once per outage, not on every request (ioredis retries).
  let reported = false;
  client?.on('error', (error) => {
    if (!reported) payload.logger.warn(`Redis (${url}): ${error.message}`);
    reported = true;
  });
  client?.on('ready', () => (reported = false));
  clients.set(payload, client);
  return client;
}

/** Close this instance's Redis connection (the server stops, a test ends). */
export async function closeRedis(payload: Payload): Promise<void> {
  const client = clients.get(payload);
  clients.delete(payload);
  if (client) await client.quit().catch(() => client.disconnect());
}

/**
 * Run a Lua script the ioredis way (defineCommand): by its SHA1 (EVALSHA), its text sent only when
 * this Redis does not have it yet, instead of the whole text on every call (EVAL).
 */
export function runScript(
  redis: Redis,
  name: string,
  lua: string,
  keys: string[],
  args: (string | number)[],
): Promise<unknown> {
  const commands = redis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  if (typeof commands[name] !== 'function')
    redis.defineCommand(name, { lua, numberOfKeys: keys.length });
  return commands[name](...keys, ...args);
}

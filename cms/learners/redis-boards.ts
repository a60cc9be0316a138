/**
 * The leaderboards as Redis sorted sets (with `REDIS_URL`), so that "my rank" is two O(log n)
 * counts instead of counting the database's rows above the learner (seconds at a million
 * learners). The database stays the truth: every change of a learner-scores row (hooks on the
 * collection) moves its learner in the sets, and a board whose set is not there yet (a new Redis,
 * an expired week) is filled from the database once, by one process, while the others count in
 * the database meanwhile. A board per course, overall and per locale, all time and per week.
 */
import type { Payload, Where } from 'payload';
import type { Redis } from 'ioredis';
import { redisFor } from './redis.ts';

export interface ScoreRow {
  learner: string | number | { id: string | number };
  courseId: string;
  locale?: string | null;
  listed?: boolean | null;
  points?: number | null;
  week?: string | null;
  weekPoints?: number | null;
}

/** A week's sets outlive the week by a week: a rank asked for late still finds them. */
const weekSeconds = 14 * 24 * 60 * 60;

export function boardKey(course: string, period: 'all' | 'week', week: string, locale?: string) {
  return `board:${course}:${period === 'week' ? `week:${week}` : 'all'}:${locale ?? '*'}`;
}

const learnerId = (row: ScoreRow) =>
  String(typeof row.learner === 'object' ? row.learner.id : row.learner);

/** The sets a row belongs to, with its points in each. */
function membership(row: ScoreRow | undefined): Map<string, number> {
  const sets = new Map<string, number>();
  if (!row?.listed) return sets;
  const locales = [undefined, ...(row.locale ? [row.locale] : [])];
  if ((row.points ?? 0) > 0)
    for (const l of locales) sets.set(boardKey(row.courseId, 'all', '', l), row.points!);
  if (row.week && (row.weekPoints ?? 0) > 0)
    for (const l of locales) sets.set(boardKey(row.courseId, 'week', row.week, l), row.weekPoints!);
  return sets;
}

/**
 * Move a learner in the sets after their score row changed (`doc` undefined: deleted). Errors are
 * logged, not thrown: the database has the change, and a rank falls back to it.
 */
export async function moveOnBoards(payload: Payload, doc?: ScoreRow, previous?: ScoreRow) {
  const redis = redisFor(payload);
  const row = doc ?? previous;
  if (!redis || !row) return;
  const member = learnerId(row);
  const now = membership(doc);
  const before = membership(previous);
  const batch = redis.multi();
  for (const key of before.keys()) if (!now.has(key)) batch.zrem(key, member);
  for (const [key, points] of now) {
    batch.zadd(key, points, member);
    if (key.includes(':week:')) batch.expire(key, weekSeconds);
  }
  try {
    await batch.exec();
  } catch (error) {
    payload.logger.warn(`Leaderboard sets not updated: ${(error as Error).message}`);
  }
}

/**
 * Fill a board's set from the database unless it is there; false when it is not ready (another
 * process fills it, or Redis fails), and the caller counts in the database instead.
 */
async function boardReady(
  payload: Payload,
  redis: Redis,
  key: string,
  where: Where,
  field: 'points' | 'weekPoints',
): Promise<boolean> {
  if (await redis.exists(`${key}:filled`)) return true;
  // One process fills it; a filler that died lets go after a minute.
  if ((await redis.set(`${key}:filling`, String(process.pid), 'EX', 60, 'NX')) !== 'OK')
    return false;
  try {
    const expiry = key.includes(':week:') ? weekSeconds : 0;
    // By id, 5,000 rows at a time after the last one read (no offsets over a million rows).
    let after: string | number | undefined;
    for (;;) {
      const found = await payload.find({
        collection: 'learner-scores',
        where: {
          ...where,
          [field]: { greater_than: 0 },
          ...(after === undefined ? {} : { id: { greater_than: after } }),
        },
        depth: 0,
        limit: 5000,
        pagination: false,
        sort: 'id',
        select: { learner: true, [field]: true },
        overrideAccess: true,
      });
      const rows = found.docs as unknown as (ScoreRow & { id: string | number })[];
      if (!rows.length) break;
      // NX: a score a hook wrote meanwhile is newer than this read, and stays.
      await redis.zadd(
        key,
        'NX',
        ...rows.flatMap((d) => [(field === 'points' ? d.points : d.weekPoints) ?? 0, learnerId(d)]),
      );
      after = rows.at(-1)!.id;
      if (rows.length < 5000) break;
    }
    if (expiry) await redis.expire(key, expiry);
    if (expiry) await redis.set(`${key}:filled`, '1', 'EX', expiry);
    else await redis.set(`${key}:filled`, '1');
    return true;
  } finally {
    await redis.del(`${key}:filling`);
  }
}

/**
 * placeOnBoard's script. Its two keys are in different hash slots: on a Redis Cluster it fails
 * (CROSSSLOT) and ranks are read from the database; docs/scaling.md asks for one Redis.
 */
const placeScript = `
if redis.call('EXISTS', KEYS[2]) == 0 then return false end
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return false end
return { score, redis.call('ZCOUNT', KEYS[1], '(' .. score, '+inf'), redis.call('ZCARD', KEYS[1]) }
`;

/**
 * A learner's points on a board and rank, from its set alone, in one round trip (a Lua script: the
 * set's filled mark, the learner's score, how many have more and how many have any, read at one
 * moment). Undefined when Redis is not configured, the set is not filled, the learner is not in it
 * (not listed, no points) or Redis fails: the caller reads the database.
 */
export async function placeOnBoard(
  payload: Payload,
  key: string,
  learner: string | number,
): Promise<{ points: number; above: number; of: number } | undefined> {
  const redis = redisFor(payload);
  if (!redis) return undefined;
  try {
    const reply = (await redis.eval(placeScript, 2, key, `${key}:filled`, String(learner))) as
      (string | number)[] | null;
    if (!reply) return undefined;
    const [points, above, of] = reply;
    return { points: Number(points), above: Number(above), of: Number(of) };
  } catch (error) {
    payload.logger.warn(`Rank read from the database: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * A learner's rank from the sets: 1 + how many have more points, and how many have any; undefined
 * when Redis is not configured, not ready or failing (the caller counts in the database).
 */
export async function rankFromBoards(
  payload: Payload,
  key: string,
  where: Where,
  field: 'points' | 'weekPoints',
  points: number,
): Promise<{ above: number; of: number } | undefined> {
  const redis = redisFor(payload);
  if (!redis) return undefined;
  // Whether the set is filled and both counts in one round trip (a "my rank" on every page).
  const counts = async () => {
    const replies = await redis
      .pipeline()
      .exists(`${key}:filled`)
      .zcount(key, `(${points}`, '+inf')
      .zcard(key)
      .exec();
    const [filled, above, of] = (replies ?? []).map(([error, value]) => {
      if (error) throw error;
      return value as number;
    });
    return filled ? { above, of } : undefined;
  };
  try {
    const counted = await counts();
    if (counted) return counted;
    if (!(await boardReady(payload, redis, key, where, field))) return undefined;
    return await counts();
  } catch (error) {
    payload.logger.warn(`Rank counted in the database: ${(error as Error).message}`);
    return undefined;
  }
}

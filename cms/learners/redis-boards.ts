/**
 * The leaderboards as Redis sorted sets (with `REDIS_URL`), so that "my rank" is two O(log n)
 * counts instead of counting the database's rows above the learner (seconds at a million
 * learners). The database stays the truth: every change of a learner-scores row (hooks on the
 * collection) moves its learner in the sets, and a board whose set is not there yet (a new Redis,
 * an expired week) is filled from the database once, by one process, while the others count in
 * the database meanwhile. A filled set is built again from the database once it is older than
 * POLYCOURSE_BOARD_REFILL_HOURS (24), in the background while ranks are read from it: that heals
 * what a failed hook write left behind. A board per course, overall and per locale, all time and
 * per week.
 */
import type { Payload, Where } from 'payload';
import type { Redis } from 'ioredis';
import { redisFor, runScript } from './redis.ts';

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
 * One learner's move in one set: added with their points, or removed (ARGV[2] empty). While the
 * set is being filled (its `:filling` lock, KEYS[2]), the move also goes to the set being built
 * (KEYS[3]), and a removal is remembered (KEYS[4]) so that the filler's older read of that row
 * does not bring the learner back. ARGV: member, points ('' to remove), expiry in seconds (0:
 * none).
 */
const moveScript = `
local filling = redis.call('EXISTS', KEYS[2]) == 1
if ARGV[2] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  if filling then
    redis.call('ZREM', KEYS[3], ARGV[1])
    redis.call('SADD', KEYS[4], ARGV[1])
  end
else
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
  if filling then
    redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
    redis.call('SREM', KEYS[4], ARGV[1])
  end
end
if tonumber(ARGV[3]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
`;

/** The keys that go with a board's set: its marks, the set being built and who left meanwhile. */
const keysOf = (key: string) => ({
  filled: `${key}:filled`,
  fresh: `${key}:fresh`,
  filling: `${key}:filling`,
  next: `${key}:next`,
  gone: `${key}:gone`,
});

/**
 * Move a learner in the sets after their score row changed (`doc` undefined: deleted). Errors are
 * logged, not thrown: the database has the change, a rank falls back to it, and the next refill
 * heals the set.
 */
export async function moveOnBoards(payload: Payload, doc?: ScoreRow, previous?: ScoreRow) {
  const redis = redisFor(payload);
  const row = doc ?? previous;
  if (!redis || !row) return;
  const member = learnerId(row);
  const now = membership(doc);
  const before = membership(previous);
  const moves: [string, string][] = [
    ...[...before.keys()]
      .filter((key) => !now.has(key))
      .map((key) => [key, ''] as [string, string]),
    ...[...now].map(([key, points]) => [key, String(points)] as [string, string]),
  ];
  try {
    await Promise.all(
      moves.map(([key, points]) => {
        const k = keysOf(key);
        const expiry = key.includes(':week:') ? weekSeconds : 0;
        return runScript(
          redis,
          'polycourseMove',
          moveScript,
          [key, k.filling, k.next, k.gone],
          [member, points, expiry],
        );
      }),
    );
  } catch (error) {
    payload.logger.warn(`Leaderboard sets not updated: ${(error as Error).message}`);
  }
}

/** Adds a page of the database's rows to the set being built, but not learners who left since. */
const fillScript = `
for i = 1, #ARGV, 2 do
  if redis.call('SISMEMBER', KEYS[2], ARGV[i + 1]) == 0 then
    redis.call('ZADD', KEYS[1], 'NX', ARGV[i], ARGV[i + 1])
  end
end
`;

/** Puts the built set in place of the old one and marks it filled and fresh. */
const swapScript = `
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('RENAME', KEYS[2], KEYS[1])
else redis.call('DEL', KEYS[1]) end
local expiry = tonumber(ARGV[1])
if expiry > 0 then
  redis.call('EXPIRE', KEYS[1], expiry)
  redis.call('SET', KEYS[4], '1', 'EX', expiry)
else
  redis.call('SET', KEYS[4], '1')
end
redis.call('SET', KEYS[5], '1', 'EX', ARGV[2])
redis.call('DEL', KEYS[3], KEYS[6])
`;

/**
 * How long a filled set counts as fresh before it is built again from the database: at least a
 * minute; a value that is not a positive number is reported and the default taken.
 */
function refillSeconds(payload: Payload): number {
  const given = process.env.POLYCOURSE_BOARD_REFILL_HOURS;
  const hours = Number(given ?? 24);
  if (Number.isFinite(hours) && hours > 0) return Math.max(60, Math.round(hours * 3600));
  payload.logger.warn(
    `POLYCOURSE_BOARD_REFILL_HOURS="${given}" is not a positive number of hours (e.g. 24); ` +
      'the leaderboard sets are built again every 24 hours.',
  );
  return 24 * 3600;
}

/**
 * Build a board's set from the database, by one process at a time: into a new set, which then
 * takes the old one's place (the old one serves ranks meanwhile, if there is one). Learners' moves
 * meanwhile go to both (moveScript). False when another process is filling it; throws when Redis
 * or the database fails (the lock is let go).
 */
async function fillBoard(
  payload: Payload,
  redis: Redis,
  key: string,
  where: Where,
  field: 'points' | 'weekPoints',
): Promise<boolean> {
  const k = keysOf(key);
  // One process fills it; a filler that died lets go after a minute (renewed on every page).
  if ((await redis.set(k.filling, String(process.pid), 'EX', 60, 'NX')) !== 'OK') return false;
  try {
    // What a filler that died left behind.
    await redis.del(k.next, k.gone);
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
      await runScript(
        redis,
        'polycourseFill',
        fillScript,
        [k.next, k.gone],
        rows.flatMap((d) => [(field === 'points' ? d.points : d.weekPoints) ?? 0, learnerId(d)]),
      );
      await redis.expire(k.filling, 60);
      after = rows.at(-1)!.id;
      if (rows.length < 5000) break;
    }
    const expiry = key.includes(':week:') ? weekSeconds : 0;
    await runScript(
      redis,
      'polycourseSwap',
      swapScript,
      [key, k.next, k.gone, k.filled, k.fresh, k.filling],
      [expiry, refillSeconds(payload)],
    );
    return true;
  } catch (error) {
    await redis.del(k.filling).catch(() => undefined);
    throw error;
  }
}

/** When this process last set out to refill each board (refreshBoard). */
const refillTried = new Map<string, number>();
const refillRetryMs = 10_000;

/**
 * Build a filled board again from the database, in the background: ranks keep coming from the
 * set meanwhile. Failures are logged; a rank after the next 10 s tries again.
 *
 * Every rank read reports a stale set until its refill ends (about 20 s at 500,000 learners, once
 * a day), so this process sets out at most once every 10 s per board, not once per read (each try
 * is a round trip to Redis for the filler's lock, which one process holds).
 */
export function refreshBoard(
  payload: Payload,
  key: string,
  where: Where,
  field: 'points' | 'weekPoints',
): void {
  const redis = redisFor(payload);
  if (!redis) return;
  const now = Date.now();
  if (now - (refillTried.get(key) ?? -Infinity) < refillRetryMs) return;
  if (refillTried.size >= 10_000) refillTried.clear(); // boards by course, locale and week
  refillTried.set(key, now);
  fillBoard(payload, redis, key, where, field).catch((error: Error) =>
    payload.logger.warn(`Leaderboard set ${key} not refilled: ${error.message}`),
  );
}

/**
 * placeOnBoard's script. Its two keys are in different hash slots: on a Redis Cluster it fails
 * (CROSSSLOT) and ranks are read from the database; docs/scaling.md asks for one Redis.
 */
const placeScript = `
if redis.call('EXISTS', KEYS[2]) == 0 then return false end
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return false end
return { score, redis.call('ZCOUNT', KEYS[1], '(' .. score, '+inf'), redis.call('ZCARD', KEYS[1]),
  redis.call('EXISTS', KEYS[3]) }
`;

/**
 * A learner's points on a board and rank, from its set alone, in one round trip (a Lua script: the
 * set's filled mark, the learner's score, how many have more and how many have any, read at one
 * moment), and whether the set is due to be built again (`stale`: refreshBoard). Undefined when
 * Redis is not configured, the set is not filled, the learner is not in it (not listed, no points)
 * or Redis fails: the caller reads the database.
 */
export async function placeOnBoard(
  payload: Payload,
  key: string,
  learner: string | number,
): Promise<{ points: number; above: number; of: number; stale: boolean } | undefined> {
  const redis = redisFor(payload);
  if (!redis) return undefined;
  const k = keysOf(key);
  try {
    const reply = (await runScript(
      redis,
      'polycoursePlace',
      placeScript,
      [key, k.filled, k.fresh],
      [String(learner)],
    )) as (string | number)[] | null;
    if (!reply) return undefined;
    const [points, above, of, fresh] = reply;
    return { points: Number(points), above: Number(above), of: Number(of), stale: !fresh };
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
  const k = keysOf(key);
  // Whether the set is filled and fresh, and both counts, in one round trip.
  const counts = async () => {
    const replies = await redis
      .pipeline()
      .exists(k.filled)
      .exists(k.fresh)
      .zcount(key, `(${points}`, '+inf')
      .zcard(key)
      .exec();
    const [filled, fresh, above, of] = (replies ?? []).map(([error, value]) => {
      if (error) throw error;
      return value as number;
    });
    if (filled && !fresh) refreshBoard(payload, key, where, field);
    return filled ? { above, of } : undefined;
  };
  try {
    const counted = await counts();
    if (counted) return counted;
    if (!(await fillBoard(payload, redis, key, where, field))) return undefined;
    return await counts();
  } catch (error) {
    payload.logger.warn(`Rank counted in the database: ${(error as Error).message}`);
    return undefined;
  }
}

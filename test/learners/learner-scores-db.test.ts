/**
 * The learner services' storage on each real database (a SQLite file, a fresh PostgreSQL schema;
 * MongoDB skips saying why): events stored once per id, also when two requests race with the same
 * batch, points recomputed on the server from the answer keys, the leaderboard's order, ties and
 * weeks, and the rate limits' counters (on PostgreSQL, one table shared by every process). With
 * Redis (skipped, saying why, when none answers): ranks counted in its sorted sets, which follow
 * every change of a score and are filled again from the database when missing; limits counted in
 * it; and with Redis unreachable, the database and memory instead.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLocalReq, type Payload, type PayloadRequest } from 'payload';
import { Redis } from 'ioredis';
import { databaseAvailable, startCms } from '../helpers/cms.ts';
import { miniCourse } from '../helpers/mini-course.ts';
import { importCourse } from '../../cms/course-exchange/import-course.ts';
import { recordEvents, weekOf, type LearnerRef } from '../../cms/learners/record-events.ts';
import { rankOf, topLearners, type BoardQuery } from '../../cms/learners/leaderboard.ts';
import { boardKey, placeOnBoard } from '../../cms/learners/redis-boards.ts';
import { addReply, createThread, readThread } from '../../cms/learners/forums.ts';
import { overLimit, learnerRateLimits } from '../../cms/learners/rate-limit.ts';

const view = (id: string, unit = 'basics/first-lesson') => ({
  id,
  type: 'unit-viewed' as const,
  unit,
});

for (const kind of ['sqlite', 'postgres', 'mongodb'] as const) {
  const available = await databaseAvailable(kind);
  if (available !== true) console.warn(`[learner tests] skipping ${kind}: ${available}`);
  describe.skipIf(available !== true)(
    `learner scores on ${kind}${available === true ? '' : ` (skipped: ${available})`}`,
    { timeout: 120_000 },
    () => {
      let payload: Payload;
      let stop: () => Promise<void>;
      const learners: Record<string, LearnerRef> = {};
      const learner = async (name: string, leaderboard = true) =>
        (learners[name] = (await payload.create({
          collection: 'learners',
          data: { username: name, password: `pw-${name}-123`, displayName: name, leaderboard },
          overrideAccess: true,
        })) as unknown as LearnerRef);
      const record = (
        who: string,
        events: Parameters<typeof recordEvents>[2]['events'],
        at?: Date,
      ) => recordEvents(payload, learners[who], { course: 'mini', locale: 'en', events }, at);

      beforeAll(async () => {
        ({ payload, stop } = await startCms(kind));
        await importCourse(payload, miniCourse());
        for (const name of ['ana', 'ben', 'cai', 'dee']) await learner(name);
        await learner('eve', false);
      }, 120_000);
      afterAll(async () => {
        await stop?.();
      });

      it('stores a batch once, also when the same batch races with itself', async () => {
        const batch = [view('r1'), view('r2', 'basics/second-lesson')];
        const [one, two] = await Promise.all([record('ana', batch), record('ana', batch)]);
        expect([...one.accepted, ...two.accepted].sort()).toEqual(['r1', 'r2']);
        expect([...one.duplicates, ...two.duplicates].sort()).toEqual(['r1', 'r2']);
        const stored = await payload.count({
          collection: 'learner-events',
          where: { learner: { equals: learners.ana.id } },
        });
        expect(stored.totalDocs).toBe(2);
        expect((await record('ana', [view('r3')])).points).toBe(20);
      });

      it('stores a one-event batch once, raced with itself and retried after', async () => {
        await learner('hal', false);
        const batch = [view('h1')];
        const [one, two] = await Promise.all([record('hal', batch), record('hal', batch)]);
        expect([...one.accepted, ...two.accepted]).toEqual(['h1']);
        expect([...one.duplicates, ...two.duplicates]).toEqual(['h1']);
        expect(await record('hal', batch)).toMatchObject({
          accepted: [],
          duplicates: ['h1'],
          points: 10,
        });
        const stored = await payload.count({
          collection: 'learner-events',
          where: { learner: { equals: learners.hal.id } },
        });
        expect(stored.totalDocs).toBe(1);
      });

      it('scores quiz attempts from the stored answer keys', async () => {
        const result = await record('ben', [
          {
            id: 'b1',
            type: 'quiz-attempt',
            unit: 'basics/basics-quiz',
            answers: { q1: ['b'], q3: ['true'], q5: ['art12=capacity', 'art19=community'] },
          },
        ]);
        expect(result.scored.b1).toEqual({ correct: 3, total: 5, percent: 60, passed: true });
        expect(result.points).toBe(15);
      });

      it("writes rows that read back as Payload's adapter's own", async () => {
        // The same event of each kind stored by recordEvents (prepared statements on SQL) and by
        // Payload's adapter, then both read through Payload.
        await learner('ida', false);
        await record('ida', [
          view('i1'),
          {
            id: 'i2',
            type: 'quiz-attempt',
            unit: 'basics/basics-quiz',
            answers: { q1: ['b'], q3: ['true'] },
          },
          { id: 'i3', type: 'challenge-done', unit: 'basics/basics-challenge', done: true },
        ]);
        const events = async () =>
          (
            await payload.find({
              collection: 'learner-events',
              where: { learner: { equals: learners.ida.id } },
              sort: 'eventId',
              depth: 0,
              limit: 0,
            })
          ).docs as unknown as Record<string, unknown>[];
        const ours = await events();
        expect(ours.map((e) => e.eventId)).toEqual(['i1', 'i2', 'i3']);
        for (const e of ours) {
          const { id, createdAt, updatedAt, eventId, ...data } = e;
          await payload.db.create({
            collection: 'learner-events',
            data: { ...data, eventId: `${eventId}-adapter` },
            returning: false,
          });
        }
        const all = await events();
        for (const e of ours) {
          const theirs = all.find((x) => x.eventId === `${e.eventId}-adapter`)!;
          const strip = ({ id, eventId, createdAt, updatedAt, ...rest }: Record<string, unknown>) =>
            rest;
          expect(strip(e), String(e.eventId)).toEqual(strip(theirs));
          expect(Object.keys(e).sort()).toEqual(Object.keys(theirs).sort());
          expect(new Date(String(e.createdAt)).getTime()).toBeGreaterThan(Date.now() - 60_000);
        }
        const base = { learner: learners.ida.id, courseId: 'mini', locale: 'en' };
        expect(ours[0]).toMatchObject({
          ...base,
          type: 'unit-viewed',
          unit: 'basics/first-lesson',
        });
        expect(ours[1]).toMatchObject({
          ...base,
          type: 'quiz-attempt',
          answers: { q1: ['b'], q3: ['true'] },
          correct: 2,
          total: 5,
          passed: false,
        });
        expect(ours[2]).toMatchObject({ ...base, type: 'challenge-done', done: true });
        for (const e of ours) expect(new Date(String(e.at)).toISOString()).toBe(e.at);
        // The score row, read through Payload, is what was written.
        const [score] = (
          await payload.find({
            collection: 'learner-scores',
            where: { learner: { equals: learners.ida.id } },
            depth: 0,
          })
        ).docs as unknown as Record<string, unknown>[];
        expect(score).toMatchObject({ courseId: 'mini', locale: 'en', listed: false, revision: 1 });
        expect(typeof score.points).toBe('number');
        expect(score.progress).toMatchObject({ version: 1 });
        expect(new Date(String(score.lastAt)).toISOString()).toBe(score.lastAt);
      });

      it('orders the board, shares ranks on ties, lists only who opted in', async () => {
        await record('cai', [view('c1'), view('c2', 'basics/second-lesson')]);
        await record('dee', [view('d1')]);
        await record('eve', [
          view('e1'),
          view('e2', 'basics/second-lesson'),
          view('e3', 'basics/basics-sheet'),
        ]);
        const top = await topLearners(payload, { course: 'mini', period: 'all' });
        expect(top.map((e) => [e.rank, e.name, e.points])).toEqual([
          [1, 'ana', 20],
          [1, 'cai', 20],
          [3, 'ben', 15],
          [4, 'dee', 10],
        ]);
        expect(await rankOf(payload, learners.dee.id, { course: 'mini', period: 'all' })).toEqual({
          rank: 4,
          points: 10,
          of: 4,
        });
        expect(
          await rankOf(payload, learners.eve.id, { course: 'mini', period: 'all' }),
        ).toMatchObject({
          rank: null,
        });
      });

      it('this week counts only the points earned since Monday', async () => {
        const nextWeek = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
        await record('dee', [view('d2', 'basics/second-lesson')], nextWeek);
        const week = await topLearners(payload, { course: 'mini', period: 'week' }, nextWeek);
        expect(week.map((e) => [e.name, e.points])).toEqual([['dee', 10]]);
        const scores = await payload.find({
          collection: 'learner-scores',
          where: { learner: { equals: learners.dee.id } },
        });
        expect(scores.docs[0]).toMatchObject({
          points: 20,
          weekPoints: 10,
          week: weekOf(nextWeek),
        });
      });

      it('adds each batch to the kept progress; late or racing ones count again', async () => {
        await learner('gus', false);
        const hourAgo = Date.now() - 60 * 60_000;
        const minute = (m: number) => new Date(hourAgo + m * 60_000).toISOString();
        const challenge = (id: string, done: boolean, at: string) => ({
          id,
          type: 'challenge-done' as const,
          unit: 'basics/basics-challenge',
          done,
          at,
        });
        const row = async () =>
          (
            await payload.find({
              collection: 'learner-scores',
              where: { learner: { equals: learners.gus.id } },
            })
          ).docs[0];
        expect((await record('gus', [{ ...view('g1'), at: minute(1) }])).points).toBe(10);
        // done: 15 more
        expect((await record('gus', [challenge('g2', true, minute(5))])).points).toBe(25);
        expect(await row()).toMatchObject({ points: 25, revision: 2, lastAt: minute(5) });
        // An older "not done" from a device that was offline: in time order it came first, so the
        // challenge is still done (added to the kept progress as it arrived, it would not be).
        expect((await record('gus', [challenge('g3', false, minute(3))])).points).toBe(25);
        // Two batches at once: the second write finds the row changed and counts again.
        const [a, b] = await Promise.all([
          record('gus', [{ ...view('g4', 'basics/second-lesson'), at: minute(6) }]),
          record('gus', [{ ...view('g5', 'basics/basics-sheet'), at: minute(6) }]),
        ]);
        expect(Math.max(a.points, b.points)).toBe(45);
        expect(await row()).toMatchObject({ points: 45, revision: 5, lastAt: minute(6) });
        // A retried batch changes nothing.
        expect((await record('gus', [challenge('g2', true, minute(5))])).points).toBe(45);
        expect((await row()).revision).toBe(5);
      });

      it('replies posted at once all count in their thread', async () => {
        const held = process.env.POLYCOURSE_FORUM_HOLD_FIRST_POSTS;
        process.env.POLYCOURSE_FORUM_HOLD_FIRST_POSTS = '0';
        try {
          const req = await createLocalReq({}, payload);
          const place = { course: 'mini', module: 'basics', locale: 'en' };
          const { thread } = await createThread(req, learners.ana, {
            ...place,
            title: 'Busy thread',
            body: 'Who is here?',
          });
          const writers = ['ben', 'cai', 'dee', 'eve', 'gus'];
          await Promise.all(
            writers.map((w) => addReply(req, learners[w], String(thread), `Here: ${w}`)),
          );
          const stored = await payload.findByID({ collection: 'forum-threads', id: thread });
          expect(stored.replies).toBe(5);
          const read = await readThread(payload, String(thread), 1);
          expect(read.posts.map((p) => p.html).sort()).toEqual(
            ['<p>Who is here?</p>', ...writers.map((w) => `<p>Here: ${w}</p>`)].sort(),
          );
          await expect(addReply(req, learners.ben, '999999', 'x')).rejects.toThrow(
            /there is no thread 999999/,
          );
          await expect(addReply(req, learners.ben, 'not-an-id', 'x')).rejects.toThrow(
            /there is no thread not-an-id/,
          );
        } finally {
          if (held === undefined) delete process.env.POLYCOURSE_FORUM_HOLD_FIRST_POSTS;
          else process.env.POLYCOURSE_FORUM_HOLD_FIRST_POSTS = held;
        }
      });

      it('counts a limit per key and refuses past it', async () => {
        const req = (ip: string) =>
          ({
            payload,
            headers: new Headers({ 'x-forwarded-for': ip }),
          }) as unknown as PayloadRequest;
        const key = `test-${kind}-${Date.now()}`;
        const { points } = learnerRateLimits.signUp;
        for (let i = 0; i < points; i++)
          expect(await overLimit(req('1.1.1.1'), 'signUp', key)).toBeUndefined();
        const refused = await overLimit(req('1.1.1.1'), 'signUp', key);
        expect(refused?.status).toBe(429);
        expect(await overLimit(req('1.1.1.1'), 'signUp', `${key}-other`)).toBeUndefined();
      });
    },
  );
}

/**
 * Rate limits are shared by every Payload instance on one database: PostgreSQL's table serves every
 * server process, and on the embedded SQLite server the memory counters serve both instances of
 * `polycourse cms` (its own and Next.js's, serve-cms.ts). Another database counts apart.
 */
describe.each(['postgres', 'sqlite'] as const)('rate limits on %s', async (kind) => {
  const available = await databaseAvailable(kind);
  it.skipIf(available !== true)(
    'two Payload instances on one database count together',
    async () => {
      const first = await startCms(kind);
      const second = await startCms(kind, {
        joinSchema: kind === 'postgres' ? first.schemaName : undefined,
        sqliteFile: first.sqliteFile,
      });
      const elsewhere = await startCms(kind);
      try {
        const req = (payload: Payload) =>
          ({ payload, headers: new Headers() }) as unknown as PayloadRequest;
        const key = `shared-${Date.now()}`;
        const { points } = learnerRateLimits.signUp;
        for (let i = 0; i < points; i++)
          expect(
            await overLimit(req(i % 2 ? first.payload : second.payload), 'signUp', key),
          ).toBeUndefined();
        expect((await overLimit(req(first.payload), 'signUp', key))?.status).toBe(429);
        expect((await overLimit(req(second.payload), 'signUp', key))?.status).toBe(429);
        expect(await overLimit(req(elsewhere.payload), 'signUp', key)).toBeUndefined();
      } finally {
        await elsewhere.stop();
        await second.stop();
        await first.stop();
      }
    },
    120_000,
  );
});

/** Does a Redis server answer at this URL? true, or why not. */
async function redisAnswers(url: string): Promise<true | string> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG' ? true : 'it did not answer PING';
  } catch (error) {
    return `no Redis answers at ${url} (${(error as Error).message}); set REDIS_TEST_URL`;
  } finally {
    probe.disconnect();
  }
}

describe('with Redis: ranks from sorted sets, shared limits, database as fallback', async () => {
  const url = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
  const available = await redisAnswers(url);
  if (available !== true) console.warn(`[learner tests] skipping Redis: ${available}`);
  const prefix = `polycourse-test-${process.pid}-${Date.now()}:`;
  const saved = { url: process.env.REDIS_URL, prefix: process.env.POLYCOURSE_REDIS_PREFIX };
  let payload: Payload;
  let stop: () => Promise<void>;
  let redis: Redis;
  const learners: Record<string, LearnerRef> = {};
  const record = (who: string, locale: string, events: Parameters<typeof view>[0][], at?: Date) =>
    recordEvents(
      payload,
      learners[who],
      {
        course: 'mini',
        locale,
        events: events.map((id, i) =>
          view(id, ['basics/first-lesson', 'basics/second-lesson', 'basics/basics-sheet'][i]),
        ),
      },
      at,
    );
  const rank = (who: string, q: Partial<BoardQuery> = {}, at?: Date) =>
    rankOf(payload, learners[who].id, { course: 'mini', period: 'all', ...q }, at);

  beforeAll(async () => {
    if (available !== true) return;
    process.env.REDIS_URL = url;
    process.env.POLYCOURSE_REDIS_PREFIX = prefix;
    redis = new Redis(url, { keyPrefix: prefix });
    ({ payload, stop } = await startCms('sqlite'));
    await importCourse(payload, miniCourse());
    for (const [name, listed] of [
      ['ana', true],
      ['ben', true],
      ['cai', true],
      ['dee', true],
      ['eve', false],
    ] as const)
      learners[name] = (await payload.create({
        collection: 'learners',
        data: {
          username: name,
          password: `pw-${name}-123`,
          displayName: name,
          leaderboard: listed,
        },
        overrideAccess: true,
      })) as unknown as LearnerRef;
  }, 120_000);
  afterAll(async () => {
    if (available !== true) return;
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys.map((k) => k.slice(prefix.length)));
    redis.disconnect();
    await stop?.();
    for (const [name, value] of [
      ['REDIS_URL', saved.url],
      ['POLYCOURSE_REDIS_PREFIX', saved.prefix],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });

  it.skipIf(available !== true)(
    'ranks counted in the sorted sets: ties, languages, leaving, deleting, refilling',
    async () => {
      await record('ana', 'en', ['a1', 'a2']);
      await record('ben', 'en', ['b1']);
      await record('cai', 'en', ['c1', 'c2']);
      await record('dee', 'fr', ['d1', 'd2', 'd3']);
      await record('eve', 'en', ['e1', 'e2', 'e3']);
      expect(await rank('dee')).toEqual({ rank: 1, points: 30, of: 4 });
      expect(await rank('ana')).toEqual({ rank: 2, points: 20, of: 4 });
      expect(await rank('cai')).toEqual({ rank: 2, points: 20, of: 4 });
      expect(await rank('ben')).toEqual({ rank: 4, points: 10, of: 4 });
      expect(await rank('eve')).toMatchObject({ rank: null });
      expect(await rank('dee', { locale: 'fr' })).toEqual({ rank: 1, points: 30, of: 1 });
      // They came from Redis: the sets hold the listed learners with points, and nobody else.
      const all = boardKey('mini', 'all', '', undefined);
      expect(await redis.zrevrange(all, 0, -1, 'WITHSCORES')).toEqual([
        String(learners.dee.id),
        '30',
        ...[learners.cai.id, '20', learners.ana.id, '20'].map(String),
        String(learners.ben.id),
        '10',
      ]);
      expect(await redis.zscore(all, String(learners.eve.id))).toBeNull();
      // A rank is read from the set alone (points, place and size in one call), not the database.
      expect(await placeOnBoard(payload, all, learners.ana.id)).toEqual({
        points: 20,
        above: 1,
        of: 4,
        stale: false,
      });
      expect(await placeOnBoard(payload, all, learners.eve.id)).toBeUndefined();
      // Ben leaves the board, Cai's score goes (an account deleted): both leave the sets at once.
      await payload.update({
        collection: 'learner-scores',
        where: { learner: { equals: learners.ben.id } },
        data: { listed: false },
        overrideAccess: true,
      });
      await payload.delete({
        collection: 'learner-scores',
        where: { learner: { equals: learners.cai.id } },
        overrideAccess: true,
      });
      expect(await rank('ana')).toEqual({ rank: 2, points: 20, of: 2 });
      // Ana studies on in French (the sheet, 10 more): she moves from the English board to the
      // French one.
      await record('ana', 'fr', ['a3', 'a4', 'a5']);
      expect(await rank('ana', { locale: 'fr' })).toEqual({ rank: 1, points: 30, of: 2 });
      expect(await rank('ana', { locale: 'en' })).toMatchObject({ rank: null });
      // A new Redis (or one that lost its data): each board is filled from the database again.
      await redis.del(all, `${all}:filled`);
      expect(await rank('dee')).toEqual({ rank: 1, points: 30, of: 2 });
      expect(await redis.zcard(all)).toBe(2);
      expect(await redis.exists(`${all}:filled`)).toBe(1);
      // This week's board is its own set, which expires after two weeks.
      const nextWeek = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
      await recordEvents(
        payload,
        learners.dee,
        {
          course: 'mini',
          locale: 'fr',
          events: [
            { id: 'd4', type: 'challenge-done', unit: 'basics/basics-challenge', done: true },
          ],
        },
        nextWeek,
      );
      expect(await rank('dee', { period: 'week' }, nextWeek)).toEqual({
        rank: 1,
        points: 15,
        of: 1,
      });
      const week = boardKey('mini', 'week', weekOf(nextWeek), undefined);
      expect(await redis.ttl(week)).toBeGreaterThan(13 * 24 * 60 * 60);
    },
  );

  it.skipIf(available !== true)(
    'a set gone wrong is built again from the database when it is due, serving ranks meanwhile',
    async () => {
      const all = boardKey('mini', 'all', '', undefined);
      const truth = async () => {
        await redis.del(all, `${all}:filled`, `${all}:fresh`);
        await rank('dee'); // filled from the database
        return redis.zrange(all, 0, -1, 'WITHSCORES');
      };
      const expected = await truth();
      expect(expected.length).toBeGreaterThan(0);
      // A hook's write that failed: Dee's points wrong in the set, a learner who left still in it.
      await redis.zadd(all, 5, String(learners.dee.id), 99, String(learners.eve.id));
      expect(await redis.exists(`${all}:fresh`)).toBe(1);
      expect(await rank('dee')).toMatchObject({ points: 5 });
      // Due for a refill: the answer still comes from the set at once, and the set is rebuilt.
      await redis.del(`${all}:fresh`);
      expect(await rank('dee')).toMatchObject({ points: 5 });
      await expect.poll(() => redis.zrange(all, 0, -1, 'WITHSCORES')).toEqual(expected);
      expect(await redis.exists(`${all}:fresh`)).toBe(1);
      expect(await redis.ttl(`${all}:fresh`)).toBeGreaterThan(23 * 3600);
      expect(await redis.exists(`${all}:next`, `${all}:gone`, `${all}:filling`)).toBe(0);
      const dee = Number(expected[expected.indexOf(String(learners.dee.id)) + 1]);
      expect(await rank('dee')).toEqual({ rank: 1, points: dee, of: expected.length / 2 });
      // How often: POLYCOURSE_BOARD_REFILL_HOURS; a value that is no number of hours is reported.
      const warn = vi.spyOn(payload.logger, 'warn');
      try {
        for (const [hours, ttl] of [
          ['2', 2 * 3600],
          ['often', 24 * 3600],
        ] as const) {
          process.env.POLYCOURSE_BOARD_REFILL_HOURS = hours;
          await redis.del(`${all}:filled`, `${all}:fresh`);
          await rank('dee');
          expect(await redis.ttl(`${all}:fresh`)).toBeGreaterThan(ttl - 60);
          expect(await redis.ttl(`${all}:fresh`)).toBeLessThanOrEqual(ttl);
        }
        expect(warn).toHaveBeenCalledWith(
          expect.stringMatching(/^POLYCOURSE_BOARD_REFILL_HOURS="often" is not a positive number/),
        );
      } finally {
        delete process.env.POLYCOURSE_BOARD_REFILL_HOURS;
        warn.mockRestore();
      }
    },
  );

  it.skipIf(available !== true)(
    'a stale set is refilled at most once every 10 s per process, not on every rank read',
    async () => {
      const all = boardKey('mini', 'all', '', undefined);
      await rank('dee');
      // Stale, and another process holds the filler's lock: this one's try fails.
      await redis.set(`${all}:filling`, 'another', 'EX', 60);
      await redis.del(`${all}:fresh`);
      expect(await rank('dee')).toMatchObject({ rank: 1 });
      // The other filler went away without a refill. The next reads, within 10 s of the try,
      // still come from the set and start no fill of their own.
      await redis.del(`${all}:filling`);
      for (let i = 0; i < 5; i++) expect(await rank('dee')).toMatchObject({ rank: 1 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await redis.exists(`${all}:fresh`, `${all}:filling`, `${all}:next`)).toBe(0);
    },
  );

  it.skipIf(available !== true)(
    'moves made while a set is being filled reach the set being built',
    async () => {
      const all = boardKey('mini', 'all', '', undefined);
      await rank('dee');
      // Another process is filling the set (its lock), and has read Ana's and Dee's rows.
      await redis.set(`${all}:filling`, 'another', 'EX', 60);
      await redis.zadd(`${all}:next`, 20, String(learners.ana.id), 30, String(learners.dee.id));
      try {
        // Dee earns more (a quiz); Ana leaves the board.
        const before = Number(await redis.zscore(all, String(learners.dee.id)));
        await recordEvents(payload, learners.dee, {
          course: 'mini',
          locale: 'fr',
          events: [
            {
              id: 'd-quiz',
              type: 'quiz-attempt',
              unit: 'basics/basics-quiz',
              answers: { q1: ['b'], q2: ['a', 'c'], q3: ['true'] },
            },
          ],
        });
        const deePoints = Number(await redis.zscore(all, String(learners.dee.id)));
        expect(deePoints).toBeGreaterThan(before);
        expect(Number(await redis.zscore(`${all}:next`, String(learners.dee.id)))).toBe(deePoints);
        await payload.update({
          collection: 'learner-scores',
          where: { learner: { equals: learners.ana.id } },
          data: { listed: false },
          overrideAccess: true,
        });
        expect(await redis.zscore(`${all}:next`, String(learners.ana.id))).toBeNull();
        // The filler's older read of Ana's row does not bring her back.
        expect(await redis.sismember(`${all}:gone`, String(learners.ana.id))).toBe(1);
      } finally {
        await redis.del(`${all}:filling`, `${all}:next`, `${all}:gone`);
      }
    },
  );

  it.skipIf(available !== true)('rate limits count in Redis, shared by every process', async () => {
    const req = { payload, headers: new Headers() } as unknown as PayloadRequest;
    const key = `redis-${Date.now()}`;
    for (let i = 0; i < learnerRateLimits.signUp.points; i++)
      expect(await overLimit(req, 'signUp', key)).toBeUndefined();
    expect((await overLimit(req, 'signUp', key))?.status).toBe(429);
    expect(Number(await redis.get(`polycourse_signUp:${key}`))).toBe(
      learnerRateLimits.signUp.points + 1,
    );
  });

  it.skipIf(available !== true)(
    'with Redis unreachable, ranks come from the database and limits from memory',
    async () => {
      process.env.REDIS_URL = 'redis://127.0.0.1:1';
      const other = await startCms('sqlite');
      try {
        await importCourse(other.payload, miniCourse());
        const fay = (await other.payload.create({
          collection: 'learners',
          data: { username: 'fay', password: 'pw-fay-123', displayName: 'fay', leaderboard: true },
          overrideAccess: true,
        })) as unknown as LearnerRef;
        await recordEvents(other.payload, fay, {
          course: 'mini',
          locale: 'en',
          events: [view('f1')],
        });
        expect(await rankOf(other.payload, fay.id, { course: 'mini', period: 'all' })).toEqual({
          rank: 1,
          points: 10,
          of: 1,
        });
        const req = { payload: other.payload, headers: new Headers() } as unknown as PayloadRequest;
        expect(await overLimit(req, 'signUp', 'offline')).toBeUndefined();
      } finally {
        process.env.REDIS_URL = url;
        await other.stop();
      }
    },
  );
});

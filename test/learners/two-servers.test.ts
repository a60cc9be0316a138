/**
 * Scale-out (docs/scaling.md): two `polycourse cms` server processes on one PostgreSQL database, as
 * behind a load balancer. A learner signs up on one and uses the other; the sign-up limit per
 * address counts across both; the same events sent to both at once are stored once; a thread posted
 * on one, approved by a moderator on the other, is read the same from both; the rank is the same
 * from both. With Redis on loopback (as docs/scaling.md advises; without one the test says so and
 * runs on PostgreSQL alone), the limits count and the ranks are read there, shared by both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCmsServer, type CmsServer } from '../helpers/cms-server.ts';
import { databaseAvailable, postgresUri } from '../helpers/cms.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { scratchPostgresDatabase } from '../helpers/scratch-postgres.ts';
import { Redis } from 'ioredis';

const available = await databaseAvailable('postgres');
const redisUrl = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const redisPrefix = `polycourse-two-${process.pid}:`;
const redis = new Redis(redisUrl, {
  keyPrefix: redisPrefix,
  lazyConnect: true,
  maxRetriesPerRequest: 0,
  connectTimeout: 1000,
});
redis.on('error', () => {});
const withRedis = await redis.connect().then(
  () => true,
  (error: Error) => {
    console.warn(`[two servers] no Redis at ${redisUrl} (${error.message}): PostgreSQL alone`);
    return false;
  },
);
describe.skipIf(available !== true)(
  `two server processes on one PostgreSQL database${available === true ? '' : ` (${available})`}`,
  { timeout: 180_000 },
  () => {
    let a: CmsServer;
    let b: CmsServer;
    let staff: string;
    let database: Awaited<ReturnType<typeof scratchPostgresDatabase>> | undefined;
    const call = async (
      server: CmsServer,
      p: string,
      init: { method?: string; body?: unknown; bearer?: string; from?: string } = {},
    ) => {
      const r = await fetch(`${server.url}/api/${p}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          'content-type': 'application/json',
          ...(init.bearer ? { authorization: init.bearer } : {}),
          ...(init.from ? { 'x-forwarded-for': init.from } : {}),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      return { status: r.status, body: await r.json().catch(() => ({})) };
    };
    let address = 0;
    const signUp = async (server: CmsServer, username: string) => {
      const r = await call(server, 'learner/sign-up', {
        body: { username, password: `pw-${username}-123`, leaderboard: true },
        from: `10.3.0.${++address}`,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return `Bearer ${r.body.token}`;
    };

    beforeAll(async () => {
      database = await scratchPostgresDatabase(postgresUri, `polycourse_two_${process.pid}`);
      const env = {
        DATABASE_URI: database.uri,
        // The test stands for the load balancer: X-Forwarded-For says where a request is from.
        POLYCOURSE_TRUSTED_PROXIES: '1',
        ...(withRedis ? { REDIS_URL: redisUrl, POLYCOURSE_REDIS_PREFIX: redisPrefix } : {}),
      };
      a = await startCmsServer(miniCourseDir, 'mini', 480_000, { env });
      // The second process: the same database, secret and data folder, its own port.
      b = await startCmsServer(miniCourseDir, 'mini', 480_000, {
        env,
        dataDir: a.dataDir,
        admin: a.admin,
      });
      const login = await call(a, 'users/login', { body: a.admin });
      staff = `JWT ${login.body.token}`;
    }, 900_000);
    // Each process exits on SIGTERM, also on PostgreSQL (its pool is ended: closeDatabase).
    afterAll(async () => {
      await b?.stop();
      await a?.stop();
      await database?.drop();
      if (withRedis) {
        const keys = await redis.keys(`${redisPrefix}*`);
        if (keys.length) await redis.del(...keys.map((k) => k.slice(redisPrefix.length)));
      }
      redis.disconnect();
    }, 120_000);

    it('an account made on one process works on the other', async () => {
      const token = await signUp(a, 'roaming');
      expect((await call(b, 'learner/me', { bearer: token })).body.learner.username).toBe(
        'roaming',
      );
      const login = await call(b, 'learner/login', {
        body: { username: 'roaming', password: 'pw-roaming-123' },
      });
      expect(login.status).toBe(200);
    });

    it('the sign-up limit per address counts across both processes', async () => {
      const from = '10.4.4.4';
      const attempt = (server: CmsServer, n: number) =>
        call(server, 'learner/sign-up', {
          body: { username: `both-${n}`, password: 'pw-both-1234' },
          from,
        });
      for (let n = 0; n < 20; n++) expect((await attempt(n % 2 ? b : a, n)).status).toBe(201);
      expect((await attempt(a, 20)).status).toBe(429);
      expect((await attempt(b, 21)).status).toBe(429);
      // Counted in Redis when there is one: 22 attempts, 2 refused.
      if (withRedis) expect(await redis.get(`polycourse_signUp:${from}`)).toBe('22');
    });

    it('the same events sent to both at once are stored once; the rank agrees', async () => {
      const token = await signUp(a, 'twice');
      const batch = {
        course: 'mini',
        locale: 'en',
        events: [
          { id: 'e1', type: 'unit-viewed', unit: 'basics/first-lesson' },
          { id: 'e2', type: 'unit-viewed', unit: 'basics/second-lesson' },
        ],
      };
      const [one, two] = await Promise.all([
        call(a, 'learner/events', { body: batch, bearer: token }),
        call(b, 'learner/events', { body: batch, bearer: token }),
      ]);
      expect([one.status, two.status]).toEqual([200, 200]);
      // Each event is accepted by one process and a duplicate for the other, or both see it stored.
      const accepted = [...one.body.accepted, ...two.body.accepted].sort();
      expect(accepted.length).toBeLessThanOrEqual(2);
      const stored = await call(a, 'learner-events?where[eventId][in]=e1,e2&depth=0', {
        bearer: staff,
      });
      expect(stored.body.totalDocs).toBe(2);
      const rankA = await call(a, 'learner/rank?course=mini', { bearer: token });
      const rankB = await call(b, 'learner/rank?course=mini', { bearer: token });
      expect(rankA.body).toEqual(rankB.body);
      expect(rankA.body.points).toBe(20);
      // With Redis, both read the rank from the board's sorted set, which holds the learner.
      if (withRedis) {
        const me = await call(a, 'learner/me', { bearer: token });
        expect(await redis.zscore('board:mini:all:*', String(me.body.learner.id))).toBe('20');
        expect(await redis.exists('board:mini:all:*:filled')).toBe(1);
      }
    });

    it('a thread posted on one, approved on the other, reads the same from both', async () => {
      const token = await signUp(b, 'poster');
      const made = await call(b, 'learner/forums', {
        body: { course: 'mini', module: 'basics', locale: 'en', title: 'Both?', body: 'Hello' },
        bearer: token,
      });
      expect(made.body.status).toBe('held');
      const held = await call(a, 'forum-posts?where[status][equals]=held&depth=0', {
        bearer: staff,
      });
      const approve = await call(a, `forum-posts/${held.body.docs[0].id}`, {
        method: 'PATCH',
        body: { status: 'visible' },
        bearer: staff,
      });
      expect(approve.status).toBe(200);
      const list = 'learner/forums?course=mini&module=basics&locale=en';
      const [fromA, fromB] = [(await call(a, list)).body, (await call(b, list)).body];
      expect(fromA.threads).toMatchObject([{ title: 'Both?', status: 'visible' }]);
      expect(fromB.threads).toEqual(fromA.threads);
    });
  },
);

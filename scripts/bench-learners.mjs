// npm run bench:learners — the learner services under load, on PostgreSQL, with autocannon:
// a fresh database, the real server (`polycourse cms`, production build, the mini course seeded),
// 1,000,000 synthetic learners with points (SQL), then the top-20 read, "my rank" and quiz-attempt
// submissions, each for a fixed time; afterwards the stored events are counted against the
// acknowledged requests (0 lost writes), and each aim is printed with whether it was met. Aims
// (issue #14): top 20 ≥ 2,000 req/s with p99 ≤ 50 ms; rank p99 ≤ 20 ms; quiz attempts ≥ 500 req/s
// for 60 s, p99 ≤ 100 ms, 0 errors, 0 lost; forum replies ≥ 200 req/s with the rate limits
// holding (one learner's 21st write in 10 min refused).
// With --redis (REDIS_URL, else redis://127.0.0.1:6379), the server keeps ranks and rate-limit
// counters in Redis (docs/scaling.md), under a prefix of its own that is deleted afterwards.
//   npx tsx scripts/bench-learners.mjs [--learners 1000000] [--seconds 60] [--read-seconds 10]
//     [--connections 20] [--sign-ups 1000] [--redis] [--json]
// --sign-ups: learners signed up through the server, each with a token (fewer make a quick smoke
// run, but then single learners reach their rate limits at the aimed rates).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { Redis } from 'ioredis';
import { scratchPostgresDatabase } from '../test/helpers/scratch-postgres.ts';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '60' },
    'read-seconds': { type: 'string', default: '10' },
    'sign-ups': { type: 'string', default: '1000' },
    connections: { type: 'string', default: '20' },
    redis: { type: 'boolean' },
    json: { type: 'boolean' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const base = process.env.POSTGRES_BENCH_URI ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = `polycourse_bench_${Date.now().toString(36)}`;
const redisUrl = values.redis
  ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
  : process.env.REDIS_URL;
const redisPrefix = `polycourse-bench-${dbName}:`;
const redis = redisUrl ? new Redis(redisUrl, { keyPrefix: redisPrefix }) : undefined;
const say = (m) => values.json || console.error(m);
const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const url = `http://127.0.0.1:${port}`;
const database = await scratchPostgresDatabase(base, dbName);
const dbUri = database.uri;
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'polycourse-bench-learners-'));
let server;
try {
  say(`database ${dbName}; starting polycourse cms on ${url}…`);
  server = spawn(
    process.execPath,
    ['bin/polycourse.mjs', 'cms', '--port', String(port), '--seed', 'test/fixtures/courses/mini'],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URI: dbUri,
        POLYCOURSE_MEDIA_DIR: path.join(data, 'media'),
        POLYCOURSE_BUNDLES_DIR: path.join(data, 'bundles'),
        POLYCOURSE_ADMIN_EMAIL: 'admin@example.org',
        POLYCOURSE_ADMIN_PASSWORD: 'bench-admin-password',
        PAYLOAD_SECRET: 'bench-secret',
        PAYLOAD_PUBLIC_SERVER_URL: url,
        // Replies show at once: the bench measures writing, not the moderation queue.
        POLYCOURSE_FORUM_HOLD_FIRST_POSTS: '0',
        // The bench stands for a load balancer: X-Forwarded-For says which address each request is
        // from, so per-address limits count many learners, not one.
        POLYCOURSE_TRUSTED_PROXIES: '1',
        ...(redisUrl
          ? { REDIS_URL: redisUrl, POLYCOURSE_REDIS_PREFIX: redisPrefix }
          : { REDIS_URL: '' }),
      },
    },
  );
  let output = '';
  server.stdout.on('data', (b) => (output += b));
  server.stderr.on('data', (b) => (output += b));
  const deadline = Date.now() + 600_000;
  while (!/Bundles published/.test(output)) {
    if (server.exitCode !== null || Date.now() > deadline)
      throw new Error(`polycourse cms did not start:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }

  const db = new pg.Client({ connectionString: dbUri });
  db.on('error', (error) => say(`bench database connection: ${error.message}`));
  await db.connect();
  const n = Number(values.learners);
  const week = (() => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  })();
  let t = Date.now();
  await db.query(
    `INSERT INTO learners (username, display_name, leaderboard, evaluation_key, salt, hash)
     SELECT 'seed' || g, 'Learner ' || g, g % 2 = 0, md5(g::text), '', ''
     FROM generate_series(1, $1) g`,
    [n],
  );
  await db.query(
    `INSERT INTO learner_scores
       (learner_id, course_id, locale, name, listed, points, week, week_points, week_base)
     SELECT id, 'mini', (ARRAY['en','ar','fr'])[1 + id % 3], display_name, leaderboard,
       (id::bigint * 7919) % 10000, $1, (id * 31) % 500, 0
     FROM learners WHERE username LIKE 'seed%'`,
    [week],
  );
  // A database in steady state: vacuumed and analyzed now (autovacuum would take up 1,000,000 new
  // rows during the runs), and the seeded pages written out (a checkpoint would come within
  // minutes).
  await db.query('VACUUM (ANALYZE)');
  await db.query('CHECKPOINT');
  say(`seeded ${n.toLocaleString('en')} learners with points in ${Date.now() - t} ms`);

  // Real learners with tokens (sign-ups come from distinct addresses: the limit is per address).
  const signedUp = Math.max(2, Number(values['sign-ups']));
  const tokens = [];
  const api = (p, body, headers = {}) =>
    fetch(`${url}/api/learner/${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  // Enough learners that none passes its own limits at the aimed rates: 240 event batches a
  // minute each (1,000 × 4/s), 20 forum writes in 10 minutes each.
  const signUpOne = async (i) => {
    const r = await api(
      'sign-up',
      { username: `bench-${i}`, password: 'bench-password-1', leaderboard: true },
      { 'x-forwarded-for': `10.77.${i >> 8}.${i & 255}` },
    );
    tokens[i] = r.token;
    await api(
      'events',
      {
        course: 'mini',
        locale: 'en',
        events: [{ id: 'v1', type: 'unit-viewed', unit: 'basics/first-lesson' }],
      },
      { authorization: `Bearer ${r.token}` },
    );
  };
  for (let i = 0; i < signedUp; i += 10)
    await Promise.all(
      Array.from({ length: Math.min(10, signedUp - i) }, (_, j) => signUpOne(i + j)),
    );
  say(`${signedUp} learners signed up, each with a view`);
  if (redis) {
    // The seeded learners came in by SQL, not through the server: the first rank fills the board's
    // sorted set from the database. Wait for it, so that the run measures ranks, not the filling.
    const started = Date.now();
    await fetch(`${url}/api/learner/rank?course=mini`, {
      headers: { authorization: `Bearer ${tokens[0]}` },
    });
    while (!(await redis.exists('board:mini:all:*:filled'))) {
      if (Date.now() - started > 300_000) throw new Error('the board was not filled in 5 minutes');
      await new Promise((r) => setTimeout(r, 500));
    }
    say(
      `Redis board filled: ${(await redis.zcard('board:mini:all:*')).toLocaleString('en')} ` +
        `learners in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }

  const run = (name, opts) =>
    new Promise((resolve, reject) => {
      say(`running ${name}…`);
      const instance = autocannon(
        { connections: Number(values.connections), ...opts },
        (error, result) => (error ? reject(error) : resolve({ name, result })),
      );
      autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false });
    });
  let k = 0;
  const load = () => os.loadavg()[0].toFixed(2);
  // Let the machine settle after the seeding and the sign-ups (at most a minute): the runs measure
  // the server, not what came before. The load before each run is printed either way.
  for (let waited = 0; os.loadavg()[0] > 1.5 && waited < 60; waited += 5)
    await new Promise((r) => setTimeout(r, 5000));
  const loadBefore = load();
  const readSeconds = Number(values['read-seconds']);
  const top = await run('top 20', {
    url: `${url}/api/learner/leaderboard?course=mini`,
    duration: readSeconds,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, 'x-forwarded-for': `10.88.${(k >> 8) & 255}.${k++ & 255}` },
        }),
      },
    ],
  });
  const rank = await run('my rank', {
    url: `${url}/api/learner/rank?course=mini`,
    duration: readSeconds,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, authorization: `Bearer ${tokens[k++ % tokens.length]}` },
        }),
      },
    ],
  });
  const answers = { q1: ['b'], q2: ['a', 'c'], q3: ['true'] };
  let sent = 0;
  const quiz = await run('quiz attempts', {
    url: `${url}/api/learner/events`,
    method: 'POST',
    duration: Number(values.seconds),
    requests: [
      {
        setupRequest: (req) => {
          const i = sent++;
          return {
            ...req,
            headers: {
              ...req.headers,
              'content-type': 'application/json',
              authorization: `Bearer ${tokens[i % tokens.length]}`,
            },
            body: JSON.stringify({
              course: 'mini',
              locale: 'en',
              events: [{ id: `q${i}`, type: 'quiz-attempt', unit: 'basics/basics-quiz', answers }],
            }),
          };
        },
      },
    ],
  });
  // Forum replies in one thread, each learner from its own address, within its limit (20 writes
  // in 10 minutes: 999 learners × 20 = 19,980 replies at most).
  const thread = await api(
    'forums',
    { course: 'mini', module: 'basics', locale: 'en', title: 'Bench thread', body: 'Hello' },
    { authorization: `Bearer ${tokens[0]}`, 'x-forwarded-for': '10.77.0.0' },
  );
  let replied = 0;
  const forum = await run('forum replies', {
    url: `${url}/api/learner/forums/${thread.thread}/posts`,
    method: 'POST',
    duration: readSeconds,
    requests: [
      {
        setupRequest: (req) => {
          const i = replied++;
          return {
            ...req,
            headers: {
              ...req.headers,
              'content-type': 'application/json',
              authorization: `Bearer ${tokens[(i % (signedUp - 1)) + 1]}`,
              'x-forwarded-for': `10.66.${(i % (signedUp - 1)) >> 8}.${(i % (signedUp - 1)) & 255}`,
            },
            body: JSON.stringify({ body: `Reply **${i}** from the bench.` }),
          };
        },
      },
    ],
  });
  // The limit holds: a fresh learner's 21st write within 10 minutes is refused.
  const flood = await api(
    'sign-up',
    { username: 'bench-flood', password: 'bench-password-1' },
    { 'x-forwarded-for': '10.55.0.1' },
  );
  const floodStatus = [];
  for (let i = 0; i < 25; i++)
    floodStatus.push(
      (
        await fetch(`${url}/api/learner/forums/${thread.thread}/posts`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${flood.token}`,
            'x-forwarded-for': '10.55.0.1',
          },
          body: JSON.stringify({ body: `flood ${i}` }),
        })
      ).status,
    );
  const forumStored = Number(
    (await db.query(`SELECT count(*) FROM forum_posts WHERE body LIKE 'Reply **%'`)).rows[0].count,
  );
  const stored = Number(
    (await db.query(`SELECT count(*) FROM learner_events WHERE type = 'quiz-attempt'`)).rows[0]
      .count,
  );
  await db.end();
  const row = ({ name, result }) => ({
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    errors: result.errors + result.timeouts + result.non2xx,
    status: result.statusCodeStats,
  });
  const rows = [row(top), row(rank), row(quiz), row(forum)];
  // The aims of issue #14, each with whether this run met it.
  const lost = quiz.result['2xx'] - stored;
  const aims = [
    ['≥ 2,000 req/s, p99 ≤ 50 ms', (r) => r.requestsPerSecond >= 2000 && r.p99 <= 50],
    ['p99 ≤ 20 ms', (r) => r.p99 <= 20],
    [
      '≥ 500 req/s for 60 s, p99 ≤ 100 ms, 0 errors, 0 lost',
      (r) =>
        Number(values.seconds) >= 60 &&
        r.requestsPerSecond >= 500 &&
        r.p99 <= 100 &&
        r.errors === 0 &&
        lost <= 0,
    ],
    ['≥ 200 req/s, limits holding', (r, holds) => r.requestsPerSecond >= 200 && holds],
  ];
  const limitHolds =
    floodStatus.filter((c) => c === 201).length === 20 &&
    floodStatus.slice(20).every((c) => c === 429);
  const metOrNot = (met) => (met ? 'met' : 'not met');
  // The aims are set at 1,000,000 learners: a smaller run says nothing of them.
  const atScale = n >= 1_000_000;
  rows.forEach((r, i) => {
    r.aim = aims[i][0];
    r.met = atScale ? aims[i][1](r, limitHolds) : null;
  });
  const report = {
    machine: { cpus: os.cpus().length, loadBefore, loadAfter: load() },
    redis: Boolean(redis),
    learners: n,
    rows,
    quizStored: stored,
    quizAcknowledged: quiz.result['2xx'],
    // Acknowledged but not stored (more stored is fine: answered after autocannon stopped).
    lost,
    forumStored,
    forumAcknowledged: forum.result['2xx'],
    forumLost: forum.result['2xx'] - forumStored,
    // a fresh learner's 25 writes in a row: 20 taken (201), then refused (429)
    limitHolds,
  };
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(
      `\n${n.toLocaleString('en')} learners, PostgreSQL${redis ? ' + Redis' : ''}, ` +
        `${os.cpus().length} cores, ` +
        `load ${loadBefore} → ${report.machine.loadAfter}, ${values.connections} connections\n`,
    );
    console.log('| run | req/s | p50 ms | p99 ms | 2xx | errors / non-2xx | aim | met? |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows)
      console.log(
        `| ${r.name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.errors} | ` +
          `${r.aim} | ${r.met === null ? 'n/a (aims at 1,000,000 learners)' : metOrNot(r.met)} |`,
      );
    console.log(
      `\nquiz attempts acknowledged ${report.quizAcknowledged}, stored ${stored}, ` +
        `lost ${Math.max(0, report.lost)}`,
    );
    console.log(
      `forum replies acknowledged ${report.forumAcknowledged}, stored ${forumStored}, ` +
        `lost ${Math.max(0, report.forumLost)}; ` +
        `one learner's 25 writes: ${floodStatus.join(' ')} ` +
        `(limit ${report.limitHolds ? 'holds' : 'BROKEN'})`,
    );
  }
} finally {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
  }
  await new Promise((r) => setTimeout(r, 2000));
  await database.drop().catch(() => {});
  if (redis) {
    const keys = await redis.keys(`${redisPrefix}*`);
    if (keys.length) await redis.del(...keys.map((key) => key.slice(redisPrefix.length)));
    redis.disconnect();
  }
}

// npm run bench:learner-writes — what one learner write costs the server, without HTTP: a quiz
// attempt (recordEvents) and a forum reply (addReply) through the Local API on a fresh PostgreSQL
// schema, one after another. Prints the SQL statements one of each sends (counted on pg's client)
// and the server's CPU per write. The load test with HTTP, Redis and a million learners is
// `npm run bench:learners`; this one says where a write's time goes.
//   tsx scripts/bench-learner-writes.ts [--writes 300] [--learners 60] [--json]
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createLocalReq } from 'payload';
import { startCms } from '../test/helpers/cms.ts';
import { miniCourse } from '../test/helpers/mini-course.ts';
import { importCourse } from '../cms/course-exchange/import-course.ts';
import { recordEvents, type LearnerRef } from '../cms/learners/record-events.ts';
import { addReply, createThread } from '../cms/learners/forums.ts';

const { values } = parseArgs({
  options: {
    writes: { type: 'string', default: '300' },
    learners: { type: 'string', default: '60' },
    json: { type: 'boolean' },
  },
});
const writes = Number(values.writes);

// Every statement pg sends, from any client of the pool.
const statements: string[] = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const q = args[0] as string | { text: string };
  statements.push(typeof q === 'string' ? q : q.text);
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

process.env.POLYCOURSE_FORUM_HOLD_FIRST_POSTS = '0';
const { payload, stop } = await startCms('postgres');
try {
  await importCourse(payload, miniCourse());
  const learners: LearnerRef[] = [];
  for (let i = 0; i < Number(values.learners); i++)
    learners.push(
      (await payload.create({
        collection: 'learners',
        data: { username: `learner-${i}`, password: `password-${i}`, leaderboard: true },
        overrideAccess: true,
      })) as unknown as LearnerRef,
    );
  const req = await createLocalReq({}, payload);
  const { thread } = await createThread(req, learners[0], {
    course: 'mini',
    module: 'basics',
    locale: 'en',
    title: 'Benchmark',
    body: 'The first post.',
  });
  let n = 0;
  const kinds = {
    'quiz attempt': () =>
      recordEvents(payload, learners[n % learners.length], {
        course: 'mini',
        locale: 'en',
        events: [
          {
            id: `attempt-${n++}`,
            type: 'quiz-attempt',
            unit: 'basics/basics-quiz',
            answers: { q1: ['b'], q3: ['true'] },
          },
        ],
      }),
    'forum reply': () =>
      addReply(
        req,
        learners[n++ % learners.length],
        String(thread),
        `Reply ${n}: **bold** and a [link](https://example.org).`,
      ),
  };
  const results = [];
  for (const [kind, write] of Object.entries(kinds)) {
    // Every learner has a score row and the thread has replies before counting.
    for (let i = 0; i < learners.length; i++) await write();
    statements.length = 0;
    await write();
    const perWrite = [...statements];
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < writes; i++) await write();
    const used = process.cpuUsage(cpu);
    results.push({
      kind,
      statements: perWrite.length,
      cpuMs: (used.user + used.system) / 1000 / writes,
      wallMs: (performance.now() - started) / writes,
      sql: perWrite.map((s) => s.replace(/\s+/g, ' ').slice(0, 90)),
    });
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ writes, results }, null, 2)}\n`);
  else
    for (const r of results) {
      console.log(
        `${r.kind}: ${r.statements} SQL statements, ${r.cpuMs.toFixed(2)} ms CPU and ` +
          `${r.wallMs.toFixed(2)} ms each (${writes} in a row)`,
      );
      for (const s of r.sql) console.log(`  ${s}`);
    }
} finally {
  await stop();
}

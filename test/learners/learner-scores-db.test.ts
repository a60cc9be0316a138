/**
 * The learner services' storage on each real database (a SQLite file, a fresh PostgreSQL schema;
 * MongoDB skips saying why): events stored once per id, also when two requests race with the same
 * batch, points recomputed on the server from the answer keys, the leaderboard's order, ties and
 * weeks, and the rate limits' counters (on PostgreSQL, one table shared by every process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import { databaseAvailable, startCms } from '../helpers/cms.ts';
import { miniCourse } from '../helpers/mini-course.ts';
import { importCourse } from '../../cms/course-exchange/import-course.ts';
import { recordEvents, weekOf, type LearnerRef } from '../../cms/learners/record-events.ts';
import { rankOf, topLearners } from '../../cms/learners/leaderboard.ts';
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

describe('rate limits on PostgreSQL are shared by every server process', async () => {
  const available = await databaseAvailable('postgres');
  it.skipIf(available !== true)(
    'two Payload instances count into one table',
    async () => {
      const first = await startCms('postgres');
      const second = await startCms('postgres', { joinSchema: first.schemaName });
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
      } finally {
        await second.stop();
        await first.stop();
      }
    },
    120_000,
  );
});

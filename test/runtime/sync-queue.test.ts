/**
 * The bundle's queue of events for the learner services (runtime/logic/sync-queue.ts): ids fixed
 * when queued (a resend is the same event), views and videos once per unit, batches of at most 100,
 * acknowledged events gone, a bounded queue, and a damaged stored state starting afresh;
 * questionnaire answers only with consent; a refused event dropped without the rest of its batch;
 * what was done before a sign-in held until the learner says whether it was theirs.
 */
import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  batchSize,
  claim,
  emptySync,
  enqueue,
  holdUnclaimed,
  maxQueued,
  nextBatch,
  parseSync,
  refusedEvents,
  sessionEnded,
  type SyncState,
} from '../../runtime/logic/sync-queue.ts';

const at = new Date('2026-12-02T10:00:00Z');

describe('the learner-services queue', () => {
  it('gives each event an id once, and queues a view or a video once per unit', () => {
    let s = emptySync('dev1');
    s = enqueue(s, { type: 'unit-viewed', unit: 'm/a' }, at);
    s = enqueue(s, { type: 'unit-viewed', unit: 'm/a' }, at);
    s = enqueue(s, { type: 'video-watched', unit: 'm/v' }, at);
    s = enqueue(s, { type: 'challenge-done', unit: 'm/c', done: true }, at);
    s = enqueue(
      s,
      {
        type: 'quiz-attempt',
        unit: 'm/q',
        correct: 9,
        total: 9,
        percent: 100,
        passed: true,
        answers: { q1: ['b'] },
      },
      at,
    );
    // What the server does not take (points, completion) is not queued.
    s = enqueue(s, { type: 'points', points: 5 }, at);
    expect(s.queue).toEqual([
      { id: 'dev1-0', type: 'unit-viewed', unit: 'm/a', at: at.toISOString() },
      { id: 'dev1-1', type: 'video-watched', unit: 'm/v', at: at.toISOString() },
      { id: 'dev1-2', type: 'challenge-done', unit: 'm/c', at: at.toISOString(), done: true },
      // The client's own score is never sent: the server scores the answers.
      {
        id: 'dev1-3',
        type: 'quiz-attempt',
        unit: 'm/q',
        at: at.toISOString(),
        answers: { q1: ['b'] },
      },
    ]);
  });

  it('queues questionnaire answers only with consent, and their withdrawal', () => {
    let s = emptySync('q');
    const answers = { a01: 4 };
    s = enqueue(s, { type: 'questionnaire-response', phase: 'pre', answers }, at);
    expect(s.queue).toEqual([]);
    s = enqueue(s, { type: 'questionnaire-response', phase: 'pre', answers, consent: 'v1' }, at);
    s = enqueue(s, { type: 'questionnaire-withdrawn', phase: 'pre' }, at);
    expect(s.queue).toEqual([
      {
        id: 'q-0',
        type: 'questionnaire-response',
        phase: 'pre',
        answers,
        consent: 'v1',
        at: at.toISOString(),
      },
      { id: 'q-1', type: 'questionnaire-withdrawn', phase: 'pre', at: at.toISOString() },
    ]);
  });

  it('drops only the events a refusal names; the whole batch when it names none', () => {
    let s = emptySync('r');
    for (let i = 0; i < 4; i++) s = enqueue(s, { type: 'unit-viewed', unit: `m/u${i}` }, at);
    const batch = nextBatch(s);
    expect(refusedEvents(batch, ['events[2].unit: "m/u2" is not a unit'])).toEqual(['r-2']);
    expect(refusedEvents(batch, ['events.1.answers: Expected number'])).toEqual(['r-1']);
    expect(refusedEvents(batch, ['r-3: v1 is off the scale'])).toEqual(['r-3']);
    expect(refusedEvents(batch, ['events[9].unit: no such event', 'course: not a slug'])).toEqual([
      'r-0',
      'r-1',
      'r-2',
      'r-3',
    ]);
  });

  it('sends at most 100 at a time; what the server acknowledged leaves the queue', () => {
    let s = emptySync('d');
    for (let i = 0; i < 150; i++) s = enqueue(s, { type: 'unit-viewed', unit: `m/u${i}` }, at);
    const first = nextBatch(s);
    expect(first).toHaveLength(batchSize);
    s = acknowledge(
      s,
      first.map((e) => e.id),
    );
    expect(s.queue).toHaveLength(50);
    expect(nextBatch(s)[0]).toMatchObject({ unit: 'm/u100' });
  });

  it('holds what was done before a sign-in until the learner says whose it is', () => {
    const view = (s: ReturnType<typeof emptySync>, unit: string) =>
      enqueue(s, { type: 'unit-viewed', unit }, at);
    const before = view(view(emptySync('d'), 'm/a'), 'm/b');
    // Nothing waited: nothing to ask.
    expect(holdUnclaimed(emptySync('d'), 'ana').unclaimed).toBeUndefined();
    const held = view(holdUnclaimed(before, 'ana'), 'm/c');
    expect(held.unclaimed).toEqual(['d-0', 'd-1']);
    // What the learner does after signing in goes at once; the held events wait.
    expect(nextBatch(held).map((e) => e.id)).toEqual(['d-2']);
    // Theirs: sent with the rest.
    const mine = claim(held, true);
    expect([mine.unclaimed, nextBatch(mine).map((e) => e.id)]).toEqual([
      undefined,
      ['d-0', 'd-1', 'd-2'],
    ]);
    // Not theirs: dropped, and this learner's own visit of those units is queued again.
    const others = claim(held, false);
    expect(others.queue.map((e) => e.id)).toEqual(['d-2']);
    expect(others.unclaimed).toBeUndefined();
    expect(view(others, 'm/a').queue.map((e) => ('unit' in e ? e.unit : e.type))).toEqual([
      'm/c',
      'm/a',
    ]);
    expect(view(others, 'm/c').queue).toHaveLength(1);
  });

  it('does not ask a learner about their own steps after their session ended', () => {
    const view = (s: SyncState, unit: string) => enqueue(s, { type: 'unit-viewed', unit }, at);
    // Someone's step before Ana signed in (held), then Ana's own while signed in, not yet sent.
    const signedIn = { ...holdUnclaimed(view(emptySync('d'), 'm/a'), 'ana'), learner: 'ana' };
    const ana = view(view(signedIn, 'm/b'), 'm/c');
    expect(ana.unclaimed).toEqual(['d-0']);
    // Her session expires (the server answers 401); a step is taken meanwhile, signed out.
    const ended = view(sessionEnded(ana), 'm/d');
    expect([ended.token, ended.expired]).toEqual([
      undefined,
      { learner: 'ana', ids: ['d-1', 'd-2'] },
    ]);
    // Ana signs in again: asked only about what was done while nobody was signed in.
    expect(holdUnclaimed(ended, 'ana')).toMatchObject({
      unclaimed: ['d-0', 'd-3'],
      expired: undefined,
    });
    // Someone else signs in: asked about all of it.
    expect(holdUnclaimed(ended, 'ben').unclaimed).toEqual(['d-0', 'd-1', 'd-2', 'd-3']);
    // A state an older bundle stored (no username): asked about all of it, as before.
    const older = sessionEnded({ ...ana, learner: undefined });
    expect(holdUnclaimed(older, 'ana').unclaimed).toEqual(['d-0', 'd-1', 'd-2']);
  });

  it('keeps the newest events when too many wait', () => {
    let s = emptySync('d');
    for (let i = 0; i < maxQueued + 5; i++)
      s = enqueue(s, { type: 'challenge-done', unit: 'm/c', done: i % 2 === 0 }, at);
    expect(s.queue).toHaveLength(maxQueued);
    expect(s.queue[0].id).toBe('d-5');
  });

  it('starts afresh from a damaged stored state', () => {
    expect(parseSync('{not json', 'x')).toEqual(emptySync('x'));
    expect(parseSync(JSON.stringify({ version: 2 }), 'x')).toEqual(emptySync('x'));
    const kept = enqueue(emptySync('y'), { type: 'unit-viewed', unit: 'm/a' }, at);
    expect(parseSync(JSON.stringify(kept), 'x')).toEqual(kept);
  });
});

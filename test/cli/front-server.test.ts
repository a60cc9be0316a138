/**
 * The front server of `polycourse cms` (cli/front-server.ts), with a real Payload on SQLite and a
 * real HTTP server standing in for Next.js: the top 20 is answered in front (Next.js never sees
 * it), as the API route would (CORS for listed origins, cache headers, 400 with the reason);
 * everything else reaches Next.js with its method, path, body and headers, and the client's address
 * as Next.js would have recorded it; answers come back whole; a learner leaving the board clears
 * the front's copy; Next.js not answering is a 502 that says so.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { createFrontServer } from '../../cli/front-server.ts';
import { importCourse } from '../../cms/course-exchange/import-course.ts';
import { recordEvents, type LearnerRef } from '../../cms/learners/record-events.ts';
import { startCms } from '../helpers/cms.ts';
import { miniCourse } from '../helpers/mini-course.ts';

interface Seen {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const listen = (server: http.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

describe('the front server of polycourse cms', { timeout: 120_000 }, () => {
  let payload: Payload;
  let stop: () => Promise<void>;
  let next: http.Server;
  let front: http.Server;
  let url: string;
  let publicPort: number;
  const seen: Seen[] = [];
  let learner: LearnerRef;

  beforeAll(async () => {
    ({ payload, stop } = await startCms('sqlite'));
    await importCourse(payload, miniCourse());
    learner = (await payload.create({
      collection: 'learners',
      data: { username: 'up', password: 'pw-up-12345', displayName: 'Upfront', leaderboard: true },
      overrideAccess: true,
    })) as unknown as LearnerRef;
    await recordEvents(payload, learner, {
      course: 'mini',
      locale: 'en',
      events: [{ id: 'u1', type: 'unit-viewed', unit: 'basics/first-lesson' }],
    });
    // Next.js's stand-in: records each request, answers with what it saw (chunked, no length).
    next = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (req.method === 'PATCH' && req.url === '/api/learner/me')
          // what the API route does when a learner leaves the board
          void payload
            .update({
              collection: 'learner-scores',
              where: { learner: { equals: learner.id } },
              data: { listed: false },
              overrideAccess: true,
            })
            .then(() => res.end('{}'));
        else {
          res.writeHead(201, { 'x-from': 'next', 'content-type': 'text/plain' });
          res.write(`${req.method} ${req.url} `);
          res.end(body);
        }
      });
    });
    const nextPort = await listen(next);
    front = createFrontServer({ payload, nextPort, publicPort: 4321 });
    publicPort = await listen(front);
    url = `http://127.0.0.1:${publicPort}`;
  }, 120_000);
  afterAll(async () => {
    front?.close();
    next?.close();
    await stop?.();
  });

  it('answers the top 20 itself, as the API route does', async () => {
    const before = seen.length;
    const board = await fetch(`${url}/api/learner/leaderboard?course=mini`, {
      headers: { origin: 'http://localhost:3000' },
    });
    expect(board.status).toBe(200);
    expect(board.headers.get('cache-control')).toBe('public, max-age=10, s-maxage=10');
    expect(board.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(await board.json()).toMatchObject({
      course: 'mini',
      period: 'all',
      size: 20,
      top: [{ rank: 1, name: 'Upfront', points: 10 }],
    });
    const stranger = await fetch(`${url}/api/learner/leaderboard?course=mini`, {
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const bad = await fetch(`${url}/api/learner/leaderboard?course=Not%20a%20slug`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].message).toMatch(/^course: give the course id/);
    expect(seen.length).toBe(before); // Next.js saw none of them
  });

  it('passes the rest to Next.js whole, with the client as Next.js would see it', async () => {
    const answer = await fetch(`${url}/api/learner/events?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-from')).toBe('next');
    expect(await answer.text()).toBe('POST /api/learner/events?x=1 {"hello":"world"}');
    const request = seen.at(-1)!;
    expect(request.headers).toMatchObject({
      host: `127.0.0.1:${publicPort}`,
      authorization: 'Bearer t',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-port': '4321',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': `127.0.0.1:${publicPort}`,
    });
    // A proxy in front already said who the client is: that stays.
    await fetch(`${url}/admin`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(seen.at(-1)!.headers['x-forwarded-for']).toBe('203.0.113.9');
  });

  it('forgets its copy of the boards when a learner leaves', async () => {
    const names = async () =>
      (
        (await (await fetch(`${url}/api/learner/leaderboard?course=mini`)).json()).top as {
          name: string;
        }[]
      ).map((e) => e.name);
    expect(await names()).toEqual(['Upfront']);
    await fetch(`${url}/api/learner/me`, { method: 'PATCH', body: '{"leaderboard":false}' });
    expect(await names()).toEqual([]);
  });

  it('says so when Next.js does not answer', async () => {
    const closed = new Promise((resolve) => next.close(resolve));
    next.closeAllConnections();
    await closed;
    const answer = await fetch(`${url}/admin`);
    expect(answer.status).toBe(502);
    expect(await answer.text()).toMatch(/The admin app is not answering/);
  });
});

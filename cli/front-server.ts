/**
 * The server `polycourse cms` listens with, in front of Next.js (which it starts on a loopback port
 * of its own): it answers the top-20 leaderboard itself, from the Payload instance this process
 * already holds (cms/endpoints/leaderboard-answer.ts, the same code as the Payload endpoint), and
 * passes every other request to Next.js untouched. The board is the one read every learner's page
 * makes; through Next.js and Payload's request handling it costs about a millisecond of CPU, here a
 * small fraction of that (docs/benchmarks.md). Written by hand: a reverse proxy for one route is a
 * few lines of node:http, and the proxies on npm bring far more than this needs.
 */
import http from 'node:http';
import type { Payload } from 'payload';
import { leaderboardAnswer, leaderboardPath } from '../cms/endpoints/leaderboard-answer.ts';
import { forgetBoards } from '../cms/learners/leaderboard.ts';

/** Headers that belong to one connection, not to the request or answer passed on. */
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

function passOn(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (!hopByHop.has(name) && value !== undefined) out[name] = value;
  return out;
}

export interface FrontServerOptions {
  payload: Payload;
  /** where Next.js listens (loopback) */
  nextPort: number;
  /** the port clients reach, as Next.js would have recorded it */
  publicPort: number;
}

export function createFrontServer({ payload, nextPort, publicPort }: FrontServerOptions) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((req, res) => {
    // What Next.js records when a client reaches it directly (its base server sets these unless
    // they are there): it must still see the client, not this server.
    req.headers['x-forwarded-host'] ??= req.headers.host;
    req.headers['x-forwarded-port'] ??= String(publicPort);
    req.headers['x-forwarded-proto'] ??= 'http';
    req.headers['x-forwarded-for'] ??= req.socket.remoteAddress;
    const url = new URL(req.url ?? '/', 'http://front');
    if (req.method === 'GET' && url.pathname === leaderboardPath) {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string') headers.set(name, value);
      void leaderboardAnswer({ payload, headers, searchParams: url.searchParams })
        .then(async (answer) => {
          res.writeHead(answer.status, Object.fromEntries(answer.headers));
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch((error: unknown) => {
          payload.logger.error(`leaderboard: ${(error as Error).message}`);
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: 'The leaderboard failed; try again.' }] }));
        });
      return;
    }
    const changesBoards =
      (req.method === 'PATCH' || req.method === 'DELETE') && url.pathname === '/api/learner/me';
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: nextPort,
        method: req.method,
        path: req.url,
        headers: passOn(req.headers),
        agent,
      },
      (answer) => {
        // A learner left the board, was renamed or deleted (the only changes learner-api.ts
        // forgets its boards for): this copy goes too, before the client hears back.
        if (changesBoards) forgetBoards();
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, passOn(answer.headers));
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The admin app is not answering (it may be starting or stopping); try again.');
    });
    req.pipe(upstream);
    // A client that goes away takes its request to Next.js with it.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
  });
  // Keep idle connections longer than Node's 5 s default, as `next start --keepAliveTimeout` did.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

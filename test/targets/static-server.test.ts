/**
 * `polycourse serve` against hostile requests: raw request lines (fetch would normalize `..`) to a
 * real server on a free port. Nothing above the served folder is read, not through `..` in any
 * encoding, not through the 404 lookup and not through a symbolic link; malformed paths are 400 and
 * the server stays up.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../compiler/targets/static-server.ts';
import { tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');

/** One raw HTTP/1.1 request; the path goes on the request line exactly as given. */
function request(
  port: number,
  target: string,
  method = 'GET',
): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      let body = rest.join('\r\n\r\n');
      if (/\r\ntransfer-encoding: chunked/i.test(head)) body = unchunk(body);
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  });
}

function unchunk(body: string): string {
  let out = '';
  for (let at = 0; ;) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = parseInt(body.slice(at, lineEnd), 16);
    if (!size) return out;
    out += body.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

// <tmp>/404.html, <tmp>/outside/404.html and <tmp>/outside/secret.txt sit above the served folder
// <tmp>/outside/site, which holds one course with an English 404 page.
let tmp: string;
let root: string;
let server: StaticServer;
let port: number;
const secret = 'SECRET-OUTSIDE-THE-ROOT';

beforeAll(async () => {
  tmp = tempDir('polycourse-serve-');
  root = path.join(tmp, 'outside', 'site');
  fs.mkdirSync(path.join(root, 'course', 'en'), { recursive: true });
  fs.writeFileSync(path.join(tmp, '404.html'), `${secret} two levels up`);
  fs.writeFileSync(path.join(tmp, 'outside', '404.html'), `${secret} one level up`);
  fs.writeFileSync(path.join(tmp, 'outside', 'secret.txt'), secret);
  fs.writeFileSync(path.join(root, 'index.html'), 'root index');
  fs.writeFileSync(path.join(root, 'course', 'en', 'index.html'), 'english home');
  fs.writeFileSync(path.join(root, 'course', 'en', '404.html'), 'english not found');
  fs.symlinkSync('/etc/passwd', path.join(root, 'passwd'));
  fs.symlinkSync(path.join(tmp, 'outside'), path.join(root, 'up'));
  fs.symlinkSync(path.join(root, 'course', 'en', 'index.html'), path.join(root, 'home.html'));
  server = await startStaticServer(root);
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
});

describe('polycourse serve', () => {
  it(
    'serves files, directory indexes, ' + 'trailing-slash redirects and the locale 404 page',
    async () => {
      expect(await request(port, '/')).toMatchObject({ status: 200, body: 'root index' });
      expect(await request(port, '/course/en/')).toMatchObject({
        status: 200,
        body: 'english home',
      });
      const redirect = await request(port, '/course/en');
      expect(redirect.status).toBe(301);
      expect(redirect.headers).toMatch(/\r\nlocation: \/course\/en\/\r\n/i);
      expect(await request(port, '/course/en/missing/page/')).toMatchObject({
        status: 404,
        body: 'english not found',
      });
      // a link inside stays usable
      expect(await request(port, '/home.html')).toMatchObject({
        status: 200,
        body: 'english home',
      });
    },
  );

  it('never reads the 404 page above the root through encoded ..', async () => {
    // The old lookup took /<first>/<second>/404.html from the decoded path, so a path that climbs
    // out and back into the root (its folder names are in the root's path) read 404.html one or two
    // levels up.
    for (const target of [
      '/..%2f..%2foutside%2fsite%2fnothing',
      '/..%2f.%2fsite%2fnothing',
      '/..%2f..%2foutside/site/nothing',
      '/..%2f404.html',
      '/..%2f..%2f404.html',
      '/..%2f..%2fmissing',
      '/course/..%2f..%2f..%2fx',
      '/%2e%2e/%2e%2e/missing/page',
      '/x/..%2f..%2f..%2f..%2fy',
    ]) {
      const answer = await request(port, target);
      expect(answer.body, target).not.toContain(secret);
      expect([403, 404], target).toContain(answer.status);
    }
  });

  it('refuses every encoding of .. that climbs above the root', async () => {
    const cases: [string, number][] = [
      ['/../secret.txt', 403],
      ['/%2e%2e/secret.txt', 403],
      ['/%2E%2E%2Fsecret.txt', 403],
      ['/course/../../secret.txt', 403],
      ['/..%5csecret.txt', 400],
      ['/%5c..%5csecret.txt', 400],
      ['/%252e%252e%252fsecret.txt', 404], // decoded once: a name with "%2e" in it, inside the root
      ['/..%252fsecret.txt', 404],
    ];
    for (const [target, status] of cases) {
      const answer = await request(port, target);
      expect(answer.status, target).toBe(status);
      expect(answer.body, target).not.toContain(secret);
    }
  });

  it(
    'answers 400 to malformed paths (bad escapes, ' + 'NUL bytes) and keeps serving after //',
    async () => {
      expect((await request(port, '/%E0%A4%A')).status).toBe(400);
      expect((await request(port, '/%')).status).toBe(400);
      expect((await request(port, '/index.html%00.txt')).status).toBe(400);
      expect((await request(port, '/course/en/%00')).status).toBe(400);
      expect(await request(port, '//')).toMatchObject({ status: 200, body: 'root index' });
      expect(await request(port, '//course//en/')).toMatchObject({
        status: 200,
        body: 'english home',
      });
      const redirect = await request(port, '//course//en');
      // never `//host`: no open redirect
      expect(redirect.headers).toMatch(/\r\nlocation: \/course\/en\/\r\n/i);
      expect(await request(port, 'http://localhost//course/en/')).toMatchObject({
        status: 200,
        body: 'english home',
      });
      expect((await request(port, '*', 'OPTIONS')).status).toBe(400);
      // still up
      expect(await request(port, '/')).toMatchObject({ status: 200, body: 'root index' });
    },
  );

  it('does not follow a symbolic link that leaves the served folder', async () => {
    const passwd = await request(port, '/passwd');
    expect(passwd.status).toBe(404);
    expect(passwd.body).not.toMatch(/root:/);
    const up = await request(port, '/up/secret.txt');
    expect(up.status).toBe(404);
    expect(up.body).not.toContain(secret);
    expect((await request(port, '/up/')).body).not.toContain(secret);
  });
});

describe('polycourse serve (CLI)', () => {
  it(
    'a busy port is one line naming the port and --port, ' + 'exit code 2, also as --json',
    async () => {
      const busy = net.createServer();
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      const busyPort = (busy.address() as net.AddressInfo).port;
      try {
        const text = spawnSync(process.execPath, [bin, 'serve', root, '--port', String(busyPort)], {
          encoding: 'utf8',
        });
        expect(text.status).toBe(2);
        expect(text.stderr.trim().split('\n')).toEqual([
          expect.stringMatching(new RegExp(`port ${busyPort} is already in use.*--port`)),
        ]);
        const json = spawnSync(
          process.execPath,
          [bin, 'serve', root, '--port', String(busyPort), '--json'],
          { encoding: 'utf8' },
        );
        expect(json.status).toBe(2);
        expect(JSON.parse(json.stdout)).toMatchObject({
          ok: false,
          error: expect.stringContaining(String(busyPort)),
          fix: expect.stringContaining('--port'),
        });
      } finally {
        busy.close();
      }
    },
  );

  it('--json says where it serves, and the served folder answers', async () => {
    const child = spawn(process.execPath, [bin, 'serve', root, '--port', '0', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c) => {
          out += c;
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const started = JSON.parse(line) as { ok: boolean; url: string };
      expect(started.ok).toBe(true);
      expect(await request(Number(new URL(started.url).port), '//')).toMatchObject({
        status: 200,
        body: 'root index',
      });
    } finally {
      child.kill('SIGTERM');
    }
  });
});

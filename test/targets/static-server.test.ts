/**
 * `polycourse serve` over real HTTP on a free port. Against hostile requests, with raw request
 * lines (fetch would normalize `..`): nothing above the served folder is read, not through `..` in
 * any encoding, not through the 404 lookup and not through a symbolic link; malformed paths are
 * 400 and the server stays up. And as a production server: byte ranges (video seeking), HEAD,
 * 405, ETag and Last-Modified with 304, gzip and brotli for text, Cache-Control, content types,
 * `nosniff` on every answer.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../compiler/targets/static-server.ts';
import { tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');

interface Answer {
  status: number;
  /** The status line and header lines, as received. */
  headers: string;
  /** The body, one character per byte (latin1), de-chunked. */
  body: string;
}

/**
 * One raw HTTP/1.1 request; the path goes on the request line exactly as given, with `headers`.
 */
function request(
  port: number,
  target: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<Answer> {
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
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(
      `${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n` +
        `${lines.join('')}\r\n`,
    );
  });
}

/** The value of header `name` in an answer, or undefined. */
function header(answer: Answer, name: string): string | undefined {
  return new RegExp(`\\r\\n${name}: ([^\\r]*)`, 'i').exec(answer.headers)?.[1];
}

/** The body's bytes. */
const bytes = (answer: Answer) => Buffer.from(answer.body, 'latin1');

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
const script = 'export const answer = 42; // a runtime of some size\n'.repeat(100);
const lesson = `<!doctype html><title>Lesson</title>${'<p>A paragraph.</p>\n'.repeat(120)}`;
const video = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7 + (i >> 8)) & 0xff));
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mp3': 'audio/mpeg',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
  '.unknown': 'application/octet-stream',
};

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
  // Bundle-like files for the HTTP features: text above the compression threshold, a page, a
  // "video" of distinct bytes, a large file, and one file per content type.
  const en = path.join(root, 'course', 'en');
  fs.mkdirSync(path.join(en, '_assets', 'types'), { recursive: true });
  fs.mkdirSync(path.join(en, 'lesson'));
  fs.writeFileSync(path.join(en, '_assets', 'runtime-0123abcd.js'), script);
  fs.writeFileSync(path.join(en, '_assets', 'clip-0123abcd.mp4'), video);
  fs.writeFileSync(path.join(en, '_assets', 'large-0123abcd.mp4'), Buffer.alloc(32 << 20));
  fs.writeFileSync(path.join(en, 'lesson', 'index.html'), lesson);
  fs.writeFileSync(path.join(en, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(en, 'changing.txt'), 'first version');
  for (const ext of Object.keys(contentTypes))
    fs.writeFileSync(path.join(en, '_assets', 'types', `file${ext}`), 'x');
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

describe('polycourse serve over HTTP', () => {
  const js = '/course/en/_assets/runtime-0123abcd.js';
  const mp4 = '/course/en/_assets/clip-0123abcd.mp4';
  const size = video.length;
  const immutable = 'public, max-age=31536000, immutable';

  it('answers byte ranges a-b, a- and -n: 206, Content-Range, exactly those bytes', async () => {
    const whole = await request(port, mp4);
    expect(whole.status).toBe(200);
    expect(header(whole, 'accept-ranges')).toBe('bytes');
    expect(header(whole, 'content-length')).toBe(String(size));
    expect(bytes(whole).equals(video)).toBe(true);
    const cases: [string, number, number][] = [
      ['bytes=0-0', 0, 0],
      ['bytes=100-1123', 100, 1123],
      ['bytes=99000-', 99000, size - 1],
      ['bytes=-500', size - 500, size - 1],
      ['bytes=99990-200000', 99990, size - 1], // the end clipped to the file
      ['bytes=-200000', 0, size - 1], // a suffix longer than the file: all of it
    ];
    for (const [range, start, end] of cases) {
      const part = await request(port, mp4, 'GET', { range });
      expect(part.status, range).toBe(206);
      expect(header(part, 'content-range'), range).toBe(`bytes ${start}-${end}/${size}`);
      expect(header(part, 'content-length'), range).toBe(String(end - start + 1));
      expect(bytes(part).equals(video.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('416 past the end; the whole file for other units, bad or several ranges', async () => {
    for (const range of [`bytes=${size}-`, 'bytes=200000-300000', 'bytes=-0']) {
      const refused = await request(port, mp4, 'GET', { range });
      expect(refused.status, range).toBe(416);
      expect(header(refused, 'content-range'), range).toBe(`bytes */${size}`);
      expect(refused.body.length, range).toBeLessThan(100);
    }
    // RFC 9110 §14.2 lets a server ignore Range: several ranges are answered with the whole file
    // rather than multipart/byteranges.
    for (const range of [
      'bytes=5-2',
      'bytes=a-b',
      'bytes=-',
      'items=0-1',
      'bytes 0-1',
      'bytes=0-1,5-9',
      'bytes=0-1, 200000-',
    ]) {
      const whole = await request(port, mp4, 'GET', { range });
      expect(whole.status, range).toBe(200);
      expect(bytes(whole).equals(video), range).toBe(true);
    }
  });

  it('If-Range: the current ETag or date keeps the range, others get it all', async () => {
    const whole = await request(port, mp4);
    const etag = header(whole, 'etag')!;
    const lastModified = header(whole, 'last-modified')!;
    expect(etag).toMatch(/^"[^"]+"$/); // strong: usable with If-Range
    for (const ifRange of [etag, lastModified]) {
      const part = await request(port, mp4, 'GET', { range: 'bytes=10-19', 'if-range': ifRange });
      expect(part.status, ifRange).toBe(206);
      expect(bytes(part).equals(video.subarray(10, 20))).toBe(true);
    }
    for (const ifRange of ['"an-old-version"', `W/${etag}`, 'Mon, 01 Jan 2001 00:00:00 GMT']) {
      const full = await request(port, mp4, 'GET', { range: 'bytes=10-19', 'if-range': ifRange });
      expect(full.status, ifRange).toBe(200);
      expect(bytes(full).equals(video), ifRange).toBe(true);
    }
  });

  it('HEAD has the headers GET has and no body; other methods are 405 with Allow', async () => {
    const same = [
      'content-type',
      'content-length',
      'content-encoding',
      'etag',
      'last-modified',
      'cache-control',
      'vary',
      'accept-ranges',
      'x-content-type-options',
    ];
    for (const [target, headers] of [
      ['/course/en/', {}],
      [mp4, {}],
      [js, { 'accept-encoding': 'gzip, br' }],
      ['/course/en/missing/', {}],
      ['/course/en', {}],
    ] as const) {
      const get = await request(port, target, 'GET', headers);
      const head = await request(port, target, 'HEAD', headers);
      expect(head.status, target).toBe(get.status);
      expect(head.body, target).toBe('');
      for (const name of same)
        expect(header(head, name), `${target} ${name}`).toBe(header(get, name));
    }
    // Range is for GET only (RFC 9110 §14.2)
    const head = await request(port, mp4, 'HEAD', { range: 'bytes=0-9' });
    expect(head.status).toBe(200);
    expect(header(head, 'content-length')).toBe(String(size));
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
      const refused = await request(port, '/course/en/', method, { 'content-length': '0' });
      expect(refused.status, method).toBe(405);
      expect(header(refused, 'allow'), method).toBe('GET, HEAD');
      expect(refused.body, method).not.toContain('english home');
    }
    // a method Node's parser does not know is 400 before it reaches the server
    expect((await request(port, '/course/en/', 'BREW')).status).toBe(400);
    expect(await request(port, '/')).toMatchObject({ status: 200, body: 'root index' });
  });

  it('ETag and Last-Modified: If-None-Match and If-Modified-Since answer 304', async () => {
    const page = await request(port, '/course/en/');
    const etag = header(page, 'etag')!;
    const lastModified = header(page, 'last-modified')!;
    expect(new Date(lastModified).getTime()).toBeGreaterThan(Date.now() - 3_600_000);
    const cases: [Record<string, string>, number][] = [
      [{ 'if-none-match': etag }, 304],
      [{ 'if-none-match': `W/${etag}` }, 304], // weak comparison
      [{ 'if-none-match': `"another", ${etag}` }, 304],
      [{ 'if-none-match': '*' }, 304],
      [{ 'if-none-match': '"another"' }, 200],
      [{ 'if-modified-since': lastModified }, 304],
      [{ 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' }, 200],
      [{ 'if-modified-since': 'not a date' }, 200],
      // If-None-Match decides when both are sent (RFC 9110 §13.2.2)
      [{ 'if-none-match': '"another"', 'if-modified-since': lastModified }, 200],
    ];
    for (const [headers, status] of cases) {
      const answer = await request(port, '/course/en/', 'GET', headers);
      expect(answer.status, JSON.stringify(headers)).toBe(status);
      if (status === 304) {
        expect(answer.body).toBe('');
        expect(header(answer, 'etag')).toBe(etag);
        expect(header(answer, 'cache-control')).toBe('no-cache');
      } else expect(answer.body).toBe('english home');
    }
    // A compressed answer has its own tag, which revalidates as well.
    const br = await request(port, js, 'GET', { 'accept-encoding': 'br' });
    const brTag = header(br, 'etag')!;
    expect(brTag).not.toBe(header(await request(port, js), 'etag'));
    const revalidated = await request(port, js, 'GET', {
      'accept-encoding': 'br',
      'if-none-match': brTag,
    });
    expect(revalidated.status).toBe(304);
    expect(header(revalidated, 'etag')).toBe(brTag);
    // A changed file has a new tag: the old one gets the new content.
    const file = path.join(root, 'course', 'en', 'changing.txt');
    const before = header(await request(port, '/course/en/changing.txt'), 'etag')!;
    fs.writeFileSync(file, 'second version');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const after = await request(port, '/course/en/changing.txt', 'GET', {
      'if-none-match': before,
    });
    expect(after).toMatchObject({ status: 200, body: 'second version' });
  });

  it('compresses text with brotli or gzip as Accept-Encoding allows, with Vary', async () => {
    const cases: [string, string | undefined][] = [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip', 'gzip'],
      ['gzip;q=0.8, br', 'br'],
      ['*', 'br'],
      ['br;q=0, gzip;q=0', undefined],
      ['identity', undefined],
      ['', undefined],
    ];
    for (const [acceptEncoding, coding] of cases) {
      const answer = await request(port, js, 'GET', { 'accept-encoding': acceptEncoding });
      expect(answer.status, acceptEncoding).toBe(200);
      expect(header(answer, 'content-encoding'), acceptEncoding).toBe(coding);
      expect(header(answer, 'vary'), acceptEncoding).toBe('Accept-Encoding');
      const body =
        coding === 'br'
          ? zlib.brotliDecompressSync(bytes(answer))
          : coding === 'gzip'
            ? zlib.gunzipSync(bytes(answer))
            : bytes(answer);
      expect(body.toString('utf8'), acceptEncoding).toBe(script);
      if (coding) expect(bytes(answer).length, acceptEncoding).toBeLessThan(script.length / 5);
      expect(header(answer, 'content-length'), acceptEncoding).toBe(
        coding ? undefined : String(script.length),
      );
    }
    const page = await request(port, '/course/en/lesson/', 'GET', { 'accept-encoding': 'br' });
    expect(header(page, 'content-encoding')).toBe('br');
    expect(zlib.brotliDecompressSync(bytes(page)).toString('utf8')).toBe(lesson);
    // never media (compressed already), small files, or a range (bytes of the file as it is)
    const media = await request(port, mp4, 'GET', { 'accept-encoding': 'gzip, br' });
    expect(header(media, 'content-encoding')).toBeUndefined();
    expect(header(media, 'vary')).toBeUndefined();
    const small = await request(port, '/course/en/', 'GET', { 'accept-encoding': 'gzip, br' });
    expect(header(small, 'content-encoding')).toBeUndefined();
    const part = await request(port, js, 'GET', { 'accept-encoding': 'br', range: 'bytes=7-12' });
    expect(part.status).toBe(206);
    expect(header(part, 'content-encoding')).toBeUndefined();
    expect(part.body).toBe(script.slice(7, 13));
  });

  it('Cache-Control: a year and immutable under _assets/, no-cache for the rest', async () => {
    for (const target of [js, mp4, '/course/en/_assets/types/file.vtt'])
      expect(header(await request(port, target), 'cache-control'), target).toBe(immutable);
    for (const target of ['/', '/course/en/', '/course/en/lesson/', '/course/en/sw.js', '/x/y/z'])
      expect(header(await request(port, target), 'cache-control'), target).toBe('no-cache');
  });

  it('gives each kind of file in a bundle its content type, text with charset=utf-8', async () => {
    for (const [ext, type] of Object.entries(contentTypes)) {
      const answer = await request(port, `/course/en/_assets/types/file${ext}`);
      expect(answer.status, ext).toBe(200);
      expect(header(answer, 'content-type'), ext).toBe(type);
    }
  });

  it('sends X-Content-Type-Options: nosniff with every answer', async () => {
    const cases: [string, string, Record<string, string>, number][] = [
      ['/course/en/', 'GET', {}, 200],
      [mp4, 'GET', { range: 'bytes=0-1' }, 206],
      ['/course/en', 'GET', {}, 301],
      ['/course/en/', 'GET', { 'if-none-match': '*' }, 304],
      ['/%E0%A4%A', 'GET', {}, 400],
      ['/../secret.txt', 'GET', {}, 403],
      ['/course/en/missing', 'GET', {}, 404],
      ['/course/en/', 'DELETE', {}, 405],
      [`/${'a'.repeat(5000)}`, 'GET', {}, 414],
      [mp4, 'GET', { range: 'bytes=-0' }, 416],
    ];
    for (const [target, method, headers, status] of cases) {
      const answer = await request(port, target, method, headers);
      expect(answer.status, `${method} ${target.slice(0, 40)}`).toBe(status);
      expect(header(answer, 'x-content-type-options'), String(status)).toBe('nosniff');
    }
  });

  it('answers very long paths with 414, 404 or 431, and stays up', async () => {
    expect((await request(port, `/${'a'.repeat(5000)}`)).status).toBe(414);
    // a file name longer than the system allows (ENAMETOOLONG), many levels: not found
    expect(await request(port, `/course/en/${'a'.repeat(1000)}`)).toMatchObject({
      status: 404,
      body: 'english not found',
    });
    expect((await request(port, `/${'a/'.repeat(2000)}`)).status).toBe(404);
    // beyond Node's 16 KB header limit, Node answers itself
    expect((await request(port, `/${'a'.repeat(20_000)}`)).status).toBe(431);
    expect(await request(port, '/')).toMatchObject({ status: 200, body: 'root index' });
  });

  it('finds the 404 page when serving one course folder or one locale folder', async () => {
    for (const [folder, target] of [
      [path.join(root, 'course'), '/en/missing/page'],
      [path.join(root, 'course', 'en'), '/missing/page'],
    ]) {
      const one = await startStaticServer(folder);
      try {
        const answer = await request(Number(new URL(one.url).port), target);
        expect(answer).toMatchObject({ status: 404, body: 'english not found' });
      } finally {
        await one.close();
      }
    }
  });

  it.skipIf(!fs.existsSync('/proc/self/fd'))(
    'streams a large file and closes it when the learner leaves mid-way',
    async () => {
      const openFiles = () => fs.readdirSync('/proc/self/fd').length;
      const before = openFiles();
      for (let i = 0; i < 5; i++) {
        const socket = net.connect(port, '127.0.0.1');
        socket.write(`GET /course/en/_assets/large-0123abcd.mp4 HTTP/1.1\r\nHost: x\r\n\r\n`);
        await new Promise((resolve) => socket.once('data', resolve));
        socket.destroy();
      }
      const deadline = Date.now() + 5000;
      while (openFiles() > before && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(openFiles()).toBeLessThanOrEqual(before);
      expect(process.memoryUsage().rss).toBeLessThan(1 << 30);
      expect(await request(port, '/')).toMatchObject({ status: 200, body: 'root index' });
    },
  );
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

/**
 * The hosting guide's nginx configuration, as documented: Debian's nginx (/usr/sbin/nginx) runs in
 * the foreground on a free loopback port with docs/nginx.conf itself (only its `listen` and `root`
 * lines replaced), serving the mini course. The same requests go to `polycourse serve`, which must
 * answer alike: pages, content-hashed assets, a range of the video, captions, images, a missing
 * page. Skipped, saying so, when nginx is not installed (`apt-get install nginx`; .ci/run does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { startStaticServer, type StaticServer } from '../../compiler/targets/static-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

const nginxBin = '/usr/sbin/nginx';
const documented = path.resolve(import.meta.dirname, '../../docs/nginx.conf');
const missing = fs.existsSync(nginxBin)
  ? null
  : `${nginxBin} is not installed: apt-get install nginx`;

/** The built course folder (output/mini), shared by both servers. */
let course: string;
/** Paths of the mini course's English bundle, from its manifest. */
let video: string;
let captions: string;
let avif: string;
let stylesheet: string;

beforeAll(async () => {
  const out = tempDir('polycourse-nginx-');
  expect((await buildCourse({ courseDir: miniCourseDir, outDir: out })).ok).toBe(true);
  course = path.join(out, 'mini');
  const manifest = JSON.parse(fs.readFileSync(path.join(course, 'manifest.json'), 'utf8')) as {
    files: { path: string; size: number }[];
  };
  const file = (pattern: RegExp) => {
    const match = manifest.files.find((f) => pattern.test(f.path));
    if (!match) throw new Error(`no file like ${pattern} in the mini course's manifest`);
    return match.path;
  };
  video = file(/^en\/_assets\/.*\.mp4$/);
  captions = file(/^en\/_assets\/.*\.vtt$/);
  avif = file(/^en\/_assets\/.*\.avif$/);
  stylesheet = file(/^en\/_assets\/.*\.css$/);
}, 120_000);

/** A free TCP port on 127.0.0.1 (free when asked; nothing else in the test binds it). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * docs/nginx.conf with its one `listen` line on `port` and its one `root` line on `root`; throws
 * when the documented file no longer has exactly one of each.
 */
function documentedServerBlock(port: number, root: string): string {
  let text = fs.readFileSync(documented, 'utf8');
  for (const [directive, value] of [
    ['listen', `127.0.0.1:${port}`],
    ['root', `"${root}"`],
  ]) {
    const line = new RegExp(`^(\\s*)${directive}\\s[^;]*;`, 'gm');
    const count = text.match(line)?.length ?? 0;
    if (count !== 1) throw new Error(`docs/nginx.conf has ${count} "${directive}" lines, not 1`);
    text = text.replace(line, `$1${directive} ${value};`);
  }
  return text;
}

interface Nginx {
  url: string;
  errorLog: string;
  stop(): Promise<void>;
}

/**
 * nginx in the foreground (`-g 'daemon off;'`) with everything it writes (pid, logs, temp files) in
 * a temp folder. The main nginx.conf is generated; the server block is docs/nginx.conf. Its
 * relative `include mime.types` resolves beside nginx.conf, where the system's mime.types is
 * linked, as in /etc/nginx.
 */
async function startNginx(root: string): Promise<Nginx> {
  const dir = tempDir('polycourse-nginx-run-');
  const port = await freePort();
  const errorLog = path.join(dir, 'error.log');
  fs.symlinkSync('/etc/nginx/mime.types', path.join(dir, 'mime.types'));
  fs.writeFileSync(path.join(dir, 'polycourse.conf'), documentedServerBlock(port, root));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `  ${name}_temp_path ${path.join(dir, name)};`)
    .join('\n');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      // As root, workers would switch to nobody, who cannot read the 0700 temp folders.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${errorLog} warn;`,
      'events { worker_connections 64; }',
      'http {',
      `  access_log ${path.join(dir, 'access.log')};`,
      temp,
      '  include mime.types;',
      '  default_type application/octet-stream;',
      '  include polycourse.conf;',
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', errorLog];
  const child: ChildProcess = spawn(nginxBin, [...args, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c) => (stderr += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '');
  // Listening once a connection is accepted; an nginx that exits (bad config) says why.
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`nginx exited (${child.exitCode}): ${stderr}${log()}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(true)).once('error', () => resolve(false));
      socket.once('close', () => socket.destroy());
      setTimeout(() => socket.end(), 50);
    });
    if (up) break;
    if (tries > 100) throw new Error(`nginx did not listen on ${port}: ${stderr}${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    errorLog,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM'); // fast shutdown: the master stops its worker and exits
        await exited;
      }
    },
  };
}

/** The checks both servers pass, over HTTP with Node's fetch. */
function servesTheBundle(base: () => string) {
  const get = (file: string, headers: Record<string, string> = {}) =>
    fetch(new URL(file, base()), { headers, redirect: 'manual' });
  const bytes = (file: string) => fs.readFileSync(path.join(course, file));

  it('a page: 200, HTML in UTF-8, revalidated on every visit, nosniff', async () => {
    const page = await get('en/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe(bytes('en/index.html').toString('utf8'));
    // the same page again, revalidated: 304 without a body
    const again = await get('en/', { 'if-none-match': page.headers.get('etag')! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('a folder without its slash is redirected to it, on the same host', async () => {
    const redirect = await get('en');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/en/');
  });

  it('an _assets/ file: kept a year (immutable), compressed when asked', async () => {
    const css = await get(stylesheet, { 'accept-encoding': 'gzip' });
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('content-encoding')).toBe('gzip');
    expect(css.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await css.text()).toBe(bytes(stylesheet).toString('utf8')); // fetch decompresses
  });

  it('a range of the video: 206 with exactly those bytes', async () => {
    const size = bytes(video).length;
    const part = await get(video, { range: 'bytes=100-1123' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(part.headers.get('content-range')).toBe(`bytes 100-1123/${size}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes(video).subarray(100, 1124));
    const tail = await get(video, { range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes(video).subarray(size - 10));
    const whole = await get(video);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(whole.headers.get('content-length'))).toBe(size);
    await whole.arrayBuffer();
    const past = await get(video, { range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);
    await past.arrayBuffer();
  });

  it('a missing page: 404 with that locale’s 404 page', async () => {
    for (const locale of ['en', 'ar']) {
      const missing = await get(`${locale}/no/such/page/`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await missing.text()).toBe(bytes(`${locale}/404.html`).toString('utf8'));
    }
  });

  it('captions are text/vtt, AVIF images image/avif', async () => {
    const vtt = await get(captions);
    expect(vtt.status).toBe(200);
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(await vtt.text()).toBe(bytes(captions).toString('utf8'));
    const image = await get(avif);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/avif');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(bytes(avif));
  });
}

describe.skipIf(missing !== null)(
  `nginx with docs/nginx.conf${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let nginx: Nginx;
    beforeAll(async () => {
      nginx = await startNginx(course);
    }, 30_000);
    afterAll(async () => {
      await nginx?.stop();
    });

    servesTheBundle(() => nginx.url);

    it('starts without warnings (no duplicate MIME types, nothing deprecated)', () => {
      expect(fs.readFileSync(nginx.errorLog, 'utf8')).not.toMatch(/\[(warn|error|emerg)\]/);
    });
  },
);

describe('polycourse serve, the same requests', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer(course);
  });
  afterAll(async () => {
    await server?.close();
  });

  servesTheBundle(() => server.url);
});

/**
 * `polycourse deploy` against a real S3-compatible server on loopback (S3rver, see
 * test/helpers/s3-server.ts): the first deploy uploads everything with its content type and cache
 * policy, assets before pages and manifest.json last; a second deploy after a one-lesson edit
 * uploads only the changed files; dropped files are deleted after every upload; a dry run, wrong
 * credentials, an unreachable server and a failure half-way leave the bucket consistent.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { deployToS3, type DeployOptions } from '../../compiler/targets/deploy/s3-deploy.ts';
import {
  writeManifest,
  type BundleManifest,
} from '../../compiler/targets/static-bundle/manifest.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { startS3Server, testKeys, type S3TestServer } from '../helpers/s3-server.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const immutable = 'public, max-age=31536000, immutable';

let server: S3TestServer;
let client: S3Client;
let course: string;
let out: string;

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.AWS_EC2_METADATA_DISABLED = 'true'; // never ask an instance metadata service
  server = await startS3Server('courses');
  client = new S3Client({
    endpoint: server.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: testKeys,
  });
  course = copyCourse(miniCourseDir);
  out = tempDir();
  expect((await buildCourse({ courseDir: course, outDir: out })).ok).toBe(true);
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
});

const deploy = (prefix: string, options: Partial<DeployOptions> = {}) =>
  deployToS3({
    dir: path.join(out, 'mini'),
    target: { bucket: 'courses', prefix },
    s3: { endpoint: server.endpoint, forcePathStyle: true, credentials: testKeys },
    ...options,
  });

const readManifest = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BundleManifest;

async function keysUnder(prefix: string): Promise<string[]> {
  const list = await client.send(
    new ListObjectsV2Command({ Bucket: 'courses', Prefix: `${prefix}/` }),
  );
  return (list.Contents ?? []).map((o) => o.Key!.slice(prefix.length + 1)).sort();
}

async function getText(key: string): Promise<string> {
  const answer = await client.send(new GetObjectCommand({ Bucket: 'courses', Key: key }));
  return answer.Body!.transformToString();
}

/** Writes since log position `from`: [method, key] in the order they ended. */
const writesSince = (from: number) =>
  server
    .writes()
    .filter((r) => r.seq >= from)
    .map((r) => [r.method === 'POST' ? 'DELETE-MANY' : r.method, r.key, r.status]);

/** A copy of the built bundle, changed by `change`, with its manifest written again. */
function changedCopy(change: (dir: string) => void, meta: Partial<BundleManifest> = {}): string {
  const dir = path.join(tempDir('polycourse-deploy-'), 'mini');
  fs.cpSync(path.join(out, 'mini'), dir, { recursive: true });
  change(dir);
  const { files: _files, ...rest } = readManifest(dir);
  writeManifest(dir, { ...rest, ...meta });
  return dir;
}

describe('deploy to S3', () => {
  it('a dry run reads the bucket and writes nothing', async () => {
    const from = server.log.length;
    const result = await deploy('site/mini', { dryRun: true });
    expect(result).toMatchObject({ ok: true, dryRun: true, uploaded: 99, skipped: 0 });
    expect(result.bundles[0]).toMatchObject({ compared: 'empty', complete: false });
    expect(writesSince(from)).toEqual([]);
    expect(await keysUnder('site/mini')).toEqual([]);
  });

  it('first deploy: every file, its type and cache policy; assets, pages, manifest', async () => {
    const from = server.log.length;
    const result = await deploy('site/mini');
    const files = readManifest(path.join(out, 'mini')).files;
    expect(result).toMatchObject({ ok: true, uploaded: files.length + 1, skipped: 0, deleted: 0 });
    expect(result.bytes).toBe(
      files.reduce((n, f) => n + f.size, 0) +
        fs.statSync(path.join(out, 'mini/manifest.json')).size,
    );
    expect(await keysUnder('site/mini')).toEqual(
      [...files.map((f) => f.path), 'manifest.json'].sort(),
    );
    const head = async (key: string) => {
      const h = await client.send(
        new HeadObjectCommand({ Bucket: 'courses', Key: `site/mini/${key}` }),
      );
      return [h.ContentType, h.CacheControl];
    };
    expect(await head('en/basics/first-lesson/index.html')).toEqual([
      'text/html; charset=utf-8',
      'no-cache',
    ]);
    const css = files.find((f) => /^en\/_assets\/theme-.*\.css$/.test(f.path))!.path;
    expect(await head(css)).toEqual(['text/css; charset=utf-8', immutable]);
    expect(await head('en/_assets/media/diagram-6701db3f-480.avif')).toEqual([
      'image/avif',
      immutable,
    ]);
    expect(await head('en/_assets/captions/intro-video.en-059be021.vtt')).toEqual([
      'text/vtt; charset=utf-8',
      immutable,
    ]);
    expect(await head('en/_assets/media/clip-4b7a3245.mp4')).toEqual(['video/mp4', immutable]);
    expect(await head('en/sw.js')).toEqual(['text/javascript; charset=utf-8', 'no-cache']);
    expect(await head('manifest.json')).toEqual(['application/json', 'no-cache']);
    expect(await getText('site/mini/en/index.html')).toBe(
      fs.readFileSync(path.join(out, 'mini/en/index.html'), 'utf8'),
    );
    expect(await getText('site/mini/manifest.json')).toBe(
      fs.readFileSync(path.join(out, 'mini/manifest.json'), 'utf8'),
    );

    // Order, from the server's own log: the interim manifest, then every asset has been stored
    // before the first page is sent, every page before a service worker, manifest.json last.
    const puts = server.log.filter((r) => r.seq >= from && r.method === 'PUT');
    const kind = (key: string) =>
      key.endsWith('manifest.json')
        ? 'manifest'
        : key.endsWith('/sw.js')
          ? 'sw'
          : key.endsWith('.html')
            ? 'page'
            : 'asset';
    const last = (k: string) =>
      Math.max(...puts.filter((r) => r.event === 'end' && kind(r.key) === k).map((r) => r.seq));
    const first = (k: string) =>
      Math.min(...puts.filter((r) => r.event === 'start' && kind(r.key) === k).map((r) => r.seq));
    expect(last('asset')).toBeLessThan(first('page'));
    expect(last('page')).toBeLessThan(first('sw'));
    const manifests = puts.filter((r) => kind(r.key) === 'manifest' && r.event === 'start');
    expect(manifests).toHaveLength(2);
    expect(manifests[0].seq).toBeLessThan(first('asset'));
    expect(last('sw')).toBeLessThan(manifests[1].seq);
    expect(puts.at(-1)?.key).toBe('site/mini/manifest.json');
  });

  it('the same bundle again: nothing uploaded', async () => {
    const from = server.log.length;
    const result = await deploy('site/mini');
    expect(result).toMatchObject({ ok: true, uploaded: 0, skipped: 98, deleted: 0, bytes: 0 });
    expect(result.bundles[0].compared).toBe('manifest');
    expect(writesSince(from)).toEqual([]);
  });

  it('one-lesson edit: the 2 pages showing it, their service workers, the manifest', async () => {
    editFile(
      path.join(course, 'modules/basics/first-lesson.en.mdx'),
      'Everyone has **rights**.',
      'Everyone has **human rights**.',
    );
    expect((await buildCourse({ courseDir: course, outDir: out })).ok).toBe(true);
    const from = server.log.length;
    const result = await deploy('site/mini');
    const uploaded = result.bundles[0].uploaded.map((u) => u.key);
    // en has its own body; fr falls back to it; ar has its own translation and is untouched.
    // (in the order they were stored: pages, then service workers, manifest.json last)
    expect([...uploaded.slice(0, 2)].sort()).toEqual([
      'site/mini/en/basics/first-lesson/index.html',
      'site/mini/fr/basics/first-lesson/index.html',
    ]);
    expect([...uploaded.slice(2, 4)].sort()).toEqual(['site/mini/en/sw.js', 'site/mini/fr/sw.js']);
    expect(uploaded[4]).toBe('site/mini/manifest.json');
    expect(result).toMatchObject({ ok: true, uploaded: 5, skipped: 94, deleted: 0 });
    // Measured: 5 objects, about 45,000 bytes (17,251 of them manifest.json; each sw.js is 8 KB
    // since it lists every file with its size and digest, for the light first visit); first: 99.
    const size = (key: string) => fs.statSync(path.join(out, key.replace('site/', ''))).size;
    expect(result.bytes).toBe(uploaded.reduce((n, key) => n + size(key), 0));
    expect(result.bytes).toBeLessThan(50_000);
    const written = writesSince(from).map(([, key]) => key);
    expect(written[0]).toBe('site/mini/manifest.json'); // interim: pages and workers pending
    expect(written.slice(1).sort()).toEqual([...uploaded].sort());
    expect(written.at(-1)).toBe('site/mini/manifest.json');
    expect(await getText('site/mini/en/basics/first-lesson/index.html')).toContain('human rights');
  });

  it('a file the bundle dropped is deleted after every upload, before the manifest', async () => {
    const dropped = 'fr/_assets/media/poster-240d7bce-320.webp';
    const dir = changedCopy((d) => fs.rmSync(path.join(d, dropped)));
    expect(await keysUnder('site/mini')).toContain(dropped);
    const from = server.log.length;
    const result = await deploy('site/mini', { dir });
    expect(result).toMatchObject({ ok: true, uploaded: 1, deleted: 1 });
    expect(result.bundles[0].deleted).toEqual([`site/mini/${dropped}`]);
    expect(writesSince(from)).toEqual([
      ['PUT', 'site/mini/manifest.json', 200],
      ['DELETE-MANY', '', 200],
      ['PUT', 'site/mini/manifest.json', 200],
    ]);
    expect(await keysUnder('site/mini')).not.toContain(dropped);

    // --no-delete keeps what a later bundle drops.
    const keptDrop = 'ar/_assets/media/poster-240d7bce-320.webp';
    const again = changedCopy((d) => {
      fs.rmSync(path.join(d, dropped));
      fs.rmSync(path.join(d, keptDrop));
    });
    const kept = await deploy('site/mini', { dir: again, deleteDropped: false });
    expect(kept).toMatchObject({ ok: true, deleted: 0 });
    expect(kept.bundles[0].kept).toEqual([`site/mini/${keptDrop}`]);
    expect(await keysUnder('site/mini')).toContain(keptDrop);
  });

  it('a server failing half-way: nothing deleted, pages have their assets; then done', async () => {
    expect((await deploy('half/mini')).ok).toBe(true);
    const page = 'en/basics/second-lesson/index.html';
    const dropped = 'en/_assets/media/poster-240d7bce-320.png';
    const added = 'en/_assets/media/new-0123abcd.webp';
    const dir = changedCopy((d) => {
      fs.writeFileSync(path.join(d, added), 'a new asset');
      fs.appendFileSync(path.join(d, page), '<!-- changed -->\n');
      fs.appendFileSync(path.join(d, 'fr/index.html'), '<!-- changed -->\n');
      fs.rmSync(path.join(d, dropped));
    });
    server.failWhen = (r) => r.method === 'PUT' && r.key === `half/mini/${page}`;
    const from = server.log.length;
    let failed;
    try {
      failed = await deploy('half/mini', { dir });
    } finally {
      server.failWhen = undefined;
    }
    expect(failed.ok).toBe(false);
    expect(failed.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        ruleId: 'polycourse:deploy-request',
        file: `s3://courses/half/mini/${page}`,
      }),
    ]);
    const writes = writesSince(from);
    expect(writes.some(([method]) => method === 'DELETE-MANY')).toBe(false);
    // The new asset was stored before any page was sent.
    const stored = server.log.find((r) => r.key === `half/mini/${added}` && r.event === 'end');
    const firstPage = server.log.find(
      (r) => r.seq >= from && r.key.endsWith('.html') && r.method === 'PUT',
    );
    expect(stored?.status).toBe(200);
    expect(stored!.seq).toBeLessThan(firstPage!.seq);
    expect(await keysUnder('half/mini')).toContain(dropped);
    // The bucket's manifest is the interim one: the changed page pending, the dropped file listed.
    const interim = JSON.parse(await getText('half/mini/manifest.json'));
    expect(interim.deploying).toBe(true);
    const byPath = new Map(interim.files.map((f: { path: string }) => [f.path, f]));
    expect(byPath.get(page)).toMatchObject({ sha256: 'pending' });
    expect(byPath.has(dropped)).toBe(true);

    const finished = await deploy('half/mini', { dir });
    expect(finished.ok).toBe(true);
    // Everything the failed deploy had marked pending is sent again (stored or not).
    expect(finished.bundles[0].uploaded.map((u) => [u.key, u.reason]).sort()).toEqual([
      [`half/mini/${added}`, 'unknown'],
      ['half/mini/en/basics/second-lesson/index.html', 'unknown'],
      ['half/mini/fr/index.html', 'unknown'],
      ['half/mini/manifest.json', 'changed'],
    ]);
    expect(finished.bundles[0].deleted).toEqual([`half/mini/${dropped}`]);
    expect(await getText('half/mini/manifest.json')).toBe(
      fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
    );
  });

  it('wrong credentials: a deploy-credentials diagnostic and nothing written', async () => {
    const from = server.log.length;
    const result = await deploy('site/mini', {
      s3: {
        endpoint: server.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'not-the-secret' },
      },
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'polycourse:deploy-credentials',
        message: expect.stringContaining('SignatureDoesNotMatch'),
      }),
    ]);
    expect(writesSince(from)).toEqual([]);
  });

  it('refuses to overwrite another course, and a bundle that does not verify', async () => {
    const other = changedCopy(() => {}, { course: 'other-course' });
    const from = server.log.length;
    const result = await deploy('site/mini', { dir: other });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['polycourse:deploy-other-course']);

    const linked = changedCopy(() => {});
    const target = path.join(linked, 'en/index.html');
    fs.renameSync(target, path.join(linked, '../outside.html'));
    fs.symlinkSync(path.join(linked, '../outside.html'), target);
    const refused = await deploy('site/mini', { dir: linked });
    expect(refused.ok).toBe(false);
    expect(refused.diagnostics.map((d) => d.ruleId)).toEqual(['polycourse:bundle-link']);
    expect(writesSince(from)).toEqual([]);
  });

  it('an output folder: each bundle under prefix/<course-id>/', async () => {
    const result = await deployToS3({
      dir: out,
      target: { bucket: 'courses', prefix: 'all' },
      s3: { endpoint: server.endpoint, forcePathStyle: true, credentials: testKeys },
    });
    expect(result.ok).toBe(true);
    expect(result.bundles.map((b) => b.url)).toEqual(['s3://courses/all/mini']);
    expect(await keysUnder('all/mini')).toContain('manifest.json');
  });
});

describe('polycourse deploy (the CLI)', () => {
  /** The test's environment without AWS settings (no profile, no instance metadata) + `extra`. */
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
    const clean: NodeJS.ProcessEnv = { ...process.env };
    for (const k of Object.keys(clean))
      if (k.startsWith('AWS_') && k !== 'AWS_CA_BUNDLE') delete clean[k];
    return Object.assign(clean, {
      NO_COLOR: '1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: path.join(out, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(out, 'no-aws-credentials'),
      ...extra,
    });
  };
  const keys = {
    AWS_ACCESS_KEY_ID: testKeys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: testKeys.secretAccessKey,
  };
  /** Run asynchronously: the S3 server answers from this very process. */
  const run = (args: string[], extra?: Record<string, string>) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'deploy', ...args], { env: env(extra) });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('--json: the summary; then a dry run in text says there is nothing to do', async () => {
    const r = await run(
      [out, 's3://courses/cli', '--endpoint', server.endpoint, '--force-path-style', '--json'],
      keys,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({
      ok: true,
      uploaded: 99,
      skipped: 0,
      deleted: 0,
      diagnostics: [],
    });
    expect(summary.bytes).toBeGreaterThan(300_000);
    expect(summary.bundles[0].url).toBe('s3://courses/cli/mini');

    const dry = await run(
      [out, 's3://courses/cli', '--endpoint', server.endpoint, '--force-path-style', '--dry-run'],
      { ...keys, AWS_REGION: 'eu-west-3' },
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was written to the bucket.');
    expect(dry.stdout).toMatch(/would upload 0 file\(s\), 0 B; 98 unchanged; would delete 0/);
  });

  it('usage errors: exit 2; unreachable server or no credentials: exit 1 and why', async () => {
    expect((await run([out, 'https://courses/x'])).code).toBe(2);
    expect((await run([out])).code).toBe(2);
    expect((await run([out, 's3://courses/x', '--endpoint', 'ftp://x'])).code).toBe(2);

    const closed = await freePort();
    const down = await run(
      [out, 's3://courses/x', '--endpoint', `http://127.0.0.1:${closed}`],
      keys,
    );
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('[polycourse:deploy-request]');
    expect(down.stderr).toContain('cannot be reached');
    expect(down.stdout).toContain('Deploy failed: nothing was written to the bucket.');

    const none = await run([
      out,
      's3://courses/x',
      '--endpoint',
      server.endpoint,
      '--force-path-style',
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('[polycourse:deploy-credentials]');
    expect(none.stderr).toContain('AWS_ACCESS_KEY_ID');
  });
});

/** A port nothing listens on (bound, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

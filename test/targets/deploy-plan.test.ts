/**
 * Planning a deploy from manifests alone (compiler/targets/deploy/plan-deploy.ts): what is
 * uploaded, in which order and with which headers, what is skipped and deleted, the interim
 * manifest, and the bucket manifests and paths that are refused.
 */
import { describe, expect, it } from 'vitest';
import {
  cacheControlOf,
  contentTypeOf,
  immutableCache,
  isSafeBundlePath,
  parseRemoteManifest,
  phaseOf,
  planDeploy,
  type LocalBundle,
  type RemoteState,
} from '../../compiler/targets/deploy/plan-deploy.ts';
import { parseS3Url } from '../../compiler/targets/deploy/s3-deploy.ts';
import type { BundleManifest } from '../../compiler/targets/static-bundle/manifest.ts';

const hash = (c: string) => c.repeat(64);
const entry = (path: string, c = 'a', size = 10) => ({ path, size, sha256: hash(c) });

function manifest(files: BundleManifest['files'], course = 'mini'): BundleManifest {
  return {
    format: 'polycourse-bundle/1',
    course,
    compiler: 'test',
    theme: 'default',
    sourceLocale: 'en',
    locales: ['en'],
    inputsHash: hash('0'),
    coverage: {},
    files,
  };
}

const files = [
  entry('en/_assets/theme-1234abcd.css'),
  entry('en/_assets/media/clip-4b7a3245.mp4'),
  entry('en/basics/first-lesson/index.html'),
  entry('en/index.html'),
  entry('en/sw.js'),
  entry('index.html'),
  entry('translation-report.html'),
];

const local = (list = files, sha = 'f'): LocalBundle => ({
  manifest: manifest(list),
  manifestFile: { size: 500, sha256: hash(sha) },
});

const remoteOf = (list: BundleManifest['files'], sha = 'e', course = 'mini'): RemoteState => ({
  kind: 'manifest',
  manifest: manifest(list, course),
  sha256: hash(sha),
});

describe('headers and phases', () => {
  it('content types by extension, immutable only under _assets/', () => {
    expect(contentTypeOf('en/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('en/_assets/media/d-1-480.AVIF')).toBe('image/avif');
    expect(contentTypeOf('en/_assets/captions/x.en-059be021.vtt')).toBe('text/vtt; charset=utf-8');
    expect(contentTypeOf('en/sw.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('manifest.json')).toBe('application/json');
    expect(contentTypeOf('en/_assets/blob')).toBe('application/octet-stream');
    expect(cacheControlOf('en/_assets/theme-6bb4474c.css')).toBe(immutableCache);
    expect(cacheControlOf('en/index.html')).toBe('no-cache');
    expect(cacheControlOf('en/sw.js')).toBe('no-cache');
    expect(cacheControlOf('manifest.json')).toBe('no-cache');
    expect(cacheControlOf('en/my_assets/x.css')).toBe('no-cache');
  });

  it('assets, then pages, then service workers, then manifest.json', () => {
    expect(phaseOf('en/_assets/runtime-da00a103.js')).toBe('assets');
    expect(phaseOf('en/index.html')).toBe('pages');
    expect(phaseOf('translation-report.html')).toBe('pages');
    expect(phaseOf('en/sw.js')).toBe('service-workers');
    expect(phaseOf('manifest.json')).toBe('manifest');
  });

  it('paths that could leave the bundle or the prefix are not bundle paths', () => {
    for (const bad of ['', '/etc/passwd', '../x', 'en/../../x', 'a//b', './a', 'a\\b', 'a\u0000b'])
      expect(isSafeBundlePath(bad), bad).toBe(false);
    expect(isSafeBundlePath(42)).toBe(false);
    expect(isSafeBundlePath('en/_assets/media/clip-4b7a3245.mp4')).toBe(true);
  });

  it('s3:// locations', () => {
    expect(parseS3Url('s3://my-bucket/courses/site/')).toEqual({
      bucket: 'my-bucket',
      prefix: 'courses/site',
    });
    expect(parseS3Url('s3://my-bucket')).toEqual({ bucket: 'my-bucket', prefix: '' });
    expect(parseS3Url('https://my-bucket/x')).toMatch(/s3:\/\//);
    expect(parseS3Url('s3://My_Bucket/x')).toMatch(/bucket name/);
    expect(parseS3Url('s3://bucket/a/../b')).toMatch(/segment/);
    expect(parseS3Url('s3://bucket/a//b')).toMatch(/segment/);
  });
});

describe('planDeploy', () => {
  it('first deploy: everything, in phase order, under the prefix; interim manifest first', () => {
    const plan = planDeploy({ local: local(), prefix: 'site/mini' });
    expect(plan.compared).toBe('empty');
    expect(plan.uploads.map((u) => [u.phase, u.key])).toEqual([
      ['assets', 'site/mini/en/_assets/media/clip-4b7a3245.mp4'],
      ['assets', 'site/mini/en/_assets/theme-1234abcd.css'],
      ['pages', 'site/mini/en/basics/first-lesson/index.html'],
      ['pages', 'site/mini/en/index.html'],
      ['pages', 'site/mini/index.html'],
      ['pages', 'site/mini/translation-report.html'],
      ['service-workers', 'site/mini/en/sw.js'],
      ['manifest', 'site/mini/manifest.json'],
    ]);
    expect(plan.uploads.every((u) => u.reason === 'new')).toBe(true);
    expect(plan.uploads[0]).toMatchObject({
      contentType: 'video/mp4',
      cacheControl: immutableCache,
    });
    expect(plan.interimManifest?.files.map((f) => f.sha256)).toEqual(files.map(() => 'pending'));
    expect(plan.deletions).toEqual([]);
  });

  it('at the root of the bucket, keys are the bundle paths', () => {
    const plan = planDeploy({ local: local(), prefix: '' });
    expect(plan.uploads.at(-1)?.key).toBe('manifest.json');
    expect(plan.uploads[0].key).toBe('en/_assets/media/clip-4b7a3245.mp4');
  });

  it('nothing changed: nothing to upload, not even the manifest', () => {
    const plan = planDeploy({ local: local(), remote: remoteOf(files, 'f'), prefix: 'p' });
    expect(plan).toMatchObject({ compared: 'manifest', uploads: [], deletions: [] });
    expect(plan.skipped).toHaveLength(files.length);
    expect(plan.interimManifest).toBeUndefined();
  });

  it('only the manifest changed (e.g. its coverage): the manifest alone, no interim one', () => {
    const plan = planDeploy({ local: local(), remote: remoteOf(files, 'e'), prefix: 'p' });
    expect(plan.uploads.map((u) => u.path)).toEqual(['manifest.json']);
    expect(plan.interimManifest).toBeUndefined();
  });

  it('one lesson changed: that page, its service worker and the manifest', () => {
    const changed = files.map((f) =>
      f.path.endsWith('first-lesson/index.html') || f.path.endsWith('sw.js')
        ? { ...f, sha256: hash('b') }
        : f,
    );
    const plan = planDeploy({ local: local(changed), remote: remoteOf(files), prefix: 'p' });
    expect(plan.uploads.map((u) => [u.path, u.reason])).toEqual([
      ['en/basics/first-lesson/index.html', 'changed'],
      ['en/sw.js', 'changed'],
      ['manifest.json', 'changed'],
    ]);
    expect(plan.skipped).toHaveLength(5);
    const interim = plan.interimManifest!;
    expect(interim.deploying).toBe(true);
    const pending = interim.files.filter((f) => f.sha256 === 'pending').map((f) => f.path);
    expect(pending).toEqual(['en/basics/first-lesson/index.html', 'en/sw.js']);
  });

  it('a size change alone is a change', () => {
    const changed = files.map((f, i) => (i === 0 ? { ...f, size: 11 } : f));
    const plan = planDeploy({ local: local(changed), remote: remoteOf(files), prefix: 'p' });
    expect(plan.uploads.map((u) => u.path)).toEqual([files[0].path, 'manifest.json']);
  });

  it('a dropped file is deleted after the uploads (and listed in the interim manifest)', () => {
    const old = [...files, entry('en/_assets/media/old-11111111.webp', 'c')];
    const plan = planDeploy({ local: local(), remote: remoteOf(old), prefix: 'p' });
    expect(plan.deletions).toEqual([
      { path: 'en/_assets/media/old-11111111.webp', key: 'p/en/_assets/media/old-11111111.webp' },
    ]);
    expect(plan.uploads.map((u) => u.path)).toEqual(['manifest.json']);
    expect(plan.interimManifest?.files.map((f) => f.path)).toContain(
      'en/_assets/media/old-11111111.webp',
    );
    const keep = planDeploy({
      local: local(),
      remote: remoteOf(old),
      prefix: 'p',
      deleteDropped: false,
    });
    expect(keep.deletions).toEqual([]);
    expect(keep.kept.map((k) => k.key)).toEqual(['p/en/_assets/media/old-11111111.webp']);
  });

  it('a deploy that stopped half-way: its pending files are uploaded again', () => {
    const interim = files.map((f, i) => (i === 2 ? { ...f, sha256: 'pending' } : f));
    const plan = planDeploy({ local: local(), remote: remoteOf(interim), prefix: 'p' });
    expect(plan.uploads.map((u) => [u.path, u.reason])).toEqual([
      [files[2].path, 'unknown'],
      ['manifest.json', 'changed'],
    ]);
  });

  it("never deletes or compares a bucket manifest's unsafe paths", () => {
    const hostile = [...files, entry('../../other-site/index.html'), entry('/abs'), entry('a//b')];
    const plan = planDeploy({ local: local(), remote: remoteOf(hostile), prefix: 'p' });
    expect(plan.deletions).toEqual([]);
    expect(plan.ignoredRemotePaths).toEqual(['../../other-site/index.html', '/abs', 'a//b']);
  });

  it('without a bucket manifest: same size and ETag (MD5) is unchanged, else uploaded', () => {
    const objects = new Map([
      [files[0].path, { size: 10, etag: '"0123456789abcdef0123456789abcdef"' }],
      [files[1].path, { size: 10, etag: '"ffffffffffffffffffffffffffffffff"' }],
      [files[2].path, { size: 99, etag: '"0123456789abcdef0123456789abcdef"' }],
      [files[3].path, { size: 10, etag: '"0123456789abcdef0123456789abcdef-2"' }],
      ['unrelated.txt', { size: 1 }],
    ]);
    const md5 = new Map(files.map((f) => [f.path, '0123456789abcdef0123456789abcdef']));
    const plan = planDeploy({
      local: { ...local(), md5 },
      remote: { kind: 'listing', objects },
      prefix: 'p',
    });
    expect(plan.compared).toBe('listing');
    expect(plan.skipped).toEqual([files[0].path]);
    const reasons = Object.fromEntries(plan.uploads.map((u) => [u.path, u.reason]));
    expect(reasons).toMatchObject({
      [files[1].path]: 'changed',
      [files[2].path]: 'changed',
      [files[3].path]: 'unknown', // a multipart ETag is not an MD5
      [files[4].path]: 'new',
    });
    // Without a manifest nothing there is known to be the course's: nothing is deleted.
    expect(plan.deletions).toEqual([]);
  });
});

describe('parseRemoteManifest', () => {
  const bytes = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v));
  it('reads a bundle manifest and says why anything else is not one', () => {
    expect(parseRemoteManifest(bytes(manifest(files)))).toMatchObject({ course: 'mini' });
    expect(parseRemoteManifest(bytes('{oops'))).toMatch(/^not JSON/);
    expect(parseRemoteManifest(bytes([1]))).toMatch(/format/);
    expect(parseRemoteManifest(bytes({ ...manifest(files), files: 3 }))).toMatch(/files/);
    expect(parseRemoteManifest(bytes({ ...manifest(files), course: '../x' }))).toMatch(/course/);
  });
});

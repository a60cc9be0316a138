/** "Publish bundles" and the first run, on a real SQLite CMS. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startCms } from '../helpers/cms.ts';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { importCourse } from '../../cms/course-exchange/import-course.ts';
import { startPublish } from '../../cms/publish/publish-course.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';
import { startS3Server, testKeys } from '../helpers/s3-server.ts';

describe('publishing from the CMS', () => {
  let payload: Payload;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    process.env.POLYCOURSE_ADMIN_EMAIL = 'first-admin@example.org';
    process.env.POLYCOURSE_ADMIN_PASSWORD = `pw-${Date.now()}-first`;
    try {
      ({ payload, stop } = await startCms('sqlite'));
    } finally {
      delete process.env.POLYCOURSE_ADMIN_EMAIL;
      delete process.env.POLYCOURSE_ADMIN_PASSWORD;
    }
    await importCourse(payload, readCourseFromFiles(miniCourseDir).course!);
  }, 120_000);
  afterAll(async () => {
    await stop?.();
  });

  it('the first run creates the admin from the environment', async () => {
    const users = await payload.find({ collection: 'users' });
    expect(users.docs.map((u: any) => [u.email, u.roles])).toEqual([
      ['first-admin@example.org', ['admin']],
    ]);
  });

  it('publishes the LMS packages asked for; one without them removes them', async () => {
    const out = tempDir();
    const zips = () =>
      fs
        .readdirSync(out)
        .filter((f) => f.endsWith('.zip'))
        .sort();
    const first = await startPublish(payload, 'mini', out, { packages: ['scorm12', 'cmi5'] });
    expect(await first.finished).toBe(true);
    expect(zips()).toEqual(
      [
        'mini.zip',
        ...['ar', 'en', 'fr'].map((l) => `mini.${l}.zip`),
        'mini.scorm12.zip',
        ...['ar', 'en', 'fr'].map((l) => `mini.${l}.scorm12.zip`),
        'mini.cmi5.zip',
        ...['ar', 'en', 'fr'].map((l) => `mini.${l}.cmi5.zip`),
      ].sort(),
    );
    fs.writeFileSync(path.join(out, 'other.scorm12.zip'), 'another course: left alone');
    const second = await startPublish(payload, 'mini', out, { packages: ['scorm2004'] });
    expect(await second.finished).toBe(true);
    expect(zips()).toEqual(
      [
        'mini.zip',
        ...['ar', 'en', 'fr'].map((l) => `mini.${l}.zip`),
        'mini.scorm2004.zip',
        ...['ar', 'en', 'fr'].map((l) => `mini.${l}.scorm2004.zip`),
        'other.scorm12.zip',
      ].sort(),
    );
  }, 120_000);

  it('with POLYCOURSE_BUNDLES_URL, published pages name their public address', async () => {
    const lesson = (out: string) =>
      fs.readFileSync(path.join(out, 'mini/fr/basics/first-lesson/index.html'), 'utf8');
    const saved = process.env.POLYCOURSE_BUNDLES_URL;
    try {
      process.env.POLYCOURSE_BUNDLES_URL = 'https://cdn.example.org/courses';
      const out = tempDir();
      expect(await (await startPublish(payload, 'mini', out)).finished).toBe(true);
      expect(lesson(out)).toContain(
        '<link rel="canonical" ' +
          'href="https://cdn.example.org/courses/mini/fr/basics/first-lesson/">',
      );
      expect(lesson(out)).toContain(
        '<link rel="alternate" hreflang="en" ' +
          'href="https://cdn.example.org/courses/mini/en/basics/first-lesson/">',
      );
      // A typo never stops a publish: no address, and the log says why.
      process.env.POLYCOURSE_BUNDLES_URL = 'cdn.example.org/courses';
      const typo = tempDir();
      expect(await (await startPublish(payload, 'mini', typo)).finished).toBe(true);
      expect(lesson(typo)).not.toContain('rel="canonical"');
    } finally {
      if (saved === undefined) delete process.env.POLYCOURSE_BUNDLES_URL;
      else process.env.POLYCOURSE_BUNDLES_URL = saved;
    }
  }, 120_000);

  it('with POLYCOURSE_DEPLOY_S3, each publish also deploys the bundle to the bucket', async () => {
    const s3 = await startS3Server('courses');
    let closed = false;
    const saved = { ...process.env };
    Object.assign(process.env, {
      POLYCOURSE_DEPLOY_S3: 's3://courses/published',
      POLYCOURSE_DEPLOY_S3_ENDPOINT: s3.endpoint,
      POLYCOURSE_DEPLOY_S3_PATH_STYLE: '1',
      AWS_ACCESS_KEY_ID: testKeys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: testKeys.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    try {
      const out = tempDir();
      const run = await startPublish(payload, 'mini', out);
      expect(await run.finished).toBe(true);
      const job = (await payload.findByID({ collection: 'publish-jobs', id: run.jobId })) as any;
      expect(job.state).toBe('done');
      const puts = s3.log.filter((r) => r.event === 'end' && r.method === 'PUT');
      expect(puts.map((r) => r.key)).toContain('published/mini/fr/index.html');
      expect(puts.at(-1)?.key).toBe('published/mini/manifest.json');

      // A bucket that cannot be reached: the bundles here are published, the job says the deploy
      // failed.
      await s3.close();
      closed = true;
      const refused = await startPublish(payload, 'mini', out);
      expect(await refused.finished).toBe(false);
      const failed = (await payload.findByID({
        collection: 'publish-jobs',
        id: refused.jobId,
      })) as any;
      expect(failed.state).toBe('failed');
      expect(failed.diagnostics.map((d: any) => d.ruleId)).toContain('polycourse:deploy-request');
      expect(fs.existsSync(path.join(out, 'mini/manifest.json'))).toBe(true);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
      if (!closed) await s3.close();
    }
  }, 120_000);

  it(
    'builds the bundles in the background with progress; ' +
      'a failed build keeps the last bundles and shows its errors',
    async () => {
      const out = tempDir();
      const ok = await startPublish(payload, 'mini', out);
      await ok.finished;
      const done = (await payload.findByID({ collection: 'publish-jobs', id: ok.jobId })) as any;
      expect(done).toMatchObject({ state: 'done', done: 45, total: 45 });
      const manifest = fs.readFileSync(path.join(out, 'mini/manifest.json'), 'utf8');
      // The zips a partner downloads, one per locale and one with every locale, come with the
      // bundles.
      expect(
        fs
          .readdirSync(out)
          .filter((f) => f.endsWith('.zip'))
          .sort(),
      ).toEqual(['mini.ar.zip', 'mini.en.zip', 'mini.fr.zip', 'mini.zip']);

      const unit = (
        await payload.find({ collection: 'units', where: { unitId: { equals: 'second-lesson' } } })
      ).docs[0];
      await payload.update({
        collection: 'units',
        id: unit.id,
        locale: 'en',
        data: { body: '<Figure src="media/missing.png" alt="Gone" />' } as never,
      });
      const failing = await startPublish(payload, 'mini', out);
      await failing.finished;
      const failed = (await payload.findByID({
        collection: 'publish-jobs',
        id: failing.jobId,
      })) as any;
      expect(failed.state).toBe('failed');
      expect(failed.diagnostics.map((d: any) => d.ruleId)).toContain('polycourse:missing-media');
      expect(fs.readFileSync(path.join(out, 'mini/manifest.json'), 'utf8')).toBe(manifest);
    },
    120_000,
  );
});

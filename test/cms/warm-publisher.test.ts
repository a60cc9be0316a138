/**
 * "Publish bundles" runs in the server's warm publisher (`polycourse publish --serve`, one process
 * that keeps Payload and the compiler loaded): two publishes in a row use one process; unused, it
 * exits, and the next publish starts another; one that dies marks its job failed with what to do,
 * and the next publish works; one whose server goes while it loads exits then; one past its memory
 * bound goes after its job, and no job sent as it goes is lost. (The server killed mid-publish:
 * server-setup.test.ts.)
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminToken,
  cmsApi,
  publisherPid,
  startCmsServer,
  type CmsServer,
} from '../helpers/cms-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { isAlive } from '../../compiler/process/is-alive.ts';

const idleMs = 4000;

describe('the warm publisher', { timeout: 300_000 }, () => {
  let cms: CmsServer;
  let token: string;
  const api = async (p: string, init: RequestInit = {}) => {
    const response = await fetch(`${cms.url}/api/${p}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    });
    return response.json();
  };
  beforeAll(async () => {
    cms = await startCmsServer(miniCourseDir, 'mini', undefined, {
      env: { POLYCOURSE_PUBLISHER_IDLE_MS: String(idleMs) },
    });
    token = await adminToken(cms);
  }, 600_000);
  afterAll(async () => {
    const pid = publisher();
    if (pid) process.kill(pid, 'SIGKILL');
    await cms?.stop();
  });

  const publisher = () => publisherPid(cms);

  async function publish(): Promise<string | number> {
    const course = (await api('courses?where[courseId][equals]=mini&depth=0')).docs[0];
    const { job } = await api(`courses/${course.id}/publish`, { method: 'POST', body: '{}' });
    expect(job, 'a job').toBeDefined();
    return job;
  }
  const finished = async (job: string | number) => {
    let row: { state: string; diagnostics?: { ruleId: string; message: string }[] };
    do {
      row = await api(`publish-jobs/${job}?depth=0`);
      if (row.state !== 'running') return row;
      await new Promise((r) => setTimeout(r, 200));
    } while (true);
  };

  it('two publishes run in one process; unused, it exits; the panel readies one', async () => {
    expect((await finished(await publish())).state).toBe('done');
    const first = publisher();
    expect(first, 'a publisher after a publish').toBeDefined();
    expect((await finished(await publish())).state).toBe('done');
    expect(publisher()).toBe(first);

    await expect.poll(() => isAlive(first!), { timeout: idleMs * 10, interval: 250 }).toBe(false);
    expect(publisher()).toBeUndefined();
    // The Bundles panel readies one when it opens: refused to strangers, 204 to those who publish.
    const course = (await api('courses?where[courseId][equals]=mini&depth=0')).docs[0];
    const ready = (authorization?: string) =>
      fetch(`${cms.url}/api/courses/${course.id}/publish/ready`, {
        method: 'POST',
        headers: authorization ? { authorization } : {},
      });
    expect((await ready()).status).toBe(403);
    // Staff who cannot publish: refused the same way, for the panel's call and for Publish.
    for (const role of ['translator', 'moderator', 'evaluator']) {
      const email = `${role}-${Date.now()}@example.org`;
      const password = `pw-${role}-${Date.now()}`;
      const workLocales = role === 'translator' ? ['fr'] : [];
      await api('users', {
        method: 'POST',
        body: JSON.stringify({ email, password, roles: [role], workLocales }),
      });
      const login = await fetch(`${cms.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const jwt = `JWT ${(await login.json()).token}`;
      expect((await ready(jwt)).status, role).toBe(403);
      const publishAs = await fetch(`${cms.url}/api/courses/${course.id}/publish`, {
        method: 'POST',
        headers: { authorization: jwt, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(publishAs.status, role).toBe(403);
    }
    expect(publisher()).toBeUndefined();
    expect((await ready(`JWT ${token}`)).status).toBe(204);
    const second = publisher();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await finished(await publish())).state).toBe('done');
    expect(publisher()).toBe(second);
  });

  it('one whose server goes while it still loads exits then, not after its idle time', async () => {
    // Started as the server starts it (IPC), with an idle time far longer than the test waits;
    // the server goes at once, before Payload and the compiler are loaded.
    const child = spawn(
      process.execPath,
      [path.resolve(import.meta.dirname, '../../bin/polycourse.mjs'), 'publish', '--serve'],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        env: {
          ...process.env,
          NODE_ENV: 'production', // as the server runs (vitest's "test" would push a dev schema)
          DATABASE_URI: `file:${path.join(cms.dataDir, 'cms.db')}`,
          POLYCOURSE_MEDIA_DIR: path.join(cms.dataDir, 'media'),
          POLYCOURSE_BUNDLES_DIR: cms.bundlesDir,
          PAYLOAD_SECRET: 'test-secret-not-for-production',
          POLYCOURSE_PUBLISHER_IDLE_MS: String(10 * 60_000),
        },
      },
    );
    let stderr = '';
    child.stderr!.on('data', (b) => (stderr += b));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.disconnect();
    const timeout = new Promise<'still running'>((r) => setTimeout(r, 90_000, 'still running'));
    const outcome = await Promise.race([exited, timeout]);
    if (outcome === 'still running') child.kill('SIGKILL');
    expect(outcome, stderr.slice(-2000)).toBe(0);
  });

  it('a publisher that dies marks its job failed, and the next publish works', async () => {
    await finished(await publish()); // a warm publisher, then a job it is running
    const pid = publisher()!;
    const job = await publish();
    process.kill(pid, 'SIGKILL');
    const row = await finished(job);
    expect(row.state).toBe('failed');
    expect(row.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'polycourse:publish-interrupted',
        message:
          'the publish process stopped (SIGKILL) before it finished; the last bundles are ' +
          'unchanged; publish again',
      }),
    ]);
    expect((await finished(await publish())).state).toBe('done');
  });
});

describe('a publisher past its memory bound', { timeout: 300_000 }, () => {
  let cms: CmsServer;
  let token: string;
  beforeAll(async () => {
    // A bound every publisher passes: each one goes after its job.
    cms = await startCmsServer(miniCourseDir, 'mini', undefined, {
      env: { POLYCOURSE_PUBLISHER_MAX_RSS_MB: '1' },
    });
    token = await adminToken(cms);
  }, 600_000);
  afterAll(async () => {
    const pid = publisherPid(cms);
    if (pid) process.kill(pid, 'SIGKILL');
    await cms?.stop();
  });

  it('goes after its job, and the next publish gets a fresh one', async () => {
    const api = cmsApi(cms, token);
    const course = (await api('courses?where[courseId][equals]=mini&depth=0')).docs[0];
    const publish = async () => {
      const { job } = await api(`courses/${course.id}/publish`, { method: 'POST', body: '{}' });
      let row: { state: string };
      do {
        row = await api(`publish-jobs/${job}?depth=0`);
        if (row.state === 'running') await new Promise((r) => setTimeout(r, 200));
      } while (row.state === 'running');
      return row.state;
    };
    expect(await publish()).toBe('done');
    await expect.poll(() => publisherPid(cms), { timeout: 30_000 }).toBeUndefined();
    // Sent at once, one after another: those that reach a publisher on its way out go to the
    // next one, none is lost.
    expect(await Promise.all([publish(), publish(), publish()])).toEqual(['done', 'done', 'done']);
  });
});

/**
 * Setting the CMS server up and exposing it (issue 9), against the real server: the first admin
 * needs the operator's one-time setup link (or the environment), the server listens on 127.0.0.1
 * unless a host is given, a cookie sent from another origin is no session, and a publish cut off by
 * a crash is marked interrupted after the restart, in the job and in the Bundles panel.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { publisherPid, startCmsServer, type CmsServer } from '../helpers/cms-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';

const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && !a.internal && a.family === 'IPv4')?.address;
const noLanAddress = 'this machine has no non-loopback IPv4 address to try';

/** Whether a TCP connection to host:port opens. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const setupToken = (cms: CmsServer) =>
  /\/admin\/create-first-user\?token=([\w-]+)/.exec(cms.output())?.[1];

function rest(cms: CmsServer) {
  return (p: string, init: RequestInit & { jwt?: string } = {}) =>
    fetch(`${cms.url}/api/${p}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.jwt ? { authorization: `JWT ${init.jwt}` } : {}),
        ...init.headers,
      },
    });
}

async function logIn(
  cms: CmsServer,
  email: string,
  password: string,
): Promise<{ jwt: string; cookie: string }> {
  const response = await rest(cms)('users/login', {
    method: 'POST',
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return {
    jwt: (await response.json()).token,
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

// Real servers and a real browser on a 2-core machine shared with other test files: generous time.
describe('a new CMS with no users, listening on the default host', { timeout: 180_000 }, () => {
  let cms: CmsServer;
  let browser: Browser;
  const operator = { email: 'operator@example.org', password: `pw-${Date.now()}-operator` };
  const intruder = { email: 'intruder@example.org', password: 'intruder-password-1' };

  beforeAll(async () => {
    cms = await startCmsServer(miniCourseDir, 'mini', undefined, { withAdmin: false });
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  it(
    'prints a one-time setup link; first-register without its ' +
      'token, or with a wrong one, is refused and creates nothing',
    async () => {
      const token = setupToken(cms);
      expect(token, cms.output().slice(-3000)).toMatch(/^[\w-]{20,}$/);
      const api = rest(cms);
      for (const attempt of [{}, { setupToken: 'not-the-token' }]) {
        const refused = await api('users/first-register', {
          method: 'POST',
          body: JSON.stringify({ ...intruder, roles: ['admin'], ...attempt }),
        });
        expect(refused.status).toBe(403);
        expect((await refused.json()).errors[0].message).toMatch(
          /one-time setup link.*Nothing was created/,
        );
      }
      expect(
        (
          await api('users/first-register?token=not-the-token', {
            method: 'POST',
            body: JSON.stringify(intruder),
          })
        ).status,
      ).toBe(403);
      expect(
        (await api('users/login', { method: 'POST', body: JSON.stringify(intruder) })).status,
      ).toBe(401);
    },
  );

  it('the printed link creates the admin in the browser, and then no longer works', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${cms.url}/admin/create-first-user?token=${setupToken(cms)}`);
    await expect.poll(() => page.locator('#field-setupToken').inputValue()).toBe(setupToken(cms));
    // or pasted, when the link was lost
    expect(await page.locator('#field-setupToken').isEditable()).toBe(true);
    // the first account is the admin: no roles to pick
    expect(await page.locator('#field-roles').count()).toBe(0);
    await page.fill('#field-email', operator.email);
    await page.fill('#field-password', operator.password);
    await page.fill('#field-confirm-password', operator.password);
    await page.screenshot({ path: '/tmp/first-user-form.png' });
    await page.click('button[type=submit]');
    await page.waitForURL(`${cms.url}/admin`, { timeout: 60_000 });
    await page
      .getByRole('link', { name: /Courses/ })
      .first()
      .waitFor();
    const me = await page.evaluate(() =>
      fetch('/api/users/me', { credentials: 'include' }).then((r) => r.json()),
    );
    expect(me.user).toMatchObject({ email: operator.email, roles: ['admin'] });
    await page.screenshot({ path: '/tmp/first-user.png' });
    await page.close();

    const api = rest(cms);
    const again = await api('users/first-register', {
      method: 'POST',
      body: JSON.stringify({ ...intruder, setupToken: setupToken(cms) }),
    });
    expect(again.status).toBe(403);
    const { jwt } = await logIn(cms, operator.email, operator.password);
    const users = await (await api('users?depth=0', { jwt })).json();
    expect(users.docs.map((u: { email: string }) => u.email)).toEqual([operator.email]);
    // Admins read every account, other staff only their own, anonymous visitors none.
    const translator = { email: 'translator@example.org', password: 'translator-password-1' };
    expect(
      (
        await api('users', {
          method: 'POST',
          jwt,
          body: JSON.stringify({ ...translator, roles: ['translator'], workLocales: ['fr'] }),
        })
      ).status,
    ).toBe(201);
    const asTranslator = (await logIn(cms, translator.email, translator.password)).jwt;
    expect(
      (await (await api('users?depth=0', { jwt: asTranslator })).json()).docs.map(
        (u: { email: string }) => u.email,
      ),
    ).toEqual([translator.email]);
    expect((await api('users?depth=0')).status).toBe(403);
  });

  it('its log is one line a person reads per event, not JSON', () => {
    const output = cms.output();
    // Payload's own warning (no email adapter) comes through the server's logger.
    expect(output).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] WARN .*No email adapter/m);
    expect(output).not.toMatch(/^\{"level"/m);
  });

  it('listens on 127.0.0.1 only', async ({ skip }) => {
    expect(await connects('127.0.0.1', cms.port)).toBe(true);
    expect(cms.output()).toContain(`listening on 127.0.0.1:${cms.port}`);
    if (!lanAddress) return skip(noLanAddress);
    expect(await connects(lanAddress, cms.port)).toBe(false);
  });

  it(
    'a session cookie sent from another origin is not a session; ' +
      'from the server, or as a JWT header from anywhere, it is',
    async () => {
      const api = rest(cms);
      const { jwt, cookie } = await logIn(cms, operator.email, operator.password);
      const unit = (
        await (
          await api('units?where[unitId][equals]=first-lesson&depth=0&draft=true', { jwt })
        ).json()
      ).docs[0];
      const retitle = (title: string, headers: Record<string, string>) =>
        api(`units/${unit.id}?draft=true`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ title }),
        });
      const storedTitle = async () =>
        (await (await api(`units/${unit.id}?draft=true&depth=0`, { jwt })).json()).title;
      const before = await storedTitle();

      const forged = await retitle('Forged', { cookie, origin: 'http://evil.example' });
      expect([401, 403]).toContain(forged.status);
      expect(await storedTitle()).toBe(before);
      const forgedPost = await api('courses', {
        method: 'POST',
        headers: { cookie, origin: 'http://evil.example' },
        body: JSON.stringify({ courseId: 'forged', title: 'Forged' }),
      });
      expect([401, 403]).toContain(forgedPost.status);
      const graphql = (origin: string) =>
        fetch(`${cms.url}/api/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, origin },
          body: JSON.stringify({ query: '{ meUser { user { email } } }' }),
        }).then((r) => r.json());
      expect((await graphql('http://evil.example')).data.meUser.user).toBeNull();
      expect((await graphql(cms.url)).data.meUser.user.email).toBe(operator.email);

      expect((await retitle('From the admin', { cookie, origin: cms.url })).status).toBe(200);
      expect(await storedTitle()).toBe('From the admin');
      expect(
        (
          await retitle('From an API client', {
            authorization: `JWT ${jwt}`,
            origin: 'http://evil.example',
          })
        ).status,
      ).toBe(200);
      expect(await storedTitle()).toBe('From an API client');

      const preflight = (origin: string) =>
        fetch(`${cms.url}/api/units/${unit.id}`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'PATCH' },
        });
      expect(
        (await preflight('http://evil.example')).headers.get('access-control-allow-origin'),
      ).toBeNull();
      expect((await preflight(cms.url)).headers.get('access-control-allow-origin')).toBe(cms.url);
    },
  );
});

describe(
  'a CMS listening on every interface (--host 0.0.0.0); a publish cut off by a crash',
  { timeout: 180_000 },
  () => {
    let cms: CmsServer;
    let browser: Browser;
    const operator = { email: 'operator@example.org', password: `pw-${Date.now()}-operator` };

    beforeAll(async () => {
      cms = await startCmsServer(miniCourseDir, 'mini', undefined, {
        withAdmin: false,
        host: '0.0.0.0',
      });
      browser = await launchChromium();
    }, 600_000);
    afterAll(async () => {
      await browser?.close();
      await cms?.stop();
    });

    it(
      'first-register over REST with the token makes an admin, ' +
        'whatever roles the body asks for; the token works once',
      async () => {
        const api = rest(cms);
        const token = setupToken(cms)!;
        const created = await api(`users/first-register?token=${token}`, {
          method: 'POST',
          body: JSON.stringify({ ...operator, roles: ['translator'], workLocales: ['fr'] }),
        });
        expect(created.status).toBe(200);
        expect((await created.json()).user.roles).toEqual(['admin']);
        const second = { email: 'second@example.org', password: 'second-password-1' };
        expect(
          (
            await api(`users/first-register?token=${token}`, {
              method: 'POST',
              body: JSON.stringify(second),
            })
          ).status,
        ).toBe(403);
        expect(
          (await api('users/login', { method: 'POST', body: JSON.stringify(second) })).status,
        ).toBe(401);
      },
    );

    it('answers on a non-loopback address', async ({ skip }) => {
      expect(cms.output()).toContain(`listening on 0.0.0.0:${cms.port}`);
      if (!lanAddress) return skip(noLanAddress);
      expect((await fetch(`http://${lanAddress}:${cms.port}/api/users/me`)).status).toBe(200);
    });

    it(
      'a publish killed with the server is marked interrupted after ' +
        'the restart; the last bundles stay; the Bundles panel says so',
      async () => {
        const manifest = path.join(cms.bundlesDir, 'mini/manifest.json');
        const published = fs.readFileSync(manifest, 'utf8');
        let { jwt } = await logIn(cms, operator.email, operator.password);
        const course = (
          await (await rest(cms)('courses?where[courseId][equals]=mini&depth=0', { jwt })).json()
        ).docs[0];
        const started = await rest(cms)(`courses/${course.id}/publish`, {
          method: 'POST',
          jwt,
          body: '{}',
        });
        const { job } = await started.json();
        expect(job).toBeTruthy();
        // The publish runs in the server's publisher (its own process group): freeze it, crash the
        // server, then kill it.
        const workerPid = publisherPid(cms)!;
        expect(workerPid, 'the publish process').toBeTruthy();
        process.kill(workerPid, 'SIGSTOP');
        await cms.stop('SIGKILL');
        process.kill(workerPid, 'SIGKILL');

        cms = await startCmsServer(miniCourseDir, 'mini', undefined, {
          dataDir: cms.dataDir,
          port: cms.port,
          host: '0.0.0.0',
          withAdmin: false,
        });
        ({ jwt } = await logIn(cms, operator.email, operator.password));
        let row: { state: string; diagnostics?: { ruleId: string; message: string }[] };
        const deadline = Date.now() + 90_000;
        do {
          row = await (await rest(cms)(`publish-jobs/${job}`, { jwt })).json();
          if (row.state !== 'running') break;
          await new Promise((r) => setTimeout(r, 1000));
        } while (Date.now() < deadline);
        expect(row.state).toBe('failed');
        expect(row.diagnostics).toEqual([
          expect.objectContaining({
            ruleId: 'polycourse:publish-interrupted',
            message:
              'interrupted: the server stopped while this publish ran; ' +
              'the last bundles are unchanged; publish again',
          }),
        ]);
        expect(fs.readFileSync(manifest, 'utf8')).toBe(published);

        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(`${cms.url}/admin/login`);
        await page.fill('#field-email', operator.email);
        await page.fill('#field-password', operator.password);
        await page.click('button[type=submit]');
        await page.waitForURL(`${cms.url}/admin`, { timeout: 60_000 });
        await page.goto(`${cms.url}/admin/collections/courses/${course.id}`);
        const panel = page.locator('[data-publish-state="failed"]');
        await panel.waitFor({ timeout: 30_000 });
        expect(await panel.textContent()).toContain(
          'The last build was interrupted; the bundles below are the previous ones.',
        );
        expect(await panel.textContent()).toContain(
          'interrupted: the server stopped while this publish ran; ' +
            'the last bundles are unchanged; publish again',
        );
        await expect
          .poll(() => page.getByRole('button', { name: 'Publish bundles' }).isEnabled())
          .toBe(true);
        await panel.scrollIntoViewIfNeeded();
        await page.screenshot({ path: '/tmp/publish-interrupted.png' });
        await page.close();
      },
    );
  },
);

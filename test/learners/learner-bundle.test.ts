/**
 * The learner services from a published bundle, in real Chromium against the real CMS server
 * (published with POLYCOURSE_LEARNER_SERVICES_URL): a learner creates an account on the course
 * home, earns points, appears on the leaderboard with their own rank; the services go unreachable
 * midway (requests fail, then an answer is lost after the server stored the batch) and, once back,
 * the server holds every event once and the same points as the device. A staff session in the same
 * browser keeps its cookie throughout. The page is axe-clean and fits a phone, also in Arabic.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startCmsServer, type CmsServer } from '../helpers/cms-server.ts';
import { axeViolations, launchChromium } from '../helpers/browser.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

describe('learner services from a bundle, in Chromium', { timeout: 240_000 }, () => {
  let cms: CmsServer;
  let browser: Browser;
  let staffToken: string;
  const staffApi = async (p: string) =>
    (
      await fetch(`${cms.url}/api/${p}`, { headers: { authorization: `JWT ${staffToken}` } })
    ).json();

  beforeAll(async () => {
    const port = await freePort();
    cms = await startCmsServer(miniCourseDir, 'mini', 480_000, {
      port,
      env: { POLYCOURSE_LEARNER_SERVICES_URL: `http://127.0.0.1:${port}` },
    });
    const r = await fetch(`${cms.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: cms.admin.email, password: cms.admin.password }),
    });
    staffToken = (await r.json()).token;
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  const home = (locale = 'en') => `${cms.url}/bundles/mini/${locale}/index.html`;
  const unitPage = (unit: string) => `${cms.url}/bundles/mini/en/basics/${unit}/index.html`;
  const status = (page: Page) => page.locator('.account-status').innerText();
  const serverScore = async () =>
    (await staffApi('learner-scores?where[name][equals]=Tester&depth=0')).docs[0];
  const storedEvents = async () =>
    (await staffApi('learner-events?limit=0&depth=0')).totalDocs as number;

  it('sign up on the home, earn points, survive a broken network, match the device', async () => {
    const context: BrowserContext = await browser.newContext();
    const page = await context.newPage();
    // A staff member signed in to the admin in the same browser.
    const staff = await page.request.post(`${cms.url}/api/users/login`, {
      data: { email: cms.admin.email, password: cms.admin.password },
    });
    expect(staff.status()).toBe(200);
    const staffCookie = (await context.cookies()).find((c) => c.name === 'payload-token')?.value;
    expect(staffCookie).toBeTruthy();

    await page.goto(home());
    const account = page.locator('#learner-account');
    await account.waitFor({ state: 'visible' });
    expect(await account.locator('h2').innerText()).toBe('Your account and the leaderboard');
    await page.fill('#account-username', 'tester');
    await page.fill('#account-password', 'pw-tester-123');
    await page.fill('#account-name', 'Tester');
    await page.check('#account-join');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await expect.poll(() => account.innerText()).toContain('Signed in as Tester.');
    // The learner's sign-in set no cookie: the staff session is the same, and still the admin's.
    expect((await context.cookies()).find((c) => c.name === 'payload-token')?.value).toBe(
      staffCookie,
    );
    // From the page (same origin, so the browser sends the cookie and Sec-Fetch-Site).
    const me = await page.evaluate(async () => (await fetch('/api/users/me')).json());
    expect(me.user?.email).toBe(cms.admin.email);

    await page.goto(unitPage('first-lesson'));
    await expect.poll(async () => (await serverScore())?.points).toBe(10);

    // The services become unreachable: what the learner does waits on the device.
    await page.route('**/api/learner/events', (route) => route.abort('internetdisconnected'));
    await page.goto(unitPage('second-lesson'));
    await page.goto(unitPage('basics-sheet'));
    await page.goto(home());
    await expect.poll(() => status(page)).toBe('2 steps of your progress are waiting to be sent.');
    expect((await serverScore()).points).toBe(10);

    // Back, but the first answer is lost after the server stored the batch: sent again, counted
    // once.
    await page.unroute('**/api/learner/events');
    let lost = 0;
    await page.route('**/api/learner/events', async (route) => {
      if (lost++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await page.reload();
    await expect
      .poll(() => status(page), { timeout: 60_000 })
      .toBe('All your progress is saved on the server.');
    expect(lost).toBeGreaterThanOrEqual(2);
    expect(await storedEvents()).toBe(3);
    // The device and the server agree: the header's points are the server's.
    expect(await page.locator('.learner-status').innerText()).toContain('30 points');
    expect((await serverScore()).points).toBe(30);
    // On the board under the chosen name, with the learner's own place.
    const board = page.locator('.leaderboard');
    await expect
      .poll(() => board.locator('tbody tr').allInnerTexts())
      .toEqual([expect.stringMatching(/^1st\s+Tester\s+30$/)]);
    await expect.poll(() => board.innerText()).toContain('You are 1st of 1.');
    expect(await axeViolations(page)).toEqual([]);
    // Signing out on a shared device: the form is back and nothing of theirs waits to be sent.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#account-username').waitFor();
    const kept = await page.evaluate(() =>
      JSON.parse(localStorage.getItem('polycourse:mini:services')!),
    );
    expect([kept.token, kept.queue, kept.sent]).toEqual([undefined, [], []]);
    await context.close();
  });

  it('fits a phone and reads right to left in Arabic', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(home('ar'));
    const account = page.locator('#learner-account');
    await account.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(await account.locator('h2').innerText()).not.toBe('Your account and the leaderboard');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

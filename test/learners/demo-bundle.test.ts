/**
 * The demo course (courses/rights-based-mental-health, in English) with the learner services, in
 * real Chromium against the real CMS server that publishes it: a learner answers the questionnaire
 * before the course (sharing it), creates an account and claims those answers, earns points,
 * loses the network midway and gets it back with nothing lost or doubled, sees their place on the
 * leaderboard and posts in a module's discussion. The mini course's test (learner-bundle.test.ts)
 * covers the rest in depth: reports and moderation, the post questionnaire, other sites, phones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  adminToken,
  cmsApi,
  freePort,
  startCmsServer,
  type CmsServer,
} from '../helpers/cms-server.ts';
import { axeViolations, launchChromium, loseFirstAnswer } from '../helpers/browser.ts';
import { copyCourse, editFile } from '../helpers/temp-course.ts';

const demoDir = path.resolve(import.meta.dirname, '../../courses/rights-based-mental-health');
const courseId = 'rights-based-mental-health';

/** The demo course in English only: the same course, published in a fraction of the time. */
function demoInEnglish(): string {
  const dir = copyCourse(demoDir);
  editFile(path.join(dir, 'course.yaml'), /^locales: \[.*\]$/m, 'locales: [en]');
  for (const file of fs.readdirSync(path.join(dir, 'locales')))
    if (file !== 'en.yaml') fs.rmSync(path.join(dir, 'locales', file));
  return dir;
}

describe('the demo course with the learner services, in Chromium', { timeout: 240_000 }, () => {
  let cms: CmsServer;
  let browser: Browser;
  let staffApi: ReturnType<typeof cmsApi>;

  beforeAll(async () => {
    const port = await freePort();
    cms = await startCmsServer(demoInEnglish(), courseId, 480_000, {
      port,
      env: {
        POLYCOURSE_LEARNER_SERVICES_URL: `http://127.0.0.1:${port}`,
        // A new learner's first post shows at once (moderation is tested on the mini course).
        POLYCOURSE_FORUM_HOLD_FIRST_POSTS: '0',
      },
    });
    staffApi = cmsApi(cms, await adminToken(cms));
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  const page$ = (p: string) => `${cms.url}/bundles/${courseId}/en/${p}`;

  it('questionnaire, account, points, a broken network, the board and a discussion', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const status = () => page.locator('.account-status').innerText();
    const serverPoints = async () =>
      (await staffApi('learner-scores?where[name][equals]=Demo%20Learner&depth=0')).docs[0]
        ?.points as number | undefined;

    // Before the course, not signed in yet: the questionnaire, shared for the evaluation.
    await page.goto(page$('questionnaire/pre/index.html'));
    const consent = page.getByRole('checkbox', { name: /I agree: share my answers/ });
    await consent.waitFor();
    expect(await page.locator('main').innerText()).toContain(
      'unless you agree below to share them',
    );
    const items = Array.from({ length: 17 }, (_, i) => `a${String(i + 1).padStart(2, '0')}`);
    for (const [i, item] of items.entries())
      await page.check(`input[name="${item}"][value="${(i % 5) + 1}"]`);
    await consent.check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.locator('.questionnaire-status').waitFor();

    // An account from the course home; the answers given before were this learner's.
    await page.goto(page$('index.html'));
    const account = page.locator('#learner-account');
    await account.waitFor({ state: 'visible' });
    await page.fill('#account-username', 'demo-learner');
    await page.fill('#account-password', 'pw-demo-learner-123');
    await page.fill('#account-name', 'Demo Learner');
    await page.check('#account-join');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await expect.poll(() => account.innerText()).toContain('Signed in as Demo Learner.');
    expect(await page.locator('.account-claim').innerText()).toContain(
      'One step was done on this device before you signed in. Was it yours?',
    );
    await page.getByRole('button', { name: 'Yes, add to my account' }).click();
    await expect.poll(() => status()).toBe('All your progress is saved on the server.');
    const responses = await staffApi(
      `questionnaire-responses?where[courseId][equals]=${courseId}&depth=0`,
    );
    expect(responses.docs).toEqual([
      expect.objectContaining({ phase: 'pre', consentVersion: '2026-12' }),
    ]);
    expect(Object.keys(responses.docs[0].answers)).toEqual(items);

    // A lesson: points on the server.
    await page.goto(page$('human-rights/rights-and-dignity/index.html'));
    await expect.poll(serverPoints).toBe(10);

    // The network goes: the next lesson and the sheet wait on the device.
    await page.route('**/api/learner/events', (route) => route.abort('internetdisconnected'));
    await page.goto(page$('human-rights/the-crpd/index.html'));
    await page.goto(page$('human-rights/rights-sheet/index.html'));
    await page.goto(page$('index.html'));
    await expect.poll(() => status()).toBe('2 steps of your progress are waiting to be sent.');
    expect(await serverPoints()).toBe(10);
    // It comes back, but the first answer is lost after the server stored the batch.
    const sent = await loseFirstAnswer(page, '**/api/learner/events');
    await page.reload();
    await expect
      .poll(() => status(), { timeout: 60_000 })
      .toBe('All your progress is saved on the server.');
    expect(sent()).toBeGreaterThanOrEqual(2);
    // Nothing lost, nothing doubled: the server's points are the device's.
    expect(await serverPoints()).toBe(30);
    expect(await page.locator('.learner-status').innerText()).toContain('30 points');
    const events = await staffApi(`learner-events?where[courseId][equals]=${courseId}&limit=0`);
    expect(events.totalDocs).toBe(3); // three views (the questionnaire's answers are kept apart)
    // On the board, with the learner's own place.
    const board = page.locator('.leaderboard');
    await expect
      .poll(() => board.locator('tbody tr').allInnerTexts())
      .toEqual([expect.stringMatching(/^1st\s+Demo Learner\s+30$/)]);
    await expect.poll(() => board.innerText()).toContain('You are 1st of 1.');
    expect(await axeViolations(page)).toEqual([]);

    // A discussion in the module.
    await page.goto(page$('human-rights/index.html'));
    const forum = page.locator('#module-forum');
    await forum.waitFor({ state: 'visible' });
    await page.fill('#forum-new-title', 'What does the CRPD change?');
    await page.fill('#forum-new-body', 'It says **everyone** decides for themselves.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const thread = forum.locator('details.forum-thread');
    await expect.poll(() => thread.locator('summary').innerText()).toContain('Demo Learner');
    await thread.locator('summary').click();
    expect(await thread.locator('.forum-body strong').innerText()).toBe('everyone');
    const posts = await staffApi(`forum-posts?where[courseId][equals]=${courseId}&depth=0`);
    expect(posts.docs).toEqual([expect.objectContaining({ status: 'visible', first: true })]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

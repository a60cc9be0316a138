/**
 * The learner services from a published bundle, in real Chromium against the real CMS server
 * (published with POLYCOURSE_LEARNER_SERVICES_URL): a learner creates an account on the course
 * home, earns points, appears on the leaderboard with their own rank; the services go unreachable
 * midway (requests fail, then an answer is lost after the server stored the batch) and, once back,
 * the server holds every event once and the same points as the device. A staff session in the same
 * browser keeps its cookie throughout. The page is axe-clean and fits a phone, also in Arabic.
 * A module's discussion: a learner posts, waits for a moderator, replies; another learner reports
 * the reply from the page and, with two more reports, it is hidden. The pre and post
 * questionnaires: answers are shared only with the learner's consent, and unticking it takes them
 * back. The same bundles on another site: listed in POLYCOURSE_ALLOWED_ORIGINS, they sign up and
 * sync across origins (preflights answered); on a site not listed, the browser never sends the
 * sign-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, startCmsServer, type CmsServer } from '../helpers/cms-server.ts';
import { axeViolations, launchChromium, loseFirstAnswer } from '../helpers/browser.ts';
import { miniCourseWithConsent } from '../helpers/mini-course.ts';
import { startStaticServer } from '../../compiler/targets/static-server.ts';

describe('learner services from a bundle, in Chromium', { timeout: 240_000 }, () => {
  let cms: CmsServer;
  let browser: Browser;
  let staffToken: string;
  const staffApi = async (p: string) =>
    (
      await fetch(`${cms.url}/api/${p}`, { headers: { authorization: `JWT ${staffToken}` } })
    ).json();

  // The bundles served from another site too, which the CMS lists in POLYCOURSE_ALLOWED_ORIGINS.
  let partnerPort: number;
  beforeAll(async () => {
    const port = await freePort();
    partnerPort = await freePort();
    cms = await startCmsServer(miniCourseWithConsent(), 'mini', 480_000, {
      port,
      env: {
        POLYCOURSE_LEARNER_SERVICES_URL: `http://127.0.0.1:${port}`,
        POLYCOURSE_ALLOWED_ORIGINS: `http://127.0.0.1:${partnerPort}`,
        // The test stands for a proxy: X-Forwarded-For says which address a request is from.
        POLYCOURSE_TRUSTED_PROXIES: '1',
      },
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
  /** Create an account from the course home at `homeUrl` (this CMS's bundle by default). */
  const signUpOnHome = async (page: Page, username: string, name: string, homeUrl = home()) => {
    await page.goto(homeUrl);
    await page.fill('#account-username', username);
    await page.fill('#account-password', `pw-${username}-123`);
    await page.fill('#account-name', name);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await expect.poll(() => page.locator('#learner-account').innerText()).toContain(name);
  };
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
    const sent = await loseFirstAnswer(page, '**/api/learner/events');
    await page.reload();
    await expect
      .poll(() => status(page), { timeout: 60_000 })
      .toBe('All your progress is saved on the server.');
    expect(sent()).toBeGreaterThanOrEqual(2);
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
    // Signing out on a shared device: the form is back, nothing of theirs waits to be sent, and
    // the token no longer signs in on the server.
    const token = await page.evaluate(
      () => JSON.parse(localStorage.getItem('polycourse:mini:services')!).token,
    );
    const learnerMe = () =>
      fetch(`${cms.url}/api/learner/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await learnerMe()).status).toBe(200);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.locator('#account-username').waitFor();
    expect((await learnerMe()).status).toBe(401);
    // The staff session on this origin is untouched.
    expect((await context.cookies()).find((c) => c.name === 'payload-token')?.value).toBe(
      staffCookie,
    );
    const kept = await page.evaluate(() =>
      JSON.parse(localStorage.getItem('polycourse:mini:services')!),
    );
    expect([kept.token, kept.queue, kept.sent]).toEqual([undefined, [], []]);
    await context.close();
  });

  it('on a shared device, steps done before signing in are sent only if claimed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scoreOf = async (name: string) =>
      (await staffApi(`learner-scores?where[name][equals]=${name}&depth=0`)).docs[0]?.points;
    const claim = page.locator('.account-claim');
    // Someone opens a lesson without signing in; the next person creates an account.
    await page.goto(unitPage('first-lesson'));
    await signUpOnHome(page, 'sharer-one', 'SharerOne');
    expect(await claim.innerText()).toContain(
      'One step was done on this device before you signed in. Was it yours?',
    );
    expect(await axeViolations(page)).toEqual([]);
    const shots = process.env.POLYCOURSE_SCREENSHOT_DIR;
    if (shots)
      await page.locator('#learner-account').screenshot({ path: `${shots}/learner-claim.png` });
    await page.getByRole('button', { name: "No, don't add" }).click();
    await expect.poll(() => status(page)).toBe('All your progress is saved on the server.');
    expect(await claim.count()).toBe(0);
    expect(await scoreOf('SharerOne')).toBeUndefined();
    // Their own visit of that lesson counts.
    await page.goto(unitPage('first-lesson'));
    await expect.poll(() => scoreOf('SharerOne')).toBe(10);

    // After signing out, the next one's earlier steps are theirs: added when they say so.
    await page.goto(home());
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.goto(unitPage('second-lesson'));
    await page.goto(unitPage('basics-sheet'));
    await signUpOnHome(page, 'sharer-two', 'SharerTwo');
    expect(await claim.innerText()).toContain('2 steps were done on this device');
    // Held until answered, even across a reload.
    await page.reload();
    await claim.waitFor();
    expect(await scoreOf('SharerTwo')).toBeUndefined();
    await page.getByRole('button', { name: 'Yes, add to my account' }).click();
    await expect.poll(() => scoreOf('SharerTwo')).toBe(20);
    await expect.poll(() => status(page)).toBe('All your progress is saved on the server.');
    // Signed in on another device too; signing out on every device ends that one's session.
    const other = await (await browser.newContext()).newPage();
    await other.goto(home());
    await other.fill('#account-username', 'sharer-two');
    await other.fill('#account-password', 'pw-sharer-two-123');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => other.locator('#learner-account').innerText()).toContain('SharerTwo');
    const otherToken = await other.evaluate(
      () => JSON.parse(localStorage.getItem('polycourse:mini:services')!).token,
    );
    const otherMe = () =>
      fetch(`${cms.url}/api/learner/me`, { headers: { authorization: `Bearer ${otherToken}` } });
    expect((await otherMe()).status).toBe(200);
    await page.getByRole('button', { name: 'Sign out on every device' }).click();
    await page.locator('#account-username').waitFor();
    expect((await otherMe()).status).toBe(401);
    await other.context().close();
    await context.close();
  });

  it('a module forum: post, wait for a moderator, reply, get reported and hidden', async () => {
    const moduleUrl = (locale = 'en') => `${cms.url}/bundles/mini/${locale}/basics/index.html`;
    const signUpFrom = async (page: Page, username: string, name: string) => {
      await signUpOnHome(page, username, name);
      await page.goto(moduleUrl());
    };
    const context = await browser.newContext();
    const page = await context.newPage();
    // Not signed in: the discussion is there to read, with the way to sign in.
    await page.goto(moduleUrl());
    const forum = page.locator('#module-forum');
    await forum.waitFor({ state: 'visible' });
    expect(await forum.locator('h2').innerText()).toBe('Discussion');
    await expect.poll(() => forum.innerText()).toContain('No discussion here yet');
    expect(await forum.getByRole('link', { name: /Sign in on the course home/ }).count()).toBe(1);

    await signUpFrom(page, 'writer', 'Writer');
    await page.fill('#forum-new-title', 'Who decides?');
    await page.fill('#forum-new-body', 'Who decides about **my** treatment?');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect
      .poll(() => forum.locator('.forum-status').innerText())
      .toBe('Waiting for a moderator: only you can see this for now.');
    const thread = forum.locator('details.forum-thread');
    await thread.locator('summary').click();
    await expect
      .poll(() => thread.locator('.forum-post').first().innerText())
      .toContain('Waiting for a moderator');
    expect(await thread.locator('.forum-body strong').innerText()).toBe('my');
    // A moderator approves it in the admin (here over REST, as the admin form does).
    const held = await staffApi('forum-posts?where[status][equals]=held&depth=0');
    expect(held.docs).toHaveLength(1);
    const approve = await fetch(`${cms.url}/api/forum-posts/${held.docs[0].id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${staffToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'visible' }),
    });
    expect(approve.status).toBe(200);
    await page.reload();
    await thread.locator('summary').click();
    await page.fill('[id^="forum-reply-"]', 'Me, with *support*. See [the CRPD](https://un.org).');
    await page.getByRole('button', { name: 'Reply' }).click();
    const reply = thread.locator('.forum-post').nth(1);
    await expect.poll(() => reply.innerText()).toContain('Me, with support.');
    expect(await reply.locator('em').innerText()).toBe('support');
    // Who started it, how many replies, the last one's day.
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date());
    expect(await thread.locator('summary').innerText()).toMatch(
      new RegExp(`Writer\\S*, ${today} 1 reply · last reply ${today}`),
    );
    expect(await reply.locator('a').getAttribute('rel')).toBe('nofollow ugc noopener');
    expect(await axeViolations(page)).toEqual([]);

    // Another learner reports the reply from the page; two more over the API: it is hidden.
    const reader = await (await browser.newContext()).newPage();
    await signUpFrom(reader, 'reader', 'Reader');
    const readerThread = reader.locator('details.forum-thread');
    await readerThread.locator('summary').click();
    const theirReply = readerThread.locator('.forum-post').nth(1);
    await theirReply.getByRole('button', { name: 'Report' }).click();
    await expect.poll(() => theirReply.innerText()).toContain('Reported. Thank you.');
    const postId = await theirReply.getAttribute('data-post');
    for (const name of ['rep-one', 'rep-two']) {
      const made = await fetch(`${cms.url}/api/learner/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: name, password: `pw-${name}-123` }),
      });
      const { token } = await made.json();
      const r = await fetch(`${cms.url}/api/learner/forum-posts/${postId}/report`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(r.status).toBe(200);
    }
    await page.reload();
    await thread.locator('summary').click();
    await expect
      .poll(() => thread.locator('.forum-post').nth(1).innerText())
      .toBe('This post is hidden after reports, until a moderator looks at it.');
    await reader.context().close();

    // A phone, in Arabic: the discussion fits and reads right to left.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(moduleUrl('ar'));
    await forum.waitFor({ state: 'visible' });
    expect(await forum.locator('h2').innerText()).not.toBe('Discussion');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('questionnaire answers leave only with consent; unticking takes them back', async () => {
    const questionnaire = (phase: string, locale = 'en') =>
      `${cms.url}/bundles/mini/${locale}/questionnaire/${phase}/index.html`;
    const stored = async () =>
      (await staffApi('questionnaire-responses?where[courseId][equals]=mini&depth=0&sort=phase'))
        .docs as { phase: string; answers: Record<string, number>; consentVersion: string }[];
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpOnHome(page, 'respondent', 'Respondent');
    const answer = async (phase: string, values: [number, number], agree: boolean) => {
      await page.goto(questionnaire(phase));
      const consent = page.getByRole('checkbox', { name: /I agree: share my answers/ });
      await consent.waitFor();
      expect(await page.locator('.questionnaire-consent').innerText()).toContain(
        'under a random code and never with my name',
      );
      await page.check(`input[name="v1"][value="${values[0]}"]`);
      await page.check(`input[name="v2"][value="${values[1]}"]`);
      await consent.setChecked(agree);
      await page.getByRole('button', { name: 'Save my answers' }).click();
    };
    // Before the course, with consent: stored under the course's consent version.
    await answer('pre', [1, 3], true);
    expect(await page.locator('.questionnaire-status').innerText()).toBe(
      'Your answers are saved on this device, and shared for the evaluation once you are ' +
        'signed in.',
    );
    await expect.poll(stored).toEqual([
      expect.objectContaining({
        phase: 'pre',
        answers: { v1: 1, v2: 3 },
        consentVersion: 'mini-1',
      }),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    // After the course, without consent: kept on the device, nothing sent.
    await answer('post', [3, 1], false);
    expect(await page.locator('.questionnaire-status').innerText()).toBe(
      'Your answers are saved on this device.',
    );
    await page.goto(home());
    await expect.poll(() => status(page)).toBe('All your progress is saved on the server.');
    expect((await stored()).map((r) => r.phase)).toEqual(['pre']);
    // The learner changes their mind: unticked and saved again, the shared answers are deleted.
    await page.goto(questionnaire('pre'));
    const consent = page.getByRole('checkbox', { name: /I agree: share my answers/ });
    await consent.waitFor();
    expect(await consent.isChecked()).toBe(true);
    await consent.uncheck();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    expect(await page.locator('.questionnaire-status').innerText()).toBe(
      'Your answers are saved on this device only. Answers you shared before are deleted from ' +
        'the evaluation.',
    );
    await expect.poll(stored).toEqual([]);
    await page.reload();
    await page.locator('.questionnaire-consent').waitFor();
    expect(await consent.isChecked()).toBe(false);
    expect(await page.locator('input[name="v1"][value="1"]').isChecked()).toBe(true);
    // In Arabic on a phone: the consent text in Arabic, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(questionnaire('pre', 'ar'));
    await page.locator('.questionnaire-consent').waitFor();
    expect(await page.locator('.questionnaire-consent p').innerText()).toContain('برمز عشوائي');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a bundle on a site the server lists signs up and syncs; on another, it cannot', async () => {
    const partner = await startStaticServer(cms.bundlesDir, partnerPort);
    const stranger = await startStaticServer(cms.bundlesDir, 0);
    try {
      // The preflight the browser sends before a JSON POST with a token, answered for the listed
      // site only.
      const preflight = (origin: string) =>
        fetch(`${cms.url}/api/learner/events`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type',
          },
        });
      const partnerOrigin = new URL(partner.url).origin;
      const listed = await preflight(partnerOrigin);
      expect(listed.status).toBeLessThan(300);
      expect(listed.headers.get('access-control-allow-origin')).toBe(partnerOrigin);
      expect(listed.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(
        /authorization/,
      );
      const unlisted = await preflight(new URL(stranger.url).origin);
      expect(unlisted.headers.get('access-control-allow-origin')).toBeNull();

      const context = await browser.newContext();
      const page = await context.newPage();
      await signUpOnHome(page, 'abroad', 'Abroad', new URL('mini/en/index.html', partner.url).href);
      await page.goto(new URL('mini/en/basics/first-lesson/index.html', partner.url).href);
      await page.goto(new URL('mini/en/index.html', partner.url).href);
      await expect.poll(() => status(page)).toBe('All your progress is saved on the server.');
      const score = await staffApi('learner-scores?where[name][equals]=Abroad&depth=0');
      expect(score.docs[0]?.points).toBe(10);

      // The same bundle on a site the server does not list: the browser refuses the answers.
      await page.goto(new URL('mini/en/index.html', stranger.url).href);
      await page.locator('#account-username').waitFor();
      await page.fill('#account-username', 'stranger');
      await page.fill('#account-password', 'pw-stranger-123');
      await page.getByRole('button', { name: 'Create an account' }).click();
      await expect
        .poll(() => page.locator('#learner-account').innerText())
        .toContain("The course's server cannot be reached.");
      // Its preflight was refused, so the sign-up itself was never sent.
      const strangers = await staffApi('learners?where[username][equals]=stranger&depth=0');
      expect(strangers.totalDocs).toBe(0);
      await context.close();
    } finally {
      await partner.close();
      await stranger.close();
    }
  });

  it('long discussions come a page at a time: more discussions, more replies', async () => {
    // Written over the API by five learners, each from their own address (the limits hold per
    // learner and per address), their first posts approved by staff.
    let address = 0;
    const write = async (p: string, body: unknown, token?: string) => {
      const r = await fetch(`${cms.url}/api/learner/${p}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.77.0.${++address}`,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      expect(r.status, await r.clone().text()).toBeLessThan(300);
      return r.json();
    };
    const approve = async (post: number) => {
      const r = await fetch(`${cms.url}/api/forum-posts/${post}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `JWT ${staffToken}` },
        body: JSON.stringify({ status: 'visible' }),
      });
      expect(r.status).toBe(200);
    };
    const learners: string[] = [];
    for (const name of ['long-a', 'long-b', 'long-c', 'long-d', 'long-e'])
      learners.push((await write('sign-up', { username: name, password: `pw-${name}-123` })).token);
    const [a, b, c, d, e] = learners;
    const place = { course: 'mini', module: 'basics', locale: 'en' };
    const talk = await write('forums', { ...place, title: 'A long talk', body: 'Post 1' }, a);
    await approve(talk.post);
    const replyAs = async (token: string, n: number) =>
      (await write(`forums/${talk.thread}/posts`, { body: `Post ${n}` }, token)).post as number;
    await approve(await replyAs(b, 2));
    await approve(await replyAs(c, 3));
    let n = 3;
    for (const [token, count] of [
      [a, 19],
      [b, 19],
      [c, 12],
    ] as const)
      for (let i = 0; i < count; i++) await replyAs(token, ++n);
    expect(n).toBe(53); // 50 on the first page, 3 on the second
    for (const [i, token] of [d, e].entries())
      for (let k = 0; k < 15; k++) {
        const made = await write(
          'forums',
          { ...place, title: `Short talk ${i * 15 + k + 1}`, body: 'Hello.' },
          token,
        );
        if (k === 0) await approve(made.post);
      }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${cms.url}/bundles/mini/en/basics/index.html`);
    const forum = page.locator('#module-forum');
    const threads = forum.locator('.forum-thread');
    await expect.poll(() => threads.count()).toBe(30);
    const moreThreads = forum.getByRole('button', { name: 'More discussions' });
    await moreThreads.click();
    await expect.poll(() => threads.count()).toBeGreaterThanOrEqual(31);
    expect(await moreThreads.count()).toBe(0);
    const titles = await forum.locator('.forum-title').allInnerTexts();
    expect(new Set(titles).size).toBe(titles.length); // no thread twice
    const long = threads.filter({ hasText: 'A long talk' });
    await long.locator('summary').click();
    const posts = long.locator('.forum-post');
    await expect.poll(() => posts.count()).toBe(50);
    await long.getByRole('button', { name: 'More replies' }).click();
    await expect.poll(() => posts.count()).toBe(53);
    expect(await posts.last().innerText()).toContain('Post 53');
    expect(await long.getByRole('button', { name: 'More replies' }).count()).toBe(0);
    await context.close();
  });

  it('staff see the leaderboard in the admin, by course, language and period', async () => {
    const learnerPost = async (p: string, body: unknown, token?: string) =>
      fetch(`${cms.url}/api/learner/${p}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': '10.78.0.1',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const { token } = await (
      await learnerPost('sign-up', {
        username: 'star',
        password: 'pw-star-123',
        displayName: 'Board Star',
        leaderboard: true,
      })
    ).json();
    const sent = await learnerPost(
      'events',
      {
        course: 'mini',
        locale: 'ar',
        events: [
          { id: 's-1', type: 'unit-viewed', unit: 'basics/first-lesson' },
          { id: 's-2', type: 'unit-viewed', unit: 'basics/second-lesson' },
          { id: 's-3', type: 'unit-viewed', unit: 'basics/basics-sheet' },
          { id: 's-4', type: 'challenge-done', unit: 'basics/basics-challenge', done: true },
        ],
      },
      token,
    );
    expect(sent.status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${cms.url}/admin/login`);
    await page.fill('#field-email', cms.admin.email);
    await page.fill('#field-password', cms.admin.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${cms.url}/admin`);
    const board = page.locator('section.polycourse-leaderboard');
    const rows = () => board.locator('tbody tr').allInnerTexts();
    await page.goto(`${cms.url}/admin/collections/learner-scores`);
    await board.waitFor();
    // The board learners see: Board Star (45 points, opted in) first; nobody who did not opt in.
    expect((await rows())[0]).toMatch(/^1\s+Board Star\s+45$/);
    expect(await board.innerText()).toMatch(/\d+ learners? with points; \d+ on the board/);
    // Chosen with the form: the Arabic board has them, the French one nobody.
    await board.getByLabel('Language').selectOption('ar');
    await board.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/board-locale=ar/);
    expect((await rows()).some((r) => /Board Star\s+45$/.test(r))).toBe(true);
    await page.goto(
      `${cms.url}/admin/collections/learner-scores?board-locale=fr&board-period=week`,
    );
    await board.waitFor();
    expect(await board.innerText()).toContain('Nobody is on this board yet.');
    // POLYCOURSE_SCREENSHOT_DIR=docs/images keeps the picture docs/learner-services.md shows
    await page.goto(`${cms.url}/admin/collections/learner-scores?board-period=week`);
    await board.waitFor();
    expect((await rows())[0]).toMatch(/Board Star\s+45$/);
    const shots = process.env.POLYCOURSE_SCREENSHOT_DIR;
    if (shots) await board.screenshot({ path: `${shots}/admin-leaderboard.png` });
    // A moderator's view of a post (the hidden reply of the forum test): what they decide, Status,
    // sits in the sidebar beside the post.
    const hidden = await staffApi('forum-posts?where[status][equals]=hidden&depth=0&limit=1');
    await page.goto(`${cms.url}/admin/collections/forum-posts/${hidden.docs[0].id}`);
    const sidebar = page.locator('.document-fields__sidebar');
    await sidebar.locator('#field-status').waitFor();
    expect(await sidebar.innerText()).toMatch(/Status[\s\S]*Reports/);
    // Its thread and author by name (read after the form), and the excerpt as plain words.
    await expect
      .poll(() => page.locator('.document-fields__main').innerText())
      .toMatch(/Who decides\?[\s\S]*writer/);
    expect(await page.locator('#field-excerpt').inputValue()).toBe(
      'Me, with support. See the CRPD.',
    );
    if (shots) await page.screenshot({ path: `${shots}/admin-forum-post.png` });
    // The same post for a moderator whose browser asks for Arabic, on a phone: the admin's own
    // labels and the collection's come in Arabic, right to left.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ar' });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`${cms.url}/admin/collections/forum-posts/${hidden.docs[0].id}`);
    await phone.locator('#field-status').waitFor();
    expect(await phone.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await phone.locator('.document-fields__sidebar').innerText()).toMatch(
      /الحالة[\s\S]*البلاغات/,
    );
    // The post's English excerpt reads left to right there: a text takes its direction from what is
    // written in it, not from the admin's language (cms/app/(payload)/custom.scss).
    expect(
      await phone.locator('#field-excerpt').evaluate((e) => getComputedStyle(e).unicodeBidi),
    ).toBe('plaintext');
    // Payload's header fits the phone: from the right, the breadcrumb, then the language button,
    // then the account button, none over another nor off the screen (custom.scss).
    // Each box once it is shown (a busy machine hydrates the header late; a hidden one has none).
    const box = async (selector: string) => {
      const element = phone.locator(selector).first();
      await element.waitFor({ state: 'visible' });
      return (await element.boundingBox())!;
    };
    const nav = await box('.app-header .step-nav');
    const language = await box('.app-header__localizer .localizer-button');
    const account = await box('.app-header__account');
    expect(account.x).toBeGreaterThanOrEqual(0);
    expect(account.x + account.width).toBeLessThanOrEqual(language.x + 1);
    expect(language.x + language.width).toBeLessThanOrEqual(nav.x);
    // The list of posts fits the phone: no sideways scrolling (cms/app/(payload)/custom.scss).
    await phone.goto(`${cms.url}/admin/collections/forum-posts`);
    await phone.locator('.collection-list .table').waitFor();
    await expect
      .poll(() => phone.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await phone.close();
    // The account page fits a phone in English too: Payload's rules around its settings section
    // reached past the screen's edge (custom.scss).
    const english = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
    });
    await english.context().addCookies(await page.context().cookies());
    await english.goto(`${cms.url}/admin/account`);
    await english.locator('.payload-settings').waitFor();
    expect(await english.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await english.close();
    await page.close();
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
    // The shared-device question, in Arabic on the phone.
    await page.goto(`${cms.url}/bundles/mini/ar/basics/first-lesson/index.html`);
    await page.goto(home('ar'));
    await page.fill('#account-username', 'phone-ar');
    await page.fill('#account-password', 'pw-phone-ar-123');
    // "Create an account", in Arabic
    await page.locator('.account-form button[type=button]').click();
    const claim = page.locator('.account-claim');
    expect(await claim.innerText()).toContain('أُنجزت خطوة واحدة على هذا الجهاز قبل تسجيل دخولك.');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    const shots = process.env.POLYCOURSE_SCREENSHOT_DIR;
    if (shots) await account.screenshot({ path: `${shots}/learner-claim-ar.png` });
    await context.close();
  });
});

/**
 * Course, module and unit reads over REST answered from memory (cms/content-read-cache.ts), against
 * two real server processes on one SQLite database: a read again is the same bytes from memory; a
 * change made through the other process is seen at once; a draft never reaches a reader who may
 * not see it; credentials that no longer sign anyone in (a logout, a deleted user's API key) are
 * not answered from memory; a browser's cross-origin read goes to Payload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, cmsApi, startCmsServer, type CmsServer } from '../helpers/cms-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';

describe('cached content reads', { timeout: 300_000 }, () => {
  let one: CmsServer;
  let two: CmsServer;
  let token: string;
  let unitId: number | string;
  beforeAll(async () => {
    one = await startCmsServer(miniCourseDir, 'mini');
    // The same database and data folder, another process and port: a second server behind a
    // load balancer.
    two = await startCmsServer(miniCourseDir, 'mini', undefined, {
      dataDir: one.dataDir,
      admin: one.admin,
    });
    token = await adminToken(one);
    const units = await cmsApi(one, token)('units?where[unitId][equals]=first-lesson&depth=0');
    unitId = units.docs[0].id;
  }, 600_000);
  afterAll(async () => {
    await two?.stop();
    await one?.stop();
  });

  const read = async (cms: CmsServer, p: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${cms.url}/api/${p}`, { headers });
    return {
      status: response.status,
      cache: response.headers.get('x-polycourse-cache'),
      text: await response.text(),
    };
  };
  const title = (text: string) => JSON.parse(text).title as string;

  it('a read again is answered from memory, byte for byte the same', async () => {
    const course = `courses?where[courseId][equals]=mini&locale=en`;
    const first = await read(one, course);
    const again = await read(one, course);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text).docs[0].modules[0].units.length).toBeGreaterThan(0);
    expect([first.cache, again.cache]).toEqual(['miss', 'hit']);
    expect(again.text).toBe(first.text);
    // Another address (a locale, a depth) is another answer.
    expect((await read(one, `${course}&depth=0`)).cache).toBe('miss');
  });

  it('a change made through the other server process is seen at once', async () => {
    const unit = `units/${unitId}?locale=en`;
    await read(one, unit);
    expect((await read(one, unit)).cache).toBe('hit');
    await cmsApi(two, token)(`units/${unitId}?locale=en`, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'First lesson, revised', _status: 'published' }),
    });
    const after = await read(one, unit);
    expect(after.cache).toBe('miss');
    expect(title(after.text)).toBe('First lesson, revised');
    expect((await read(one, unit)).cache).toBe('hit');
  });

  it('a draft never reaches a reader who may not see it', async () => {
    const staff = { authorization: `JWT ${token}` };
    await cmsApi(one, token)(`units/${unitId}?locale=en&draft=true`, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'Draft title, not published' }),
    });
    const draft = `units/${unitId}?locale=en&draft=true`;
    expect(title((await read(one, draft, staff)).text)).toBe('Draft title, not published');
    expect((await read(one, draft, staff)).cache).toBe('hit');
    // Anyone else at the same address: the published title, never the staff member's answer.
    for (let i = 0; i < 2; i++) {
      const anyone = await read(one, draft);
      if (anyone.status === 200) expect(title(anyone.text)).toBe('First lesson, revised');
      expect(anyone.text).not.toContain('Draft title');
    }
    expect(title((await read(one, `units/${unitId}?locale=en`, staff)).text)).toBe(
      'First lesson, revised',
    );
  });

  it('credentials that no longer sign anyone in are not answered from memory', async () => {
    const api = cmsApi(one, token);
    const apiKey = `key-${Date.now()}-0123456789abcdef`;
    const password = `pw-author-${Date.now()}`;
    const author = await api('users', {
      method: 'POST',
      body: JSON.stringify({
        email: `author-${Date.now()}@example.org`,
        password,
        roles: ['author'],
        enableAPIKey: true,
        apiKey,
      }),
    });
    const withKey = { authorization: `users API-Key ${apiKey}` };
    const draft = `units/${unitId}?locale=en&draft=true`;
    expect(title((await read(one, draft, withKey)).text)).toBe('Draft title, not published');
    expect((await read(one, draft, withKey)).cache).toBe('hit');
    // A session that ends by logging out: at once, not after the 30 s recheck.
    const login = await fetch(`${one.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: author.doc.email, password }),
    });
    const withJwt = { authorization: `JWT ${(await login.json()).token}` };
    expect(title((await read(one, draft, withJwt)).text)).toBe('Draft title, not published');
    expect((await read(one, draft, withJwt)).cache).toBe('hit');
    const out = await fetch(`${one.url}/api/users/logout`, { method: 'POST', headers: withJwt });
    expect(out.status).toBe(200);
    const loggedOut = await read(one, draft, withJwt);
    expect(loggedOut.cache).toBeNull();
    expect(loggedOut.text).not.toContain('Draft title');

    await api(`users/${author.doc.id}`, { method: 'DELETE' });
    const after = await read(one, draft, withKey);
    expect(after.cache).toBeNull();
    expect(after.text).not.toContain('Draft title');
  });

  it('a cross-origin read goes to Payload (its CORS headers depend on the origin)', async () => {
    const course = `courses?where[courseId][equals]=mini&locale=en`;
    await read(one, course);
    const fromPage = await read(one, course, { origin: 'https://partner.example.org' });
    expect(fromPage.status).toBe(200);
    expect(fromPage.cache).toBeNull();
  });
});

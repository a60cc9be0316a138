/**
 * The learner services on the real server (`polycourse cms`, SQLite, the mini course published):
 * sign-up and login with Bearer tokens and no cookie, lockout, what a learner can never read (each
 * staff collection over REST and GraphQL), events stored once and scored on the server from the
 * course's answer keys, the leaderboard (opt-in, top 20, own rank, leaving it), questionnaire
 * answers under the pseudonymous key with their consent version, the data download, account
 * deletion, and the rate limit on sign-ups. Every refusal says what is wrong.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCmsServer, type CmsServer } from '../helpers/cms-server.ts';
import { miniCourseWithConsent } from '../helpers/mini-course.ts';

describe('learner services on the real server', { timeout: 180_000 }, () => {
  let cms: CmsServer;
  let staffToken: string;
  const api = (p: string, init: RequestInit & { bearer?: string; staff?: string } = {}) =>
    fetch(`${cms.url}/api/${p}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
        ...(init.staff ? { authorization: `JWT ${init.staff}` } : {}),
        ...init.headers,
      },
    });
  const post = (p: string, body: unknown, bearer?: string, headers: HeadersInit = {}) =>
    api(p, { method: 'POST', body: JSON.stringify(body), bearer, headers });
  const errorOf = async (r: Response) => (await r.json()).errors?.[0]?.message as string;
  // Each test signs up from its own address: the sign-up limit counts per address.
  let address = 0;
  const signUp = async (username: string, more: Record<string, unknown> = {}) => {
    const r = await post(
      'learner/sign-up',
      { username, password: `pw-${username}-123`, ...more },
      undefined,
      { 'x-forwarded-for': `10.1.0.${++address}` },
    );
    expect(r.status, await r.clone().text()).toBe(201);
    return (await r.json()) as { token: string; learner: { id: number } };
  };
  const events = (bearer: string, list: unknown[], locale = 'en') =>
    post('learner/events', { course: 'mini', locale, events: list }, bearer);
  const allRight = {
    q1: ['b'],
    q2: ['a', 'c'],
    q3: ['true'],
    q4: ['first', 'second', 'third'],
    q5: ['art12=capacity', 'art19=community'],
  };

  beforeAll(async () => {
    // The test stands for a proxy in front: X-Forwarded-For says where each request is from.
    cms = await startCmsServer(miniCourseWithConsent(), 'mini', undefined, {
      env: { POLYCOURSE_TRUSTED_PROXIES: '1' },
    });
    const r = await api('users/login', {
      method: 'POST',
      body: JSON.stringify({ email: cms.admin.email, password: cms.admin.password }),
    });
    staffToken = (await r.json()).token;
  }, 600_000);
  afterAll(async () => {
    await cms?.stop();
  });

  it('signs up and logs in with a Bearer token and never sets a cookie', async () => {
    const r = await post(
      'learner/sign-up',
      { username: 'amani', password: 'pw-amani-123', displayName: 'Amani' },
      undefined,
      { 'x-forwarded-for': '10.0.0.1' },
    );
    expect(r.status).toBe(201);
    expect(r.headers.get('set-cookie')).toBeNull();
    const body = await r.json();
    expect(body.learner).toMatchObject({
      username: 'amani',
      displayName: 'Amani',
      leaderboard: false,
    });
    expect(typeof body.token).toBe('string');
    const login = await post('learner/login', { username: 'amani', password: 'pw-amani-123' });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toBeNull();
    const me = await api('learner/me', { bearer: (await login.json()).token });
    expect((await me.json()).learner.username).toBe('amani');
    // Payload's own cookie-setting routes of the collection are closed, saying where to go.
    for (const route of ['login', 'first-register', 'refresh-token', 'logout']) {
      const closed = await post(`learners/${route}`, {
        username: 'amani',
        password: 'pw-amani-123',
      });
      expect(closed.status, route).toBe(404);
      expect(await errorOf(closed)).toMatch(/(sign in|sign out) with POST \/api\/learner\/log/);
      expect(closed.headers.get('set-cookie')).toBeNull();
    }
  });

  it('signing out ends that token on the server; other devices stay signed in', async () => {
    const { token: phone } = await signUp('twodevices');
    const laptop = (
      await (
        await post('learner/login', { username: 'twodevices', password: 'pw-twodevices-123' })
      ).json()
    ).token;
    const out = await post('learner/logout', {}, phone);
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toBeNull();
    expect(await out.json()).toEqual({ signedOut: true });
    expect((await api('learner/me', { bearer: phone })).status).toBe(401);
    expect((await post('learner/logout', {}, phone)).status).toBe(401);
    expect((await api('learner/me', { bearer: laptop })).status).toBe(200);
    // Sent without a body (as older bundles do), it ends that session too.
    const tablet = (
      await (
        await post('learner/login', { username: 'twodevices', password: 'pw-twodevices-123' })
      ).json()
    ).token;
    expect((await api('learner/logout', { method: 'POST', bearer: tablet })).status).toBe(200);
    expect((await api('learner/me', { bearer: tablet })).status).toBe(401);
    // Everywhere: every session of the account ends, this one's and the laptop's.
    const desk = (
      await (
        await post('learner/login', { username: 'twodevices', password: 'pw-twodevices-123' })
      ).json()
    ).token;
    const bad = await post('learner/logout', { everywhere: 'yes' }, desk);
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatch(/^everywhere: /);
    expect((await api('learner/me', { bearer: desk })).status).toBe(200);
    const all = await post('learner/logout', { everywhere: true }, desk);
    expect(await all.json()).toEqual({ signedOut: true, everywhere: true });
    for (const token of [desk, laptop])
      expect((await api('learner/me', { bearer: token })).status).toBe(401);
    // A staff token is no learner's: refused, and the staff session is not ended.
    const staff = await api('learner/logout', { method: 'POST', staff: staffToken });
    expect(staff.status).toBe(401);
    expect(staff.headers.get('set-cookie')).toBeNull();
    const me = await (await api('users/me', { staff: staffToken })).json();
    expect(me.user?.email).toBe(cms.admin.email);
  });

  it('refuses bad sign-ups, naming the field', async () => {
    const refuse = async (body: unknown, status = 400) => {
      const r = await api('learner/sign-up', {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'x-forwarded-for': `10.2.0.${++address}` },
      });
      expect(r.status).toBe(status);
      return errorOf(r);
    };
    expect(await refuse({ username: 'ab', password: 'long-enough-1' })).toMatch(/^username: /);
    expect(await refuse({ username: 'a<b>c', password: 'long-enough-1' })).toMatch(
      /username: letters, digits/,
    );
    expect(await refuse({ username: 'shorty', password: 'short' })).toMatch(/^password: /);
    expect(await refuse({ username: 'amani', password: 'long-enough-1' })).toBe(
      'username: "amani" is taken; choose another.',
    );
    expect(await refuse('{not json')).toMatch(/not JSON/);
    expect(await refuse({ username: 'big', password: 'x'.repeat(300_000) }, 413)).toMatch(
      /at most 262144/,
    );
  });

  /** One request as written, unnormalized (fetch would resolve `..` before sending). */
  const raw = (method: string, path: string, headers: http.OutgoingHttpHeaders = {}) =>
    new Promise<{ status?: number; headers: http.IncomingHttpHeaders; text: string }>(
      (resolve, reject) => {
        const { hostname, port } = new URL(cms.url);
        const req = http.request({ host: hostname, port, method, path, headers });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
        });
        req.on('error', reject);
        req.flushHeaders();
        if (method === 'GET') req.end();
      },
    );

  it('refuses a body over 1 MiB before reading it, and keeps answering after', async () => {
    // Headers only: the server answers from Content-Length, then closes that connection.
    const refused = await raw('POST', '/api/learner/sign-up', {
      'content-type': 'application/json',
      'content-length': 2_000_000,
    });
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.text).errors[0].message).toBe(
      'The request body is larger than 1048576 bytes; send less.',
    );
    expect((await api('learner/leaderboard?course=mini')).status).toBe(200);
  });

  it('answers only learner API paths before Next.js, as the path resolves', async () => {
    const { token } = await signUp('pathfinder');
    const bearer = { authorization: `Bearer ${token}` };
    // Next.js marks what it answers; the learner API answered before it does not.
    const board = await raw('GET', '/api/learner/leaderboard?course=mini', bearer);
    expect(board.status).toBe(200);
    expect(board.headers['x-powered-by']).toBeUndefined();
    for (const path of ['/api/learner/../users', '/api/learner/%2e%2e/users']) {
      const users = await raw('GET', path, bearer);
      expect(users.headers['x-powered-by'], path).toMatch(/^Next\.js/);
      expect(users.text, path).not.toMatch(/"email"/);
    }
    const badHost = await raw('GET', '/api/learner/leaderboard?course=mini', { host: 'a b' });
    expect(badHost.status).toBe(400);
    expect(JSON.parse(badHost.text).errors[0].message).toMatch(/Host header/);
  });

  it('locks an account after 5 wrong passwords, even for the right one', async () => {
    await signUp('locked-out');
    for (let i = 0; i < 5; i++) {
      const r = await post('learner/login', { username: 'locked-out', password: 'wrong-pw-000' });
      expect(r.status).toBe(401);
      expect(await errorOf(r)).toBe('The username or the password is wrong.');
    }
    const r = await post('learner/login', {
      username: 'locked-out',
      password: 'pw-locked-out-123',
    });
    expect(r.status).toBe(423);
    expect(await errorOf(r)).toMatch(/locked after too many failed sign-ins/);
  });

  it('a learner reads no staff collection, draft, job, translation or other learner', async () => {
    const { token } = await signUp('curious');
    const other = await signUp('someone-else');
    for (const collection of [
      'users',
      'publish-jobs',
      'translations',
      'questionnaire-responses',
      'learner-events',
      'learner-scores',
      'forum-threads',
      'forum-posts',
      'forum-reports',
    ]) {
      const r = await api(`${collection}?limit=100`, { bearer: token });
      expect(
        [403, 501].includes(r.status) || (await r.clone().json()).totalDocs === 0,
        collection,
      ).toBe(true);
      if (r.status === 200) expect((await r.json()).docs, collection).toEqual([]);
    }
    // Only their own account, not another learner's.
    const learners = await (await api('learners?limit=100', { bearer: token })).json();
    expect(learners.docs.map((d: { username: string }) => d.username)).toEqual(['curious']);
    expect((await api(`learners/${other.learner.id}`, { bearer: token })).status).toBe(404);
    // Drafts: only published units, with draft=true too.
    const units = await (await api('units?draft=true&limit=100', { bearer: token })).json();
    expect(units.docs.every((u: { _status: string }) => u._status === 'published')).toBe(true);
    // GraphQL: the staff collections answer nothing, learners are not in the schema.
    const gql = await api('graphql', {
      method: 'POST',
      bearer: token,
      body: JSON.stringify({
        query:
          '{ Users { docs { email } } PublishJobs { docs { id } } Translations { docs { id } } ' +
          'QuestionnaireResponses { docs { learner } } }',
      }),
    });
    const answer = await gql.json();
    for (const key of ['Users', 'PublishJobs', 'Translations', 'QuestionnaireResponses'])
      expect(answer.data?.[key] ?? null, key).toBeNull();
    expect(answer.errors.length).toBeGreaterThanOrEqual(4);
    const learnersGql = await api('graphql', {
      method: 'POST',
      bearer: token,
      body: JSON.stringify({ query: '{ Learners { docs { username } } }' }),
    });
    expect((await learnersGql.json()).errors[0].message).toMatch(/Cannot query field "Learners"/);
    // The forum collections have no GraphQL at all (graphQL: false): staff read them over REST.
    for (const name of ['ForumThreads', 'ForumPosts', 'ForumReports']) {
      const forumGql = await api('graphql', {
        method: 'POST',
        bearer: token,
        body: JSON.stringify({ query: `{ ${name} { docs { id } } }` }),
      });
      const { errors } = await forumGql.json();
      expect(errors[0].message, name).toMatch(new RegExp(`Cannot query field "${name}"`));
    }
  });

  it('stores each event once and scores quizzes from the answer keys, not the client', async () => {
    const { token } = await signUp('scorer', { displayName: 'Scorer', leaderboard: true });
    const views = [
      { id: 'v-1', type: 'unit-viewed', unit: 'basics/first-lesson' },
      { id: 'v-2', type: 'unit-viewed', unit: 'basics/second-lesson' },
    ];
    const first = await (await events(token, views)).json();
    expect(first).toMatchObject({ accepted: ['v-1', 'v-2'], duplicates: [], points: 20 });
    // A retry of the same batch (the network dropped before the answer) counts once.
    const retry = await (await events(token, views)).json();
    expect(retry).toMatchObject({ accepted: [], duplicates: ['v-1', 'v-2'], points: 20 });
    // The client claims 5 correct: the server scores the answers it sent (2 right).
    const claimed = await (
      await events(token, [
        {
          id: 'quiz-1',
          type: 'quiz-attempt',
          unit: 'basics/basics-quiz',
          answers: { q1: ['b'], q2: ['a', 'c'], q3: ['false'] },
          correct: 5,
          points: 1000,
        },
      ])
    ).json();
    expect(claimed.scored['quiz-1']).toEqual({ correct: 2, total: 5, percent: 40, passed: false });
    expect(claimed.points).toBe(20 + 2 * 5);
    const best = await (
      await events(token, [
        { id: 'quiz-2', type: 'quiz-attempt', unit: 'basics/basics-quiz', answers: allRight },
        { id: 'quiz-3', type: 'quiz-attempt', unit: 'basics/basics-quiz', answers: {} },
        { id: 'ch-1', type: 'challenge-done', unit: 'basics/basics-challenge', done: true },
      ])
    ).json();
    expect(best.scored['quiz-2']).toEqual({ correct: 5, total: 5, percent: 100, passed: true });
    // A worse replay counts only if better (the course's rule): the best attempt stays.
    expect(best.points).toBe(20 + 5 * 5 + 15);
  });

  it('refuses bad events whole, saying which and why', async () => {
    const { token } = await signUp('careless');
    const refuse = async (body: unknown, status = 400, bearer: string | null = token) => {
      const r = await post('learner/events', body, bearer ?? undefined);
      expect(r.status).toBe(status);
      return errorOf(r);
    };
    const one = (e: unknown, more = {}) => ({ course: 'mini', locale: 'en', events: [e], ...more });
    expect(
      await refuse(one({ id: 'x', type: 'unit-viewed', unit: 'basics/first-lesson' }), 401, null),
    ).toMatch(/Sign in as a learner/);
    expect(await refuse(one({ id: 'x', type: 'unit-viewed', unit: 'basics/nowhere' }))).toBe(
      'events[0].unit: "basics/nowhere" is not a unit of course "mini" (module/unit, as in the ' +
        "bundle's outline).",
    );
    expect(
      await refuse(
        one({ id: 'x', type: 'quiz-attempt', unit: 'basics/first-lesson', answers: {} }),
      ),
    ).toMatch(/is not a quiz of course "mini"/);
    expect(
      await refuse(
        one({ id: 'x', type: 'unit-viewed', unit: 'basics/first-lesson' }, { locale: 'de' }),
      ),
    ).toBe('locale: course "mini" is not published in "de" (it is in en, ar, fr).');
    expect(
      await refuse(
        one({ id: 'x', type: 'unit-viewed', unit: 'basics/first-lesson' }, { course: 'nope' }),
        404,
      ),
    ).toBe('There is no published course "nope".');
    expect(await refuse(one({ id: 'has space', type: 'unit-viewed', unit: 'b/c' }))).toMatch(
      /^events\.0\.id: letters, digits/,
    );
    expect(await refuse(one({ id: 'x', type: 'points', points: 5 }))).toMatch(/^events\.0\.type/);
    expect(await refuse({ course: 'mini', locale: 'en', events: [] })).toMatch(/^events: /);
    // Nothing of a refused batch was stored.
    expect((await (await api('learner/me', { bearer: token })).json()).scores).toEqual([]);
  });

  it('a top-20 leaderboard of those who opted in, their own rank, and leaving it', async () => {
    const a = await signUp('board-a', { displayName: 'Asha', leaderboard: true });
    const b = await signUp('board-b', { displayName: 'Bo', leaderboard: true });
    const hidden = await signUp('board-c', { displayName: 'Cy' });
    const view = (id: string, unit: string) => ({ id, type: 'unit-viewed', unit });
    await events(a.token, [view('a1', 'basics/first-lesson'), view('a2', 'basics/second-lesson')]);
    await events(b.token, [view('b1', 'basics/first-lesson')], 'fr');
    await events(hidden.token, [
      { id: 'c1', type: 'quiz-attempt', unit: 'basics/basics-quiz', answers: allRight },
    ]);
    const board = async (query = '') =>
      (await (await api(`learner/leaderboard?course=mini${query}`)).json()) as {
        top: { rank: number; name: string; points: number }[];
      };
    const all = await board();
    // The scorer of the test before (60 points) is on it too; Cy, who did not opt in, is not.
    expect(all.top.map((e) => [e.rank, e.name, e.points])).toEqual([
      [1, 'Scorer', 60],
      [2, 'Asha', 20],
      [3, 'Bo', 10],
    ]);
    expect((await board('&locale=fr')).top.map((e) => e.name)).toEqual(['Bo']);
    expect((await board('&period=week')).top.map((e) => e.name)).toEqual(['Scorer', 'Asha', 'Bo']);
    const response = await api('learner/leaderboard?course=mini');
    expect(response.headers.get('cache-control')).toBe('public, max-age=10, s-maxage=10');
    const rank = async (token: string) =>
      (await (await api('learner/rank?course=mini', { bearer: token })).json()) as {
        rank: number | null;
      };
    expect(await rank(b.token)).toMatchObject({ rank: 3, points: 10, of: 3 });
    expect(await rank(hidden.token)).toMatchObject({ rank: null });
    // Leaving the board: gone from it at once.
    const left = await api('learner/me', {
      method: 'PATCH',
      bearer: a.token,
      body: JSON.stringify({ leaderboard: false }),
    });
    expect(left.status).toBe(200);
    expect((await board()).top.map((e) => e.name)).toEqual(['Scorer', 'Bo']);
    expect((await api('learner/leaderboard?course=Not a slug')).status).toBe(400);
    const badProfile = await api('learner/me', {
      method: 'PATCH',
      bearer: a.token,
      body: JSON.stringify({ leaderboard: true, points: 900 }),
    });
    expect(badProfile.status).toBe(400);
    expect(await errorOf(badProfile)).toMatch(/Unrecognized key/);
  });

  it('questionnaire answers under the pseudonymous key, with the consent version', async () => {
    const { token } = await signUp('respondent');
    const answer = (id: string, answers: unknown) =>
      events(token, [
        { id, type: 'questionnaire-response', phase: 'pre', answers, consent: 'mini-1' },
      ]);
    const bad = await answer('qr-0', { v1: 9, v2: 1 });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatch(/^qr-0: .*v1/);
    expect((await answer('qr-1', { v1: 1, v2: 3 })).status).toBe(200);
    const me = await (await api('learner/me/data', { bearer: token })).json();
    const key = me.questionnaireResponses[0].learner;
    expect(key).toMatch(/^[0-9a-f]{24}$/);
    const stored = await (
      await api(`questionnaire-responses?where[learner][equals]=${key}`, { staff: staffToken })
    ).json();
    expect(stored.docs).toEqual([
      expect.objectContaining({
        courseId: 'mini',
        phase: 'pre',
        answers: { v1: 1, v2: 3 },
        consentVersion: 'mini-1',
      }),
    ]);
    // The evaluator's record names no account: no username, no id of the learner.
    expect(JSON.stringify(stored.docs[0])).not.toContain('respondent');
    // Answers given under another consent text than the published course's are refused.
    const old = await events(token, [
      {
        id: 'qr-2',
        type: 'questionnaire-response',
        phase: 'post',
        answers: { v1: 1, v2: 3 },
        consent: 'mini-0',
      },
    ]);
    expect(old.status).toBe(400);
    expect(await errorOf(old)).toMatch(/events\[0\]\.consent: "mini-0" is not .*"mini-1"/);
    // Withdrawing the consent deletes that phase's answers (a retry deletes nothing more).
    const withdraw = [{ id: 'qw-1', type: 'questionnaire-withdrawn', phase: 'pre' }];
    expect((await events(token, withdraw)).status).toBe(200);
    const after = await (
      await api(`questionnaire-responses?where[learner][equals]=${key}`, { staff: staffToken })
    ).json();
    expect(after.totalDocs).toBe(0);
    expect((await events(token, withdraw)).status).toBe(200);
  });

  it('downloads all their data, then deletes the account', async () => {
    const { token } = await signUp('leaving', { displayName: 'Leaves', leaderboard: true });
    await events(token, [
      { id: 'l1', type: 'unit-viewed', unit: 'basics/first-lesson' },
      {
        id: 'l2',
        type: 'questionnaire-response',
        phase: 'pre',
        answers: { v1: 2, v2: 2 },
        consent: 'mini-1',
      },
    ]);
    const data = await api('learner/me/data', { bearer: token });
    expect(data.headers.get('content-disposition')).toMatch(/attachment/);
    const body = await data.json();
    expect(body.learner.username).toBe('leaving');
    expect(body.events.map((e: { eventId: string }) => e.eventId)).toEqual(['l1']);
    expect(body.scores[0].points).toBe(10);
    const key = body.questionnaireResponses[0].learner;
    const responses = () =>
      api(`questionnaire-responses?where[learner][equals]=${key}`, { staff: staffToken }).then(
        (r) => r.json(),
      );
    expect((await responses()).totalDocs).toBe(1);
    const gone = await api('learner/me', { method: 'DELETE', bearer: token });
    expect(await gone.json()).toEqual({ deleted: true });
    expect((await api('learner/me', { bearer: token })).status).toBe(401);
    expect((await responses()).totalDocs).toBe(0);
    const board = await (await api('learner/leaderboard?course=mini')).json();
    expect(board.top.map((e: { name: string }) => e.name)).not.toContain('Leaves');
  });

  describe('forums', () => {
    const thread = (body: Record<string, unknown>, bearer?: string) =>
      post('learner/forums', { course: 'mini', module: 'basics', locale: 'en', ...body }, bearer);
    const threads = (bearer?: string) =>
      api('learner/forums?course=mini&module=basics&locale=en', { bearer }).then((r) => r.json());
    let moderator: string;
    let writer: { token: string; learner: { id: number } };
    let threadId: number;
    let replyId: number;

    beforeAll(async () => {
      const email = 'mod@example.org';
      const made = await api('users', {
        method: 'POST',
        staff: staffToken,
        body: JSON.stringify({ email, password: 'pw-moderator-1', roles: ['moderator'] }),
      });
      expect(made.status, await made.clone().text()).toBe(201);
      const login = await api('users/login', {
        method: 'POST',
        body: JSON.stringify({ email, password: 'pw-moderator-1' }),
      });
      moderator = (await login.json()).token;
      writer = await signUp('fatma', { displayName: 'Fatma' });
    });

    it("holds a new learner's first post until a moderator approves it", async () => {
      const r = await thread(
        { title: 'Who decides?', body: 'Who decides about **my** treatment?' },
        writer.token,
      );
      expect(r.status, await r.clone().text()).toBe(201);
      const created = await r.json();
      expect(created.status).toBe('held');
      threadId = created.thread;
      // Others do not see it yet; its author does, marked as waiting.
      expect((await threads()).threads).toEqual([]);
      expect((await threads(writer.token)).threads).toMatchObject([
        { title: 'Who decides?', mine: true, status: 'held', authorName: 'Fatma' },
      ]);
      expect((await api(`learner/forums/${threadId}`)).status).toBe(404);
      // Staff without the moderator role see no post; a moderator finds it in the queue.
      const author = await api('users', {
        method: 'POST',
        staff: staffToken,
        body: JSON.stringify({
          email: 'au@example.org',
          password: 'pw-author-12',
          roles: ['author'],
        }),
      });
      expect(author.status).toBe(201);
      const authorToken = (
        await (
          await api('users/login', {
            method: 'POST',
            body: JSON.stringify({ email: 'au@example.org', password: 'pw-author-12' }),
          })
        ).json()
      ).token;
      expect((await api('forum-posts', { staff: authorToken })).status).toBe(403);
      const queue = await (
        await api('forum-posts?where[status][equals]=held', { staff: moderator })
      ).json();
      expect(queue.docs).toHaveLength(1);
      const held = queue.docs[0];
      // The admin's list of posts says how many wait, linking to them.
      const list = await fetch(`${cms.url}/admin/collections/forum-posts`, {
        // Payload reads a cookie only from its own origin (a browser sends Sec-Fetch-Site).
        headers: { cookie: `payload-token=${moderator}`, 'sec-fetch-site': 'same-origin' },
      });
      expect(await list.text()).toContain('Waiting for approval (1)</a>');
      expect(held).toMatchObject({
        first: true,
        authorName: 'Fatma',
        excerpt: 'Who decides about my treatment?',
      });
      // A moderator changes the status, not what the learner wrote.
      const approve = await api(`forum-posts/${held.id}`, {
        method: 'PATCH',
        staff: moderator,
        body: JSON.stringify({ status: 'visible', body: 'rewritten by staff' }),
      });
      expect(approve.status, await approve.clone().text()).toBe(200);
      const approved = (await approve.json()).doc;
      expect(approved).toMatchObject({
        status: 'visible',
        body: 'Who decides about **my** treatment?',
      });
      expect(approved.moderatedBy).toBeTruthy();
      expect((await threads()).threads).toMatchObject([{ title: 'Who decides?', mine: false }]);
      const read = await (await api(`learner/forums/${threadId}`)).json();
      expect(read.posts[0].html).toBe('<p>Who decides about <strong>my</strong> treatment?</p>');
      // Approved once, the next post shows at once.
      const again = await post(
        `learner/forums/${threadId}/posts`,
        { body: 'Me, with support.' },
        writer.token,
      );
      expect(again.status).toBe(201);
      const answered = await again.json();
      expect(answered.status).toBe('visible');
      replyId = answered.post;
      expect((await threads()).threads[0].replies).toBe(1);
    });

    it('refuses HTML, pictures, unsafe links, bad places; says where and how to fix', async () => {
      const refused = async (r: Response, status: number) => {
        expect(r.status).toBe(status);
        return errorOf(r);
      };
      expect(
        await refused(
          await thread({ title: 'Hi there', body: 'ok\n\n<script>x</script>' }, writer.token),
          400,
        ),
      ).toMatch(/^body:3:1: Raw HTML is not allowed: <script>.*backticks/);
      expect(
        await refused(
          await thread(
            { title: 'Hi there', body: 'see ![x](https://t.example/p.png)' },
            writer.token,
          ),
          400,
        ),
      ).toMatch(/^body:1:5: Pictures are not shown in forum posts\./);
      expect(
        await refused(
          await thread({ title: 'Hi there', body: '[x](javascript:alert(1))' }, writer.token),
          400,
        ),
      ).toMatch(/^body:1:1: Unsafe URL/);
      expect(
        await refused(
          await thread({ title: 'Hi there', body: 'x', module: 'nope' }, writer.token),
          404,
        ),
      ).toMatch(/module: "nope" is not a module of course "mini" \(its modules: basics/);
      expect(
        await refused(
          await thread({ title: 'Hi there', body: 'x', locale: 'ja' }, writer.token),
          400,
        ),
      ).toMatch(/^locale: course "mini" is published in en, .*not "ja"/);
      expect(await refused(await thread({ title: '<b>', body: 'x' }, writer.token), 400)).toMatch(
        /^title:/,
      );
      expect(await refused(await thread({ title: 'Hi there', body: 'x' }), 401)).toMatch(
        /Sign in as a learner/,
      );
      expect(
        await refused(await post('learner/forums/999999/posts', { body: 'x' }, writer.token), 404),
      ).toMatch(/there is no thread 999999/);
      // Braces are text in a post, not expressions.
      const braces = await post(
        `learner/forums/${threadId}/posts`,
        { body: 'a {b} c' },
        writer.token,
      );
      expect(braces.status).toBe(201);
      const read = await (await api(`learner/forums/${threadId}`)).json();
      expect(read.posts.at(-1).html).toBe('<p>a {b} c</p>');
    });

    it('hides a post reported by three learners; a moderator can show it again', async () => {
      const reporters = await Promise.all(['rep-a', 'rep-b', 'rep-c'].map((n) => signUp(n)));
      const report = (bearer: string, reason?: string) =>
        post(`learner/forum-posts/${replyId}/report`, reason ? { reason } : {}, bearer);
      expect(await errorOf(await report(writer.token))).toMatch(/this post is yours/);
      expect(await (await report(reporters[0].token, 'rude')).json()).toMatchObject({
        hidden: false,
      });
      // The same learner twice counts once.
      expect(await (await report(reporters[0].token)).json()).toMatchObject({ hidden: false });
      expect(await (await report(reporters[1].token)).json()).toMatchObject({ hidden: false });
      expect(await (await report(reporters[2].token)).json()).toMatchObject({ hidden: true });
      const read = await (await api(`learner/forums/${threadId}`)).json();
      const hidden = read.posts.find((p: { id: number }) => p.id === replyId);
      expect(hidden).toMatchObject({ status: 'hidden', html: null, authorName: null });
      expect((await threads()).threads[0].replies).toBe(1);
      const queued = await (await api(`forum-posts/${replyId}`, { staff: moderator })).json();
      expect(queued).toMatchObject({ status: 'hidden', reports: 3 });
      const shown = await api(`forum-posts/${replyId}`, {
        method: 'PATCH',
        staff: moderator,
        body: JSON.stringify({ status: 'visible' }),
      });
      expect(shown.status).toBe(200);
      expect((await threads()).threads[0].replies).toBe(2);
    });

    it('edits and deletes only their own posts; a deleted one leaves a mark', async () => {
      const other = await signUp('not-fatma');
      const edit = (bearer: string, body: string) =>
        api(`learner/forum-posts/${replyId}`, {
          method: 'PATCH',
          bearer,
          body: JSON.stringify({ body }),
        });
      expect(await errorOf(await edit(other.token, 'mine now'))).toMatch(/is not yours/);
      const edited = await edit(writer.token, 'Me, with *support*.');
      expect(edited.status).toBe(200);
      let read = await (await api(`learner/forums/${threadId}`, { bearer: writer.token })).json();
      const mine = read.posts.find((p: { id: number }) => p.id === replyId);
      expect(mine).toMatchObject({
        mine: true,
        body: 'Me, with *support*.',
        html: '<p>Me, with <em>support</em>.</p>',
      });
      expect(mine.editedAt).toBeTruthy();
      const gone = await api(`learner/forum-posts/${replyId}`, {
        method: 'DELETE',
        bearer: writer.token,
      });
      expect(await gone.json()).toMatchObject({ status: 'deleted' });
      read = await (await api(`learner/forums/${threadId}`)).json();
      expect(read.posts.find((p: { id: number }) => p.id === replyId)).toMatchObject({
        status: 'deleted',
        html: null,
      });
      expect(await errorOf(await edit(writer.token, 'back'))).toMatch(
        /is deleted and cannot be edited/,
      );
    });

    it('limits posts per learner (429); a deleted account leaves its posts unnamed', async () => {
      let status = 0;
      for (let n = 0; n < 25 && status !== 429; n++)
        status = (
          await post(`learner/forums/${threadId}/posts`, { body: `reply ${n}` }, writer.token)
        ).status;
      expect(status).toBe(429);
      const data = await (await api('learner/me/data', { bearer: writer.token })).json();
      expect(data.forums.threads).toHaveLength(1);
      expect(data.forums.posts.length).toBeGreaterThan(3);
      await api('learner/me', { method: 'DELETE', bearer: writer.token });
      const read = await (await api(`learner/forums/${threadId}`)).json();
      expect(read.posts[0]).toMatchObject({ status: 'visible', authorName: null });
      expect(JSON.stringify(read)).not.toMatch(/Fatma/);
      const stored = await (
        await api(`forum-posts/${read.posts[0].id}`, { staff: moderator })
      ).json();
      expect(stored.author ?? null).toBeNull();
    });
  });

  it('limits sign-ups per address (429 with Retry-After), others still welcome', async () => {
    const from = (ip: string, n: number) =>
      post(
        'learner/sign-up',
        { username: `flood-${ip}-${n}`.replace(/\./g, '-'), password: 'pw-flood-1234' },
        undefined,
        {
          'x-forwarded-for': ip,
        },
      );
    for (let n = 0; n < 20; n++) expect((await from('10.9.9.9', n)).status).toBe(201);
    const refused = await from('10.9.9.9', 20);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorOf(refused)).toMatch(/^Too many requests: at most 20 in 3600 s \(signUp\)/);
    expect((await from('10.9.9.10', 0)).status).toBe(201);
  });
});

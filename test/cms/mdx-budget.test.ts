/**
 * A body save never holds the CMS: the limits refuse a hostile body before it is parsed, with its
 * position; the parse runs in a worker thread within a time budget; meanwhile the server answers
 * other requests in well under a second. First the worker on its own, then the real server
 * (`polycourse cms`, the built Next.js admin) with a short budget, through REST.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBodyInWorker } from '../../cms/hooks/check-body-in-worker.ts';
import { startCmsServer, type CmsServer } from '../helpers/cms-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';

/**
 * Within every limit, yet slow to parse: 1,000 unmatched `~` in each of 19 paragraphs (about 1 s on
 * a 2-core machine).
 */
const slowBody = `${'a~'.repeat(1000)}\n\n`.repeat(19);
/** Past the nesting limit in 10 KB: took 10 s and then overflowed the stack before the limits. */
const deepBody = `${'- '.repeat(5000)}x\n`;
/** The report's case: 700 nested list levels, about 0.5 MB (42 s in the CMS before the limits). */
const bigDeepBody = Array.from({ length: 700 }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`).join(
  '\n',
);

describe('the body check in a worker thread', { timeout: 120_000 }, () => {
  it(
    'answers with the problems, stops a check past its ' +
      'budget, and keeps the event loop free meanwhile',
    async () => {
      expect(await checkBodyInWorker('Hi {name}', 'a.mdx', 60_000)).toMatchObject({
        kind: 'checked',
        problems: [{ line: 1, column: 4, ruleId: 'polycourse:mdx-expression' }],
      });

      let longestPause = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        longestPause = Math.max(longestPause, now - last);
        last = now;
      }, 10);
      const started = performance.now();
      const outcome = await checkBodyInWorker(slowBody, 'slow.mdx', 100);
      const took = performance.now() - started;
      clearInterval(ticker);
      expect(outcome).toEqual({ kind: 'over-budget', budgetMs: 100 });
      expect(took).toBeLessThan(2000);
      expect(longestPause).toBeLessThan(250);

      // The stopped worker was replaced: the next check works.
      expect(await checkBodyInWorker('Fine *text*.', 'b.mdx', 60_000)).toEqual({
        kind: 'checked',
        problems: [],
      });
    },
  );
});

describe('a hostile body saved through the real CMS server', { timeout: 300_000 }, () => {
  let cms: CmsServer;
  let token: string;
  const budgetMs = 250;
  const api = (p: string, init: RequestInit & { as?: string } = {}) =>
    fetch(`${cms.url}/api/${p}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.as ? { authorization: `JWT ${init.as}` } : {}),
        ...init.headers,
      },
    });

  beforeAll(async () => {
    cms = await startCmsServer(miniCourseDir, 'mini', 480_000, {
      env: { POLYCOURSE_MDX_CHECK_BUDGET_MS: String(budgetMs) },
    });
    token = (
      await (
        await api('users/login', {
          method: 'POST',
          body: JSON.stringify({ email: cms.admin.email, password: cms.admin.password }),
        })
      ).json()
    ).token;
  }, 600_000);
  afterAll(async () => {
    await cms?.stop();
  });

  const lesson = async () =>
    (
      await (
        await api('units?where[unitId][equals]=first-lesson&depth=0&draft=true&locale=en', {
          as: token,
        })
      ).json()
    ).docs[0];

  /**
   * PATCH the lesson's English body while GET /api/courses is asked again and again (at least five
   * times, and until the save has answered): the save's answer, how long it took, and each probe's
   * time.
   */
  /** The slowest of five probes with no save running. */
  async function slowestProbe() {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await (await api('courses?depth=0&limit=1', { as: token })).arrayBuffer();
      times.push(performance.now() - t);
    }
    return Math.max(...times);
  }

  async function saveWhileProbing(id: string, body: string) {
    let answered = false;
    const started = performance.now();
    const save = api(`units/${id}?locale=en`, {
      as: token,
      method: 'PATCH',
      body: JSON.stringify({ body }),
    })
      .then(async (r) => ({
        status: r.status,
        json: await r.json(),
        took: performance.now() - started,
      }))
      .finally(() => {
        answered = true;
      });
    const probes: number[] = [];
    while (!answered || probes.length < 5) {
      const t = performance.now();
      const probe = await api('courses?depth=0&limit=1', { as: token });
      expect(probe.status).toBe(200);
      await probe.arrayBuffer();
      probes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    return { ...(await save), probes };
  }

  const fieldErrors = (json: any) =>
    json.errors[0].data.errors as { path: string; message: string }[];

  it(
    'refuses bodies past the limits at once, ' +
      'with the position and the limit, and keeps answering',
    async () => {
      const unit = await lesson();
      const before = unit.body;
      for (const [body, messages] of [
        [
          deepBody,
          [
            new RegExp(
              '^1:65 Lists, block quotes and footnotes are nested ' +
                'more than 32 levels deep here \\[polycourse:mdx-too-deep\\] Fix: ' +
                'Flatten the list or quote to at most 32 levels\\. ' +
                '\\(Limits: docs\\/authoring\\.md#limits\\.\\)$',
            ),
            new RegExp(
              '^1:2001 This body has more than 1,000 list items; a body ' +
                'may have at most 1,000 \\[polycourse:mdx-too-large\\] Fix: ',
            ),
          ],
        ],
        [
          bigDeepBody,
          [
            new RegExp(
              '^196:136 This body has 496,889 characters; a body may have at most ' +
                '40,000, which ends here \\[polycourse:mdx-too-large\\] Fix: Split it',
            ),
          ],
        ],
      ] as const) {
        const idle = await slowestProbe();
        const { status, json, took, probes } = await saveWhileProbing(unit.id, body);
        expect(status).toBe(400);
        expect(fieldErrors(json).map((e) => e.path)).toEqual(messages.map(() => 'body'));
        fieldErrors(json).forEach((e, i) => expect(e.message).toMatch(messages[i]));
        expect(took).toBeLessThan(5000);
        // The server keeps answering while it checks the body: no probe waits a second more than
        // the slowest probe of an idle moment just before (the machine's own load, measured).
        expect(Math.max(...probes)).toBeLessThan(1000 + idle);
      }
      expect((await lesson()).body).toBe(before);
    },
  );

  it(
    'stops a check past its time budget and refuses the ' +
      'save, while every probe answers within a second of an idle one',
    async () => {
      const unit = await lesson();
      const before = unit.body;
      const idle = await slowestProbe();
      const { status, json, took, probes } = await saveWhileProbing(unit.id, slowBody);
      expect(status).toBe(400);
      expect(fieldErrors(json)).toEqual([
        {
          path: 'body',
          message: expect.stringMatching(
            new RegExp(
              '^Checking this body took longer than 0\\.25 s, so it was stopped ' +
                'and the body was not saved \\[polycourse:mdx-check-timeout\\] Fix: ',
            ),
          ),
          diagnostic: {
            ruleId: 'polycourse:mdx-check-timeout',
            message: expect.stringMatching(/^Checking this body took longer/),
            fix: expect.stringContaining('split it into shorter bodies'),
            locale: 'en',
          },
        },
      ]);
      expect(took).toBeGreaterThanOrEqual(budgetMs);
      expect(probes.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...probes)).toBeLessThan(1000 + idle);
      expect((await lesson()).body).toBe(before);

      // The server's worker was replaced: an ordinary save is checked and stored.
      const fine = await api(`units/${unit.id}?locale=en`, {
        as: token,
        method: 'PATCH',
        body: JSON.stringify({ body: `${before}\n\nOne more *line*.` }),
      });
      expect(fine.status).toBe(200);
      expect((await lesson()).body).toBe(`${before}\n\nOne more *line*.`);
      const invalid = await api(`units/${unit.id}?locale=en`, {
        as: token,
        method: 'PATCH',
        body: JSON.stringify({ body: 'Fine.\n\n<script>alert(1)</script>' }),
      });
      const [error] = fieldErrors(await invalid.json());
      expect(error.message).toMatch(
        /^3:1 <script> is not allowed in course content \[polycourse:forbidden-element\]/,
      );
      // The same problem, structured for REST clients.
      expect((error as { diagnostic?: object }).diagnostic).toMatchObject({
        line: 3,
        column: 1,
        ruleId: 'polycourse:forbidden-element',
        message: '<script> is not allowed in course content',
      });
    },
  );
});

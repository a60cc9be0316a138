/**
 * The evaluation on the real server (`polycourse cms`, SQLite): importing responses and reading
 * the report over REST and GraphQL as each role (only admins and evaluators), the report's numbers
 * equal to `polycourse evaluate` on the same CSV, its headers (no script, no cache), the anonymized
 * responses export (evaluating it gives the same numbers), and the
 * Evaluation panel in the admin in Chromium (shown to evaluators, absent for authors, nothing
 * fetched from elsewhere).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startCmsServer, type CmsServer } from '../helpers/cms-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { miniCourse, miniCourseDir } from '../helpers/mini-course.ts';
import { differences } from '../helpers/compare-numbers.ts';
import { defaultSettings, evaluateCsv } from '../../compiler/evaluation/evaluate-cohort.ts';

const csvFile = path.join(import.meta.dirname, '../fixtures/evaluation/mini-responses.csv');
const csv = fs.readFileSync(csvFile, 'utf8');

describe('the evaluation on the real server', { timeout: 180_000 }, () => {
  let cms: CmsServer;
  let browser: Browser;
  let courseId: number | string;
  const tokens: Record<string, string> = {};
  const people = {
    evaluator: ['evaluator'],
    author: ['author'],
    translator: ['translator'],
  } as const;
  const password = (name: string) => `pw-${name}-evaluation`;
  const api = (p: string, init: RequestInit & { as?: string } = {}) =>
    fetch(`${cms.url}/api/${p}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.as ? { authorization: `JWT ${init.as}` } : {}),
        ...init.headers,
      },
    });
  const login = async (email: string, pw: string) =>
    (
      await (
        await api('users/login', { method: 'POST', body: JSON.stringify({ email, password: pw }) })
      ).json()
    ).token as string;
  const importCsv = (text: string, as?: string) =>
    api(`courses/${courseId}/responses?file=mini-responses.csv`, {
      method: 'POST',
      body: text,
      as,
      headers: { 'content-type': 'text/csv' },
    });
  const stored = async () =>
    (await (await api('questionnaire-responses?limit=0', { as: tokens.admin })).json()).totalDocs;

  beforeAll(async () => {
    cms = await startCmsServer(miniCourseDir, 'mini');
    tokens.admin = await login(cms.admin.email, cms.admin.password);
    for (const [name, roles] of Object.entries(people)) {
      const created = await api('users', {
        method: 'POST',
        as: tokens.admin,
        body: JSON.stringify({
          email: `${name}@example.org`,
          password: password(name),
          roles,
          workLocales: name === 'translator' ? ['fr'] : [],
        }),
      });
      expect(created.status, await created.clone().text()).toBe(201);
      tokens[name] = await login(`${name}@example.org`, password(name));
    }
    courseId = (
      await (await api('courses?where[courseId][equals]=mini&depth=0', { as: tokens.admin })).json()
    ).docs[0].id;
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  it('imports a responses CSV for evaluators only; a bad file stores nothing', async () => {
    for (const who of [undefined, tokens.author, tokens.translator])
      expect((await importCsv(csv, who)).status).toBe(403);
    const bad = await importCsv(csv.replace('m03,post,', 'm03,later,'), tokens.evaluator);
    expect(bad.status).toBe(400);
    expect((await bad.json()).diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'polycourse:evaluation-csv',
        file: 'mini-responses.csv',
        line: 7,
        column: 5,
        message: 'Phase "later" is neither "pre" nor "post"',
      }),
    ]);
    expect(await stored()).toBe(0);
    const good = await importCsv(csv, tokens.evaluator);
    expect(await good.json()).toEqual({ imported: 49, diagnostics: [] });
    expect(await stored()).toBe(49);
  });

  it('responses: read and changed by admins and evaluators only (REST, GraphQL)', async () => {
    for (const who of [undefined, tokens.author, tokens.translator]) {
      expect((await api('questionnaire-responses', { as: who })).status).toBe(403);
      const graphql = await (
        await api('graphql', {
          method: 'POST',
          as: who,
          body: JSON.stringify({
            query: '{ QuestionnaireResponses { totalDocs docs { learner } } }',
          }),
        })
      ).json();
      expect(graphql.errors?.[0]?.message).toMatch(/not allowed/i);
      expect(graphql.data?.QuestionnaireResponses ?? null).toBeNull();
    }
    const list = await (
      await api('questionnaire-responses?limit=1&depth=0', { as: tokens.evaluator })
    ).json();
    expect(list.totalDocs).toBe(49);
    const id = list.docs[0].id;
    const change = (as?: string) =>
      api(`questionnaire-responses/${id}`, {
        method: 'PATCH',
        as,
        body: JSON.stringify({ answers: { v1: 1 } }),
      });
    for (const who of [undefined, tokens.author, tokens.translator])
      expect((await change(who)).status).toBe(403);
    const offScale = await api(`questionnaire-responses/${id}`, {
      method: 'PATCH',
      as: tokens.evaluator,
      body: JSON.stringify({ answers: { v1: 4 } }),
    });
    expect(offScale.status).toBe(400);
    expect(JSON.stringify(await offScale.json())).toContain(
      'Item v1: 4 is not an answer on the scale 1–3.',
    );
    const graphql = await (
      await api('graphql', {
        method: 'POST',
        as: tokens.evaluator,
        body: JSON.stringify({ query: '{ QuestionnaireResponses { totalDocs } }' }),
      })
    ).json();
    expect(graphql.data.QuestionnaireResponses.totalDocs).toBe(49);
  });

  it('the report: evaluators only, numbers as the CLI gives, no script, no cache', async () => {
    for (const who of [undefined, tokens.author, tokens.translator])
      expect((await api(`courses/${courseId}/evaluation`, { as: who })).status).toBe(403);
    const json = await api(`courses/${courseId}/evaluation?format=json&by=locale&minGroup=5`, {
      as: tokens.evaluator,
    });
    expect(json.headers.get('cache-control')).toBe('private, no-store');
    expect(json.headers.get('x-group-columns')).toBe('locale');
    const fromFile = evaluateCsv(
      csv,
      'mini-responses.csv',
      { ...defaultSettings, by: ['locale'], minGroup: 5 },
      miniCourse().questionnaire,
    );
    const result = await json.json();
    expect(result).toMatchObject({
      n: 24,
      unmatched: 1,
      reversed: ['v2'],
      scale: { min: 1, max: 3 },
    });
    expect(differences(result, fromFile.evaluation!.result)).toEqual([]);
    const html = await api(`courses/${courseId}/evaluation?locale=ar`, { as: tokens.evaluator });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src/);
    const page = await html.text();
    expect(page).toMatch(/<html lang="ar" dir="rtl">/);
    expect(page.match(/<svg/g)).toHaveLength(2);
    expect(page).not.toMatch(/<script/);
    const table = await api(`courses/${courseId}/evaluation?format=csv`, { as: tokens.evaluator });
    expect((await table.text()).split('\n')[0]).toMatch(/^group_column,group,item,n,/);
  });

  it('exports the responses as an anonymized CSV that evaluates to the same numbers', async () => {
    for (const who of [undefined, tokens.author, tokens.translator])
      expect((await api(`courses/${courseId}/responses`, { as: who })).status).toBe(403);
    // A learner's Bearer token is refused too.
    const learner = await (
      await api('learner/sign-up', {
        method: 'POST',
        body: JSON.stringify({ username: 'curious-learner', password: 'pw-curious-123' }),
      })
    ).json();
    const asLearner = await fetch(`${cms.url}/api/courses/${courseId}/responses`, {
      headers: { authorization: `Bearer ${learner.token}` },
    });
    expect(asLearner.status).toBe(403);
    const exported = await api(`courses/${courseId}/responses`, { as: tokens.evaluator });
    expect(exported.headers.get('cache-control')).toBe('private, no-store');
    expect(exported.headers.get('content-disposition')).toBe(
      'attachment; filename="mini-responses.csv"',
    );
    const text = await exported.text();
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('learner,phase,v1,v2,locale,consent_version');
    expect(lines).toHaveLength(50);
    // Renumbered for the file: none of the stored keys (m01…) is in it, pairs stay pairs.
    expect(text).not.toMatch(/\bm\d\d\b/);
    expect(lines[1]).toMatch(/^r1,(pre|post),/);
    const settings = { ...defaultSettings, by: ['locale'], minGroup: 5 };
    const questionnaire = miniCourse().questionnaire;
    const again = evaluateCsv(text, 'exported.csv', settings, questionnaire);
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const original = evaluateCsv(csv, 'mini-responses.csv', settings, questionnaire);
    expect(differences(again.evaluation!.result, original.evaluation!.result)).toEqual([]);
  });

  it('a consent version that is not a plain name is refused; nothing changes', async () => {
    const before = await (await api(`courses/${courseId}?depth=0`, { as: tokens.admin })).json();
    for (const bad of ['two words', '../v1', 'x'.repeat(101), '-leading-dash']) {
      const refused = await api(`courses/${courseId}`, {
        method: 'PATCH',
        as: tokens.admin,
        body: JSON.stringify({ questionnaire: { ...before.questionnaire, consentVersion: bad } }),
      });
      expect(refused.status, bad).toBe(400);
      const { errors } = await refused.json();
      expect(JSON.stringify(errors), bad).toMatch(/is not a consent version: use letters, digits/);
    }
    const gql = await (
      await api('graphql', {
        method: 'POST',
        as: tokens.admin,
        body: JSON.stringify({
          query:
            `mutation { updateCourse(id: ${JSON.stringify(courseId)}, ` +
            'data: { questionnaire: { consentVersion: "two words" } }) { id } }',
        }),
      })
    ).json();
    expect(JSON.stringify(gql.errors)).toMatch(/consent version|invalid/i);
    const after = await (await api(`courses/${courseId}?depth=0`, { as: tokens.admin })).json();
    expect(after.questionnaire).toEqual(before.questionnaire);
  });

  it('the admin shows evaluators the Evaluation panel and report; not authors', async () => {
    const shot = async (who: 'evaluator' | 'author') => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const external: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(cms.url) && !/^(data|blob|about):/.test(r.url()))
          external.push(r.url());
      });
      await page.goto(`${cms.url}/admin/login`);
      await page.fill('#field-email', `${who}@example.org`);
      await page.fill('#field-password', password(who));
      await page.click('button[type=submit]');
      await page.waitForURL(`${cms.url}/admin`);
      await page.goto(`${cms.url}/admin/collections/courses/${courseId}`);
      await page.locator('#field-courseId').waitFor();
      return { page, external };
    };
    const { page, external } = await shot('evaluator');
    const panel = page.locator('section.polycourse-evaluation');
    await expect
      .poll(() => panel.textContent(), { timeout: 30_000 })
      .toContain('24 learners answered');
    const frame = page.frameLocator('iframe[title="Evaluation report"]');
    await expect.poll(() => frame.locator('h1').textContent(), { timeout: 30_000 }).toBeTruthy();
    expect(await frame.locator('svg[role="img"]').count()).toBe(2);
    await panel.scrollIntoViewIfNeeded();
    // POLYCOURSE_SCREENSHOT_DIR=docs/images keeps the picture docs/cms.md shows
    const shots = process.env.POLYCOURSE_SCREENSHOT_DIR;
    if (shots) await panel.screenshot({ path: path.join(shots, 'admin-evaluation.png') });
    expect(external).toEqual([]);
    await page.close();
    const author = await shot('author');
    expect(await author.page.locator('section.polycourse-evaluation').count()).toBe(0);
    await author.page.close();
  });
});

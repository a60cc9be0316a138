/**
 * cmi5 packages of the mini course, checked the way an LMS meets them: cmi5.xml against the
 * course structure rules of the spec (sections 13–14; well-formed per xmllint), the package's
 * files, and the AU run in real Chromium, launched by a test LMS page with a loopback LRS
 * (test/helpers/test-lrs.ts) that checks every request and statement by the requirement ids of
 * @cmi5/requirements. A French learner starts in their preferred language, is judged against the
 * LMS's mastery score, leaves, comes back in the same registration to their progress, passes and
 * exits to the LMS's returnURL; Browse mode records nothing; every moveOn variant is satisfied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { chooseTargets } from '../../compiler/targets/choose-targets.ts';
import { startStaticServer, type StaticServer } from '../../compiler/targets/static-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { dueVerbs, readLaunchData } from '../../runtime/lms/cmi5-statements.ts';
import { preferredLocale } from '../../runtime/lms/launch-frame.ts';
import type { LmsReport } from '../../runtime/lms/lms-report.ts';
import { tempDir } from '../helpers/temp-course.ts';
import { launchChromium } from '../helpers/browser.ts';
import {
  categoryIds,
  extensionIds,
  requirement,
  startTestLrs,
  verbIds,
  type Json,
  type LaunchOptions,
  type MoveOn,
  type Session,
  type TestLrs,
} from '../helpers/test-lrs.ts';

const namespace = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
let browser: Browser;
let server: StaticServer;
let lrs: TestLrs;
let outDir: string;
/** Served root: unpacked packages (`all/`, `ar/`) beside the LMS pages. */
let lmsRoot: string;

beforeAll(async () => {
  outDir = tempDir();
  const result = await buildCourse({
    courseDir: miniCourseDir,
    outDir,
    targets: chooseTargets(['cmi5']),
  });
  expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
  lmsRoot = tempDir();
  for (const [folder, zip] of [
    ['all', 'mini.cmi5.zip'],
    ['ar', 'mini.ar.cmi5.zip'],
  ]) {
    for (const [name, data] of Object.entries(unzip(zip))) {
      const file = path.join(lmsRoot, folder, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data);
    }
  }
  fs.writeFileSync(path.join(lmsRoot, 'lms.html'), lmsPage);
  fs.writeFileSync(path.join(lmsRoot, 'returned.html'), '<!doctype html><title>LMS</title>Back');
  server = await startStaticServer(lmsRoot);
  lrs = await startTestLrs();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await lrs?.close();
});

/** The test LMS opens the AU's launch URL (given after `#`) in a frame, as AnyWindow allows. */
const lmsPage = `<!doctype html><html><head><meta charset="utf-8"><title>Test LMS</title></head>
<body><iframe id="au" style="width:1200px;height:800px"></iframe><script>
document.getElementById('au').src = decodeURIComponent(location.hash.slice(1));
</script></body></html>`;

const unzip = (zip: string) => unzipSync(fs.readFileSync(path.join(outDir, zip)));
const text = (data: Uint8Array) => new TextDecoder().decode(data);

// ---- the package ----------------------------------------------------------------------------

/** The child elements of `el` in the cmi5 namespace, by local name. */
const children = (el: XmlElement) =>
  Array.from(el.childNodes).filter((n): n is XmlElement => n.nodeType === 1);

const isIri = (value: string | null) => {
  try {
    return Boolean(value) && /^[a-z][a-z0-9+.-]*:/i.test(value!) && Boolean(new URL(value!));
  } catch {
    return false;
  }
};

/** The texts of a `title` / `description`: lang → text (13.1: one langstring per language). */
function langStrings(el: XmlElement | undefined, where: string): Record<string, string> {
  expect(el, `${where} present`).toBeDefined();
  const strings = children(el!);
  expect(strings.length, `${where}: at least one langstring`).toBeGreaterThan(0);
  const out: Record<string, string> = {};
  for (const s of strings) {
    expect(s.localName, `${where}: only langstring elements`).toBe('langstring');
    const lang = s.getAttribute('lang') ?? '';
    expect(lang, `${where}: langstring lang is an xs:language`).toMatch(
      /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/,
    );
    expect(out[lang], `${where}: one langstring per language`).toBeUndefined();
    out[lang] = s.textContent ?? '';
  }
  return out;
}

/** The spec's course structure rules a one-AU package meets; returns what the test asserts on. */
function checkStructure(xml: string, name: string, files: string[]) {
  if (spawnSync('xmllint', ['--version']).status === 0) {
    const lint = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: xml });
    expect(lint.stderr.toString(), `${name}: cmi5.xml is well-formed XML`).toBe('');
  }
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement!;
  expect(root.localName, requirement('13.2.0.0-1')).toBe('courseStructure');
  expect(root.namespaceURI, requirement('13.2.0.0-1')).toBe(namespace);
  const [course, au, ...rest] = children(root);
  expect(course.localName, `${name}: course first`).toBe('course');
  expect(au?.localName, `${name}: then one AU`).toBe('au');
  expect(rest, `${name}: nothing else`).toEqual([]);
  for (const el of [course, au, ...children(course), ...children(au)])
    expect(el.namespaceURI, `${name}: ${el.localName} in the cmi5 namespace`).toBe(namespace);
  expect(isIri(course.getAttribute('id')), requirement('3.0.0.0-1')).toBe(true);
  expect(isIri(au.getAttribute('id')), requirement('3.0.0.0-1')).toBe(true);
  expect(au.getAttribute('id'), requirement('13.1.4.0-1')).not.toBe(course.getAttribute('id'));
  expect(children(course).map((e) => e.localName)).toEqual(['title', 'description']);
  // The AU's children in the schema's order: title, description, url.
  expect(children(au).map((e) => e.localName)).toEqual(['title', 'description', 'url']);
  const moveOn = au.getAttribute('moveOn');
  expect(moveOn, `${name}: an explicit moveOn (NotApplicable is satisfied at registration)`).toBe(
    'CompletedAndPassed',
  );
  const mastery = au.getAttribute('masteryScore') ?? '';
  expect(mastery, `${name}: masteryScore a decimal in 0–1, at most 4 decimals`).toMatch(
    /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/,
  );
  expect(au.getAttribute('launchMethod')).toMatch(/^(AnyWindow|OwnWindow)$/);
  const url = children(au).find((e) => e.localName === 'url')!.textContent ?? '';
  expect(url, requirement('14.1.0.0-3')).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/)/i);
  expect(url, requirement('13.1.4.0-2')).toMatch(/^[A-Za-z0-9._~\-/%]+$/);
  expect(files, `${name}: the AU's url is in the package`).toContain(url);
  return {
    mastery: Number(mastery),
    url,
    title: langStrings(children(course)[0], `${name} course title`),
    description: langStrings(children(course)[1], `${name} course description`),
    auTitle: langStrings(children(au)[0], `${name} AU title`),
  };
}

describe('cmi5 packages', () => {
  it('one package per locale and one with all; cmi5.xml at the root, first', () => {
    const names = fs.readdirSync(outDir).filter((f) => f.endsWith('.cmi5.zip'));
    expect(names.sort()).toEqual(
      ['mini.cmi5.zip', ...['ar', 'en', 'fr'].map((l) => `mini.${l}.cmi5.zip`)].sort(),
    );
    for (const name of names) {
      const files = unzip(name);
      expect(Object.keys(files)[0], requirement('14.1.0.0-2')).toBe('cmi5.xml');
      const paths = Object.keys(files).filter((f) => !f.endsWith('/'));
      for (const generated of ['cmi5.html', '_lms/cmi5-launcher.js'])
        expect(paths).toContain(generated);
      const locales = name === 'mini.cmi5.zip' ? ['ar', 'en', 'fr'] : [name.split('.')[1]];
      for (const locale of locales) expect(paths).toContain(`${locale}/index.html`);
      const others = ['ar', 'en', 'fr'].filter((l) => !locales.includes(l));
      expect(paths.filter((p) => others.some((l) => p.startsWith(`${l}/`)))).toEqual([]);
    }
  });

  it('cmi5.xml: course and AU with IRIs, titles in every locale, moveOn, masteryScore', () => {
    const ids = new Set<string>();
    for (const name of fs.readdirSync(outDir).filter((f) => f.endsWith('.cmi5.zip'))) {
      const files = unzip(name);
      const xml = text(files['cmi5.xml']);
      const checked = checkStructure(xml, name, Object.keys(files));
      // The mini course's one quiz has pass mark 50.
      expect(checked.mastery).toBe(0.5);
      expect(checked.url).toBe('cmi5.html');
      for (const id of xml.match(/ id="[^"]+"/g)!) {
        expect(ids.has(id), `${name}: publisher ids differ between packages`).toBe(false);
        ids.add(id);
      }
      if (name === 'mini.cmi5.zip') {
        expect(checked.title).toEqual({ en: 'Mini course', ar: 'دورة مصغرة', fr: 'Mini cours' });
        expect(checked.auTitle).toEqual(checked.title);
        expect(Object.keys(checked.description).sort()).toEqual(['ar', 'en']); // fr: untranslated
      }
      if (name === 'mini.fr.cmi5.zip') {
        expect(checked.title).toEqual({ fr: 'Mini cours' });
        // Untranslated: the source text, tagged with the source language.
        expect(checked.description).toEqual({ en: 'A tiny course for tests.' });
      }
    }
  });
});

// ---- the judging rules (pure) ------------------------------------------------------------------

describe('what the AU says when (runtime/lms/cmi5-statements.ts)', () => {
  const report = (complete: boolean, score?: number): LmsReport => ({
    complete,
    failing: false,
    score,
    progress: complete ? 1 : 0.5,
  });
  const normal = { mode: 'Normal' as const, judged: false, ending: false };

  it('completed once per registration; passed as soon as the score reaches the mastery', () => {
    expect(dueVerbs(report(true), {}, 0.8, normal)).toEqual(['completed']);
    expect(dueVerbs(report(true), { completed: true }, 0.8, normal)).toEqual([]);
    expect(dueVerbs(report(false, 80), {}, 0.8, normal)).toEqual(['passed']);
    expect(
      dueVerbs(report(true, 100), { passed: true }, 0.8, normal),
      requirement('9.3.0.0-7'),
    ).toEqual(['completed']);
  });

  it('failed only when the session ends, once, never after passed', () => {
    expect(dueVerbs(report(true, 60), { completed: true }, 0.8, normal)).toEqual([]);
    expect(
      dueVerbs(report(true, 60), { completed: true }, 0.8, { ...normal, ending: true }),
    ).toEqual(['failed']);
    const judged = { ...normal, judged: true, ending: true };
    expect(
      dueVerbs(report(true, 60), { completed: true }, 0.8, judged),
      requirement('9.3.0.0-3'),
    ).toEqual([]);
    expect(
      dueVerbs(report(true, 60), { passed: true }, 0.8, { ...normal, ending: true }),
      requirement('9.3.0.0-8'),
    ).toEqual(['completed']);
  });

  it('Browse and Review: nothing but initialized and terminated', () => {
    for (const mode of ['Browse', 'Review'] as const)
      expect(
        dueVerbs(report(true, 100), {}, 0.5, { ...normal, mode }),
        requirement(mode === 'Browse' ? '10.2.2.0-9' : '10.2.2.0-11'),
      ).toEqual([]);
  });

  it('reads the launch data an AU needs, and refuses launch data without it', () => {
    expect(
      readLaunchData({ contextTemplate: {}, launchMode: 'Review', masteryScore: 0.75 }),
    ).toMatchObject({ launchMode: 'Review', masteryScore: 0.75 });
    expect(() => readLaunchData({ launchMode: 'Normal' }), requirement('10.2.1.0-4')).toThrow(
      /contextTemplate/,
    );
    expect(() => readLaunchData({ contextTemplate: {}, launchMode: 'Fast' })).toThrow(/launchMode/);
  });

  it('languagePreference: the first language the package has, most preferred first', () => {
    expect(preferredLocale(['en', 'ar', 'fr'], ['de-CH', 'fr-CA', 'en'])).toBe('fr');
    expect(preferredLocale(['en', 'pt-BR'], ['pt-br'])).toBe('pt-BR');
    expect(preferredLocale(['en', 'pt-BR'], ['pt-PT'])).toBe('pt-BR');
    expect(preferredLocale(['en', 'ar'], ['zh'])).toBe('en');
    expect(preferredLocale(['en', 'ar'], [])).toBe('en');
  });
});

// ---- the test LRS checks what it should ------------------------------------------------------

describe('the test LRS', () => {
  it('answers the fetch URL once and refuses statements out of order, unauthorized', async () => {
    const session = lrs.launch({ url: 'http://au.example.org/au.html', auId: 'https://x.org/au' });
    const query = new URL(session.launchUrl).searchParams;
    const post = () => fetch(query.get('fetch')!, { method: 'POST' }).then((r) => r.json());
    const token = (await post())['auth-token'];
    expect(token).toBeTruthy();
    expect(await post(), requirement('8.2.3.0-1')).toMatchObject({ 'error-code': '1' });
    const send = (auth: string, statement: Json) =>
      fetch(`${lrs.endpoint}statements`, {
        method: 'POST',
        headers: {
          Authorization: auth,
          'X-Experience-API-Version': '1.0.3',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(statement),
      });
    const completed = {
      id: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
      actor: session.actor,
      verb: { id: verbIds.completed },
      object: { id: session.activityId },
      result: { completion: true, duration: 'PT1S' },
      context: {
        ...session.contextTemplate,
        registration: session.registration,
        contextActivities: {
          ...session.contextTemplate.contextActivities,
          category: [{ id: categoryIds.cmi5 }, { id: categoryIds.moveOn }],
        },
      },
    };
    expect((await send('Basic nope', completed)).status).toBe(401);
    expect((await send(`Basic ${token}`, completed)).status).toBe(400);
    expect(lrs.violations.map((v) => v.split(' ')[0])).toEqual(['8.1.2.0-5', '9.3.0.0-4']);
    expect(lrs.endOfSession(session).map((v) => v.split(' ')[0])).toEqual([
      '7.1.1.0-1',
      '9.3.8.0-1',
      '8.2.3.0-1',
    ]);
    lrs.violations.length = 0;
  });
});

// ---- the AU in Chromium -----------------------------------------------------------------------

interface Launched {
  context: BrowserContext;
  page: Page;
  session: Session;
  errors: string[];
}

/** Launch the package in `folder` as the LMS does, in a fresh browser (no storage kept). */
async function launch(options: Omit<LaunchOptions, 'url' | 'auId'>, folder = 'all') {
  const files = fs.readFileSync(path.join(lmsRoot, folder, 'cmi5.xml'), 'utf8');
  const auId = /<au id="([^"]+)"/.exec(files)![1];
  const session = lrs.launch({ url: `${server.url}${folder}/cmi5.html`, auId, ...options });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Failed requests are judged below, by URL.
    if (
      m.type() === 'warning' ||
      (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
    )
      errors.push(m.text());
  });
  page.on('response', (r) => {
    // xAPI answers 404 for a document that does not exist yet (no preferences, no saved attempt).
    const absent =
      r.status() === 404 &&
      r.request().method() === 'GET' &&
      /\/xapi\/(activities\/state|agents\/profile)\?/.test(r.url());
    if (r.status() >= 400 && !absent)
      errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await page.goto(`${server.url}lms.html#${encodeURIComponent(session.launchUrl)}`);
  return { context, page, session, errors } satisfies Launched;
}

/** The launch page's frame (cmi5.html) and the course page inside it. */
const auFrame = (page: Page) => page.frames().find((f) => f.url().includes('/cmi5.html'));
async function course(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = auFrame(page)?.childFrames()[0];
    if (frame && frame.url() !== 'about:blank' && frame.url() !== '') {
      await frame.waitForLoadState('load');
      return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the launch page opened no course page');
}

async function visit(frame: Frame, page: string) {
  await frame.goto(new URL(page, frame.parentFrame()!.url()).href);
  await frame.waitForLoadState('load');
}

/** All five right (100%), or three of five (60%, above the quiz's pass mark of 50). */
async function answerQuiz(frame: Frame, allRight: boolean) {
  await frame.check('#q-q1 input[value="b"]');
  for (const v of allRight ? ['a', 'c'] : ['b']) await frame.check(`#q-q2 input[value="${v}"]`);
  await frame.check('#q-q3 input[value="true"]');
  const order = allRight
    ? { first: '1', second: '2', third: '3' }
    : { first: '3', second: '2', third: '1' };
  for (const [option, position] of Object.entries(order))
    await frame.selectOption(`#q-q4-${option}`, position);
  for (const [option, partner] of Object.entries({ art12: 'capacity', art19: 'community' }))
    await frame.selectOption(`#q-q5-${option}`, partner);
  await frame.click('form.quiz button[type="submit"]');
}

/** Every unit of the mini course, in `locale`. */
async function walkCourse(frame: Frame, locale: string, allRight: boolean) {
  for (const unit of ['first-lesson', 'second-lesson', 'basics-sheet'])
    await visit(frame, `${locale}/basics/${unit}/index.html`);
  await visit(frame, `${locale}/basics/intro-video/index.html`);
  await frame.locator('figure.video video').dispatchEvent('ended');
  await visit(frame, `${locale}/basics/basics-quiz/index.html`);
  await answerQuiz(frame, allRight);
  await visit(frame, `${locale}/basics/basics-challenge/index.html`);
  await frame.check('form.challenge-form input[type="checkbox"]');
}

const verbName = new Map(Object.entries(verbIds).map(([name, id]) => [id as string, name]));
/** The verbs of the session's statements, in timestamp order. */
const verbsOf = (session: Session) =>
  lrs
    .statements(session)
    .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp))
    .map((s) => verbName.get(s.verb.id) ?? s.verb.id);
const statementOf = (session: Session, verb: keyof typeof verbIds) =>
  lrs.statements(session).find((s) => s.verb.id === verbIds[verb]);

/** The LMS closes the AU's frame (the learner leaves): the launch page unloads. */
async function close(launched: Launched) {
  await launched.page.evaluate(() => document.getElementById('au')!.remove());
  await expect.poll(() => verbsOf(launched.session).at(-1)).toBe('terminated');
}

/** The session-wide rules, and that nothing arrives after terminated. */
async function expectCleanSession(launched: Launched) {
  const count = lrs.statements(launched.session).length;
  await launched.page.waitForTimeout(300);
  expect(lrs.statements(launched.session).length, requirement('9.3.8.0-2')).toBe(count);
  expect(lrs.endOfSession(launched.session)).toEqual([]);
  expect(lrs.violations).toEqual([]);
  expect(launched.errors).toEqual([]);
  await launched.context.close();
}

const progressIn = (frame: Frame) =>
  frame.evaluate(
    () => JSON.parse(localStorage.getItem('polycourse:mini:progress') ?? '{"units":{}}').units,
  );

describe('the cmi5 AU with an LMS (loopback LRS, strict)', () => {
  it(
    'starts in the preferred language, is judged by the LMS mastery score, resumes, passes, ' +
      'exits to returnURL',
    async () => {
      const returnURL = `${server.url}returned.html`;
      // First session: masteryScore 0.8 in the launch data overrides the package's 0.5. The
      // learner's first choice (de-CH) is not in the package; fr-CA is, as fr.
      const first = await launch({
        masteryScore: 0.8,
        returnURL,
        languagePreference: 'de-CH,fr-CA,en',
      });
      let frame = await course(first.page);
      expect(frame.url(), requirement('11.1.0.0-2')).toMatch(/\/all\/fr\/index\.html$/);
      await walkCourse(frame, 'fr', false); // 60%: the quiz is passed, the course complete
      await expect.poll(() => verbsOf(first.session)).toContain('completed');
      expect(verbsOf(first.session), requirement('10.2.4.0-2')).not.toContain('passed');
      await close(first);
      const s1 = first.session;
      expect(verbsOf(s1)).toEqual(['initialized', 'completed', 'failed', 'terminated']);
      expect(lrs.statements(s1)[0].verb.id, requirement('9.3.0.0-4')).toBe(verbIds.initialized);
      const completed = statementOf(s1, 'completed');
      expect(completed.result, requirement('9.5.3.0-1')).toMatchObject({ completion: true });
      expect(completed.result.duration, requirement('9.5.4.1-2')).toMatch(/^PT/);
      const categories = (s: Json) => s.context.contextActivities.category.map((a: Json) => a.id);
      expect(categories(completed), requirement('9.6.2.2-1')).toContain(categoryIds.moveOn);
      expect(categories(completed), requirement('9.6.2.1-1')).toContain(categoryIds.cmi5);
      expect(completed.result.score, requirement('9.5.1.0-2')).toBeUndefined();
      const failed = statementOf(s1, 'failed');
      expect(failed.result, requirement('9.5.2.0-2')).toMatchObject({
        success: false,
        score: { scaled: 0.6, raw: 60, min: 0, max: 100 },
      });
      expect(failed.context.extensions[extensionIds.masteryScore], requirement('9.6.3.2-2')).toBe(
        0.8,
      );
      expect(failed.context.contextActivities.grouping, requirement('9.6.2.0-1')).toEqual([
        { id: s1.auId },
      ]);
      expect(failed.context.extensions[extensionIds.sessionId], requirement('9.6.3.1-4')).toBe(
        s1.id,
      );
      expect(failed.object.id, requirement('9.4.0.0-2')).toBe(s1.activityId);
      const initialized = statementOf(s1, 'initialized');
      expect(categories(initialized), requirement('9.6.2.2-2')).not.toContain(categoryIds.moveOn);
      expect(initialized.result, requirement('9.5.2.0-3')).toBeUndefined();
      expect(statementOf(s1, 'terminated').result.duration, requirement('9.5.4.1-1')).toMatch(
        /^PT/,
      );
      const saved = () => lrs.state(s1, 'https://polycourse.org/state/attempt');
      await expect.poll(saved).toMatchObject({
        format: 1,
        location: 'fr/basics/basics-challenge/index.html',
        reported: { completed: true },
      });
      await expectCleanSession(first);

      // Second session, same registration, a new browser: the progress comes from the LRS.
      const second = await launch({
        registration: s1.registration,
        masteryScore: 0.8,
        returnURL,
        languagePreference: 'fr',
      });
      frame = await course(second.page);
      expect(frame.url()).toMatch(/\/all\/fr\/basics\/basics-challenge\/index\.html$/);
      expect(await progressIn(frame)).toMatchObject({
        'basics/first-lesson': { viewed: true },
        'basics/basics-quiz': { passed: true, bestCorrect: 3, attempts: 1 },
        'basics/basics-challenge': { done: true },
      });
      await visit(frame, 'fr/basics/basics-quiz/index.html');
      await answerQuiz(frame, true);
      await expect.poll(() => verbsOf(second.session)).toContain('passed');
      const passed = statementOf(second.session, 'passed');
      expect(passed.result, requirement('9.5.2.0-1')).toMatchObject({
        success: true,
        score: { scaled: 1 },
      });
      expect(passed.result.score.scaled, requirement('9.3.4.0-2')).toBeGreaterThanOrEqual(0.8);
      expect(passed.result.duration, requirement('9.5.4.1-3')).toMatch(/^PT/);
      // The learner exits: terminated, then the frame goes to the LMS's returnURL.
      // (A click through the DOM: Playwright's click would wait on the navigation it starts.)
      await auFrame(second.page)!.evaluate(() => document.getElementById('exit')!.click());
      await expect
        .poll(() => second.page.frames().some((f) => f.url() === returnURL), {
          message: requirement('10.2.6.0-1'),
        })
        .toBe(true);
      expect(verbsOf(second.session), requirement('9.3.3.0-2')).toEqual([
        'initialized',
        'passed',
        'terminated',
      ]);
      expect(lrs.satisfied(s1.registration, 'CompletedAndPassed')).toBe(true);
      await expectCleanSession(second);
    },
  );

  it('Browse mode: initialized and terminated only, nothing saved', async () => {
    const launched = await launch({ launchMode: 'Browse', masteryScore: 0.5 });
    const frame = await course(launched.page);
    expect(frame.url()).toMatch(/\/all\/en\/index\.html$/); // no preference: the source language
    await walkCourse(frame, 'en', true);
    await launched.page.waitForTimeout(300); // the launcher sees each change, and says nothing
    await close(launched);
    expect(verbsOf(launched.session), requirement('10.2.2.0-9')).toEqual([
      'initialized',
      'terminated',
    ]);
    expect(lrs.state(launched.session, 'https://polycourse.org/state/attempt')).toBeUndefined();
    await expectCleanSession(launched);
  });

  const variants: [MoveOn, number | undefined][] = [
    ['Completed', undefined],
    ['Passed', 1],
    ['CompletedOrPassed', 0.5],
    ['NotApplicable', 0.9],
  ];
  for (const [moveOn, masteryScore] of variants) {
    const mastery = masteryScore ?? 'from the package';
    it(`moveOn ${moveOn}, masteryScore ${mastery}: satisfied`, async () => {
      const launched = await launch({ moveOn, masteryScore, audioPreference: 'off' });
      const frame = await course(launched.page);
      await visit(frame, 'en/basics/intro-video/index.html');
      expect(
        await frame.locator('figure.video video').evaluate((v: HTMLVideoElement) => v.muted),
        requirement('11.2.0.0-1'),
      ).toBe(true);
      await walkCourse(frame, 'en', true);
      await expect.poll(() => verbsOf(launched.session)).toContain('completed');
      await close(launched);
      const s = launched.session;
      // The quiz comes before the challenge: passed first, completed with the last unit.
      expect(verbsOf(s)).toEqual(['initialized', 'passed', 'completed', 'terminated']);
      const passed = statementOf(s, 'passed');
      expect(passed.context.extensions[extensionIds.masteryScore], requirement('9.6.3.2-2')).toBe(
        masteryScore,
      );
      expect(lrs.satisfied(s.registration, moveOn)).toBe(true);
      await expectCleanSession(launched);
    });
  }

  it('a one-locale package starts in its locale whatever the preference', async () => {
    const launched = await launch({ languagePreference: 'fr' }, 'ar');
    const frame = await course(launched.page);
    expect(frame.url()).toMatch(/\/ar\/ar\/index\.html$/);
    await close(launched);
    expect(verbsOf(launched.session)).toEqual(['initialized', 'terminated']);
    await expectCleanSession(launched);
  });

  it('opened outside an LMS: the course works and nothing is reported', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = lrs.statements(undefined, true).length;
    await page.goto(`${server.url}all/cmi5.html`);
    await expect.poll(() => page.frames()[1]?.url() ?? '').toMatch(/\/all\/en\/index\.html$/);
    expect(await page.locator('#notice').textContent()).toMatch(/outside an LMS/);
    expect(await page.locator('#lms-bar').isHidden()).toBe(true);
    expect(lrs.statements(undefined, true).length).toBe(before);
    await context.close();
  });
});

/**
 * Every field of every collection an admin edits, edited in the real admin with the network limited
 * to the server (Chromium; any request to another host is refused and recorded), saved, and read
 * back over REST with the value the page was given: staff accounts, courses, modules, units of
 * every kind, media, questionnaire responses, learner accounts and forum posts (moderation). The
 * collections and fields are taken from the server's own config (those the admin shows an admin
 * and lets it change): a collection or field added without an edit here (or a stated reason it is
 * edited elsewhere) fails the first test, so "every field" stays true as the model grows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Field } from 'payload';
import { offlineAdminPage } from '../helpers/admin-page.ts';
import { launchChromium } from '../helpers/browser.ts';
import { adminToken, cmsApi, startCmsServer, type CmsServer } from '../helpers/cms-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';

/** One change made through a field's own control, and the value REST must then return. */
type Edit =
  | { path: string; type: 'text' | 'number'; value: string | number }
  | { path: string; type: 'checkbox'; value: boolean }
  /** Choose the option labelled `label` (a hasMany select adds it); `value` is what is stored. */
  | { path: string; type: 'select' | 'relationship'; label: string | RegExp; value: unknown }
  | { path: string; type: 'radio'; value: string }
  | { path: string; type: 'json'; value: unknown }
  /** "Generate new API key", confirmed: the account then has a key (`enableAPIKey`). */
  | { path: 'enableAPIKey'; type: 'apiKey'; value: true };

/**
 * Fields an admin cannot edit in this form, or edits in another test, each with the reason (the
 * coverage check below accepts nothing else).
 */
const elsewhere: Record<string, string> = {
  'users.setupToken':
    'only on the first-user form, filled from the setup link (test/cms/server-setup.test.ts)',
  'users.apiKey': 'made by "Generate new API key" (the enableAPIKey edit below), never typed',
  'users.hasAPIKey': "Payload's flag beside the key, set with it",
  '*._status': 'set by the Save draft and Publish changes buttons that every save here presses',
  '*.sessions.N.id': "Payload's login sessions: written by logging in, not shown in the form",
  '*.sessions.N.createdAt': "Payload's login sessions",
  '*.sessions.N.expiresAt': "Payload's login sessions",
};

describe('every field of every collection, edited and saved offline', { timeout: 900_000 }, () => {
  let cms: CmsServer;
  let browser: Browser;
  let token: string;
  const api = (p: string, init?: RequestInit) => cmsApi(cms, token)(p, init);
  const create = async (collection: string, data: object) =>
    (await api(`${collection}?locale=en`, { method: 'POST', body: JSON.stringify(data) })).doc;

  beforeAll(async () => {
    cms = await startCmsServer(miniCourseDir, 'mini');
    token = await adminToken(cms);
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  /** What each collection's edit is made on, and the edits (filled in by the tests below). */
  const plans: { collection: string; doc: () => Promise<string>; edits: Edit[] }[] = [];
  const plan = (collection: string, doc: () => Promise<string>, edits: Edit[]) =>
    plans.push({ collection, doc, edits });

  plan(
    'users',
    async () =>
      (
        await create('users', {
          email: 'every-field@example.org',
          password: 'every-field-password',
          name: 'Ada',
          roles: ['translator'],
          workLocales: ['fr'],
        })
      ).id,
    [
      { path: 'name', type: 'text', value: 'Ada Lovelace' },
      { path: 'email', type: 'text', value: 'ada@example.org' },
      { path: 'roles', type: 'select', label: 'reviewer', value: ['translator', 'reviewer'] },
      { path: 'workLocales', type: 'select', label: 'Arabic (ar)', value: ['fr', 'ar'] },
      { path: 'enableAPIKey', type: 'apiKey', value: true },
    ],
  );

  plan(
    'media',
    async () => {
      const form = new FormData();
      const png = fs.readFileSync(path.join(miniCourseDir, 'media/diagram.png'));
      form.append('file', new Blob([png], { type: 'image/png' }), 'every-field.png');
      form.append('_payload', JSON.stringify({ alt: 'A diagram', coursePath: 'media/ef.png' }));
      const response = await fetch(`${cms.url}/api/media?locale=en`, {
        method: 'POST',
        headers: { authorization: `JWT ${token}` },
        body: form,
      });
      const body = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(201);
      return body.doc.id;
    },
    [
      { path: 'alt', type: 'text', value: 'A diagram of the rights' },
      { path: 'coursePath', type: 'text', value: 'media/every-field/diagram.png' },
    ],
  );

  plan(
    'units',
    async () =>
      (
        await create('units', {
          unitId: 'ef-lesson',
          kind: 'lesson',
          title: 'A lesson',
          body: 'Some **text**.',
        })
      ).id,
    [
      { path: 'unitId', type: 'text', value: 'ef-lesson-2' },
      { path: 'title', type: 'text', value: 'A lesson, edited' },
      { path: 'body', type: 'text', value: 'Some **text**, edited.\n\n- a list' },
      { path: 'kind', type: 'select', label: 'Information sheet', value: 'infosheet' },
    ],
  );

  plan(
    'units',
    async () =>
      (
        await create('units', {
          unitId: 'ef-video',
          kind: 'video',
          title: 'A video',
          src: 'media/clip.mp4',
          poster: 'media/poster.png',
          transcript: 'Words.',
          captions: [{ locale: 'fr', vtt: 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nBonjour\n' }],
        })
      ).id,
    [
      { path: 'src', type: 'text', value: 'https://media.example.org/clip.mp4' },
      { path: 'poster', type: 'text', value: 'media/diagram.png' },
      { path: 'transcript', type: 'text', value: 'Words, edited.' },
      { path: 'captions.0.locale', type: 'text', value: 'ar' },
      {
        path: 'captions.0.vtt',
        type: 'text',
        value: 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nمرحبا\n',
      },
    ],
  );

  plan(
    'units',
    async () =>
      (
        await create('units', {
          unitId: 'ef-challenge',
          kind: 'challenge',
          title: 'A challenge',
          prompt: 'Do it.',
          commitment: 'I will.',
          points: 15,
        })
      ).id,
    [
      { path: 'prompt', type: 'text', value: 'Do it this week.' },
      { path: 'commitment', type: 'text', value: 'I will, this week.' },
      { path: 'points', type: 'number', value: 25 },
    ],
  );

  plan(
    'units',
    async () =>
      (
        await create('units', {
          unitId: 'ef-quiz',
          kind: 'quiz',
          title: 'A quiz',
          passMark: 50,
          intro: 'Answer.',
          questions: [
            {
              questionId: 'q1',
              type: 'single',
              prompt: 'Which?',
              options: [
                { optionId: 'a', text: 'A', correct: false },
                { optionId: 'b', text: 'B', correct: true },
              ],
            },
            { questionId: 'q2', type: 'truefalse', prompt: 'True?', answer: 'is-true' },
            {
              questionId: 'q3',
              type: 'matching',
              prompt: 'Match.',
              options: [
                { optionId: 'a', text: 'Dog', match: 't1' },
                { optionId: 'b', text: 'Cat', match: 't2' },
              ],
              targets: [
                { targetId: 't1', text: 'Woof' },
                { targetId: 't2', text: 'Meow' },
              ],
            },
          ],
        })
      ).id,
    [
      { path: 'passMark', type: 'number', value: 70 },
      { path: 'intro', type: 'text', value: 'Answer them all.' },
      { path: 'questions.0.questionId', type: 'text', value: 'q1-which' },
      { path: 'questions.0.type', type: 'select', label: 'Multiple choice', value: 'multiple' },
      { path: 'questions.0.prompt', type: 'text', value: 'Which ones?' },
      { path: 'questions.0.options.0.text', type: 'text', value: 'A, edited' },
      { path: 'questions.0.options.0.correct', type: 'checkbox', value: true },
      { path: 'questions.0.options.0.feedback', type: 'text', value: 'Yes, A too.' },
      { path: 'questions.0.options.0.optionId', type: 'text', value: 'a-2' },
      { path: 'questions.0.correctFeedback', type: 'text', value: 'Well done.' },
      { path: 'questions.0.incorrectFeedback', type: 'text', value: 'Look again.' },
      { path: 'questions.1.answer', type: 'radio', value: 'is-false' },
      { path: 'questions.2.targets.0.text', type: 'text', value: 'Woof woof' },
      { path: 'questions.2.targets.0.targetId', type: 'text', value: 'bark' },
      // The dog's partner, chosen again among the targets (its old id is gone).
      { path: 'questions.2.options.0.match', type: 'select', label: /^Woof woof/, value: 'bark' },
    ],
  );

  plan(
    'modules',
    async () =>
      (await create('modules', { moduleId: 'ef-module', title: 'A module', summary: 'About.' })).id,
    [
      { path: 'moduleId', type: 'text', value: 'ef-module-2' },
      { path: 'title', type: 'text', value: 'A module, edited' },
      { path: 'summary', type: 'text', value: 'About it.' },
      { path: 'units', type: 'relationship', label: /A challenge/, value: ['@ef-challenge'] },
    ],
  );

  plan(
    'courses',
    async () =>
      (
        await create('courses', {
          courseId: 'every-field',
          title: 'Every field',
          description: 'A course.',
          sourceLocale: 'en',
          languages: ['en', 'fr'],
          theme: 'default',
          glossary: [{ termId: 'crpd', term: 'CRPD', definition: 'A convention.' }],
          questionnaire: {
            questionnaireId: 'views',
            scale: 3,
            title: 'Views',
            intro: 'Tell us.',
            scaleLabels: [{ label: 'No' }, { label: 'Maybe' }, { label: 'Yes' }],
            items: [
              { itemId: 'v1', text: 'One.', reversed: false },
              { itemId: 'v2', text: 'Two.', reversed: true },
            ],
            consentVersion: 'v-1',
            consent: 'I agree.',
          },
        })
      ).id,
    [
      { path: 'courseId', type: 'text', value: 'every-field-2' },
      { path: 'title', type: 'text', value: 'Every field, edited' },
      { path: 'description', type: 'text', value: 'A course, edited.' },
      { path: 'languages', type: 'select', label: 'Spanish (es)', value: ['en', 'fr', 'es'] },
      { path: 'sourceLocale', type: 'select', label: 'French (fr)', value: 'fr' },
      { path: 'theme', type: 'text', value: 'plain' },
      { path: 'modules', type: 'relationship', label: /A module/, value: ['@ef-module'] },
      { path: 'points.lessonViewed', type: 'number', value: 12 },
      { path: 'points.correctAnswer', type: 'number', value: 6 },
      { path: 'points.challengeDone', type: 'number', value: 30 },
      { path: 'points.replayCountsOnlyIfBetter', type: 'checkbox', value: false },
      { path: 'glossary.0.termId', type: 'text', value: 'crpd-2' },
      { path: 'glossary.0.term', type: 'text', value: 'The CRPD' },
      { path: 'glossary.0.definition', type: 'text', value: 'A UN convention.' },
      { path: 'questionnaire.questionnaireId', type: 'text', value: 'views-2' },
      { path: 'questionnaire.scale', type: 'number', value: 4 },
      { path: 'questionnaire.title', type: 'text', value: 'Your views' },
      { path: 'questionnaire.intro', type: 'text', value: 'Tell us, please.' },
      { path: 'questionnaire.scaleLabels.0.label', type: 'text', value: 'Not at all' },
      { path: 'questionnaire.items.0.itemId', type: 'text', value: 'v1-b' },
      { path: 'questionnaire.items.0.text', type: 'text', value: 'One, edited.' },
      { path: 'questionnaire.items.0.reversed', type: 'checkbox', value: true },
      { path: 'questionnaire.consentVersion', type: 'text', value: 'v-2' },
      { path: 'questionnaire.consent', type: 'text', value: 'I agree to this.' },
    ],
  );

  /** A learner signed up through the learner API, as a bundle does: its id and token. */
  const learner = async (username: string) => {
    const response = await fetch(`${cms.url}/api/learner/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: `pw-${username}-123`, displayName: 'Sam' }),
    });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    return body as { token: string; learner: { id: string } };
  };

  plan('learners', async () => (await learner('every-field-sam')).learner.id, [
    { path: 'displayName', type: 'text', value: 'Samira' },
    { path: 'leaderboard', type: 'checkbox', value: true },
    { path: 'username', type: 'text', value: 'every-field-samira' },
    { path: 'email', type: 'text', value: 'samira@example.org' },
  ]);

  plan(
    'forum-posts',
    async () => {
      const { token: bearer } = await learner('every-field-writer');
      const started = await fetch(`${cms.url}/api/learner/forums`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({
          course: 'mini',
          module: 'basics',
          locale: 'en',
          title: 'A first question',
          body: 'Who decides?',
        }),
      });
      const { thread } = await started.json();
      expect(started.status).toBe(201);
      return (await api(`forum-posts?where[thread][equals]=${thread}&depth=0`)).docs[0].id;
    },
    // A new learner's first post is held: the moderator approves it.
    [{ path: 'status', type: 'select', label: 'visible', value: 'visible' }],
  );

  plan(
    'questionnaire-responses',
    async () =>
      (
        await create('questionnaire-responses', {
          courseId: 'mini',
          learner: 'every-field-1',
          phase: 'pre',
          answers: { v1: 1, v2: 2 },
        })
      ).id,
    [
      { path: 'learner', type: 'text', value: 'every-field-2' },
      { path: 'phase', type: 'select', label: 'post', value: 'post' },
      { path: 'answers', type: 'json', value: { 'v1-b': 4, v2: 1 } },
      { path: 'groups', type: 'json', value: { locale: 'fr', site: 'north' } },
      { path: 'consentVersion', type: 'text', value: 'mini-2' },
      // The answers are checked against the questionnaire of the course named here (edited above).
      { path: 'courseId', type: 'text', value: 'every-field-2' },
    ],
  );

  it('the edits below reach every field an admin can edit, in every collection', async () => {
    // The server's own config, sanitized: auth and upload fields included.
    const config = await (await import('../../cms/payload.config.ts')).default;
    const admin = { collection: 'users', id: 1, roles: ['admin'], email: 'a@example.org' };
    const req = { user: admin, locale: 'en' };
    // An access rule that throws on this stand-in request, or answers later (a promise, which
    // needs the real request), counts as allowing: the test then asks for an edit rather than
    // skipping a field.
    const allows = (access: unknown) => {
      if (typeof access !== 'function') return true;
      try {
        const answer = access({ req, id: 1, data: {} });
        if (answer instanceof Promise) {
          answer.catch(() => {});
          return true;
        }
        return Boolean(answer);
      } catch {
        return true;
      }
    };
    const seen = new Set(
      plans.flatMap(({ collection, edits }) =>
        edits.map((e) => `${collection}.${e.path.replace(/\.\d+\./g, '.N.')}`),
      ),
    );
    const missing: string[] = [];
    const walk = (slug: string, fields: Field[], prefix: string) => {
      for (const field of fields) {
        if (!('name' in field)) {
          if ('fields' in field) walk(slug, field.fields, prefix);
          if ('tabs' in field) for (const tab of field.tabs) walk(slug, tab.fields, prefix);
          continue;
        }
        const name = `${prefix}${field.name}`;
        if (field.type === 'ui') continue;
        const { hidden, admin, access } = field as {
          hidden?: boolean;
          admin?: { hidden?: boolean; readOnly?: boolean };
          access?: { update?: unknown };
        };
        if (hidden || admin?.hidden || admin?.readOnly || !allows(access?.update)) continue;
        if (field.type === 'array') walk(slug, field.fields, `${name}.N.`);
        else if (field.type === 'group') walk(slug, field.fields, `${name}.`);
        else if (
          !seen.has(`${slug}.${name}`) &&
          !elsewhere[`${slug}.${name}`] &&
          !elsewhere[`*.${name}`]
        )
          missing.push(`${slug}.${name}`);
      }
    };
    const shown: string[] = [];
    for (const collection of config.collections) {
      const hidden = collection.admin?.hidden;
      if (typeof hidden === 'function' ? hidden({ user: admin } as never) : hidden) continue;
      if (!allows(collection.access?.update)) continue;
      shown.push(collection.slug);
      walk(collection.slug, collection.fields, '');
    }
    expect(shown).toEqual(expect.arrayContaining(['users', 'courses', 'units', 'learners']));
    expect(missing).toEqual([]);
  });

  it('each edit is made in the admin, offline, saved, and read back', async () => {
    const { page, refused, settled } = await offlineAdminPage(browser, cms);
    const ids: Record<string, string> = {};
    for (const { collection, doc, edits } of plans) {
      const id = await doc();
      const stored = await api(`${collection}/${id}?depth=0&draft=true&locale=en`);
      const handle =
        stored.unitId ?? stored.moduleId ?? stored.courseId ?? stored.email ?? String(id);
      ids[`@${handle}`] = id;
      const what = `${collection} ${handle}`;
      await page.goto(`${cms.url}/admin/collections/${collection}/${id}`);
      await page.waitForLoadState('networkidle').catch(() => {});
      for (const edit of edits) {
        await settled();
        await applyEdit(page, edit).catch((error: Error) => {
          throw new Error(`${what}: ${edit.path}: ${error.message}`);
        });
      }
      await settled();
      const saveButton = page.locator('#action-save-draft, #action-save').first();
      const saved = page.waitForResponse(
        (r) => r.url().includes(`/api/${collection}/${id}`) && r.request().method() === 'PATCH',
      );
      await saveButton.click();
      const answer = await saved;
      expect(answer.status(), `${what}: ${(await answer.text()).slice(0, 1500)}`).toBe(200);
      const after = await api(`${collection}/${id}?depth=0&draft=true&locale=en`);
      for (const edit of edits) {
        const expected =
          Array.isArray(edit.value) && String(edit.value[0]).startsWith('@')
            ? edit.value.map((v) => ids[v])
            : edit.value;
        expect(valueAt(after, edit.path), `${what}: ${edit.path}`).toEqual(expected);
      }
    }
    expect(refused).toEqual([]);
    await page.close();
  });
});

const fieldId = (path: string) => `field-${path.replace(/\./g, '__')}`;

function valueAt(doc: unknown, path: string): unknown {
  return path.split('.').reduce((v: any, key) => v?.[key], doc) ?? null;
}

async function applyEdit(page: Page, edit: Edit): Promise<void> {
  const id = fieldId(edit.path);
  switch (edit.type) {
    case 'text':
    case 'number':
      return page.locator(`#${id}`).fill(String(edit.value));
    case 'json':
      return page.locator(`textarea[name="${edit.path}"]`).fill(JSON.stringify(edit.value));
    case 'checkbox':
      return page.locator(`#${id}`).setChecked(edit.value);
    case 'apiKey':
      await page.locator('#generate-api-key').click();
      await page.locator('#confirm-action').click();
      await expect.poll(() => page.locator('.api-key input').first().inputValue()).not.toBe('');
      return;
    case 'radio':
      return page.locator(`[id="field-${edit.path}-${edit.value}"]`).check({ force: true });
    case 'select':
    case 'relationship': {
      await page.locator(`#${id}`).click();
      if (edit.type === 'relationship' && edit.label instanceof RegExp)
        await page.keyboard.type(edit.label.source.replace(/[^\w ]/g, ''));
      const option = page.getByRole('option', {
        name: edit.label,
        exact: typeof edit.label === 'string',
      });
      // The open menu's option (the locale switch keeps hidden <option>s of the same names).
      await option.filter({ visible: true }).first().click();
      await page.keyboard.press('Escape');
      return;
    }
  }
}

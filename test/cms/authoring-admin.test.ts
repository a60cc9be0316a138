/**
 * Authoring in the real admin. The quiz editor (Chromium, every request that leaves the server
 * refused): an author writes a quiz with one question of each of the five types, keyed by the
 * editor's own controls (a True/False choice, Correct boxes, options dragged into order with the
 * keyboard, partners among the targets); a missing key is refused on the field before anything is
 * saved; the quiz goes into a module, is published, the bundles are published, and in the bundle
 * the right answers score 5 of 5. Then every collection's edit view renders with nothing loaded
 * from another host, JSON fields as text that an evaluator corrects and saves. Publishing a course
 * whose drafts would stop Publish bundles is refused with the problems, and the course's Checks
 * panel links each one to its unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { offlineAdminPage } from '../helpers/admin-page.ts';
import { launchChromium } from '../helpers/browser.ts';
import { adminToken, startCmsServer, type CmsServer } from '../helpers/cms-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';

describe('authoring in the admin, offline', { timeout: 480_000 }, () => {
  let cms: CmsServer;
  let browser: Browser;
  let token: string;
  const api = async (p: string, init: RequestInit = {}) =>
    (
      await fetch(`${cms.url}/api/${p}`, {
        ...init,
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      })
    ).json();

  beforeAll(async () => {
    cms = await startCmsServer(miniCourseDir, 'mini');
    token = await adminToken(cms);
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await cms?.stop();
  });

  const offlinePage = () => offlineAdminPage(browser, cms);

  it('an author writes a quiz of all five types, publishes it, and it scores right', async () => {
    const { page, refused, settled } = await offlinePage();
    const choose = async (selector: string, name: string | RegExp) => {
      await page.click(selector);
      await page
        .getByRole('option', typeof name === 'string' ? { name, exact: true } : { name })
        .click();
    };
    // Each step waits for the form's last state request: a click on a loaded machine while the
    // form still merges the last answer was seen to add no row (CI, 2026-12-03: "Add Option"
    // clicked, no row for 60 s). So a row is added by clicking until it is there, never twice: a
    // click is repeated only when the row has not come within 30 s and no earlier click's row has.
    const addRow = async (list: string, button: string, row: string) => {
      const rowThere = () =>
        page
          .locator(row)
          .waitFor({ timeout: 30_000 })
          .then(
            () => true,
            () => false,
          );
      await expect
        .poll(
          async () => {
            if ((await page.locator(row).count()) > 0) return true;
            await settled();
            await page.locator(list).getByRole('button', { name: button }).click();
            return rowThere();
          },
          { timeout: 240_000, interval: 500, message: `${button} adds ${row}` },
        )
        .toBe(true);
    };
    const addQuestion = async (n: number, type: string, prompt: string) => {
      await addRow('#field-questions', 'Add Question', `#field-questions__${n}__type`);
      await choose(`#field-questions__${n}__type`, type);
      await page.fill(`#field-questions__${n}__prompt`, prompt);
    };
    const addOption = async (n: number, m: number, text: string) => {
      const row = `#field-questions__${n}__options__${m}__text`;
      await addRow(`#field-questions__${n}__options`, 'Add Option', row);
      await page.fill(row, text);
    };

    // Choosing the kind shows the quiz's fields. On a loaded machine the create form sometimes
    // takes the choice in its select but never asks the server for the fields it conditions (one
    // form-state request at load, none after, for minutes): open the form again and choose again.
    const chooseKind = async (kind: string) => {
      await page.click('#field-kind', { timeout: 10_000 }).catch(() => {});
      await page
        .getByRole('option', { name: kind, exact: true })
        .click({ timeout: 10_000 })
        .catch(() => {});
    };
    const addQuestionButton = page.getByRole('button', { name: 'Add Question' });
    await expect
      .poll(
        async () => {
          await page.goto(`${cms.url}/admin/collections/units/create`);
          // The form works once its scripts have loaded and it has asked for its state.
          await page.waitForLoadState('networkidle').catch(() => {});
          await page.fill('#field-unitId', 'editor-quiz');
          await chooseKind('Quiz');
          await addQuestionButton.waitFor({ timeout: 30_000 }).catch(() => {});
          return addQuestionButton.count();
        },
        { timeout: 240_000, interval: 1000 },
      )
      .toBe(1);
    await page.fill('#field-title', 'Quiz made in the admin');
    await addQuestion(0, 'True or false', 'The sky is green.');
    await addQuestion(1, 'Single choice', 'Which is a colour?');
    await addOption(1, 0, 'Blue');
    await addOption(1, 1, 'Table');

    // No true/false answer, no ticked option: refused on those fields, nothing stored.
    await settled();
    const refusedSave = page.waitForResponse(
      (r) => r.url().includes('/api/units') && r.request().method() === 'POST',
    );
    await page.click('#action-save');
    const refusal = await refusedSave;
    expect(refusal.status()).toBe(400);
    // What the server said, and what the page showed, for a failure message.
    const said = JSON.stringify(await refusal.json()).slice(0, 2000);
    await expect
      .poll(() => page.locator('.field-error').allTextContents(), {
        timeout: 60_000,
        message: `the 400 said ${said}; the page showed: ${await page
          .locator('.payload-toast-container, .toast')
          .allTextContents()
          .catch(() => [])}`,
      })
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Question "q1": choose whether the statement is true or false.'),
          expect.stringContaining('Question "q2": tick the one correct option.'),
        ]),
      );
    expect((await api('units?where[unitId][equals]=editor-quiz&draft=true')).totalDocs).toBe(0);

    // The problems stay while other fields change (each change asks the server for the form's
    // state, which checks the key too) and go once fixed, before the next save.
    await page.fill('#field-title', 'Quiz made in the admin, keyed');
    await settled();
    expect(await page.locator('.field-error').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Question "q2": tick the one correct')]),
    );
    // One change at a time, as a person makes them: Payload (3.90) sends no form-state request
    // for a change made while an earlier one is out and answered within its 250 ms debounce (the
    // answer's merge becomes the "previous state"), so that change's check waits for the next one.
    await page.locator('[id="field-questions.0.answer-is-false"]').check({ force: true });
    await settled();
    await page.locator('#field-questions__1__options__0__correct').check();
    await settled();
    await expect
      .poll(() => page.locator('.field-error').allTextContents(), { timeout: 60_000 })
      .not.toEqual(expect.arrayContaining([expect.stringContaining('Question "q')]));
    await addQuestion(2, 'Multiple choice', 'Which are fruits?');
    for (const [m, text] of ['Apple', 'Stone', 'Pear'].entries()) await addOption(2, m, text);
    await page.locator('#field-questions__2__options__0__correct').check();
    await page.locator('#field-questions__2__options__2__correct').check();
    await addQuestion(3, 'Ordering', 'Order the numbers, smallest first.');
    for (const [m, text] of ['One', 'Three', 'Two'].entries()) await addOption(3, m, text);
    // Drag "Two" above "Three" with the keyboard (the rows' drag handles). A loaded machine can
    // miss a key of the drag: drag again while the order is still the first one.
    const order = () =>
      page.$$eval('[id^=field-questions__3__options__][id$=__text]', (inputs) =>
        inputs.map((i) => (i as HTMLInputElement).value),
      );
    await expect
      .poll(
        async () => {
          if ((await order()).join() === 'One,Three,Two') {
            await page.locator('#field-questions__3__options .collapsible__drag').nth(2).focus();
            for (const key of ['Space', 'ArrowUp', 'Space']) {
              await page.keyboard.press(key);
              await page.waitForTimeout(500);
            }
            await page.waitForTimeout(1000);
          }
          return order();
        },
        { timeout: 60_000 },
      )
      .toEqual(['One', 'Two', 'Three']);
    await addQuestion(4, 'Matching', 'Match each animal with its sound.');
    await addOption(4, 0, 'Dog');
    await addOption(4, 1, 'Cat');
    for (const [m, text] of ['Meow', 'Woof', 'Moo'].entries()) {
      const row = `#field-questions__4__targets__${m}__text`;
      await addRow('#field-questions__4__targets', 'Add Target', row);
      await page.fill(row, text);
    }
    await choose('#field-questions__4__options__0__match', /^Woof/);
    await choose('#field-questions__4__options__1__match', /^Meow/);

    await settled();
    const saved = page.waitForResponse(
      (r) => r.url().includes('/api/units') && r.request().method() === 'POST',
    );
    await page.click('#action-save');
    const answer = await (await saved).json();
    expect(answer.doc?.questions?.map((q: { correct: string[] }) => q.correct)).toEqual([
      ['false'],
      ['a'],
      ['a', 'c'],
      ['a', 'b', 'c'],
      [expect.stringMatching(/^a=/), expect.stringMatching(/^b=/)],
    ]);
    const quiz = answer.doc;
    const sounds = Object.fromEntries(
      quiz.questions[4].targets.map((t: { targetId: string; text: string }) => [
        t.text,
        t.targetId,
      ]),
    );
    expect(quiz.questions[4].correct).toEqual([`a=${sounds.Woof}`, `b=${sounds.Meow}`]);

    // Into the module, published, then the bundles.
    const basics = (await api('modules?where[moduleId][equals]=basics&depth=0')).docs[0];
    await page.goto(`${cms.url}/admin/collections/modules/${basics.id}`);
    await page.click('#field-units');
    await page.keyboard.type('Quiz made');
    await page.getByRole('option', { name: /Quiz made in the admin/ }).click();
    const moduleSaved = page.waitForResponse(
      (r) => r.url().includes(`/api/modules/${basics.id}`) && r.request().method() === 'PATCH',
    );
    await page.click('#action-save');
    expect((await moduleSaved).status()).toBe(200);

    const course = (await api('courses?where[courseId][equals]=mini&depth=0')).docs[0];
    await page.goto(`${cms.url}/admin/collections/courses/${course.id}`);
    const started = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/courses/${course.id}/publish`) && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Publish bundles' }).click();
    const { job } = await (await started).json();
    await expect
      .poll(async () => (await api(`publish-jobs/${job}`)).state, { timeout: 120_000 })
      .toBe('done');
    expect(refused).toEqual([]);

    // The learner: in the bundle, the right answers score 5 of 5.
    const learner = await browser.newPage();
    const quizPage = await learner.goto(`${cms.url}/bundles/mini/en/basics/editor-quiz/index.html`);
    expect(
      quizPage?.status(),
      `the module's units: ${JSON.stringify((await api(`modules/${basics.id}?depth=0`)).units)}`,
    ).toBe(200);
    await learner.check('#q-q1 input[value="false"]');
    await learner.check('#q-q2 input[value="a"]');
    await learner.check('#q-q3 input[value="a"]');
    await learner.check('#q-q3 input[value="c"]');
    for (const [option, position] of [
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ])
      await learner.selectOption(`#q-q4-${option}`, position);
    await learner.selectOption('#q-q5-a', sounds.Woof);
    await learner.selectOption('#q-q5-b', sounds.Meow);
    await learner.click('form.quiz button[type="submit"]');
    await expect
      .poll(() => learner.textContent('.quiz-result'))
      .toBe('You answered 5 of 5 questions correctly. You passed this quiz.');
    await learner.close();
    await page.close();
  });

  it('every edit view renders with nothing from another host; JSON is edited as text', async () => {
    const response = await api('questionnaire-responses', {
      method: 'POST',
      body: JSON.stringify({
        courseId: 'mini',
        learner: 'l-1',
        phase: 'pre',
        answers: { v1: 1, v2: 2 },
      }),
    });
    expect(response.doc?.id, JSON.stringify(response)).toBeDefined();
    const { page, refused } = await offlinePage();
    const first = async (collection: string, where = '') =>
      (await api(`${collection}?limit=1&depth=0${where}`)).docs[0]?.id;
    const views: [string, string | number | undefined][] = [
      ['courses', await first('courses')],
      ['modules', await first('modules')],
      ['media', await first('media')],
      ['users', await first('users')],
      ['publish-jobs', await first('publish-jobs')],
      ['questionnaire-responses', response.doc.id],
    ];
    for (const kind of ['lesson', 'video', 'infosheet', 'quiz', 'challenge'])
      views.push(['units', await first('units', `&where[kind][equals]=${kind}`)]);
    // Provenance rows exist once a course has translations (the mini course may have none).
    const translations = await first('translations');
    if (translations) views.push(['translations', translations]);
    let jsonFields = 0;
    for (const [collection, id] of views) {
      expect(id, `a ${collection} document to open`).toBeDefined();
      await page.goto(`${cms.url}/admin/collections/${collection}/${id}`);
      await page.locator('#action-save, .doc-controls').first().waitFor();
      // Every JSON field is a textarea holding the stored value (Payload's editor would wait on
      // a CDN forever: a shimmer instead of the field).
      const stored = await api(`${collection}/${id}?depth=0&draft=true`);
      for (const textarea of await page.locator('.json-field textarea').all()) {
        const name = (await textarea.getAttribute('name'))!;
        expect(
          JSON.parse((await textarea.inputValue()) || 'null'),
          `${collection} ${name}`,
        ).toEqual(name.split('.').reduce((v: any, key) => v?.[key], stored) ?? null);
        jsonFields++;
      }
      await expect
        .poll(() => page.locator('.shimmer-effect').count(), { message: collection })
        .toBe(0);
    }
    expect(jsonFields).toBeGreaterThanOrEqual(3);

    // An evaluator's correction of one answer, as JSON: invalid text is not taken, valid is saved.
    await page.goto(`${cms.url}/admin/collections/questionnaire-responses/${response.doc.id}`);
    const answers = page.locator('textarea[name="answers"]');
    await answers.fill('{"v1": 1, "v2": ');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/Not valid JSON/);
    await answers.fill('{"v1": 1, "v2": 3}');
    const saved = page.waitForResponse(
      (r) => r.url().includes('/api/questionnaire-responses/') && r.request().method() === 'PATCH',
    );
    await page.click('#action-save');
    expect((await saved).status()).toBe(200);
    expect((await api(`questionnaire-responses/${response.doc.id}`)).answers).toEqual({
      v1: 1,
      v2: 3,
    });
    expect(refused).toEqual([]);
    await page.close();
  });

  it('publishing a course is refused while its drafts would stop Publish bundles', async () => {
    const lesson = (await api('units?where[unitId][equals]=second-lesson&depth=0&draft=true'))
      .docs[0];
    const course = (await api('courses?where[courseId][equals]=mini&depth=0')).docs[0];
    const published = await (await fetch(`${cms.url}/bundles/mini/en/index.html`)).text();
    const draft = await api(`units/${lesson.id}?locale=en&draft=true`, {
      method: 'PATCH',
      body: JSON.stringify({
        body: 'Still here.\n\n<Figure src="media/missing.png" alt="Gone" />',
        _status: 'draft',
      }),
    });
    expect(draft.doc?.id, JSON.stringify(draft)).toBe(lesson.id);

    // REST: 400 with the problem, where it is, and the link that edits it.
    const refusal = await fetch(`${cms.url}/api/courses/${course.id}?locale=en`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ _status: 'published' }),
    });
    expect(refusal.status).toBe(400);
    const error = (await refusal.json()).errors[0];
    expect(error.message).toMatch(
      new RegExp(
        '^Not published: 1 problem\\(s\\) would stop Publish bundles\\. unit "second-lesson": ' +
          'Image not found: media/missing\\.png \\[polycourse:missing-media\\]',
      ),
    );
    expect(error.data.problems).toMatchObject([
      {
        ruleId: 'polycourse:missing-media',
        line: 3,
        edit: `/admin/collections/units/${lesson.id}`,
        editLabel: 'unit "second-lesson"',
        editTarget: { kind: 'unit', id: 'second-lesson' },
      },
    ]);
    // Nothing went out: the lesson's published version is the old one.
    const anonymous = await (await fetch(`${cms.url}/api/units/${lesson.id}?locale=en`)).json();
    expect(anonymous.body).not.toContain('missing.png');
    expect(await (await fetch(`${cms.url}/bundles/mini/en/index.html`)).text()).toBe(published);

    // The admin: the course's Checks panel lists it with an Edit link that opens the lesson.
    const { page, refused } = await offlinePage();
    await page.goto(`${cms.url}/admin/collections/courses/${course.id}`);
    const problems = page.locator('.polycourse-check-problems li');
    // A click before the panel has hydrated does nothing (seen on a loaded machine).
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Check course' }).click();
          await problems
            .first()
            .waitFor({ timeout: 15_000 })
            .catch(() => {});
          return problems.count();
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toBeGreaterThan(0);
    const texts = (await problems.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    expect(texts).toEqual([
      'Edit unit “second-lesson”: Image not found: media/missing.png ' +
        "[polycourse:missing-media] (line 3:1) Add media/missing.png to the course's media " +
        'folder or correct the path.',
    ]);
    await problems.first().getByRole('link').click();
    await page.waitForURL(`${cms.url}/admin/collections/units/${lesson.id}`);

    // Fixed in the draft: the course publishes, and the check says so.
    await api(`units/${lesson.id}?locale=en&draft=true`, {
      method: 'PATCH',
      body: JSON.stringify({ body: 'Fixed.', _status: 'draft' }),
    });
    const publish = await fetch(`${cms.url}/api/courses/${course.id}?locale=en`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ _status: 'published' }),
    });
    expect(publish.status, await publish.clone().text()).toBe(200);
    expect((await (await fetch(`${cms.url}/api/units/${lesson.id}?locale=en`)).json()).body).toBe(
      'Fixed.',
    );
    await page.goto(`${cms.url}/admin/collections/courses/${course.id}`);
    // A click before the panel has hydrated does nothing (seen on a loaded machine): click until
    // the panel answers.
    const status = page.locator('.polycourse-checks [role=status]');
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Check course' }).click();
          await status
            .filter({ hasText: /\S/ })
            .waitFor({ timeout: 15_000 })
            .catch(() => {});
          return status.innerText();
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toBe('No problems: the bundles can be published.');
    expect(refused).toEqual([]);
    await page.close();
  });

  it(
    'the outline, course check and placement endpoints refuse strangers and bad input with ' +
      'what to fix; nothing changes',
    async () => {
      const course = (await api('courses?where[courseId][equals]=mini&depth=0&draft=true')).docs[0];
      const basics = (await api('modules?where[moduleId][equals]=basics&depth=0&draft=true'))
        .docs[0];
      const unit = (await api('units?where[unitId][equals]=first-lesson&depth=0&draft=true'))
        .docs[0];
      const unitsOfBasics = async () =>
        (await api(`modules/${basics.id}?depth=0&draft=true`)).units.map(String);
      const before = await unitsOfBasics();
      // Anonymous readers: 403 on every staff endpoint.
      for (const p of [
        `courses/${course.id}/outline`,
        `courses/${course.id}/check`,
        `units/${unit.id}/placement`,
      ])
        expect((await fetch(`${cms.url}/api/${p}`)).status, p).toBe(403);
      const post = (body: unknown) =>
        fetch(`${cms.url}/api/courses/${course.id}/outline`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
          body: JSON.stringify(body),
        });
      const refusals: [unknown, string][] = [
        [
          { action: 'add', module: basics.id, kind: 'essay', title: 'An essay' },
          'kind must be one of lesson, video, infosheet, quiz, challenge.',
        ],
        [
          { action: 'add', module: basics.id, kind: 'lesson', title: 'x'.repeat(201) },
          'Give the unit a title (at most 200 characters).',
        ],
        [
          { action: 'add', module: basics.id, kind: 'lesson', title: '   ' },
          'Give the unit a title (at most 200 characters).',
        ],
        [
          { action: 'add', module: 999_999, kind: 'lesson', title: 'Stray' },
          "Module 999999 is not one of this course's modules.",
        ],
        [
          { action: 'add', module: basics.id, kind: 'lesson', title: 'A', unitId: 'Not A Slug' },
          'The id "Not A Slug" is not a slug: use lowercase letters, digits and single dashes, ' +
            'unique in the course.',
        ],
        [
          { action: 'add', module: basics.id, kind: 'lesson', title: 'A', unitId: 'first-lesson' },
          'The id "first-lesson" is already used in this course: use lowercase letters, digits ' +
            'and single dashes, unique in the course.',
        ],
        [{ action: 'delete', unit: unit.id }, 'action must be "add" or "move".'],
        ['not an object', 'action must be "add" or "move".'],
      ];
      for (const [body, error] of refusals) {
        const answer = await post(body);
        expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(await answer.json()).toEqual({ error });
      }
      expect(await unitsOfBasics()).toEqual(before);
    },
  );

  it('the outline: add units in one step, reorder and move them, see their status', async () => {
    const course = (await api('courses?where[courseId][equals]=mini&depth=0&draft=true')).docs[0];
    const more = (
      await api('modules?draft=true', {
        method: 'POST',
        body: JSON.stringify({ moduleId: 'more', title: 'More', units: [], _status: 'draft' }),
      })
    ).doc;
    await api(`courses/${course.id}?draft=true`, {
      method: 'PATCH',
      body: JSON.stringify({ modules: [...course.modules, more.id], _status: 'draft' }),
    });
    const outline = async () =>
      (await api(`courses/${course.id}/outline`)) as {
        modules: {
          moduleId: string;
          status: string;
          units: { unitId: string; status: string; translation: Record<string, any> }[];
        }[];
      };
    const unitsOf = async (moduleId: string) =>
      (await outline()).modules.find((m) => m.moduleId === moduleId)!.units.map((u) => u.unitId);
    const before = await unitsOf('basics');
    expect(before.slice(0, 2)).toEqual(['first-lesson', 'second-lesson']);

    const { page, refused } = await offlinePage();
    await page.goto(`${cms.url}/admin/collections/courses/${course.id}`);
    const basics = page.locator('.polycourse-outline-module[data-module="basics"]');
    await basics.locator('.polycourse-outline-unit').first().waitFor();
    expect(
      await basics.locator('.polycourse-outline-unit[data-unit="first-lesson"]').innerText(),
    ).toMatch(/First lesson[\s\S]*Lesson[\s\S]*Published/);

    // Add: one action, the id from the title, unique in the course.
    const status = page.locator('.polycourse-outline-message');
    for (const expected of ['rights-dignity', 'rights-dignity-2']) {
      await basics.getByPlaceholder('Title of a new unit').fill('Rights & Dignity!');
      await basics.getByRole('button', { name: 'Add to Basics' }).click();
      await expect.poll(() => status.innerText()).toBe('Added “Rights & Dignity!” to Basics.');
      await basics.locator(`[data-unit="${expected}"]`).waitFor();
      await status.evaluate((e) => (e.textContent = ''));
    }
    expect(await unitsOf('basics')).toEqual([...before, 'rights-dignity', 'rights-dignity-2']);
    const added = basics.locator('[data-unit="rights-dignity"]');
    expect(await added.innerText()).toMatch(/Draft/);
    // Its title is in English only; French and Arabic have everything to translate.
    expect(await added.locator('[data-locale="fr"]').getAttribute('title')).toMatch(
      /^fr: [12] missing$/,
    );
    expect((await outline()).modules[0].status).toBe('changed');

    // Reorder with a button, then by dragging onto the first unit.
    // The second unit of that title (rights-dignity-2) goes up, above rights-dignity.
    await page.getByRole('button', { name: 'Move “Rights & Dignity!” up' }).nth(1).click();
    await expect
      .poll(() => unitsOf('basics'))
      .toEqual([...before, 'rights-dignity-2', 'rights-dignity']);
    await expect
      .poll(() => basics.locator('.polycourse-outline-unit').last().getAttribute('data-unit'))
      .toBe('rights-dignity');
    await basics
      .locator('[data-unit="rights-dignity"]')
      .dragTo(basics.locator('[data-unit="first-lesson"]'));
    await expect.poll(async () => (await unitsOf('basics'))[0]).toBe('rights-dignity');

    // Move to another module with the chooser.
    await expect
      .poll(() => basics.locator('.polycourse-outline-unit').first().getAttribute('data-unit'))
      .toBe('rights-dignity');
    await basics
      .locator('[data-unit="rights-dignity"]')
      .getByRole('combobox', { name: 'Move “Rights & Dignity!” to module' })
      .selectOption({ label: 'More' });
    await expect.poll(() => unitsOf('more')).toEqual(['rights-dignity']);
    expect(await unitsOf('basics')).not.toContain('rights-dignity');
    // The unit says which module holds it.
    await page
      .locator('.polycourse-outline-module[data-module="more"] a', { hasText: 'Rights' })
      .click();
    await expect
      .poll(async () =>
        (await page.locator('.polycourse-unit-placement').innerText()).replace(/\s+/g, ' '),
      )
      .toMatch(/^In module More of the course Mini course /);

    // Only admins and authors change the outline.
    await api('users', {
      method: 'POST',
      body: JSON.stringify({
        email: 'outline-translator@example.org',
        password: 'pw-outline-translator',
        roles: ['translator'],
        workLocales: ['fr'],
      }),
    });
    const translator = (
      await (
        await fetch(`${cms.url}/api/users/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: 'outline-translator@example.org',
            password: 'pw-outline-translator',
          }),
        })
      ).json()
    ).token;
    const refusedMove = await fetch(`${cms.url}/api/courses/${course.id}/outline`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${translator}` },
      body: JSON.stringify({ action: 'add', module: more.id, kind: 'lesson', title: 'Mine' }),
    });
    expect(refusedMove.status).toBe(403);
    expect(await unitsOf('more')).toEqual(['rights-dignity']);
    expect(refused).toEqual([]);
    await page.close();
  });

  it(
    'captions: a .vtt file is loaded into its row and saved; text that is not WebVTT is ' +
      'refused on the field, over REST and GraphQL, with line and column; over 1 MB is refused',
    async () => {
      const video = (await api('units?where[unitId][equals]=intro-video&depth=0&draft=true'))
        .docs[0];
      const stored = async () => (await api(`units/${video.id}?depth=0&draft=true`)).captions;
      const before = await stored();
      expect(before.length).toBeGreaterThan(0);
      const bad = 'WEBVTT\n\n00:01,000 --> 00:02.000\nHello\n';
      const good = 'WEBVTT\n\n00:00.500 --> 00:02.000\nHello from a new file.\n';

      // REST: refused with the position, nothing stored changes.
      const rows = before.map((row: { locale: string; vtt: string }, i: number) =>
        i === 0 ? { ...row, vtt: bad } : row,
      );
      const refusedByRest = await fetch(`${cms.url}/api/units/${video.id}?draft=true`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ captions: rows }),
      });
      expect(refusedByRest.status).toBe(400);
      expect(JSON.stringify(await refusedByRest.json())).toContain(
        '3:6 No decimal separator (\\".\\") found.',
      );
      expect(await stored()).toEqual(before);

      // Over 1 MB: refused whatever it holds, before it is parsed.
      const huge = `WEBVTT\n\n00:00.000 --> 00:01.000\n${'a'.repeat(1_000_001)}\n`;
      const refusedTooLarge = await fetch(`${cms.url}/api/units/${video.id}?draft=true`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ captions: [{ ...before[0], vtt: huge }, ...before.slice(1)] }),
      });
      expect(refusedTooLarge.status).toBe(400);
      expect(JSON.stringify(await refusedTooLarge.json())).toContain('The captions are over 1 MB');
      expect(await stored()).toEqual(before);

      // GraphQL: the same refusal, with the position; nothing stored changes.
      const overGraphql = await fetch(`${cms.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({
          query:
            'mutation($id: Int!, $data: mutationUnitUpdateInput!) ' +
            '{ updateUnit(id: $id, data: $data, draft: true) { id } }',
          variables: {
            id: video.id,
            data: {
              captions: rows.map(({ locale, vtt }: { locale: string; vtt: string }) => ({
                locale,
                vtt,
              })),
            },
          },
        }),
      });
      const graphqlAnswer = JSON.stringify(await overGraphql.json());
      expect(graphqlAnswer).toContain('errors');
      expect(graphqlAnswer).toContain('3:6 No decimal separator');
      expect(await stored()).toEqual(before);

      // The admin: the file goes into the row's text; saving it is refused on the field.
      const { page, refused, settled } = await offlinePage();
      await page.goto(`${cms.url}/admin/collections/units/${video.id}`);
      const text = page.locator('#field-captions__0__vtt');
      await text.waitFor();
      const file = page.locator('.polycourse-caption-file input[type=file]').first();
      await file.setInputFiles({ name: 'bad.vtt', mimeType: 'text/vtt', buffer: Buffer.from(bad) });
      await expect.poll(() => text.inputValue()).toBe(bad);
      // A file over 1 MB is not loaded: the row keeps its text and the picker says why.
      await file.setInputFiles({
        name: 'huge.vtt',
        mimeType: 'text/vtt',
        buffer: Buffer.from(huge),
      });
      await expect
        .poll(() => page.locator('.polycourse-caption-file [role=status]').first().innerText())
        .toMatch(/^huge\.vtt is larger than 1 MB/);
      expect(await text.inputValue()).toBe(bad);
      await settled();
      const save = () => {
        const answer = page.waitForResponse(
          (r) => r.url().includes(`/api/units/${video.id}`) && r.request().method() === 'PATCH',
        );
        return page.click('#action-save').then(() => answer);
      };
      expect((await save()).status()).toBe(400);
      const fieldError = page.locator(
        '.field-type.textarea:has(#field-captions__0__vtt) .field-error',
      );
      await expect.poll(() => fieldError.innerText()).toContain('3:6 No decimal separator');
      expect(await stored()).toEqual(before);

      // A good file replaces it and is saved.
      await file.setInputFiles({
        name: 'good.vtt',
        mimeType: 'text/vtt',
        buffer: Buffer.from(`\uFEFF${good}`),
      });
      await expect.poll(() => text.inputValue()).toBe(good);
      expect(await page.locator('.polycourse-caption-file [role=status]').first().innerText()).toBe(
        'Loaded good.vtt.',
      );
      await settled();
      expect((await save()).status()).toBe(200);
      expect((await stored())[0]).toMatchObject({ locale: before[0].locale, vtt: good });
      expect(refused).toEqual([]);
      await page.close();
    },
  );
});

/**
 * Translators and reviewers change only the translated texts of their locales (issue 9): every
 * shared (non-localized) field, array rows and relationships are refused with a message that says
 * where and why, and a refused request changes nothing stored. Through the Local API with access
 * enforced, on SQLite and PostgreSQL, then against the real server over REST and GraphQL, and in
 * the admin (Chromium).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import type { Browser } from 'playwright-core';
import { databaseAvailable, startCms } from '../helpers/cms.ts';
import { startCmsServer, type CmsServer } from '../helpers/cms-server.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { launchChromium } from '../helpers/browser.ts';
import { readPoCatalog } from '../../compiler/ui-strings/ui-catalog.ts';

const projectDir = path.resolve(import.meta.dirname, '../..');

type Doc = Record<string, any>;

const refusedAs = (
  who: 'translators' | 'reviewers',
  collection: string,
  paths: string[],
  why: string,
  locale = 'fr',
) =>
  `${paths.map((p) => `${collection}/${p}`).join(', ')} (editing ${locale}): ${who} can ` +
  `change only the translated texts of their locales (${locale}); ${why}. Ask an author.`;
const shared = (...paths: string[]) =>
  `${paths.map((p) => `"${p}"`).join(' and ')} ` +
  `${paths.length === 1 ? 'is' : 'are'} shared by every language`;
const rowsOf = (p: string) =>
  `the number and order of the rows of "${p}" are shared by every language`;

for (const kind of ['sqlite', 'postgres'] as const) {
  const available = await databaseAvailable(kind);
  if (available !== true) console.warn(`[cms tests] skipping ${kind}: ${available}`);
  describe.skipIf(available !== true)(
    `translators change only translated texts: Local API on ${kind}`,
    () => {
      let payload: Payload;
      let stop: () => Promise<void>;
      const users: Record<string, Doc> = {};
      let video: Doc;
      let quiz: Doc;
      let module: Doc;
      let course: Doc;

      const as = (name: string) =>
        ({ user: { ...users[name], collection: 'users' }, overrideAccess: false }) as const;
      /**
       * Everything stored about a document: the latest draft and the published document in every
       * locale, and its versions.
       */
      const stored = async (
        collection: 'units' | 'modules' | 'courses' | 'media',
        id: string | number,
      ) => ({
        draft: await payload.findByID({ collection, id, locale: 'all', draft: true, depth: 0 }),
        published: await payload.findByID({
          collection,
          id,
          locale: 'all',
          draft: false,
          depth: 0,
        }),
        versions:
          collection === 'media'
            ? 0
            : (await payload.countVersions({ collection, where: { parent: { equals: id } } }))
                .totalDocs,
      });
      /** The document as the admin form has it in French: every field, shared ones included. */
      const inFrench = async (collection: 'units' | 'modules' | 'courses', id: string | number) =>
        structuredClone(
          await payload.findByID({
            collection,
            id,
            locale: 'fr',
            fallbackLocale: false,
            draft: true,
            depth: 0,
          }),
        ) as Doc;

      beforeAll(async () => {
        ({ payload, stop } = await startCms(kind));
        for (const [name, roles, locales] of [
          ['admin', ['admin'], []],
          ['author', ['author'], []],
          ['translator', ['translator'], ['fr']],
          ['reviewer', ['reviewer'], ['fr']],
          ['german', ['translator'], ['de']],
        ] as const) {
          users[name] = await payload.create({
            collection: 'users',
            data: {
              email: `${name}@example.org`,
              password: `pw-${name}-${Date.now()}`,
              roles: [...roles],
              workLocales: [...locales],
            },
          });
        }
        video = await payload.create({
          collection: 'units',
          locale: 'en',
          ...as('author'),
          data: {
            unitId: 'clip',
            kind: 'video',
            title: 'Clip',
            src: 'media/clip.mp4',
            poster: 'media/poster.png',
            transcript: 'Words.',
            captions: [{ locale: 'en', vtt: 'WEBVTT\n' }],
            _status: 'published',
          },
        });
        quiz = await payload.create({
          collection: 'units',
          locale: 'en',
          ...as('author'),
          data: {
            unitId: 'check',
            kind: 'quiz',
            title: 'Check',
            intro: 'Answer.',
            passMark: 60,
            _status: 'published',
            questions: [
              {
                questionId: 'q1',
                type: 'single',
                prompt: 'Which?',
                correct: ['b'],
                options: [
                  { optionId: 'a', text: 'A', correct: false },
                  { optionId: 'b', text: 'B', correct: true },
                ],
              },
              { questionId: 'q2', type: 'truefalse', prompt: 'True?', correct: true },
            ],
          },
        });
        module = await payload.create({
          collection: 'modules',
          locale: 'en',
          ...as('author'),
          data: {
            moduleId: 'm',
            title: 'Module',
            units: [video.id, quiz.id],
            _status: 'published',
          },
        });
        course = await payload.create({
          collection: 'courses',
          locale: 'en',
          ...as('author'),
          data: {
            courseId: `c-${kind}`,
            title: 'Course',
            languages: ['en', 'fr'],
            sourceLocale: 'en',
            theme: 'default',
            modules: [module.id],
            _status: 'published',
            glossary: [{ termId: 'crpd', term: 'CRPD', definition: 'The convention.' }],
            questionnaire: {
              questionnaireId: 'views',
              scale: 3,
              title: 'Views',
              items: [{ itemId: 'v1', text: 'One', reversed: false }],
            },
          },
        });
        // French texts so far, written by an admin.
        await payload.update({
          collection: 'units',
          id: quiz.id,
          locale: 'fr',
          ...as('admin'),
          data: {
            title: 'Contrôle',
            questions: (await inFrench('units', quiz.id)).questions.map((q: Doc, i: number) => ({
              ...q,
              prompt: ['Laquelle ?', 'Vrai ?'][i],
            })),
          },
        });
      }, 120_000);

      afterAll(async () => {
        await stop?.();
      });

      /** The update must be refused with exactly this message, and change nothing stored. */
      async function expectRefused(
        collection: 'units' | 'modules' | 'courses' | 'media',
        id: string | number,
        data: Doc,
        message: string,
        who = 'translator',
      ) {
        const before = await stored(collection, id);
        const error = await payload.update({ collection, id, locale: 'fr', data, ...as(who) }).then(
          () => null,
          (e: unknown) => e as { status?: number; message: string },
        );
        expect(error, `update ${collection} ${JSON.stringify(data)} was accepted`).not.toBeNull();
        expect(error!.message).toBe(message);
        expect(error!.status).toBe(403);
        expect(await stored(collection, id)).toEqual(before);
      }

      it(
        'a French translator is refused changing the shared ' +
          'fields of a unit: unitId, kind, src, poster, passMark',
        async () => {
          await expectRefused(
            'units',
            video.id,
            { unitId: 'other' },
            refusedAs('translators', 'units', ['unitId'], shared('unitId')),
          );
          await expectRefused(
            'units',
            video.id,
            { kind: 'lesson' },
            refusedAs('translators', 'units', ['kind'], shared('kind')),
          );
          await expectRefused(
            'units',
            video.id,
            { src: '../../../../etc/passwd' },
            refusedAs('translators', 'units', ['src'], shared('src')),
          );
          await expectRefused(
            'units',
            video.id,
            { poster: 'media/other.png', title: 'Clip (fr)' },
            refusedAs('translators', 'units', ['poster'], shared('poster')),
          );
          await expectRefused(
            'units',
            video.id,
            { src: null },
            refusedAs('translators', 'units', ['src'], shared('src')),
          );
          await expectRefused(
            'units',
            quiz.id,
            { passMark: 0 },
            refusedAs('translators', 'units', ['passMark'], shared('passMark')),
          );
          await expectRefused(
            'units',
            video.id,
            { captions: [{ locale: 'fr', vtt: 'WEBVTT\n' }] },
            refusedAs('translators', 'units', ['captions'], rowsOf('captions')),
          );
        },
      );

      it(
        'the answer key, question ids and types and the rows of a quiz ' +
          'are refused, also when sent inside the whole French document',
        async () => {
          const changed = (edit: (doc: Doc) => void) => {
            const doc = structuredClone(french);
            edit(doc);
            return doc;
          };
          const french = await inFrench('units', quiz.id);
          await expectRefused(
            'units',
            quiz.id,
            changed((d) => {
              d.questions[0].correct = ['a'];
            }),
            refusedAs(
              'translators',
              'units',
              ['questions.0.correct'],
              shared('questions.0.correct'),
            ),
          );
          await expectRefused(
            'units',
            quiz.id,
            changed((d) => {
              d.questions[0].options[0].correct = true;
              d.questions[0].options[1].correct = false;
            }),
            refusedAs(
              'translators',
              'units',
              ['questions.0.options.0.correct', 'questions.0.options.1.correct'],
              shared('questions.0.options.0.correct', 'questions.0.options.1.correct'),
            ),
          );
          await expectRefused(
            'units',
            quiz.id,
            changed((d) => {
              d.questions[1].questionId = 'q9';
              d.questions[1].type = 'single';
            }),
            refusedAs(
              'translators',
              'units',
              ['questions.1.questionId', 'questions.1.type'],
              shared('questions.1.questionId', 'questions.1.type'),
            ),
          );
          await expectRefused(
            'units',
            quiz.id,
            changed((d) => {
              d.questions.push({
                questionId: 'q3',
                type: 'truefalse',
                prompt: 'Nouveau ?',
                correct: false,
              });
            }),
            refusedAs('translators', 'units', ['questions'], rowsOf('questions')),
          );
          await expectRefused(
            'units',
            quiz.id,
            changed((d) => {
              d.questions.pop();
            }),
            refusedAs('translators', 'units', ['questions'], rowsOf('questions')),
          );
          await expectRefused(
            'units',
            quiz.id,
            changed((d) => {
              d.questions.reverse();
            }),
            refusedAs('translators', 'units', ['questions'], rowsOf('questions')),
          );
          await expectRefused(
            'units',
            quiz.id,
            changed((d) => {
              d.questions[0].options.splice(0, 1);
            }),
            refusedAs(
              'translators',
              'units',
              ['questions.0.options'],
              rowsOf('questions.0.options'),
            ),
          );
          // Rows without their ids are new rows, even with the same content.
          await expectRefused(
            'units',
            quiz.id,
            changed((d) => {
              for (const q of d.questions) delete q.id;
            }),
            refusedAs('translators', 'units', ['questions'], rowsOf('questions')),
          );
          await expectRefused(
            'units',
            quiz.id,
            changed((d) => {
              d.passMark = 0;
              d.questions[0].correct = [];
            }),
            refusedAs(
              'reviewers',
              'units',
              ['passMark', 'questions.0.correct'],
              shared('passMark', 'questions.0.correct'),
            ),
            'reviewer',
          );
        },
      );

      it(
        "a module's units and a course's languages, " +
          'theme, points and glossary rows are refused',
        async () => {
          await expectRefused(
            'modules',
            module.id,
            { units: [quiz.id] },
            refusedAs('translators', 'modules', ['units'], shared('units')),
          );
          await expectRefused(
            'modules',
            module.id,
            { units: [] },
            refusedAs('translators', 'modules', ['units'], shared('units')),
          );
          await expectRefused(
            'modules',
            module.id,
            { moduleId: 'n', title: 'Module (fr)' },
            refusedAs('translators', 'modules', ['moduleId'], shared('moduleId')),
          );
          await expectRefused(
            'courses',
            course.id,
            { languages: ['en', 'fr', 'de'] },
            refusedAs('translators', 'courses', ['languages'], shared('languages')),
          );
          await expectRefused(
            'courses',
            course.id,
            { theme: 'other' },
            refusedAs('translators', 'courses', ['theme'], shared('theme')),
          );
          await expectRefused(
            'courses',
            course.id,
            { sourceLocale: 'fr', modules: [] },
            refusedAs(
              'translators',
              'courses',
              ['sourceLocale', 'modules'],
              shared('sourceLocale', 'modules'),
            ),
          );
          await expectRefused(
            'courses',
            course.id,
            { points: { correctAnswer: 500 } },
            refusedAs(
              'translators',
              'courses',
              ['points.correctAnswer'],
              shared('points.correctAnswer'),
            ),
          );
          const french = await inFrench('courses', course.id);
          await expectRefused(
            'courses',
            course.id,
            { glossary: [...french.glossary, { termId: 'new', term: 'Nouveau' }] },
            refusedAs('translators', 'courses', ['glossary'], rowsOf('glossary')),
          );
          await expectRefused(
            'courses',
            course.id,
            { questionnaire: { ...french.questionnaire, scale: 5 } },
            refusedAs(
              'translators',
              'courses',
              ['questionnaire.scale'],
              shared('questionnaire.scale'),
            ),
          );
        },
      );

      it(
        'the same translator changes the French texts, inside ' +
          'question rows too, while sending the whole document unchanged',
        async () => {
          const french = await inFrench('units', quiz.id);
          french.title = 'Vérification';
          french.intro = 'Répondez.';
          french.questions[0].prompt = 'Laquelle des deux ?';
          french.questions[0].options[1].text = 'Bé';
          french.questions[0].options[1].feedback = 'Oui.';
          const before = (await payload.findByID({
            collection: 'units',
            id: quiz.id,
            locale: 'all',
            draft: true,
            depth: 0,
          })) as Doc;
          await payload.update({
            collection: 'units',
            id: quiz.id,
            locale: 'fr',
            data: french,
            ...as('translator'),
          });
          const after = (await payload.findByID({
            collection: 'units',
            id: quiz.id,
            locale: 'all',
            draft: true,
            depth: 0,
          })) as Doc;
          expect(after.title).toEqual({ ...before.title, fr: 'Vérification' });
          expect(after.intro).toEqual({ ...before.intro, fr: 'Répondez.' });
          expect(after.questions[0].prompt).toEqual({ en: 'Which?', fr: 'Laquelle des deux ?' });
          expect(after.questions[0].options[1]).toMatchObject({
            optionId: 'b',
            correct: true,
            text: { en: 'B', fr: 'Bé' },
            feedback: { fr: 'Oui.' },
          });
          expect(after.questions.map((q: Doc) => [q.id, q.questionId, q.type, q.correct])).toEqual(
            before.questions.map((q: Doc) => [q.id, q.questionId, q.type, q.correct]),
          );
          expect(after.passMark).toBe(60);

          // Rows with only their id and a text: the shared values inside them stay as stored.
          await payload.update({
            collection: 'units',
            id: quiz.id,
            locale: 'fr',
            data: {
              questions: after.questions.map((q: Doc, i: number) => ({
                id: q.id,
                prompt: `Question ${i + 1}`,
              })),
            },
            ...as('translator'),
          });
          const partial = (await payload.findByID({
            collection: 'units',
            id: quiz.id,
            locale: 'all',
            draft: true,
            depth: 0,
          })) as Doc;
          expect(
            partial.questions.map((q: Doc) => [
              q.questionId,
              q.type,
              q.correct,
              q.prompt.fr,
              q.options.length,
            ]),
          ).toEqual([
            ['q1', 'single', ['b'], 'Question 1', 2],
            ['q2', 'truefalse', ['true'], 'Question 2', 0],
          ]);

          // Only a text, as a REST client would send it; and the video's transcript.
          await payload.update({
            collection: 'units',
            id: video.id,
            locale: 'fr',
            data: { title: 'Extrait', transcript: 'Des mots.' },
            ...as('translator'),
          });
          const clip = (await payload.findByID({
            collection: 'units',
            id: video.id,
            locale: 'all',
            draft: true,
            depth: 0,
          })) as Doc;
          expect(clip).toMatchObject({
            title: { en: 'Clip', fr: 'Extrait' },
            transcript: { en: 'Words.', fr: 'Des mots.' },
            src: 'media/clip.mp4',
            poster: 'media/poster.png',
            kind: 'video',
            unitId: 'clip',
          });
        },
      );

      it(
        'a reviewer changes French texts; module and course ' +
          'texts too, with their relationships sent unchanged',
        async () => {
          const moduleFr = await inFrench('modules', module.id);
          await payload.update({
            collection: 'modules',
            id: module.id,
            locale: 'fr',
            data: { ...moduleFr, title: 'Module (fr)', summary: 'Résumé' },
            ...as('reviewer'),
          });
          expect(
            await payload.findByID({
              collection: 'modules',
              id: module.id,
              locale: 'fr',
              draft: true,
              depth: 0,
            }),
          ).toMatchObject({ title: 'Module (fr)', summary: 'Résumé', units: [video.id, quiz.id] });

          const courseFr = await inFrench('courses', course.id);
          courseFr.title = 'Cours';
          courseFr.glossary[0].term = 'CDPH';
          courseFr.questionnaire.items[0].text = 'Un';
          await payload.update({
            collection: 'courses',
            id: course.id,
            locale: 'fr',
            data: courseFr,
            ...as('reviewer'),
          });
          const after = (await payload.findByID({
            collection: 'courses',
            id: course.id,
            locale: 'all',
            draft: true,
            depth: 0,
          })) as Doc;
          expect(after).toMatchObject({
            title: { en: 'Course', fr: 'Cours' },
            languages: ['en', 'fr'],
            theme: 'default',
            modules: [module.id],
            glossary: [{ termId: 'crpd', term: { en: 'CRPD', fr: 'CDPH' } }],
          });
          expect(after.questionnaire).toMatchObject({
            scale: 3,
            items: [{ itemId: 'v1', text: { en: 'One', fr: 'Un' } }],
          });
        },
      );

      it(
        'a translator of another locale is refused in French, and in German for shared ' +
          'fields; bulk updates are refused per document; restoring a version is refused',
        async () => {
          const before = await stored('units', video.id);
          await expect(
            payload.update({
              collection: 'units',
              id: video.id,
              locale: 'fr',
              data: { title: 'Extrait' },
              ...as('german'),
            }),
          ).rejects.toThrow(/not allowed/i);
          await expect(
            payload.update({
              collection: 'units',
              id: video.id,
              locale: 'de',
              data: { src: 'media/x.mp4', title: 'Ausschnitt' },
              ...as('german'),
            }),
          ).rejects.toThrow(refusedAs('translators', 'units', ['src'], shared('src'), 'de'));
          expect(await stored('units', video.id)).toEqual(before);

          const bulk = await payload.update({
            collection: 'units',
            where: { unitId: { in: ['clip', 'check'] } },
            locale: 'fr',
            data: { src: 'https://example.org/x.mp4', title: 'Tout' },
            ...as('translator'),
          });
          expect(bulk.docs).toEqual([]);
          expect(bulk.errors.map((e) => e.message)).toEqual([
            refusedAs('translators', 'units', ['src'], shared('src')),
            refusedAs('translators', 'units', ['src'], shared('src')),
          ]);
          expect(await stored('units', video.id)).toEqual(before);

          const bulkTexts = await payload.update({
            collection: 'units',
            where: { unitId: { equals: 'clip' } },
            locale: 'fr',
            data: { transcript: 'Des mots, relus.' },
            ...as('translator'),
          });
          expect(bulkTexts.errors).toEqual([]);
          expect(
            (
              await payload.findByID({
                collection: 'units',
                id: video.id,
                locale: 'fr',
                draft: true,
              })
            ).transcript,
          ).toBe('Des mots, relus.');

          const {
            docs: [oldest],
          } = await payload.findVersions({
            collection: 'units',
            where: { parent: { equals: video.id } },
            sort: 'createdAt',
            limit: 1,
          });
          const restoring = await payload
            .restoreVersion({
              collection: 'units',
              id: String(oldest.id),
              locale: 'fr',
              ...as('translator'),
            })
            .then(
              () => null,
              (e: Error) => e,
            );
          expect(restoring?.message).toBe(
            refusedAs(
              'translators',
              'units',
              ['versions'],
              'restoring a version brings back every field in every language',
            ),
          );
        },
      );

      it(
        'an author changes the structure: src, the answer key, ' +
          "rows, a module's units and a course's languages",
        async () => {
          await payload.update({
            collection: 'units',
            id: video.id,
            locale: 'fr',
            data: { src: 'https://example.org/clip.mp4' },
            ...as('author'),
          });
          const french = await inFrench('units', quiz.id);
          french.questions[0].correct = ['a'];
          french.questions.push({
            questionId: 'q3',
            type: 'truefalse',
            prompt: 'Encore ?',
            correct: false,
          });
          await payload.update({
            collection: 'units',
            id: quiz.id,
            locale: 'fr',
            data: { ...french, passMark: 80 },
            ...as('author'),
          });
          await payload.update({
            collection: 'modules',
            id: module.id,
            locale: 'en',
            data: { units: [quiz.id] },
            ...as('author'),
          });
          await payload.update({
            collection: 'courses',
            id: course.id,
            locale: 'en',
            data: { languages: ['en', 'fr', 'de'] },
            ...as('author'),
          });
          expect(
            await payload.findByID({ collection: 'units', id: video.id, draft: true }),
          ).toMatchObject({ src: 'https://example.org/clip.mp4' });
          const after = (await payload.findByID({
            collection: 'units',
            id: quiz.id,
            draft: true,
            locale: 'fr',
            depth: 0,
          })) as Doc;
          expect(after.passMark).toBe(80);
          expect(after.questions.map((q: Doc) => [q.questionId, q.correct])).toEqual([
            ['q1', ['a']],
            ['q2', ['true']],
            ['q3', ['false']],
          ]);
          expect(
            (
              await payload.findByID({
                collection: 'modules',
                id: module.id,
                draft: true,
                depth: 0,
              })
            ).units,
          ).toEqual([quiz.id]);
          expect(
            (
              await payload.findByID({
                collection: 'courses',
                id: course.id,
                draft: true,
                depth: 0,
              })
            ).languages,
          ).toEqual(['en', 'fr', 'de']);
        },
      );

      it(
        'media: a translator changes the French alt text only; ' +
          "the course path and the file are an author's, who can also delete it",
        async () => {
          const png = fs.readFileSync(path.join(miniCourseDir, 'media/diagram.png'));
          const file = { data: png, mimetype: 'image/png', name: 'diagram.png', size: png.length };
          const media = await payload.create({
            collection: 'media',
            locale: 'en',
            data: { alt: 'A diagram', coursePath: 'media/diagram.png' },
            file,
            ...as('author'),
          });
          await payload.update({
            collection: 'media',
            id: media.id,
            locale: 'fr',
            data: { alt: 'Un schéma' },
            ...as('translator'),
          });
          expect(
            await payload.findByID({ collection: 'media', id: media.id, locale: 'all' }),
          ).toMatchObject({
            alt: { en: 'A diagram', fr: 'Un schéma' },
            coursePath: 'media/diagram.png',
          });
          await expectRefused(
            'media',
            media.id,
            { coursePath: '../../../../etc/passwd' },
            refusedAs('translators', 'media', ['coursePath'], shared('coursePath')),
          );
          await expectRefused(
            'media',
            media.id,
            { width: 1, mimeType: 'text/html' },
            refusedAs('translators', 'media', ['mimeType', 'width'], shared('mimeType', 'width')),
          );
          const before = await stored('media', media.id);
          const replacing = await payload
            .update({
              collection: 'media',
              id: media.id,
              locale: 'fr',
              data: {},
              file: { ...file, name: 'other.png' },
              ...as('translator'),
            })
            .then(
              () => null,
              (e: Error) => e,
            );
          expect(replacing?.message).toBe(
            refusedAs('translators', 'media', ['file'], 'the file is shared by every language'),
          );
          expect(await stored('media', media.id)).toEqual(before);
          await payload.update({
            collection: 'media',
            id: media.id,
            locale: 'en',
            data: { coursePath: 'media/diagram-2.png' },
            ...as('author'),
          });
          expect((await payload.findByID({ collection: 'media', id: media.id })).coursePath).toBe(
            'media/diagram-2.png',
          );
          await expect(
            payload.delete({ collection: 'media', id: media.id, ...as('translator') }),
          ).rejects.toThrow(/not allowed/i);
          await payload.delete({ collection: 'media', id: media.id, ...as('author') });
          expect(
            await payload.findByID({ collection: 'media', id: media.id, disableErrors: true }),
          ).toBeNull();
        },
      );
    },
  );
}

// One server for every case below (starting it builds the admin the first time: minutes).
describe(
  'translators change only translated texts: the real server over REST and GraphQL, and the admin',
  { timeout: 180_000 },
  () => {
    let cms: CmsServer;
    let browser: Browser | undefined;
    let admin: string;
    const people = {
      german: { roles: ['translator'], workLocales: ['de'] },
      translator: { roles: ['translator'], workLocales: ['fr'] },
      reviewer: { roles: ['reviewer'], workLocales: ['fr'] },
      author: { roles: ['author'], workLocales: [] },
    };
    type Who = 'anonymous' | keyof typeof people;
    const tokens: Partial<Record<Who, string>> = {};
    const password = (name: string) => `pw-${name}-translator-fields`;
    const api = (p: string, init: RequestInit & { as?: string } = {}) =>
      fetch(`${cms.url}/api/${p}`, {
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(init.as ? { authorization: `JWT ${init.as}` } : {}),
          ...init.headers,
        },
      });
    const json = async (p: string, as = admin) => (await api(p, { as })).json() as Promise<Doc>;
    const login = async (email: string, pw: string) =>
      (
        await (
          await api('users/login', {
            method: 'POST',
            body: JSON.stringify({ email, password: pw }),
          })
        ).json()
      ).token as string;
    const unitId = async (id: string) =>
      (await json(`units?where[unitId][equals]=${id}&depth=0&draft=true`)).docs[0].id as number;
    /**
     * Everything stored about a unit: latest draft and published document in every locale, and its
     * versions.
     */
    const storedUnit = async (id: number) => ({
      draft: await json(`units/${id}?locale=all&draft=true&depth=0`),
      published: await json(`units/${id}?locale=all&depth=0`),
      versions: (await json(`units/versions?where[parent][equals]=${id}&limit=1`)).totalDocs,
    });
    const graphql = async (query: string, variables: Doc, as?: string) =>
      (
        await api('graphql', { as, method: 'POST', body: JSON.stringify({ query, variables }) })
      ).json() as Promise<{ data?: Doc; errors?: { message: string; extensions?: Doc }[] }>;
    const updateUnit =
      'mutation($id: Int!, $data: mutationUnitUpdateInput!) { updateUnit(id: ' +
      '$id, locale: fr, data: $data) { id src passMark } }';
    const notAllowed = 'You are not allowed to perform this action.';

    let video: number;
    let quiz: number;
    /**
     * The quiz's questions as the admin has them in French, with the first question's answer key
     * set (default: changed).
     */
    const questionsWithOtherKey = async (key?: string[]) => {
      const questions = (await json(`units/${quiz}?locale=fr&draft=true&depth=0`))
        .questions as Doc[];
      questions[0].correct = key ?? (questions[0].correct?.[0] === 'a' ? ['b'] : ['a']);
      return questions;
    };
    /**
     * What each role gets for a change of a shared field: status and message (the author's goes
     * through).
     */
    const expected = (who: Who, field: string): { status: number; message?: string } =>
      ({
        anonymous: { status: 403, message: notAllowed },
        german: { status: 403, message: notAllowed },
        translator: {
          status: 403,
          message: refusedAs('translators', 'units', [field], shared(field)),
        },
        reviewer: { status: 403, message: refusedAs('reviewers', 'units', [field], shared(field)) },
        author: { status: 200 },
      })[who];
    const refusedRoles: Who[] = ['anonymous', 'german', 'translator', 'reviewer'];

    beforeAll(async () => {
      cms = await startCmsServer(miniCourseDir, 'mini');
      admin = await login(cms.admin.email, cms.admin.password);
      for (const [name, rights] of Object.entries(people)) {
        const created = await api('users', {
          as: admin,
          method: 'POST',
          body: JSON.stringify({
            email: `${name}@example.org`,
            password: password(name),
            ...rights,
          }),
        });
        expect(created.status, await created.clone().text()).toBe(201);
        tokens[name as Who] = await login(`${name}@example.org`, password(name));
      }
      video = await unitId('intro-video');
      quiz = await unitId('basics-quiz');
      browser = await launchChromium();
    }, 600_000);
    afterAll(async () => {
      await browser?.close();
      await cms?.stop();
    });

    it(
      'REST PATCH /api/units/:id?locale=fr of a changed src or answer key: ' +
        'refused for everyone but the author, and nothing stored changes',
      async () => {
        for (const who of refusedRoles) {
          for (const [field, id, body] of [
            ['src', video, { src: '../../../../etc/passwd' }],
            ['questions.0.correct', quiz, { questions: await questionsWithOtherKey() }],
          ] as const) {
            const before = await storedUnit(id);
            const response = await api(`units/${id}?locale=fr`, {
              as: tokens[who],
              method: 'PATCH',
              body: JSON.stringify(body),
            });
            const want = expected(who, field);
            expect(response.status, `${who} changing ${field}`).toBe(want.status);
            expect((await response.json()).errors[0].message, `${who} changing ${field}`).toBe(
              want.message,
            );
            expect(await storedUnit(id), `${who} changing ${field}`).toEqual(before);
          }
        }
        const moved = await api(`units/${video}?locale=fr`, {
          as: tokens.author,
          method: 'PATCH',
          body: JSON.stringify({ src: 'https://example.org/clip.mp4' }),
        });
        expect(moved.status).toBe(200);
        expect((await storedUnit(video)).draft.src).toBe('https://example.org/clip.mp4');
        const rekeyed = await api(`units/${quiz}?locale=fr&draft=true`, {
          as: tokens.author,
          method: 'PATCH',
          body: JSON.stringify({ questions: await questionsWithOtherKey(['a']) }),
        });
        expect(rekeyed.status).toBe(200);
        expect((await storedUnit(quiz)).draft.questions[0].correct).toEqual(['a']);
        // Back as it was, for the next cases.
        expect(
          (
            await api(`units/${video}`, {
              as: tokens.author,
              method: 'PATCH',
              body: JSON.stringify({ src: 'media/clip.mp4' }),
            })
          ).status,
        ).toBe(200);
        expect(
          (
            await api(`units/${quiz}?draft=true`, {
              as: tokens.author,
              method: 'PATCH',
              body: JSON.stringify({ questions: await questionsWithOtherKey(['b']) }),
            })
          ).status,
        ).toBe(200);
      },
    );

    it(
      'REST: the French translator and the reviewer change French texts, ' +
        'alone or inside the whole document as the admin sends it',
      async () => {
        for (const who of ['translator', 'reviewer'] as const) {
          const title = `Vidéo (${who})`;
          const alone = await api(`units/${video}?locale=fr`, {
            as: tokens[who],
            method: 'PATCH',
            body: JSON.stringify({ title }),
          });
          expect(alone.status, await alone.clone().text()).toBe(200);
          const whole = await json(`units/${quiz}?locale=fr&draft=true&depth=0`);
          whole.title = `Quiz (${who})`;
          whole.questions[1].prompt = `Question deux (${who})`;
          const sent = await api(`units/${quiz}?locale=fr&draft=true`, {
            as: tokens[who],
            method: 'PATCH',
            body: JSON.stringify(whole),
          });
          expect(sent.status, await sent.clone().text()).toBe(200);
          const stored = await storedUnit(quiz);
          expect(stored.draft.title.fr).toBe(`Quiz (${who})`);
          expect(stored.draft.questions[1].prompt.fr).toBe(`Question deux (${who})`);
          expect(stored.draft.questions.map((q: Doc) => q.questionId)).toEqual([
            'q1',
            'q2',
            'q3',
            'q4',
            'q5',
          ]);
          expect((await storedUnit(video)).draft).toMatchObject({
            title: { fr: title },
            src: 'media/clip.mp4',
            poster: 'media/poster.png',
          });
        }
      },
    );

    it(
      'GraphQL updateUnit(locale: fr) of a changed src or ' +
        'answer key: the same answers, and nothing stored changes',
      async () => {
        for (const who of refusedRoles) {
          for (const [field, id, data] of [
            ['src', video, { src: 'media/../../secret.mp4' }],
            ['questions.0.correct', quiz, { questions: await questionsWithOtherKey() }],
          ] as const) {
            const before = await storedUnit(id);
            const answer = await graphql(updateUnit, { id, data }, tokens[who]);
            const want = expected(who, field);
            expect(answer.data?.updateUnit, `${who} changing ${field}`).toBeNull();
            expect(answer.errors?.[0].message, `${who} changing ${field}`).toBe(want.message);
            expect(answer.errors?.[0].extensions?.statusCode).toBe(403);
            expect(await storedUnit(id), `${who} changing ${field}`).toEqual(before);
          }
        }
        const texts = await graphql(
          'mutation($id: Int!) { updateUnit(id: $id, locale: fr, ' +
            'data: { title: "Vidéo, par GraphQL" }) { title src } }',
          { id: video },
          tokens.translator,
        );
        expect(texts).toEqual({
          data: { updateUnit: { title: 'Vidéo, par GraphQL', src: 'media/clip.mp4' } },
        });
        const moved = await graphql(
          updateUnit,
          { id: video, data: { passMark: 70 } },
          tokens.author,
        );
        expect(moved.data?.updateUnit.passMark).toBe(70);
      },
    );

    it(
      'bulk PATCH /api/units?where[…]&locale=fr: refused per document for ' +
        'translators and reviewers, refused for the others, nothing stored changes',
      async () => {
        const both = `units?where[unitId][in]=intro-video,basics-quiz&locale=fr`;
        for (const who of refusedRoles) {
          const before = [await storedUnit(video), await storedUnit(quiz)];
          const response = await api(both, {
            as: tokens[who],
            method: 'PATCH',
            body: JSON.stringify({ src: 'media/../../secret.mp4', title: 'Tout' }),
          });
          const answer = await response.json();
          if (who === 'anonymous' || who === 'german') {
            expect(response.status, who).toBe(403);
            expect(answer.errors[0].message).toBe(notAllowed);
          } else {
            expect(response.status, who).toBe(400);
            expect(answer.docs).toEqual([]);
            const message = refusedAs(
              who === 'translator' ? 'translators' : 'reviewers',
              'units',
              ['src'],
              shared('src'),
            );
            expect(answer.errors.map((e: Doc) => [e.id, e.message]).sort()).toEqual(
              [
                [video, message],
                [quiz, message],
              ].sort(),
            );
          }
          expect([await storedUnit(video), await storedUnit(quiz)], who).toEqual(before);
        }
        const texts = await api(`units?where[unitId][equals]=intro-video&locale=fr`, {
          as: tokens.translator,
          method: 'PATCH',
          body: JSON.stringify({ transcript: 'Bonjour et bienvenue.' }),
        });
        expect(texts.status).toBe(200);
        expect((await storedUnit(video)).draft.transcript).toMatchObject({
          en: 'Hello and welcome.',
          fr: 'Bonjour et bienvenue.',
        });
      },
    );

    it(
      'in the admin, the French translator sees Unit ID, Kind and the video read-only, ' +
        'saves a French title, and adding a caption row is refused with the message; ' +
        'the course offers no Publish bundles, Approve or outline changes',
      async () => {
        const page = await browser!.newPage({ viewport: { width: 1280, height: 1000 } });
        await page.goto(`${cms.url}/admin/login`);
        await page.fill('#field-email', 'translator@example.org');
        await page.fill('#field-password', password('translator'));
        await page.click('button[type=submit]');
        await page.waitForURL(`${cms.url}/admin`);
        await page.goto(`${cms.url}/admin/collections/units/${video}?locale=fr`);
        await page.locator('#field-title').waitFor();
        expect(await page.locator('input#field-unitId').isDisabled()).toBe(true);
        expect(await page.locator('.field-type.select#field-kind').getAttribute('class')).toContain(
          'read-only',
        );
        expect(await page.locator('#field-kind .react-select').getAttribute('class')).toContain(
          'rs--is-disabled',
        );
        expect(await page.locator('input#field-src').isDisabled()).toBe(true);
        expect(await page.locator('input#field-title').isEditable()).toBe(true);
        await page.screenshot({ path: '/tmp/translator-readonly.png' });

        const before = await storedUnit(video);
        await page.fill('#field-title', 'Vidéo, depuis l’admin');
        const saved = page.waitForResponse(
          (r) => r.url().includes(`/api/units/${video}`) && r.request().method() === 'PATCH',
        );
        await page.getByRole('button', { name: 'Save Draft' }).click();
        expect((await saved).status()).toBe(200);
        const after = await storedUnit(video);
        expect(after.draft.title.fr).toBe('Vidéo, depuis l’admin');
        const unchanged = (doc: Doc) => ({ ...doc, title: null, updatedAt: null, _status: null });
        expect(unchanged(after.draft)).toEqual(unchanged(before.draft));

        await page.getByRole('button', { name: 'Add Caption' }).click();
        const refused = page.waitForResponse(
          (r) => r.url().includes(`/api/units/${video}`) && r.request().method() === 'PATCH',
        );
        await page.getByRole('button', { name: 'Save Draft' }).click();
        expect((await refused).status()).toBe(403);
        const toast = page.locator('.payload-toast-container');
        await expect
          .poll(() => toast.innerText())
          .toContain(
            'the number and order of the rows of "captions" ' +
              'are shared by every language. Ask an author.',
          );
        expect((await storedUnit(video)).draft.captions).toEqual(after.draft.captions);

        // The course: only what the server lets a French translator do is offered.
        const course = (await json('courses?where[courseId][equals]=mini&depth=0')).docs[0];
        await page.goto(`${cms.url}/admin/collections/courses/${course.id}?locale=fr`);
        await page.locator('.polycourse-outline-unit').first().waitFor();
        await page.getByRole('button', { name: 'Mark fr as translated' }).waitFor();
        expect(await page.getByRole('button', { name: 'Approve fr' }).count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Publish bundles' }).count()).toBe(0);
        expect(await page.locator('.polycourse-publish-not-yours').innerText()).toBe(
          'Publishing bundles is for admins, authors and reviewers.',
        );
        expect(await page.locator('.polycourse-outline-add').count()).toBe(0);
        expect(await page.getByRole('button', { name: /^Move / }).count()).toBe(0);
        await page.close();
      },
    );

    it(
      'the admin in the translator’s language: a browser that asks for French gets Payload’s ' +
        'screens and our panels in French (from cms/locales/fr.po); Arabic is right to left',
      async () => {
        const french = readPoCatalog(path.join(projectDir, 'cms/locales/fr.po')).messages;
        const english = readPoCatalog(path.join(projectDir, 'cms/locales/en.po')).messages;
        const context = await browser!.newContext({
          locale: 'fr-FR',
          viewport: { width: 1280, height: 1000 },
        });
        const page = await context.newPage();
        await page.goto(`${cms.url}/admin/login`);
        // Payload's own screens: its French translation.
        await page.getByRole('button', { name: 'Se connecter' }).waitFor();
        await page.fill('#field-email', 'translator@example.org');
        await page.fill('#field-password', password('translator'));
        await page.click('button[type=submit]');
        await page.waitForURL(`${cms.url}/admin`);
        expect(await page.locator('html').getAttribute('lang')).toBe('fr');
        const course = (await json('courses?where[courseId][equals]=mini&depth=0')).docs[0];
        await page.goto(`${cms.url}/admin/collections/courses/${course.id}?locale=fr`);
        // Our panel: its heading and buttons from the French catalog, none of the English.
        const panel = page.locator('.polycourse-translation');
        await expect
          .poll(() => panel.locator('h3').innerText())
          .toBe(french['admin.translation.title']);
        expect(french['admin.translation.title']).not.toBe(english['admin.translation.title']);
        const mark = french['admin.translation.mark'].replace('{locale}', 'fr');
        await page.getByRole('button', { name: mark }).waitFor();
        expect(await panel.innerText()).not.toContain(english['admin.translation.title']);
        expect(await page.getByRole('button', { name: 'Mark fr as translated' }).count()).toBe(0);
        await context.close();

        const arabic = await browser!.newContext({ locale: 'ar' });
        const rtl = await arabic.newPage();
        await rtl.goto(`${cms.url}/admin/login`);
        await rtl.locator('#field-email').waitFor();
        expect(await rtl.locator('html').getAttribute('dir')).toBe('RTL');
        expect(await rtl.locator('html').getAttribute('lang')).toBe('ar');
        await arabic.close();
      },
    );
  },
);

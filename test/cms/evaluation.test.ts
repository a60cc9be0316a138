/**
 * Questionnaire responses in the CMS on real databases (SQLite file, PostgreSQL schema): who may
 * read and write them (Local API with each role, access enforced), the check of every answer
 * against the course's questionnaire, one response per learner and phase, the CSV import (all or
 * nothing), and the evaluation of what is stored: the same numbers as `polycourse evaluate` on the
 * same CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalReq, type Payload } from 'payload';
import { databaseAvailable, startCms } from '../helpers/cms.ts';
import { evaluateCsv, defaultSettings } from '../../compiler/evaluation/evaluate-cohort.ts';
import { evaluateCourse } from '../../cms/evaluation/evaluate-course.ts';
import { courseQuestionnaire } from '../../cms/evaluation/course-questionnaire.ts';
import { importResponses } from '../../cms/evaluation/stored-responses.ts';
import { differences } from '../helpers/compare-numbers.ts';

const items = ['q01', 'q02', 'q03', 'q04', 'q05'];
const csv = [
  'learner,phase,q01,q02,q03,q04,q05,locale',
  ...Array.from({ length: 14 }, (_, i) => {
    const pre = items.map((_, k) => 1 + ((i + k) % 4));
    const post = pre.map((v, k) => Math.min(5, v + ((i + k) % 3)));
    const locale = i % 2 ? 'fr' : 'en';
    return [
      `l${i},pre,${pre.join(',')},${locale}`,
      `l${i},post,${i === 3 ? post.slice(0, 4).join(',') + ',' : post.join(',')},${locale}`,
    ];
  }).flat(),
  'l99,pre,3,3,3,3,3,en',
].join('\n');

for (const kind of ['sqlite', 'postgres', 'mongodb'] as const) {
  const available = await databaseAvailable(kind);
  describe.skipIf(available !== true)(
    `questionnaire responses on ${kind}${available === true ? '' : ` (skipped: ${available})`}`,
    () => {
      let payload: Payload;
      let stop: () => Promise<void>;
      const users: Record<string, any> = {};
      const as = (name: string) => ({
        user: { ...users[name], collection: 'users' },
        overrideAccess: false,
      });
      const reqAs = (name: string) =>
        createLocalReq({ user: { ...users[name], collection: 'users' } }, payload);
      const response = (
        learner: string,
        phase: 'pre' | 'post',
        answers: Record<string, number>,
      ) => ({
        collection: 'questionnaire-responses' as const,
        data: { courseId: 'eval', learner, phase, answers },
      });

      beforeAll(async () => {
        ({ payload, stop } = await startCms(kind));
        for (const role of ['admin', 'evaluator', 'author', 'translator', 'reviewer'] as const)
          users[role] = await payload.create({
            collection: 'users',
            data: {
              email: `${role}@example.org`,
              password: `pw-${role}-${Date.now()}`,
              roles: [role],
              workLocales: role === 'translator' || role === 'reviewer' ? ['fr'] : [],
            },
          });
        for (const [courseId, questionnaire] of [
          [
            'eval',
            {
              questionnaireId: 'views',
              scale: 5,
              items: items.map((itemId) => ({
                itemId,
                text: `Text ${itemId}`,
                reversed: itemId === 'q03',
              })),
            },
          ],
          ['plain', {}],
        ] as const)
          await payload.create({
            collection: 'courses',
            locale: 'en',
            data: {
              courseId,
              title: courseId,
              sourceLocale: 'en',
              languages: ['en', 'fr'],
              questionnaire,
              _status: 'published',
            },
          });
      }, 120_000);
      afterAll(async () => {
        await stop?.();
      });

      it('admins and evaluators read, create and change responses; admins delete', async () => {
        const created = await payload.create({
          ...response('a1', 'pre', { q01: 4 }),
          ...as('evaluator'),
        });
        for (const who of ['author', 'translator', 'reviewer']) {
          await expect(
            payload.find({ collection: 'questionnaire-responses', ...as(who) }),
            who,
          ).rejects.toThrow(/not allowed/i);
          await expect(
            payload.create({ ...response(`x-${who}`, 'pre', { q01: 1 }), ...as(who) }),
            who,
          ).rejects.toThrow(/not allowed/i);
          await expect(
            payload.update({
              collection: 'questionnaire-responses',
              id: created.id,
              data: { answers: { q01: 1 } },
              ...as(who),
            }),
            who,
          ).rejects.toThrow(/not allowed/i);
        }
        await expect(
          payload.find({ collection: 'questionnaire-responses', overrideAccess: false }),
        ).rejects.toThrow(/not allowed/i);
        const seen = await payload.find({
          collection: 'questionnaire-responses',
          ...as('evaluator'),
        });
        expect(seen.docs.map((d) => d.learner)).toEqual(['a1']);
        await expect(
          payload.delete({
            collection: 'questionnaire-responses',
            id: created.id,
            ...as('evaluator'),
          }),
        ).rejects.toThrow(/not allowed/i);
        await payload.delete({
          collection: 'questionnaire-responses',
          id: created.id,
          ...as('admin'),
        });
      });

      it('refuses answers the questionnaire does not have, on the answers field', async () => {
        const refusal = async (courseId: string, answers: unknown) => {
          const error = await payload
            .create({
              collection: 'questionnaire-responses',
              data: {
                courseId,
                learner: 'r1',
                phase: 'pre',
                answers: answers as Record<string, unknown>,
              },
              ...as('evaluator'),
            })
            .then(
              () => undefined,
              (e) => e,
            );
          expect(error?.data?.errors?.[0]?.path).toBe('answers');
          return error.data.errors.map((e: { message: string }) => e.message);
        };
        expect(await refusal('eval', { q01: 6 })).toEqual([
          'Item q01: 6 is not an answer on the scale 1–5.',
        ]);
        expect(await refusal('eval', { q01: 2.5, q09: 1 })).toEqual([
          'Item q01: 2.5 is not an answer on the scale 1–5.',
          '"q09" is not an item of questionnaire "views" (items: q01, q02, q03, q04, q05).',
        ]);
        expect(await refusal('plain', { q01: 1 })).toEqual([
          'Course "plain" has no questionnaire: define its items and scale before storing ' +
            'responses.',
        ]);
        expect(await refusal('nowhere', { q01: 1 })).toEqual([
          'There is no course "nowhere": give the courseId of an existing course.',
        ]);
        const stored = await payload.find({ collection: 'questionnaire-responses' });
        expect(stored.totalDocs).toBe(0);
      });

      it('keeps one response per learner and phase', async () => {
        await payload.create(response('twice', 'pre', { q01: 2 }));
        await expect(payload.create(response('twice', 'pre', { q01: 3 }))).rejects.toThrow();
        await payload.delete({
          collection: 'questionnaire-responses',
          where: { learner: { equals: 'twice' } },
        });
      });

      it('a CSV with a problem imports nothing, naming where; a good one, all', async () => {
        const course = (await courseQuestionnaire(payload, 'eval'))!;
        const bad = await importResponses(
          await reqAs('evaluator'),
          course,
          csv.replace('l5,post,', 'l5,after,').replace(/^l7,pre,\d/m, 'l7,pre,9'),
          'cohort.csv',
        );
        expect(bad.imported).toBe(0);
        expect(bad.diagnostics.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
          ['cohort.csv', 13, 4, 'Phase "after" is neither "pre" nor "post"'],
          ['cohort.csv', 16, 8, 'Item q01: 9 is outside the scale 1–5'],
        ]);
        expect((await payload.find({ collection: 'questionnaire-responses' })).totalDocs).toBe(0);
        await expect(importResponses(await reqAs('author'), course, csv)).rejects.toThrow(
          /not allowed/i,
        );
        for (let round = 0; round < 2; round++) {
          const good = await importResponses(await reqAs('evaluator'), course, csv);
          expect(good).toEqual({ imported: 29, diagnostics: [] });
          expect(
            (await payload.find({ collection: 'questionnaire-responses', limit: 0 })).totalDocs,
          ).toBe(29);
        }
      }, 60_000);

      it('evaluates what is stored exactly as polycourse evaluate does the CSV', async () => {
        const settings = { ...defaultSettings, by: ['locale'], minGroup: 5 };
        const stored = await evaluateCourse(payload, 'eval', settings);
        const file = evaluateCsv(csv, 'cohort.csv', {
          ...settings,
          items,
          scale: { min: 1, max: 5 },
          reversed: ['q03'],
        });
        expect(stored.diagnostics).toEqual([]);
        expect(stored.groupColumns).toEqual(['locale']);
        expect(stored.evaluation!.result).toMatchObject({ n: 14, unmatched: 1, reversed: ['q03'] });
        expect(differences(stored.evaluation!.result, file.evaluation!.result)).toEqual([]);
      });
    },
  );
}

/**
 * Collections and access rules on real databases (SQLite file, PostgreSQL schema), through the
 * Local API with access enforced: translators, authors, anonymous readers, and the MDX check on
 * save.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { databaseAvailable, startCms } from '../helpers/cms.ts';

for (const kind of ['sqlite', 'postgres', 'mongodb'] as const) {
  const available = await databaseAvailable(kind);
  if (available !== true) console.warn(`[cms tests] skipping ${kind}: ${available}`);
  describe.skipIf(available !== true)(
    `CMS on ${kind}${available === true ? '' : ` (skipped: ${available})`}`,
    () => {
      let payload: Payload;
      let stop: () => Promise<void>;
      const users: Record<string, any> = {};

      beforeAll(async () => {
        ({ payload, stop } = await startCms(kind));
        for (const [name, roles, locales] of [
          ['admin', ['admin'], []],
          ['author', ['author'], []],
          ['translator', ['translator'], ['fr']],
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
      }, 120_000);

      afterAll(async () => {
        await stop?.();
      });

      const asUser = (name: string) => ({
        user: { ...users[name], collection: 'users' },
        overrideAccess: false,
      });

      it('a translator can edit their locale and is refused in another one', async () => {
        const unit = await payload.create({
          collection: 'units',
          locale: 'en',
          data: {
            unitId: 'u1',
            kind: 'lesson',
            title: 'Rights',
            body: 'Hello.',
            _status: 'published',
          },
          ...asUser('author'),
        });
        const fr = await payload.update({
          collection: 'units',
          id: unit.id,
          locale: 'fr',
          data: { title: 'Droits' },
          ...asUser('translator'),
        });
        expect(fr.title).toBe('Droits');
        await expect(
          payload.update({
            collection: 'units',
            id: unit.id,
            locale: 'de',
            data: { title: 'Rechte' },
            ...asUser('translator'),
          }),
        ).rejects.toThrow(/not allowed/i);
        const stored = await payload.findByID({
          collection: 'units',
          id: unit.id,
          locale: 'de',
          fallbackLocale: false,
        });
        expect(stored.title ?? null).toBeNull();
      });

      it('an author cannot delete a published course; an admin can', async () => {
        const course = await payload.create({
          collection: 'courses',
          locale: 'en',
          data: {
            courseId: `c-${kind}`,
            title: 'Course',
            languages: ['en', 'fr'],
            sourceLocale: 'en',
            _status: 'published',
          },
          ...asUser('author'),
        });
        await expect(
          payload.delete({ collection: 'courses', id: course.id, ...asUser('author') }),
        ).rejects.toThrow();
        expect((await payload.findByID({ collection: 'courses', id: course.id })).id).toBe(
          course.id,
        );
        await payload.delete({ collection: 'courses', id: course.id, ...asUser('admin') });
        await expect(payload.findByID({ collection: 'courses', id: course.id })).rejects.toThrow();
      });

      it('anonymous readers see only published content', async () => {
        await payload.create({
          collection: 'modules',
          locale: 'en',
          data: { moduleId: 'public', title: 'Public', _status: 'published' },
          ...asUser('author'),
        });
        await payload.create({
          collection: 'modules',
          locale: 'en',
          data: { moduleId: 'draft', title: 'Draft', _status: 'draft' },
          ...asUser('author'),
        });
        const anonymous = await payload.find({
          collection: 'modules',
          overrideAccess: false,
          draft: false,
        });
        expect(anonymous.docs.map((d: any) => d.moduleId)).toEqual(['public']);
        const staff = await payload.find({
          collection: 'modules',
          ...asUser('author'),
          draft: true,
        });
        expect(staff.docs.map((d: any) => d.moduleId).sort()).toEqual(['draft', 'public']);
      });

      it(
        'publishing a course publishes the latest ' +
          'drafts of its modules and units, in every locale',
        async () => {
          const unit = await payload.create({
            collection: 'units',
            locale: 'en',
            data: {
              unitId: `w-${kind}`,
              kind: 'lesson',
              title: 'Old',
              body: 'Text.',
              _status: 'published',
            },
            ...asUser('author'),
          });
          const module = await payload.create({
            collection: 'modules',
            locale: 'en',
            data: {
              moduleId: `wm-${kind}`,
              title: 'Module',
              units: [unit.id],
              _status: 'published',
            },
            ...asUser('author'),
          });
          const course = await payload.create({
            collection: 'courses',
            locale: 'en',
            data: {
              courseId: `whole-${kind}`,
              title: 'Whole',
              languages: ['en', 'fr'],
              sourceLocale: 'en',
              modules: [module.id],
              _status: 'published',
            },
            ...asUser('author'),
          });
          await payload.update({
            collection: 'units',
            id: unit.id,
            locale: 'en',
            data: { title: 'New' },
            draft: true,
            ...asUser('author'),
          });
          await payload.update({
            collection: 'units',
            id: unit.id,
            locale: 'fr',
            data: { title: 'Nouveau' },
            draft: true,
            ...asUser('translator'),
          });
          await payload.update({
            collection: 'modules',
            id: module.id,
            locale: 'en',
            data: { title: 'Module, revised' },
            draft: true,
            ...asUser('author'),
          });
          expect(
            (await payload.findByID({ collection: 'units', id: unit.id, locale: 'en' })).title,
          ).toBe('Old');

          // A translator publishing their locale of the course does not publish other people's
          // drafts.
          await payload.update({
            collection: 'courses',
            id: course.id,
            locale: 'fr',
            data: { title: 'Entier', _status: 'published' },
            ...asUser('translator'),
          });
          expect(
            (await payload.findByID({ collection: 'units', id: unit.id, locale: 'en' })).title,
          ).toBe('Old');

          await payload.update({
            collection: 'courses',
            id: course.id,
            locale: 'en',
            data: { _status: 'published' },
            ...asUser('author'),
          });
          const published = (await payload.findByID({
            collection: 'units',
            id: unit.id,
            locale: 'all',
          })) as any;
          expect(published.title).toMatchObject({ en: 'New', fr: 'Nouveau' });
          expect(published._status).toBe('published');
          expect(
            (await payload.findByID({ collection: 'modules', id: module.id, locale: 'en' })).title,
          ).toBe('Module, revised');
        },
      );

      it(
        'a signed-in user who is not staff (a learner, even one whose ' +
          'record says admin) reads only published content and writes nothing',
        async () => {
          const learner = {
            user: {
              id: 4242,
              email: 'learner@example.org',
              roles: ['admin'],
              workLocales: ['fr'],
              collection: 'learners',
            },
            overrideAccess: false,
          } as const;
          const published = await payload.create({
            collection: 'units',
            locale: 'en',
            data: {
              unitId: `l-pub-${kind}`,
              kind: 'lesson',
              title: 'Public',
              body: 'Text.',
              _status: 'published',
            },
            ...asUser('author'),
          });
          await payload.update({
            collection: 'units',
            id: published.id,
            locale: 'en',
            data: { title: 'Secret draft' },
            draft: true,
            ...asUser('author'),
          });
          const draftOnly = await payload.create({
            collection: 'units',
            locale: 'en',
            data: {
              unitId: `l-draft-${kind}`,
              kind: 'lesson',
              title: 'Unpublished',
              body: 'Text.',
              _status: 'draft',
            },
            ...asUser('author'),
          });

          const ours = { unitId: { in: [`l-pub-${kind}`, `l-draft-${kind}`] } };
          // Asking for drafts finds only latest versions that are published: here none.
          expect(
            (await payload.find({ collection: 'units', draft: true, where: ours, ...learner }))
              .docs,
          ).toEqual([]);
          expect(
            (
              await payload.find({ collection: 'units', draft: false, where: ours, ...learner })
            ).docs.map((d: any) => [d.unitId, d.title]),
          ).toEqual([[`l-pub-${kind}`, 'Public']]);
          expect(
            (
              await payload.find({
                collection: 'units',
                draft: true,
                where: ours,
                ...asUser('translator'),
              })
            ).docs
              .map((d: any) => d.title)
              .sort(),
          ).toEqual(['Secret draft', 'Unpublished']);
          await expect(
            payload.findByID({ collection: 'units', id: draftOnly.id, draft: true, ...learner }),
          ).rejects.toThrow(/not found/i);

          const before = await payload.findByID({
            collection: 'units',
            id: published.id,
            locale: 'all',
            draft: true,
          });
          await expect(
            payload.update({
              collection: 'units',
              id: published.id,
              locale: 'en',
              data: { title: 'Learner was here' },
              ...learner,
            }),
          ).rejects.toThrow(/not allowed/i);
          await expect(
            payload.update({
              collection: 'units',
              id: published.id,
              locale: 'fr',
              data: { title: 'Apprenant' },
              ...learner,
            }),
          ).rejects.toThrow(/not allowed/i);
          await expect(
            payload.delete({ collection: 'units', id: draftOnly.id, ...learner }),
          ).rejects.toThrow(/not allowed/i);
          await expect(
            payload.create({
              collection: 'modules',
              locale: 'en',
              data: { moduleId: 'learner', title: 'Mine' },
              ...learner,
            }),
          ).rejects.toThrow(/not allowed/i);
          expect(
            await payload.findByID({
              collection: 'units',
              id: published.id,
              locale: 'all',
              draft: true,
            }),
          ).toEqual(before);
          await expect(payload.find({ collection: 'publish-jobs', ...learner })).rejects.toThrow(
            /not allowed/i,
          );
          await expect(payload.find({ collection: 'translations', ...learner })).rejects.toThrow(
            /not allowed/i,
          );
          await expect(
            payload.find({ collection: 'publish-jobs', ...asUser('translator') }),
          ).resolves.toMatchObject({ docs: [] });

          // The translation endpoints answer staff only.
          const course = await payload.create({
            collection: 'courses',
            locale: 'en',
            data: {
              courseId: `learn-${kind}`,
              title: 'Course',
              languages: ['en', 'fr'],
              sourceLocale: 'en',
            },
            ...asUser('author'),
          });
          const endpoint = (p: string) =>
            payload.collections.courses.config.endpoints
              ? (payload.collections.courses.config.endpoints as any[]).find((e) => e.path === p)
              : undefined;
          const request = (user: object) =>
            ({
              payload,
              user,
              routeParams: { id: String(course.id) },
              searchParams: new URLSearchParams('locale=fr'),
              json: async () => ({ locale: 'fr' }),
            }) as never;
          expect(
            (await endpoint('/:id/translation-status').handler(request(learner.user))).status,
          ).toBe(401);
          expect(
            (await endpoint('/:id/translation-mark').handler(request(learner.user))).status,
          ).toBe(401);
          expect(
            (
              await endpoint('/:id/translation-status').handler(
                request({ ...users.translator, collection: 'users' }),
              )
            ).status,
          ).toBe(200);
        },
      );

      it(
        'invalid MDX is refused on save with its position, ' + 'and the stored body stays',
        async () => {
          const unit = await payload.create({
            collection: 'units',
            locale: 'en',
            data: { unitId: 'u2', kind: 'lesson', title: 'Safe', body: 'Safe text.' },
            ...asUser('author'),
          });
          const attempt = payload.update({
            collection: 'units',
            id: unit.id,
            locale: 'en',
            data: { body: 'Hi {name}\n\n<script>alert(1)</script>' },
            ...asUser('author'),
          });
          const error = (await attempt.catch((e: unknown) => e)) as {
            data?: { errors?: { path: string; message: string }[] };
          };
          expect(error.data?.errors?.map((e) => e.path)).toEqual(['body', 'body']);
          expect(error.data?.errors?.[0].message).toMatch(
            /^1:4 MDX expressions are not allowed: \{name\} \[polycourse:mdx-expression\] Fix: /,
          );
          expect(error.data?.errors?.[1].message).toMatch(
            /^3:1 <script> is not allowed in course content \[polycourse:forbidden-element\]/,
          );
          const stored = await payload.findByID({
            collection: 'units',
            id: unit.id,
            locale: 'en',
            draft: true,
          });
          expect(stored.body).toBe('Safe text.');
        },
      );
    },
  );
}

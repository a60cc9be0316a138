/**
 * The CMS source reads and writes nothing outside its roots, whatever a document says: a unit's src
 * or poster, a Media document's coursePath or filename, a caption's locale and the course id are
 * data. Real SQLite CMS, the real compiler; each case names collection/field and leaves outside
 * files as they were.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { startCms } from '../helpers/cms.ts';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { importCourse } from '../../cms/course-exchange/import-course.ts';
import { readCourseFromCms } from '../../cms/course-exchange/read-course-from-cms.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

describe('media paths in the CMS source', () => {
  let payload: Payload;
  let stop: () => Promise<void>;
  // Straight to the database, past the save rules: data stored before them, or by another tool.
  const raw = (collection: 'units' | 'media', id: string | number, data: Record<string, unknown>) =>
    payload.db.updateOne({ collection, id, data, req: {} as never });
  const unitId = async (id: string) =>
    (await payload.find({ collection: 'units', where: { unitId: { equals: id } }, limit: 1 }))
      .docs[0] as any;

  beforeAll(async () => {
    ({ payload, stop } = await startCms('sqlite'));
    await importCourse(payload, readCourseFromFiles(miniCourseDir).course!);
  }, 120_000);
  afterAll(async () => {
    await stop?.();
  });

  it(
    'a Media coursePath that climbs out is never ' +
      'written, and an outside file keeps its content',
    async () => {
      const cache = tempDir();
      const outside = tempDir('polycourse-outside-');
      const victim = path.join(outside, 'victim.vtt');
      fs.writeFileSync(victim, 'KEEP');
      const media = (
        await payload.find({
          collection: 'media',
          where: { coursePath: { equals: 'media/diagram.png' } },
        })
      ).docs[0] as any;
      const climbing = path.relative(path.join(cache, 'cms', 'mini'), victim);
      await raw('media', media.id, { coursePath: climbing });
      const fresh = path.join(outside, 'new/dir/file.vtt');
      const poster = (
        await payload.find({
          collection: 'media',
          where: { coursePath: { equals: 'media/poster.png' } },
        })
      ).docs[0] as any;
      await raw('media', poster.id, {
        coursePath: path.relative(path.join(cache, 'cms', 'mini'), fresh),
      });

      const source = await readCourseFromCms(payload, 'mini', cache);
      expect(fs.readFileSync(victim, 'utf8')).toBe('KEEP');
      expect(fs.existsSync(path.join(outside, 'new'))).toBe(false);
      const problems = source.diagnostics.filter((d) => d.ruleId === 'polycourse:media-path');
      expect(problems.map((d) => [d.severity, d.path]).sort()).toEqual(
        [
          ['warning', `cms:media/${media.id}/coursePath`],
          ['warning', `cms:media/${poster.id}/coursePath`],
        ].sort(),
      );
      for (const p of problems) expect(p.message).toMatch(/leaves its folder/);
      // The unit that used the poster now reports it missing instead of building with someone
      // else's file.
      expect(source.diagnostics.find((d) => d.ruleId === 'polycourse:missing-media')?.path).toBe(
        'cms:units/intro-video/poster',
      );
      await payload.update({
        collection: 'media',
        id: media.id,
        data: { coursePath: 'media/diagram.png' } as never,
      });
      await payload.update({
        collection: 'media',
        id: poster.id,
        data: { coursePath: 'media/poster.png' } as never,
      });
    },
  );

  it(
    'a unit src or poster outside media/ refuses the ' +
      'build with collection/field, and nothing is written',
    async () => {
      const secret = tempDir('polycourse-outside-');
      fs.writeFileSync(path.join(secret, 'payload-secret'), 'SECRET-VALUE');
      const unit = await unitId('intro-video');
      const cache = tempDir();
      await raw('units', unit.id, {
        src: `../../../../../../../../..${secret}/payload-secret`,
        poster: '/etc/hostname',
      });
      const source = await readCourseFromCms(payload, 'mini', cache);
      const out = tempDir();
      const result = await buildCourse({
        courseDir: '',
        outDir: out,
        cacheDir: path.join(cache, 'build'),
        source,
      });
      expect(result.ok).toBe(false);
      expect(fs.readdirSync(out)).toEqual([]);
      expect(
        result.diagnostics
          .filter((d) => d.ruleId === 'polycourse:media-path')
          .map((d) => [d.path, d.message.replace(/"[^"]*"/, '…')]),
      ).toEqual([
        [
          'cms:units/intro-video/src',
          'Media path … leaves its folder (..): a course may use only media uploaded to the CMS',
        ],
        [
          'cms:units/intro-video/poster',
          'Media path … is an absolute path: a course may use only media uploaded to the CMS',
        ],
      ]);
      await payload.update({
        collection: 'units',
        id: unit.id,
        data: { src: 'media/clip.mp4', poster: 'media/poster.png' } as never,
      });
    },
  );

  it('a caption locale that is not one of the course languages is not written', async () => {
    const unit = await unitId('intro-video');
    const cache = tempDir();
    const outside = tempDir('polycourse-outside-');
    const locale = `../../../../../../../..${outside}/pwned`;
    await raw('units', unit.id, {
      captions: [
        ...unit.captions,
        { id: 'hostile-caption-row', locale, vtt: 'WEBVTT\n\n00:00.000 --> 00:01.000\nx\n' },
      ],
    });
    const source = await readCourseFromCms(payload, 'mini', cache);
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(source.diagnostics.find((d) => d.ruleId === 'polycourse:media-path')).toMatchObject({
      severity: 'error',
      path: `cms:units/intro-video/captions/${locale}`,
    });
    await payload.update({
      collection: 'units',
      id: unit.id,
      data: { captions: unit.captions } as never,
    });
  });

  it('a Media filename that points outside the media folder is not copied', async () => {
    const media = (
      await payload.find({
        collection: 'media',
        where: { coursePath: { equals: 'media/diagram.png' } },
      })
    ).docs[0] as any;
    const cache = tempDir();
    await raw('media', media.id, { filename: '../../../../../../../../etc/hostname' });
    const source = await readCourseFromCms(payload, 'mini', cache);
    expect(fs.existsSync(path.join(cache, 'cms/mini/media/diagram.png'))).toBe(false);
    expect(
      source.diagnostics.find((d) => d.path === `cms:media/${media.id}/filename`)?.message,
    ).toMatch(/leaves its folder/);
    await raw('media', media.id, { filename: media.filename });
  });

  it('a course id that is not a slug reads and deletes nothing', async () => {
    const cache = tempDir();
    const keep = path.join(cache, 'keep.txt');
    fs.writeFileSync(keep, 'KEEP');
    const source = await readCourseFromCms(payload, '../..', path.join(cache, 'a/b'));
    expect(source.course).toBeUndefined();
    expect(source.diagnostics.map((d) => d.ruleId)).toEqual(['polycourse:id-syntax']);
    expect(fs.readFileSync(keep, 'utf8')).toBe('KEEP');
  });

  it('the save rules refuse such values on the field, and the stored document stays', async () => {
    const unit = await unitId('intro-video');
    const attempts: [Record<string, unknown>, string, RegExp][] = [
      [
        { src: '../../../../etc/passwd' },
        'src',
        /is neither a media\/… path nor an http\(s\):\/\/ URL/,
      ],
      [{ poster: 'media/../../x.png' }, 'poster', /is neither a media\/… path/],
      [{ unitId: '../escape' }, 'unitId', /is not a slug/],
      [
        { captions: [{ locale: '../../x', vtt: 'WEBVTT\n' }] },
        'captions.0.locale',
        /is not a language tag/,
      ],
    ];
    for (const [data, field, message] of attempts) {
      const error = await payload
        .update({ collection: 'units', id: unit.id, data: data as never })
        .then(
          () => undefined,
          (e: any) => e,
        );
      expect(error, JSON.stringify(data)).toBeDefined();
      expect(error.data?.errors).toEqual([
        { path: field, label: expect.anything(), message: expect.stringMatching(message) },
      ]);
    }
    const media = (
      await payload.find({
        collection: 'media',
        where: { coursePath: { equals: 'media/diagram.png' } },
      })
    ).docs[0] as any;
    const refused = await payload
      .update({
        collection: 'media',
        id: media.id,
        data: { coursePath: '../../../data/payload-secret' } as never,
      })
      .then(
        () => undefined,
        (e: any) => e,
      );
    expect(refused?.data?.errors?.[0]).toMatchObject({
      path: 'coursePath',
      message: expect.stringMatching(/must be a path under media\//),
    });
    const course = (await payload.find({ collection: 'courses', limit: 1 })).docs[0] as any;
    const badCourse = await payload
      .update({ collection: 'courses', id: course.id, data: { courseId: '../../..' } as never })
      .then(
        () => undefined,
        (e: any) => e,
      );
    expect(badCourse?.data?.errors?.[0]).toMatchObject({
      path: 'courseId',
      message: expect.stringMatching(/is not a slug/),
    });
    // Nothing changed.
    expect(await unitId('intro-video')).toMatchObject({
      src: unit.src,
      poster: unit.poster,
      captions: unit.captions,
    });
    expect(
      ((await payload.findByID({ collection: 'media', id: media.id })) as any).coursePath,
    ).toBe('media/diagram.png');
    expect(
      ((await payload.findByID({ collection: 'courses', id: course.id })) as any).courseId,
    ).toBe('mini');
  });

  it('the course still builds from the CMS once the documents are put back', async () => {
    const cache = tempDir();
    const source = await readCourseFromCms(payload, 'mini', cache);
    const result = await buildCourse({
      courseDir: '',
      outDir: tempDir(),
      cacheDir: path.join(cache, 'build'),
      source,
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

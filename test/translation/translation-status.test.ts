/** Translation status and stale detection through the CLI, on a copy of the mini course. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const statusOf = (course: string, locale: string) => {
  const r = run('l10n', 'status', course, '--locale', locale, '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).locales[locale] as {
    counts: Record<string, number>;
    fields: { path: string; status: string }[];
  };
};

describe('translation status', () => {
  it(
    'counts missing and translated, detects stale translations after ' +
      'a source edit, keeps approvals only while the source is unchanged',
    () => {
      const course = copyCourse(miniCourseDir);
      expect(statusOf(course, 'ar').counts).toEqual({
        missing: 3,
        stale: 0,
        machine: 0,
        translated: 52,
        approved: 0,
      });

      expect(run('l10n', 'mark', course, '--locale', 'ar', '--approve').code).toBe(0);
      expect(fs.existsSync(path.join(course, 'locales/ar.sources.json'))).toBe(true);
      expect(statusOf(course, 'ar').counts).toEqual({
        missing: 3,
        stale: 0,
        machine: 0,
        translated: 0,
        approved: 52,
      });

      editFile(
        path.join(course, 'locales/en.yaml'),
        'first-lesson: { title: First lesson }',
        'first-lesson: { title: The opening lesson }',
      );
      editFile(
        path.join(course, 'modules/basics/first-lesson.en.mdx'),
        'Everyone has **rights**.',
        'Every person has **rights**.',
      );
      const after = statusOf(course, 'ar');
      expect(after.counts).toEqual({
        missing: 3,
        stale: 2,
        machine: 0,
        translated: 0,
        approved: 50,
      });
      expect(after.fields.filter((f) => f.status === 'stale').map((f) => f.path)).toEqual([
        'modules.basics.units.first-lesson.title',
        'modules.basics.units.first-lesson.body',
      ]);

      // The translator updates the title and records it: stale goes, approval is not carried over
      // to the changed text.
      editFile(
        path.join(course, 'locales/ar.yaml'),
        'first-lesson: { title: الدرس الأول }',
        'first-lesson: { title: الدرس الافتتاحي }',
      );
      expect(run('l10n', 'mark', course, '--locale', 'ar').code).toBe(0);
      expect(statusOf(course, 'ar').counts).toEqual({
        missing: 3,
        stale: 0,
        machine: 0,
        translated: 2,
        approved: 50,
      });
    },
  );

  it(
    'prints a table, lists what needs work for one ' +
      'locale, and refuses unknown locales and actions',
    () => {
      const course = copyCourse(miniCourseDir);
      const table = run('l10n', 'status', course);
      expect(table.stdout).toMatch(/Français \(fr\)\s+0\s+3\s+0\s+52/);
      const fr = run('l10n', 'status', course, '--locale', 'fr');
      expect(fr.stdout).toMatch(/fr: needs work\n {2}missing {2}description/);
      expect(run('l10n', 'status', course, '--locale', 'de').code).toBe(2);
      expect(run('l10n', 'translate', course).code).toBe(2);
      expect(run('l10n', 'mark', course).code).toBe(2);
    },
  );

  it('a damaged provenance file is a warning naming the file, not a failure', () => {
    const course = copyCourse(miniCourseDir);
    fs.writeFileSync(path.join(course, 'locales/ar.sources.json'), '{ broken');
    const r = run('validate', course);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ar\.sources\.json {2}warning {2}Cannot read translation provenance/);
  });
});

describe('per-locale publishing', () => {
  it(
    '--approved-only publishes the approved locales; ' + 'the language picker lists only them',
    async () => {
      const { buildCourse } = await import('../../compiler/pipeline/build-course.ts');
      const { tempDir } = await import('../helpers/temp-course.ts');
      const course = copyCourse(miniCourseDir);
      fs.writeFileSync(path.join(course, 'media/captions/intro-video.fr.vtt'), 'WEBVTT\n');
      // ar is complete but for 3 texts
      expect(run('l10n', 'mark', course, '--locale', 'ar', '--approve').code).toBe(0);
      const out = tempDir();
      const first = await buildCourse({ courseDir: course, outDir: out, approvedOnly: true });
      expect(first.locales).toEqual(['en']);
      expect(
        first.diagnostics
          .filter((d) => d.ruleId === 'polycourse:not-published')
          .map((d) => d.message),
      ).toEqual([
        'ar is not published: 52 of 55 texts approved (3 missing, 0 stale, 0 awaiting review)',
        'fr is not published: 0 of 55 texts approved (51 missing, 0 stale, 4 awaiting review)',
      ]);
      // Translate ar's three missing texts, approve, publish: ar joins, fr still waits.
      editFile(
        path.join(course, 'locales/ar.yaml'),
        'options: { a: الخيار أ, b: الخيار ب }',
        'options: { a: الخيار أ, b: الخيار ب }\n            optionFeedback: { a: أ ليس الجواب. }',
      );
      fs.appendFileSync(
        path.join(course, 'modules/basics/second-lesson.ar.mdx'),
        '## الثاني\n\nنص.\n',
      );
      fs.writeFileSync(
        path.join(course, 'modules/basics/basics-sheet.ar.mdx'),
        '## حقائق\n\n- [x] الحقوق عالمية.\n',
      );
      expect(run('l10n', 'mark', course, '--locale', 'ar', '--approve').code).toBe(0);
      const second = await buildCourse({ courseDir: course, outDir: out, approvedOnly: true });
      expect(second.locales).toEqual(['en', 'ar']);
      const page = fs.readFileSync(path.join(out, 'mini/en/index.html'), 'utf8');
      expect(page).toContain('hreflang="ar"');
      expect(page).not.toContain('hreflang="fr"');
    },
  );
});

/** `polycourse import` and `polycourse build --from-cms` as a user runs them, on a SQLite file. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniCourse, miniCourseDir } from '../helpers/mini-course.ts';
import { differences } from '../helpers/compare-numbers.ts';
import { defaultSettings, evaluateCsv } from '../../compiler/evaluation/evaluate-cohort.ts';
import { copyCourse, tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');

describe('CMS commands', () => {
  it(
    'imports a course folder (twice, without ' +
      'duplicates) and builds the same bundle from the CMS',
    () => {
      const dir = tempDir();
      const env = {
        ...process.env,
        DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
        POLYCOURSE_MEDIA_DIR: path.join(dir, 'media'),
      };
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, cwd: dir });
      const first = run('import', miniCourseDir, '--json');
      expect(first.status, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({
        course: 'mini',
        created: 8,
        media: { uploaded: 3, reused: 0 },
      });
      const second = run('import', miniCourseDir, '--json');
      expect(JSON.parse(second.stdout)).toMatchObject({
        created: 0,
        updated: 8,
        media: { uploaded: 0, reused: 3 },
      });
      const built = run('build', '--from-cms', 'mini', '--out', path.join(dir, 'out'), '--json');
      expect(built.status, built.stderr).toBe(0);
      expect(JSON.parse(built.stdout)).toMatchObject({ ok: true, pages: 45 });
      expect(
        fs.readFileSync(path.join(dir, 'out/mini/ar/basics/first-lesson/index.html'), 'utf8'),
      ).toContain('<h1>الدرس الأول</h1>');
      expect(run('build', '--from-cms', 'nope', '--out', path.join(dir, 'out2')).status).toBe(1);
    },
    300_000,
  );

  it('import-responses stores a cohort (all or nothing); evaluate --from-cms reports on it', () => {
    const dir = tempDir();
    const env = {
      ...process.env,
      DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
      POLYCOURSE_MEDIA_DIR: path.join(dir, 'media'),
    };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, cwd: dir });
    expect(run('import', miniCourseDir).status).toBe(0);
    const csvFile = path.resolve(import.meta.dirname, '../fixtures/evaluation/mini-responses.csv');
    const csv = fs.readFileSync(csvFile, 'utf8');
    const badFile = path.join(dir, 'bad.csv');
    fs.writeFileSync(badFile, csv.replace('m02,pre,', 'm02,before,'));
    const bad = run('import-responses', 'mini', badFile);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('bad.csv:4:5  error  Phase "before" is neither "pre" nor "post"');
    expect(bad.stderr).toContain('Nothing was stored.');
    for (let round = 0; round < 2; round++) {
      const good = run('import-responses', 'mini', csvFile, '--json');
      expect(good.status, good.stderr).toBe(0);
      expect(JSON.parse(good.stdout)).toEqual({ ok: true, imported: 49, diagnostics: [] });
    }
    const json = run(
      'evaluate',
      '--from-cms',
      'mini',
      '--by',
      'locale',
      '--min-group',
      '5',
      '--json',
    );
    expect(json.status, json.stderr).toBe(0);
    const expected = evaluateCsv(
      csv,
      'mini-responses.csv',
      { ...defaultSettings, by: ['locale'], minGroup: 5 },
      miniCourse().questionnaire,
    );
    expect(differences(JSON.parse(json.stdout), expected.evaluation!.result)).toEqual([]);
    const out = path.join(dir, 'report');
    expect(run('evaluate', '--from-cms', 'mini', '--out', out).status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([
      'ar.html',
      'fr.html',
      'index.html',
      'items.csv',
      'report.json',
    ]);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('the CMS, course mini');
    const missing = run('evaluate', '--from-cms', 'nope', '--json');
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout).diagnostics[0].message).toBe(
      'There is no course "nope" in the CMS',
    );
  }, 180_000);

  it('refuses to import a course with errors, writing nothing', () => {
    const dir = tempDir();
    const course = copyCourse(miniCourseDir);
    fs.writeFileSync(path.join(course, 'course.yaml'), 'id: Bad Id\n');
    const r = spawnSync(process.execPath, [bin, 'import', course], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URI: `file:${path.join(dir, 'cms.db')}` },
      cwd: dir,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/course\.yaml:1:\d+ {2}error .*\[polycourse:course-schema\]/);
    expect(r.stderr).toMatch(/nothing was written to the CMS/);
    expect(fs.existsSync(path.join(dir, 'cms.db'))).toBe(false);
  });
});

describe('export', () => {
  it('import then export gives back the same course model', async () => {
    const { readCourseFromFiles } =
      await import('../../compiler/sources/files/read-course-from-files.ts');
    const dir = tempDir();
    const env = {
      ...process.env,
      DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
      POLYCOURSE_MEDIA_DIR: path.join(dir, 'media'),
    };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, cwd: dir });
    expect(run('import', miniCourseDir).status).toBe(0);
    const exported = path.join(dir, 'exported');
    const r = run('export', 'mini', exported);
    expect(r.status, r.stderr).toBe(0);
    const strip = (c: unknown) =>
      JSON.parse(
        JSON.stringify(c, (k, v) =>
          ['file', 'mediaRoot', 'baseDir', 'translations'].includes(k) ? undefined : v,
        ),
      );
    const original = readCourseFromFiles(miniCourseDir);
    const roundTrip = readCourseFromFiles(exported);
    expect(roundTrip.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(strip(roundTrip.course)).toEqual(strip(original.course));
  }, 120_000);
});

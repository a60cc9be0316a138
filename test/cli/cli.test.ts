/** The polycourse bin as a user runs it: exit codes 0/1/2, --json output, zips, verify. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedImage } from '../../compiler/images/process-images.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { writeNoiseImage } from '../helpers/noise-image.ts';
import { copyCourse, tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('polycourse CLI', () => {
  it('build --json --zip: exit 0, a machine-readable result and zips per locale', () => {
    const out = tempDir();
    const r = run('build', miniCourseDir, '--out', out, '--json', '--zip');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      ok: true,
      courseId: 'mini',
      locales: ['en', 'ar', 'fr'],
      pages: 45,
    });
    expect(result.zips.map((z: string) => path.basename(z)).sort()).toEqual([
      'mini.ar.zip',
      'mini.en.zip',
      'mini.fr.zip',
      'mini.zip',
    ]);
    const unzip = spawnSync(
      'python3',
      [
        '-c',
        'import sys,zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
        path.join(out, 'mini.ar.zip'),
      ],
      { encoding: 'utf8' },
    );
    const names = unzip.stdout.trim().split('\n');
    expect(names).toContain('ar/index.html');
    expect(names.every((n) => n.startsWith('ar/'))).toBe(true);
    expect(run('verify', path.join(out, 'mini')).code).toBe(0);
  });

  it('build --target scorm12,scorm2004: packages per locale and all, in --json and text', () => {
    const out = tempDir();
    const r = run('build', miniCourseDir, '--out', out, '--json', '--target', 'scorm12,scorm2004');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { packages } = JSON.parse(r.stdout) as {
      packages: { target: string; paths: string[] }[];
    };
    expect(packages.map((p) => [p.target, p.paths.map((f) => path.basename(f))])).toEqual([
      [
        'scorm12',
        ['mini.scorm12.zip', 'mini.en.scorm12.zip', 'mini.ar.scorm12.zip', 'mini.fr.scorm12.zip'],
      ],
      [
        'scorm2004',
        [
          'mini.scorm2004.zip',
          'mini.en.scorm2004.zip',
          'mini.ar.scorm2004.zip',
          'mini.fr.scorm2004.zip',
        ],
      ],
    ]);
    const text = run('build', miniCourseDir, '--out', out, '-t', 'scorm12');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^scorm12: .*mini\.fr\.scorm12\.zip$/m);
  });

  it('build --target with an unknown name: exit 2, the names it takes, nothing built', () => {
    const out = tempDir();
    const r = run('build', miniCourseDir, '--out', out, '--target', 'scorm12,scorm3000');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown --target scorm3000: use folder, zip, scorm12, scorm2004/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('build prints a progress bar, a summary and the coverage per locale', () => {
    const r = run('build', miniCourseDir, '--out', tempDir());
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/building 100% \(45\/45\)/);
    expect(r.stdout).toMatch(/Built 45 pages/);
    expect(r.stdout).toMatch(/fr .*% {2}\(\d+ texts fall back\)/);
    expect(r.stdout).not.toMatch(/Phases/);
  });

  it('build --timings says how long each phase took; --json always has them', () => {
    const phaseNames = [
      'read-and-validate',
      'choose-locales',
      'prepare-assets',
      'plan-render-jobs',
      'stage-locale-files',
      'reuse-unchanged-pages',
      'render-planned-pages',
      'stage-encoded-images',
      'report-translation',
      'hand-to-targets',
    ];
    const text = run('build', miniCourseDir, '--out', tempDir(), '--timings');
    expect(text.code).toBe(0);
    const lines = text.stdout.slice(text.stdout.indexOf('Phases (wall time):')).split('\n');
    expect(lines.slice(1, -1).map((line) => line.trim().split(/\s+/)[0])).toEqual(phaseNames);
    expect(lines[1]).toMatch(/^ {2}read-and-validate +\d+\.\d\d s$/);
    const { phases, durationMs } = JSON.parse(
      run('build', miniCourseDir, '--out', tempDir(), '--json').stdout,
    );
    expect(phases.map((p: { name: string }) => p.name)).toEqual(phaseNames);
    const total = phases.reduce((sum: number, p: { ms: number }) => sum + p.ms, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(durationMs + phases.length);
  });

  it('invalid content: exit 1, positioned errors, nothing written', () => {
    const course = copyCourse(miniCourseDir);
    fs.writeFileSync(
      path.join(course, 'modules/basics/second-lesson.en.mdx'),
      '<Foo onClick="x()" />\n',
    );
    const out = tempDir();
    const r = run('build', course, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        'second-lesson\\.en\\.mdx:1:1 {2}error {2}Event handler attribute ' +
          '"onClick" is not allowed on <Foo> {2}\\[polycourse:event-attribute\\]',
      ),
    );
    expect(r.stderr).toMatch(/fix: /);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(fs.readdirSync(out).filter((f) => !f.startsWith('.'))).toEqual([]);
    const v = run('validate', course, '--json');
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(
      expect.arrayContaining(['polycourse:event-attribute', 'polycourse:unknown-component']),
    );
  });

  it('a build stopped by a broken image does not wait for the others to encode', async () => {
    const course = copyCourse(miniCourseDir);
    fs.writeFileSync(path.join(course, 'media/broken.png'), 'not a picture\n');
    const noise = path.join(course, 'media/noise.jpg');
    await writeNoiseImage(noise);
    const out = tempDir();
    const r = run('build', course, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/media\/broken\.png/);
    expect(await cachedImage(noise, 'media/noise.jpg', path.join(out, '.cache'))).toBeUndefined();
  }, 60_000);

  it('validate: exit 0 on a valid course', () => {
    const r = run('validate', miniCourseDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/mini: valid/);
  });

  it('usage errors: exit 2 with the usage text', () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['build', miniCourseDir],
      ['build', '--out', 'x'],
      ['build', miniCourseDir, '--out', 'x', '--colour'],
      ['serve', '.', '--port', 'abc'],
    ]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/Usage: polycourse/);
    }
  });

  it('publish --serve outside the CMS server (no IPC channel): exit 2, saying what to use', () => {
    const r = run('publish', '--serve');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'publish --serve takes its jobs from the CMS server (IPC); use publish.\n',
    );
    expect(r.stdout).toBe('');
  });

  it('build --base-url that is not an http(s) address: exit 2, saying what it takes', () => {
    for (const bad of ['ftp://example.org/', 'example.org/course', 'https://x.org/?a=1']) {
      const r = run('build', miniCourseDir, '--out', tempDir(), '--base-url', bad);
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toContain(
        `--base-url must be the http(s) address the course's folder is served at`,
      );
      expect(r.stderr, bad).toContain(`got "${bad}"`);
    }
  });

  it(
    'verify: exit 1 when a file changed after the build, ' + 'exit 1 on a folder without manifest',
    () => {
      const out = tempDir();
      expect(run('build', miniCourseDir, '--out', out).code).toBe(0);
      fs.writeFileSync(path.join(out, 'mini/en/index.html'), 'changed');
      const r = run('verify', path.join(out, 'mini'));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /en\/index\.html {2}error {2}7 bytes, the manifest says \d+ {2}\[polycourse:bundle-size\]/,
      );
      const json = JSON.parse(run('verify', path.join(out, 'mini'), '--json').stdout);
      expect(json).toMatchObject({
        ok: false,
        diagnostics: [{ ruleId: 'polycourse:bundle-size' }],
      });
      const none = run('verify', out);
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/manifest\.json/);
    },
  );
});

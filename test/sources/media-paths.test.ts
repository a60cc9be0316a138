/**
 * Nothing outside the course is read: media paths with `..` or absolute paths, paths outside
 * media/, and symbolic links that leave the course folder are refused with `polycourse:media-path`
 * at their position, the build writes nothing, and no byte of the outside file reaches any output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { verifyBundle } from '../../compiler/targets/static-bundle/verify-bundle.ts';
import type { Diagnostic } from '../../compiler/model/diagnostic.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';

/** A file outside every course, with content no course has. */
function outsideSecret(): { file: string; secret: string } {
  const secret = `SECRET-${process.pid}-${Date.now()}`;
  const file = path.join(tempDir('polycourse-outside-'), 'secret.png');
  fs.writeFileSync(file, `WEBVTT\n\n${secret}\n`);
  return { file, secret };
}

/** Every file under `dir` (following nothing), for a byte search. */
function allFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => path.join(e.parentPath, e.name));
}

async function refused(mutate: (dir: string) => void, secret?: string): Promise<Diagnostic[]> {
  const dir = copyCourse(miniCourseDir);
  mutate(dir);
  const out = tempDir();
  const result = await buildCourse({ courseDir: dir, outDir: out });
  expect(result.ok).toBe(false);
  expect(fs.readdirSync(out).filter((f) => !f.startsWith('.cache'))).toEqual([]);
  if (secret)
    for (const f of allFiles(out)) expect(fs.readFileSync(f, 'utf8'), f).not.toContain(secret);
  const errors = result.diagnostics.filter((d) => d.ruleId === 'polycourse:media-path');
  for (const e of errors) {
    expect(e.severity).toBe('error');
    expect(e.fix).toBeTruthy();
  }
  return errors;
}

const where = (d: Diagnostic) => `${path.basename(d.file ?? '')}:${d.line}:${d.column}`;

describe('media paths stay inside the course', () => {
  it('a video src that climbs out with ../ is refused at its position in course.yaml', async () => {
    const { file, secret } = outsideSecret();
    const errors = await refused((dir) => {
      editFile(
        path.join(dir, 'course.yaml'),
        'src: media/clip.mp4',
        `src: ${path.relative(dir, file)}`,
      );
    }, secret);
    expect(errors.map(where)).toEqual(['course.yaml:18:14']);
    expect(errors[0].message).toMatch(/leaves its folder/);
  });

  it(
    'an absolute poster path, ' + 'and a path inside the course but outside media/, are refused',
    async () => {
      const errors = await refused((dir) => {
        editFile(path.join(dir, 'course.yaml'), 'poster: media/poster.png', 'poster: /etc/passwd');
        editFile(path.join(dir, 'course.yaml'), 'src: media/clip.mp4', 'src: locales/en.yaml');
      });
      expect(errors.map((e) => `${where(e)} ${e.message.split(':')[0]}`)).toEqual([
        'course.yaml:18:14 Media path "locales/en.yaml" is not in the course\'s media/ folder',
        'course.yaml:19:17 Media path "/etc/passwd" is an absolute path',
      ]);
    },
  );

  it(
    '../ that comes back inside is fine; ../ through ' +
      'a sibling folder with the same prefix is not',
    async () => {
      const dir = copyCourse(miniCourseDir);
      editFile(
        path.join(dir, 'course.yaml'),
        'src: media/clip.mp4',
        'src: media/../media/clip.mp4',
      );
      const ok = await buildCourse({ courseDir: dir, outDir: tempDir() });
      expect(ok.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

      const errors = await refused((d) => {
        fs.mkdirSync(`${d}-evil/media`, { recursive: true });
        fs.writeFileSync(`${d}-evil/media/clip.mp4`, 'x');
        editFile(
          path.join(d, 'course.yaml'),
          'src: media/clip.mp4',
          `src: ../${path.basename(d)}-evil/media/clip.mp4`,
        );
      });
      expect(errors.map(where)).toEqual(['course.yaml:18:14']);
    },
  );

  it(
    'a symbolic link in media/ to a file outside ' + 'refuses the course before anything is read',
    async () => {
      const { file, secret } = outsideSecret();
      const errors = await refused(
        (dir) => fs.symlinkSync(file, path.join(dir, 'media/outside.png')),
        secret,
      );
      expect(errors).toHaveLength(1);
      expect(errors[0].file).toMatch(/media\/outside\.png$/);
      expect(errors[0].message).toMatch(
        /symbolic link to .*secret\.png, outside the course folder/,
      );
    },
  );

  it('a lesson body, a caption file or a whole folder linked from outside is refused', async () => {
    const { file, secret } = outsideSecret();
    const outsideDir = path.dirname(file);
    const errors = await refused((dir) => {
      fs.rmSync(path.join(dir, 'modules/basics/second-lesson.en.mdx'));
      fs.symlinkSync(file, path.join(dir, 'modules/basics/second-lesson.en.mdx'));
      fs.rmSync(path.join(dir, 'media/captions/intro-video.en.vtt'));
      fs.symlinkSync('/etc/hostname', path.join(dir, 'media/captions/intro-video.en.vtt'));
      fs.symlinkSync(outsideDir, path.join(dir, 'media/linked-folder'));
    }, secret);
    expect(errors.map((e) => path.basename(e.file!)).sort()).toEqual([
      'intro-video.en.vtt',
      'linked-folder',
      'second-lesson.en.mdx',
    ]);
  });

  it(
    'a dangling link is refused too; ' + 'a link that stays inside the course is read as its file',
    async () => {
      const errors = await refused((dir) =>
        fs.symlinkSync('/nonexistent/file.png', path.join(dir, 'media/gone.png')),
      );
      expect(errors).toHaveLength(1);

      const dir = copyCourse(miniCourseDir);
      fs.symlinkSync('diagram.png', path.join(dir, 'media/diagram-copy.png'));
      editFile(
        path.join(dir, 'course.yaml'),
        'poster: media/poster.png',
        'poster: media/diagram-copy.png',
      );
      const out = tempDir();
      const result = await buildCourse({ courseDir: dir, outDir: out });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // No output file is a link: every asset is a copy of its input.
      for (const f of allFiles(path.join(out, 'mini')))
        expect(fs.lstatSync(f).isSymbolicLink(), f).toBe(false);
      const input = fs.statSync(path.join(dir, 'media/clip.mp4'));
      for (const f of allFiles(path.join(out, 'mini')).filter((f) => f.endsWith('.mp4')))
        expect(fs.statSync(f).ino).not.toBe(input.ino);
      expect(verifyBundle(path.join(out, 'mini')).ok).toBe(true);
    },
  );

  it(
    'a locale that is not a language tag opens no file ' +
      '(locales/<locale>.yaml would leave the folder)',
    async () => {
      const { file } = outsideSecret();
      fs.renameSync(file, file.replace(/\.png$/, '.yaml'));
      const errors: Diagnostic[] = [];
      const dir = copyCourse(miniCourseDir);
      const locale = path.relative(path.join(dir, 'locales'), file.replace(/\.png$/, ''));
      editFile(
        path.join(dir, 'course.yaml'),
        'locales: [en, ar, fr]',
        `locales: [en, ar, fr, "${locale}"]`,
      );
      const result = await buildCourse({ courseDir: dir, outDir: tempDir() });
      errors.push(...result.diagnostics);
      expect(
        errors.map((d) => `${path.basename(d.file ?? '')}:${d.line}:${d.column} ${d.ruleId}`),
      ).toEqual(['course.yaml:3:23 polycourse:locale-tag']);
    },
  );

  it('verify reports a symbolic link placed in a bundle after the build', async () => {
    const out = tempDir();
    await buildCourse({ courseDir: miniCourseDir, outDir: out });
    const page = path.join(out, 'mini/en/index.html');
    fs.rmSync(page);
    fs.symlinkSync('/etc/passwd', page);
    const report = verifyBundle(path.join(out, 'mini'));
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toEqual([
      {
        severity: 'error',
        ruleId: 'polycourse:bundle-link',
        file: path.relative(process.cwd(), page),
        message: 'A symbolic link (to /etc/passwd), not a file',
        fix: 'Build the course again (or restore the bundle from a copy you trust).',
      },
    ]);
  });
});

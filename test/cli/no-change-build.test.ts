/**
 * The no-change rebuild (compiler/pipeline/build-stamp.ts): `polycourse build` a second time with
 * nothing changed says so without building, and gives the same result (warnings included); any
 * edited, added or removed course file, a touched output, other options or `--force` build
 * again; a file edited while a build runs is not taken as built.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inputSnapshot,
  stampBuild,
  upToDateBuild,
  type StampedOptions,
} from '../../compiler/pipeline/build-stamp.ts';
import type { BuildResult } from '../../compiler/pipeline/build-state.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const build = (course: string, out: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, 'build', course, '--out', out, '--json', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as {
    upToDate: boolean;
    pages: number;
    rendered: number;
    diagnostics: { ruleId: string }[];
  };
};

describe('a build with nothing to do', () => {
  it('says it is up to date, and builds again when anything it depends on changes', () => {
    const course = copyCourse(miniCourseDir);
    const out = tempDir();
    const first = build(course, out);
    expect(first).toMatchObject({ upToDate: false, pages: 45, rendered: 45 });
    const again = build(course, out);
    expect(again).toMatchObject({ upToDate: true, pages: 45, rendered: 0 });
    // The same warnings, told again.
    expect(again.diagnostics.map((d) => d.ruleId)).toEqual(first.diagnostics.map((d) => d.ruleId));

    // An edited lesson: built (one page's worth rendered), then up to date again.
    editFile(path.join(course, 'modules/basics/first-lesson.en.mdx'), 'rights', 'human rights');
    expect(build(course, out)).toMatchObject({ upToDate: false });
    expect(build(course, out).upToDate).toBe(true);
    // A new file (a French body where French fell back): built.
    fs.copyFileSync(
      path.join(course, 'modules/basics/second-lesson.en.mdx'),
      path.join(course, 'modules/basics/second-lesson.fr.mdx'),
    );
    expect(build(course, out).upToDate).toBe(false);
    // A removed file: built.
    fs.rmSync(path.join(course, 'modules/basics/second-lesson.fr.mdx'));
    expect(build(course, out).upToDate).toBe(false);
    // A page deleted from the output: built, and the page is back.
    const page = path.join(out, 'mini/fr/basics/first-lesson/index.html');
    fs.rmSync(page);
    expect(build(course, out).upToDate).toBe(false);
    expect(fs.existsSync(page)).toBe(true);
    // Other options, or --force: built.
    expect(build(course, out, '--locale', 'en').upToDate).toBe(false);
    expect(build(course, out, '--locale', 'en').upToDate).toBe(true);
    expect(build(course, out).upToDate).toBe(false);
    expect(build(course, out, '--force')).toMatchObject({ upToDate: false, pages: 45 });
  }, 180_000);

  it('a file edited while the build ran makes the next build run', () => {
    const course = copyCourse(miniCourseDir);
    const out = tempDir();
    const result = build(course, out) as unknown as BuildResult;
    const options: StampedOptions = { courseDir: course, outDir: out, targetNames: [] };
    stampBuild(options, inputSnapshot(options), result);
    expect(upToDateBuild(options)?.ok).toBe(true);
    // As buildCommand does: the inputs are taken before the build, the stamp written after it.
    const before = inputSnapshot(options);
    editFile(path.join(course, 'course.yaml'), 'locales: [en, ar, fr]', 'locales: [en, fr, ar]');
    stampBuild(options, before, result);
    expect(upToDateBuild(options)).toBeUndefined();
  }, 60_000);
});

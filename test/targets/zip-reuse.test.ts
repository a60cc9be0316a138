/**
 * The zip target keeps a zip whose files are all as they were: after a one-lesson edit only that
 * locale's zip and the whole course's are written again (a CMS publish rewrote all of them, 2.6 s
 * of a 7 s publish of the demo course). A kept zip is byte for byte the one a fresh build writes;
 * a zip changed or damaged on disk is written again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { chooseTargets } from '../../compiler/targets/choose-targets.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';

const build = async (courseDir: string, outDir: string) => {
  const result = await buildCourse({ courseDir, outDir, targets: chooseTargets(['zip']) });
  expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
};

/** Names and texts of a zip's entries, read by Python's zipfile (another implementation). */
function entries(zip: string): Record<string, string> {
  const read = spawnSync(
    'python3',
    [
      '-c',
      'import sys,json,zipfile; z=zipfile.ZipFile(sys.argv[1]); ' +
        'print(json.dumps({n: z.read(n).decode("latin1") for n in z.namelist()}))',
      zip,
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  expect(read.status, read.stderr).toBe(0);
  return JSON.parse(read.stdout);
}

describe('zips after an edit', () => {
  it('only the edited locale and the whole course are zipped again', async () => {
    const course = copyCourse(miniCourseDir);
    const out = tempDir();
    await build(course, out);
    const zips = ['mini.zip', 'mini.en.zip', 'mini.fr.zip', 'mini.ar.zip'];
    const before = new Map(zips.map((z) => [z, fs.statSync(path.join(out, z))]));
    const bytes = new Map(zips.map((z) => [z, fs.readFileSync(path.join(out, z))]));

    editFile(
      path.join(course, 'modules/basics/first-lesson.en.mdx'),
      'Everyone has **rights**.',
      'Everyone has **rights**, edited.',
    );
    await build(course, out);
    const after = (z: string) => fs.statSync(path.join(out, z));
    // (fr has no text of its own for that lesson: it shows the English, so its zip changes too.)
    for (const kept of ['mini.ar.zip']) {
      expect(after(kept).mtimeMs, kept).toBe(before.get(kept)!.mtimeMs);
      expect(after(kept).ino, kept).toBe(before.get(kept)!.ino);
    }
    for (const rewritten of ['mini.en.zip', 'mini.fr.zip', 'mini.zip']) {
      expect(fs.readFileSync(path.join(out, rewritten)).equals(bytes.get(rewritten)!)).toBe(false);
      const locale = rewritten === 'mini.fr.zip' ? 'fr' : 'en';
      expect(
        entries(path.join(out, rewritten))[`${locale}/basics/first-lesson/index.html`],
      ).toContain('edited.');
    }

    // What was kept is what a fresh build of the edited course writes.
    const fresh = tempDir();
    await build(course, fresh);
    for (const z of zips)
      expect(
        fs.readFileSync(path.join(out, z)).equals(fs.readFileSync(path.join(fresh, z))),
        z,
      ).toBe(true);

    // A zip damaged on disk (cut short, so its comment is gone) is written again.
    fs.truncateSync(path.join(out, 'mini.ar.zip'), 1000);
    await build(course, out);
    expect(fs.readFileSync(path.join(out, 'mini.ar.zip')).equals(bytes.get('mini.ar.zip')!)).toBe(
      true,
    );
    expect(Object.keys(entries(path.join(out, 'mini.ar.zip'))).length).toBeGreaterThan(5);
  });
});

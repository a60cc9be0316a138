/**
 * What each locale's service worker is told to save, and when (offline-plan.ts), read back from the
 * sw.js of a real build: the shell, each module's pages with the pictures they show and no video or
 * caption, every file with its size and digest, the caption scripts for file:// left out; and a
 * worker whose plan is unchanged is the same file in the next build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { sha256 } from '../../compiler/model/fingerprint.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';
import { offlinePlanOf } from '../helpers/offline-worker.ts';

describe('the offline plan of a locale', () => {
  it('shell, modules and files as built', async () => {
    const course = copyCourse(miniCourseDir);
    const out = tempDir();
    expect((await buildCourse({ courseDir: course, outDir: out, locales: ['en'] })).ok).toBe(true);
    const dir = path.join(out, 'mini/en');
    const plan = offlinePlanOf(dir);

    // Every file the worker may serve, with its real size and the start of its sha256.
    const onDisk = (fs.readdirSync(dir, { recursive: true }) as string[])
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .sort();
    const served = onDisk.filter((f) => f !== 'sw.js' && !f.endsWith('.vtt.js'));
    expect(Object.keys(plan.files)).toEqual(served);
    for (const f of served) {
      const bytes = fs.readFileSync(path.join(dir, f));
      expect(plan.files[f], f).toEqual([sha256(bytes).slice(0, 10), bytes.length]);
    }
    expect(onDisk.some((f) => f.endsWith('.vtt.js'))).toBe(true); // there, for file:// only

    expect(plan.shell.slice(0, 2)).toEqual(['index.html', '404.html']);
    expect(plan.shell.filter((f) => /^_assets\/(runtime|theme|interactive)-/.test(f))).toHaveLength(
      3,
    );
    const [[id, files]] = plan.modules;
    expect(id).toBe('basics');
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages).toEqual(served.filter((f) => f.startsWith('basics/')));
    // The diagram of the first lesson, in every format (the worker picks one), and the poster.
    expect(files.filter((f) => f.includes('diagram-')).length).toBeGreaterThanOrEqual(3);
    expect(files.some((f) => f.includes('poster-'))).toBe(true);
    // The video and its captions wait for the learner to open them or keep the course.
    expect(files.filter((f) => /\.(mp4|vtt)$/.test(f))).toEqual([]);
    expect(served.some((f) => f.endsWith('.mp4'))).toBe(true);

    // A build with nothing changed writes the same worker: no new install for learners.
    const before = fs.readFileSync(path.join(dir, 'sw.js'));
    expect((await buildCourse({ courseDir: course, outDir: out, locales: ['en'] })).ok).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'sw.js')).equals(before)).toBe(true);
    // An edited lesson changes that page's digest, and so the worker.
    editFile(
      path.join(course, 'modules/basics/first-lesson.en.mdx'),
      'Everyone has **rights**.',
      'Everyone has **human rights**.',
    );
    expect((await buildCourse({ courseDir: course, outDir: out, locales: ['en'] })).ok).toBe(true);
    const after = offlinePlanOf(dir);
    expect(after.cacheName).not.toBe(plan.cacheName);
    const changed = Object.keys(plan.files).filter((f) => plan.files[f][0] !== after.files[f]?.[0]);
    expect(changed).toEqual(['basics/first-lesson/index.html']);
  });
});

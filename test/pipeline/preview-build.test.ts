/**
 * A build of drafts is a preview (BuildOptions.preview, `build --drafts`, the admin's Preview):
 * every page carries the preview banner and `data-preview`, and none registers the service worker;
 * the same course built for publishing has neither banner nor mark, and registers it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

const lesson = (out: string) =>
  fs.readFileSync(path.join(out, 'mini/en/basics/first-lesson/index.html'), 'utf8');

describe('a preview build', () => {
  it('marks every page as a preview and registers no service worker', async () => {
    const preview = tempDir();
    const published = tempDir();
    const [a, b] = await Promise.all([
      buildCourse({ courseDir: miniCourseDir, outDir: preview, locales: ['en'], preview: true }),
      buildCourse({ courseDir: miniCourseDir, outDir: published, locales: ['en'] }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const page = lesson(preview);
    expect(page).toContain('<p class="preview-banner" role="note">Preview of unpublished drafts');
    expect(page).toMatch(/<body[^>]* data-preview/);
    expect(page).not.toContain('data-sw=');
    const home = fs.readFileSync(path.join(preview, 'mini/en/index.html'), 'utf8');
    expect(home).toContain('class="preview-banner"');

    const real = lesson(published);
    expect(real).not.toContain('preview-banner');
    expect(real).not.toContain('data-preview');
    expect(real).toContain('data-sw="../../sw.js"');
  });
});

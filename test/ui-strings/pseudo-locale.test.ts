/**
 * The pseudo-locale build: every text on every page comes wrapped from a catalog or the course
 * model. An unwrapped text is a hard-coded string in a template (or a compiler stage).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

/**
 * Visible text runs of an HTML page, minus the language picker (language names are not UI strings).
 */
function textRuns(html: string): string[] {
  const visible = html
    .replace(/<(script|style|title)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<nav class="language-picker"[\s\S]*?<\/nav>/, ' ');
  return visible
    .split(/<[^>]+>/)
    .map((t) => t.replace(/&[a-z]+;|&#\d+;/g, ' ').trim())
    .filter(Boolean);
}

/**
 * Runs that may stand alone: numbers, punctuation, symbols (e.g. "1." of a list, "›", "✓", "↩").
 */
const neutral = /^[\s\d.,:;·•›‹↩✓✗()[\]—–\-+%/]*$/u;

describe('pseudo-locale', () => {
  it('builds en-XA where no page contains an unwrapped UI string', async () => {
    const out = tempDir();
    const result = await buildCourse({
      courseDir: miniCourseDir,
      outDir: out,
      locales: ['en'],
      pseudo: true,
    });
    expect(result.ok).toBe(true);
    expect(result.locales).toEqual(['en', 'en-XA']);
    const dir = path.join(out, 'mini/en-XA');
    const pages = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.html'),
    );
    expect(pages.length).toBeGreaterThan(10);
    const unwrapped: string[] = [];
    for (const page of pages) {
      // A run is fine when it is neutral, or wrapped; text inside a wrapped span may be split by
      // inline tags.
      let open = 0;
      for (const run of textRuns(fs.readFileSync(path.join(dir, page), 'utf8'))) {
        const inside = open > 0;
        open += (run.match(/⟦/g) ?? []).length - (run.match(/⟧/g) ?? []).length;
        if (!inside && !run.includes('⟦') && !neutral.test(run)) unwrapped.push(`${page}: ${run}`);
      }
    }
    expect(unwrapped).toEqual([]);
    const lesson = fs.readFileSync(path.join(dir, 'basics/first-lesson/index.html'), 'utf8');
    expect(lesson).toMatch(/<html lang="en-XA" dir="ltr">/);
    // markup kept inside pseudo-translated bodies
    expect(lesson).toContain('<strong>ŕíĝĥţš</strong>');
  });
});

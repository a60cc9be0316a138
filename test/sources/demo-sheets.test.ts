/**
 * The demo course's information sheets say their title once: the page heading, not again as the
 * first line of the body (a learner saw "Your rights at a glance" twice), in every locale.
 */
import { describe, expect, it } from 'vitest';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { demoCourseDir } from '../helpers/demo-course.ts';

describe('demo course information sheets', () => {
  it('no sheet body starts with its own title, in any locale', () => {
    const { course } = readCourseFromFiles(demoCourseDir);
    const repeated: string[] = [];
    let sheets = 0;
    for (const module of course!.modules)
      for (const unit of module.units) {
        if (unit.kind !== 'infosheet') continue;
        sheets++;
        for (const [locale, body] of Object.entries(unit.body)) {
          const first = body.text
            .trimStart()
            .split('\n', 1)[0]!
            .replace(/^#+\s*/, '')
            .trim();
          if (first === unit.title[locale]?.trim()) repeated.push(`${unit.id} (${locale})`);
        }
      }
    expect(sheets).toBe(5);
    expect(repeated).toEqual([]);
  });
});

/**
 * The caller names the source: a corpus folder is never taken for a course (or the other way
 * round).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCourse } from '../../compiler/sources/read-course.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

/** The smallest corpus of ../shared/bench's layout: corpus.json and one lesson per locale. */
function tinyCorpus(): string {
  const dir = tempDir('polycourse-corpus-');
  const locales = [{ code: 'en', dir: 'ltr' }];
  const structure = [
    {
      slug: 'module-01',
      title: { en: 'Module' },
      lessons: [{ slug: 'lesson-01', title: { en: 'Lesson' } }],
    },
  ];
  fs.writeFileSync(path.join(dir, 'corpus.json'), JSON.stringify({ locales, structure }));
  fs.mkdirSync(path.join(dir, 'en/module-01'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'en/module-01/lesson-01.md'), '# Lesson\n\nText.\n');
  return dir;
}

describe('choosing a source', () => {
  it('a corpus folder read as files is "no course.yaml", and read as a corpus is a course', () => {
    const dir = tinyCorpus();
    expect(readCourse(dir).diagnostics.map((d) => d.ruleId)).toEqual(['polycourse:missing-file']);
    const corpus = readCourse(dir, 'corpus');
    expect(corpus.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(corpus.course?.modules.map((m) => m.units.map((u) => `${m.id}/${u.id}`))).toEqual([
      ['module-01/lesson-01'],
    ]);
  });

  it('a course folder read as a corpus says so instead of guessing', () => {
    expect(readCourse(miniCourseDir, 'corpus').diagnostics.map((d) => d.ruleId)).toEqual([
      'polycourse:corpus',
    ]);
  });
});

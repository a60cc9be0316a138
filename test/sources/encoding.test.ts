/**
 * Text that is not UTF-8 is never turned into U+FFFD silently: a warning points at the first bad
 * byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse } from '../helpers/temp-course.ts';

describe('file encodings', () => {
  it(
    'a Latin-1 lesson body and caption file are read ' +
      'with a positioned polycourse:encoding warning',
    () => {
      const dir = copyCourse(miniCourseDir);
      // "Café" in Latin-1 (0xE9) on line 3 of the body, column 10; a bad byte at the start of
      // caption line 2.
      fs.writeFileSync(
        path.join(dir, 'modules/basics/second-lesson.en.mdx'),
        Buffer.concat([
          Buffer.from('## Second\n\nPlain Caf'),
          Buffer.from([0xe9]),
          Buffer.from(' text.\n'),
        ]),
      );
      const vtt = path.join(dir, 'media/captions/intro-video.en.vtt');
      const [first, ...rest] = fs.readFileSync(vtt, 'utf8').split('\n');
      fs.writeFileSync(
        vtt,
        Buffer.concat([
          Buffer.from(`${first}\n`),
          Buffer.from([0xff]),
          Buffer.from(rest.join('\n')),
        ]),
      );
      const result = readCourseFromFiles(dir);
      const warnings = result.diagnostics.filter((d) => d.ruleId === 'polycourse:encoding');
      expect(
        warnings.map((d) => `${path.basename(d.file!)}:${d.line}:${d.column} ${d.severity}`),
      ).toEqual(['second-lesson.en.mdx:3:10 warning', 'intro-video.en.vtt:2:1 warning']);
      expect(warnings[0].message).toMatch(/0xE9/);
      expect(result.course).toBeDefined();
    },
  );
});

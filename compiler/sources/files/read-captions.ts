/**
 * A video's captions: `media/captions/<unit>.<locale>.vtt`, one WebVTT file per locale that has
 * them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MediaRef } from '../../model/course.ts';
import type { CourseContext } from './files-context.ts';
import { readTextFile } from './read-text-file.ts';
import { webVttFix, webVttProblems } from '../../model/webvtt-problems.ts';

export function readCaptions(context: CourseContext, unitId: string): Record<string, MediaRef> {
  const { courseDir, locales, diagnostics, display } = context;
  const captions: Record<string, MediaRef> = {};
  for (const locale of locales) {
    const file = path.join(courseDir, 'media', 'captions', `${unitId}.${locale}.vtt`);
    if (!fs.existsSync(file)) continue;
    context.inputs.push(file);
    const read = readTextFile(file, display(file));
    diagnostics.push(...read.diagnostics);
    if (!/^\uFEFF?WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(read.text)) {
      diagnostics.push({
        severity: 'error',
        ruleId: 'polycourse:captions',
        file: display(file),
        line: 1,
        column: 1,
        message: 'Captions must be WebVTT: the file does not start with "WEBVTT"',
        fix: 'Convert the captions to WebVTT (e.g. `ffmpeg -i captions.srt captions.vtt`).',
      });
    } else {
      // The header is right: what W3C's validator finds in the cues (the first ten).
      for (const problem of webVttProblems(read.text).slice(0, 10))
        diagnostics.push({
          severity: 'error',
          ruleId: 'polycourse:captions',
          file: display(file),
          line: problem.line,
          column: problem.column ?? 1,
          message: `Captions are not valid WebVTT: ${problem.message}`,
          fix: webVttFix,
        });
    }
    captions[locale] = { path: path.relative(courseDir, file).split(path.sep).join('/'), file };
  }
  return captions;
}

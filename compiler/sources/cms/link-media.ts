/**
 * Media files appear at their course paths (media/…) under `root`. A course path that would land
 * anywhere else is never written: the document is skipped with a warning (a unit that uses it then
 * reports its media missing), so one bad Media document cannot stop every course's build.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { isUnder, resolveInside } from '../inside-root.ts';
import type { CmsReader } from './cms-reader.ts';

export async function linkMedia(reader: CmsReader, root: string): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const mediaDir = path.join(root, 'media');
  for (const m of await reader.listMedia()) {
    if (!m.coursePath || !m.filename) continue;
    const target = resolveInside(root, String(m.coursePath));
    const problem = !target.ok
      ? target.reason
      : !isUnder(mediaDir, target.file) || target.file === mediaDir
        ? 'is not under media/'
        : fs.existsSync(target.file)
          ? 'is used by another Media document'
          : undefined;
    if (!target.ok || problem) {
      diagnostics.push({
        severity: 'warning',
        ruleId: 'polycourse:media-path',
        path: `${reader.origin}media/${m.id}/coursePath`,
        message:
          `Media "${m.filename}": course path "${m.coursePath}" ${problem}; ` +
          'the file is left out of the build',
        fix:
          'Give it a course path under media/, e.g. media/diagram.png, ' +
          'unique among Media documents.',
      });
      continue;
    }
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    try {
      await reader.fetchMedia(m, target.file);
    } catch (error) {
      diagnostics.push({
        severity: 'warning',
        ruleId: 'polycourse:media-path',
        path: `${reader.origin}media/${m.id}/filename`,
        message: `${(error as Error).message}; the file is left out of the build`,
        fix: 'Upload the file again.',
      });
    }
  }
  return diagnostics;
}

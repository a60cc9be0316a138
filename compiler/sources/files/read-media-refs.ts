/**
 * A media path written in course.yaml (a video's src or poster): an https:// URL, or a file in the
 * course's own media/ folder. Anything else (`..`, an absolute path, a link out of media/) is
 * refused.
 */
import fs from 'node:fs';
import type { MediaRef } from '../../model/course.ts';
import { isUnder, resolveInside } from '../inside-root.ts';
import type { CourseContext, YamlPath } from './files-context.ts';

export function readMediaRef(context: CourseContext, ref: string, yamlPath: YamlPath): MediaRef {
  const { courseDir, mediaRoot, structureYaml, diagnostics, display } = context;
  if (/^https?:\/\//.test(ref)) return { path: ref, url: ref };
  const inside = resolveInside(courseDir, ref);
  if (!inside.ok || !isUnder(mediaRoot, inside.file)) {
    const where = inside.ok ? "is not in the course's media/ folder" : inside.reason;
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:media-path',
      ...structureYaml.positionOf(yamlPath),
      message: `Media path "${ref}" ${where}: a course may use only its own media`,
      fix:
        "Put the file in the course's media/ folder and write its path from the course " +
        'folder, e.g. media/intro.mp4 (or use an https:// URL).',
    });
    return { path: ref };
  }
  const file = inside.file;
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:missing-media',
      ...structureYaml.positionOf(yamlPath),
      message: `Media file not found: ${ref}`,
      fix: `Put the file at ${display(file)} or correct the path.`,
    });
  } else context.inputs.push(file);
  return { path: ref, file };
}

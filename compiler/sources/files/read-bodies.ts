/**
 * A unit's body: one MDX file per locale, `modules/<module>/<unit>.<locale>.mdx`. The source
 * locale's is required; the others fall back to it when missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LocalizedDocument } from '../../model/course.ts';
import type { CourseContext, YamlPath } from './files-context.ts';
import { readTextFile } from './read-text-file.ts';

export function readBody(
  context: CourseContext,
  moduleId: string,
  unitId: string,
  modelPath: string,
): LocalizedDocument {
  const { courseDir, locales, sourceLocale, diagnostics, display } = context;
  const out: LocalizedDocument = {};
  for (const locale of locales) {
    const file = path.join(courseDir, 'modules', moduleId, `${unitId}.${locale}.mdx`);
    if (!fs.existsSync(file)) continue;
    context.inputs.push(file);
    const read = readTextFile(file, display(file));
    diagnostics.push(...read.diagnostics);
    out[locale] = { text: read.text, file: display(file), baseDir: `modules/${moduleId}` };
  }
  if (!out[sourceLocale]) {
    const sourceFile = path.join(courseDir, 'modules', moduleId, `${unitId}.${sourceLocale}.mdx`);
    const file = display(sourceFile);
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:missing-body',
      file,
      message: `Missing body of unit "${unitId}" in the source locale: ${file}`,
      fix: 'Create the MDX file (see docs/authoring.md).',
    });
  }
  const unitPath = unitYamlPath(context, moduleId, unitId);
  context.positions.set(modelPath, context.structureYaml.positionOf(unitPath));
  return out;
}

/** Where course.yaml lists the unit (the first with that id: duplicates are reported elsewhere). */
function unitYamlPath(context: CourseContext, moduleId: string, unitId: string): YamlPath {
  const { modules } = context.structure;
  const m = modules.findIndex((x) => x.id === moduleId);
  const u = modules[m].units.findIndex((x) => x.id === unitId);
  return ['modules', m, 'units', u];
}

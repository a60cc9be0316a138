/**
 * The course's structure: course.yaml (ids, locales, modules and units, no texts), checked against
 * its schema and its locale tags. Before any of it, the folder itself: no symbolic link may leave
 * it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { isValidLocaleTag } from '../../model/locales.ts';
import { findEscapingLinks } from '../inside-root.ts';
import { courseFileSchema, type CourseFile } from './course-file-schema.ts';
import type { FilesContext, YamlPath } from './files-context.ts';
import { readYamlFile, type YamlFile } from './yaml-document.ts';

export interface Structure {
  structure: CourseFile;
  structureYaml: YamlFile;
}

/**
 * Nothing outside the course folder is read: a symbolic link that leaves it refuses the course
 * before any file is opened (links that stay inside are read as what they point to). True when
 * refused.
 */
export function refuseEscapingLinks(context: FilesContext): boolean {
  const { courseDir, diagnostics, display } = context;
  const escaping = findEscapingLinks(courseDir, courseDir);
  for (const [link, target] of escaping) {
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:media-path',
      file: display(link),
      message:
        `${display(link)} is a symbolic link to ${target}, outside the course folder: ` +
        'nothing outside the course is read',
      fix: 'Copy the file into the course folder instead of linking to it.',
    });
  }
  return escaping.length > 0;
}

/** course.yaml → its checked structure, or undefined (with diagnostics) when it cannot be used. */
export function readStructure(context: FilesContext): Structure | undefined {
  const { courseDir, diagnostics, positions, display } = context;
  const courseFile = path.join(courseDir, 'course.yaml');
  if (!fs.existsSync(courseFile)) {
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:missing-file',
      message: `No course.yaml in ${display(courseDir)}`,
      file: display(courseFile),
      fix:
        'Point the command at a course folder (see docs/authoring.md), ' +
        'or create course.yaml there.',
    });
    return undefined;
  }
  context.inputs.push(courseFile);
  const parsed = readYamlFile(courseFile, display(courseFile));
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.yaml) return undefined;
  const structureYaml = parsed.yaml;
  positions.set('', structureYaml.positionOf([]));
  for (const key of ['theme', 'locales', 'sourceLocale', 'points', 'glossary', 'questionnaire']) {
    positions.set(key, structureYaml.positionOf([key]));
  }
  const checked = courseFileSchema.safeParse(structureYaml.data);
  if (!checked.success) {
    diagnostics.push(...schemaDiagnostics(checked.error, structureYaml));
    return undefined;
  }
  const structure = checked.data;
  return checkLocales(context, structure, structureYaml) ? { structure, structureYaml } : undefined;
}

/** Locales name files (locales/<locale>.yaml, <unit>.<locale>.mdx): "../x" must open none. */
function checkLocales(context: FilesContext, structure: CourseFile, yaml: YamlFile): boolean {
  const { sourceLocale, locales } = structure;
  const badTags = locales.map((l, i) => [l, i] as const).filter(([l]) => !isValidLocaleTag(l));
  for (const [l, i] of badTags) {
    context.diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:locale-tag',
      ...yaml.positionOf(['locales', i]),
      message: `"${l}" is not a valid BCP 47 language tag`,
      fix: 'Use a tag such as "fr", "pt-BR" or "zh-Hans".',
    });
  }
  if (badTags.length) return false;
  if (!locales.includes(sourceLocale)) {
    context.diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:source-locale',
      ...yaml.positionOf(['sourceLocale']),
      message: `sourceLocale "${sourceLocale}" is not in locales [${locales.join(', ')}]`,
      fix: `Add "${sourceLocale}" to locales.`,
    });
    return false;
  }
  return true;
}

function schemaDiagnostics(error: z.ZodError, yaml: YamlFile): Diagnostic[] {
  return error.issues.map((issue) => ({
    severity: 'error' as const,
    ruleId: 'polycourse:course-schema',
    ...yaml.positionOf(issue.path as YamlPath),
    message: `${issue.path.join('.') || '(top level)'}: ${issue.message}`,
    fix: 'Compare with the course.yaml reference in docs/authoring.md.',
  }));
}

/**
 * The course's texts: one YAML document per locale (locales/<locale>.yaml), keyed by the ids of
 * course.yaml. `readText` gathers one text from every locale file; the source locale must have it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Localized } from '../../model/course.ts';
import { realRoot } from '../inside-root.ts';
import type { CourseContext, FilesContext, YamlPath } from './files-context.ts';
import type { Structure } from './read-structure.ts';
import { readYamlFile, type YamlFile } from './yaml-document.ts';

/** Read every locale's texts; undefined when the source locale's cannot be read. */
export function readLocaleTexts(
  context: FilesContext,
  { structure, structureYaml }: Structure,
): CourseContext | undefined {
  const { courseDir, diagnostics, display } = context;
  const { sourceLocale, locales } = structure;
  const texts = new Map<string, YamlFile>();
  for (const locale of locales) {
    const file = path.join(courseDir, 'locales', `${locale}.yaml`);
    if (!fs.existsSync(file)) {
      const source = locale === sourceLocale;
      diagnostics.push({
        severity: source ? 'error' : 'warning',
        ruleId: 'polycourse:missing-locale-file',
        message: `No texts for locale "${locale}": ${display(file)} does not exist`,
        file: display(file),
        fix: source
          ? 'Create it: it holds every text of the source locale.'
          : `Create it, or the whole course shows in ${sourceLocale} for "${locale}".`,
      });
      continue;
    }
    context.inputs.push(file);
    const read = readYamlFile(file, display(file));
    diagnostics.push(...read.diagnostics);
    if (read.yaml) texts.set(locale, read.yaml);
  }
  if (!texts.has(sourceLocale)) return undefined;
  const mediaRoot = path.join(realRoot(courseDir), 'media');
  const usedTexts = new Set<string>();
  return {
    ...context,
    structure,
    structureYaml,
    sourceLocale,
    locales,
    texts,
    usedTexts,
    mediaRoot,
  };
}

/** One text from every locale file, positioned per locale; required in the source locale. */
export function readText(
  context: CourseContext,
  yamlPath: YamlPath,
  modelPath: string,
  required = true,
): Localized {
  const { texts, sourceLocale, positions, diagnostics } = context;
  context.usedTexts.add(yamlPath.join('\u0000'));
  const out: Localized = {};
  for (const [locale, yaml] of texts) {
    const value = getIn(yaml.data, yamlPath);
    positions.set(`${modelPath}.${locale}`, () => yaml.positionOf(yamlPath));
    if (typeof value === 'string' || typeof value === 'number') out[locale] = String(value);
    else if (value !== undefined && value !== null) {
      diagnostics.push({
        severity: 'error',
        ruleId: 'polycourse:text-type',
        ...yaml.positionOf(yamlPath),
        message:
          `${yamlPath.join('.')} must be text, found ` +
          `${Array.isArray(value) ? 'a list' : typeof value}`,
        fix: 'Write the text as a YAML string (use `|` for several lines).',
      });
    }
  }
  const sourceTexts = texts.get(sourceLocale)!;
  if (required && !(sourceLocale in out)) {
    diagnostics.push({
      severity: 'error',
      ruleId: 'polycourse:missing-source-text',
      ...sourceTexts.positionOf(yamlPath),
      message: `Missing ${yamlPath.join('.')} in the source locale "${sourceLocale}"`,
      fix: `Add ${yamlPath.join('.')} to locales/${sourceLocale}.yaml.`,
    });
  }
  positions.set(modelPath, () => sourceTexts.positionOf(yamlPath));
  return out;
}

/** A text that no locale has is left out rather than kept as an empty map. */
export function optional(text: Localized): Localized | undefined {
  return Object.keys(text).length ? text : undefined;
}

function getIn(data: unknown, yamlPath: YamlPath): unknown {
  let node = data;
  for (const key of yamlPath) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * A key in a locale file that no part of the course asked for is usually a typo or a lost text (`{
 * title: Hope, connection }` in a flow map makes "connection" a key): say so, with its position.
 */
import type { CourseContext, YamlPath } from './files-context.ts';

export function reportUnknownKeys(context: CourseContext): void {
  for (const [locale, yaml] of context.texts) {
    for (const leaf of leaves(yaml.data)) {
      if (context.usedTexts.has(leaf.join('\u0000'))) continue;
      context.diagnostics.push({
        severity: 'warning',
        ruleId: 'polycourse:unknown-key',
        ...yaml.keyPositionOf(leaf),
        message: `locales/${locale}.yaml has "${leaf.join('.')}", which no part of the course uses`,
        fix:
          'Check the spelling of the key against course.yaml; ' +
          'quote texts that contain ", " or ": " inside { … }.',
      });
    }
  }
}

/** Paths of every scalar (or null) value in parsed YAML. */
function leaves(data: unknown, prefix: YamlPath = []): YamlPath[] {
  if (data === null || typeof data !== 'object') return [prefix];
  const entries = Array.isArray(data) ? data.map((v, i) => [i, v] as const) : Object.entries(data);
  return entries.flatMap(([k, v]) => leaves(v, [...prefix, k]));
}

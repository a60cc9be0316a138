/**
 * Extraction check for UI strings: the ids the templates and the runtime use (`t("some.id")`, including
 * template-literal families like `unit.kind.${kind}`) against the source catalog. Lingui's own extractor
 * works on its macros; our templates call the catalog by id, so this scan is the extraction step.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface UiStringUsage {
  /** ids passed literally to t() that the catalog does not have */
  missing: string[];
  /** catalog ids no source file mentions */
  unused: string[];
}

const sourceFiles = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => path.join(dir, f));

export function checkUiStringUsage(catalogIds: string[], roots: string[]): UiStringUsage {
  const text = roots.flatMap(sourceFiles).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  const literal = [...text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)].map((m) => m[1]);
  const families = [...text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.-]+)\$\{/g)].map((m) => m[1]);
  const mentioned = new Set([...literal, ...[...text.matchAll(/'([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+)'/g)].map((m) => m[1])]);
  const known = new Set(catalogIds);
  return {
    missing: [...new Set(literal)].filter((id) => !known.has(id)).sort(),
    unused: catalogIds.filter((id) => !mentioned.has(id) && !families.some((prefix) => id.startsWith(prefix))).sort(),
  };
}

/**
 * Where UI strings are used: the ids the templates and the runtime pass to `t("some.id")`,
 * template-literal families like `t(\`unit.kind.${kind}\`)`, and catalog ids named in strings
 * (handed to the runtime as data). Lingui's own extractor works on its macros; our code calls the
 * catalog by id, so these rules are the extraction: `lingui extract` runs them
 * (compiler/ui-strings/lingui-extractor.ts) and `npm run i18n:check` compares them with the source
 * catalog.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface UiStringUsage {
  /** ids passed literally to t() that the catalog does not have */
  missing: string[];
  /** catalog ids no source file mentions */
  unused: string[];
}

export interface UiStringReference {
  id: string;
  offset: number;
}

/**
 * Every UI string id `code` refers to, with its offset; families are expanded against `catalogIds`.
 */
export function uiStringReferences(
  code: string,
  catalogIds: string[],
): { literal: UiStringReference[]; all: UiStringReference[] } {
  const known = new Set(catalogIds);
  const literal = [...code.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)].map((m) => ({
    id: m[1],
    offset: m.index,
  }));
  const families = [...code.matchAll(/\bt\(\s*`([a-zA-Z0-9_.-]+)\$\{/g)].flatMap((m) =>
    catalogIds.filter((id) => id.startsWith(m[1])).map((id) => ({ id, offset: m.index })),
  );
  const named = [...code.matchAll(/'([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+)'/g)]
    .filter((m) => known.has(m[1]))
    .map((m) => ({ id: m[1], offset: m.index }));
  const seen = new Set<string>();
  const all = [...literal, ...families, ...named].filter(
    (r) => !seen.has(`${r.id}@${r.offset}`) && seen.add(`${r.id}@${r.offset}`),
  );
  return { literal, all };
}

/** Source files that may use UI strings (tests excluded). */
export const isUiSourceFile = (file: string) =>
  /\.tsx?$/.test(file) &&
  !file.endsWith('.test.ts') &&
  !file.endsWith('.d.ts') &&
  !file.split(/[\\/]/).includes('.next');

const sourceFiles = (dir: string): string[] =>
  (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter(isUiSourceFile)
    .map((f) => path.join(dir, f));

export function checkUiStringUsage(catalogIds: string[], roots: string[]): UiStringUsage {
  const refs = roots
    .flatMap(sourceFiles)
    .map((f) => uiStringReferences(fs.readFileSync(f, 'utf8'), catalogIds));
  const known = new Set(catalogIds);
  const used = new Set(refs.flatMap((r) => r.all.map((x) => x.id)));
  return {
    missing: [...new Set(refs.flatMap((r) => r.literal.map((x) => x.id)))]
      .filter((id) => !known.has(id))
      .sort(),
    unused: catalogIds.filter((id) => !used.has(id)).sort(),
  };
}

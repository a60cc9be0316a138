/**
 * A Lingui extractor for the ids our templates and runtime pass to `t()` (see ui-string-usage.ts),
 * so `lingui extract` keeps the theme's PO catalogs in step with the code: new ids appear in every
 * catalog, removed ones are marked obsolete, and each entry keeps its note for translators (the
 * `#.` comment of the source catalog) and where it is used (`#:`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExtractorType } from '@lingui/conf';
import gettextParser from 'gettext-parser';
import { isUiSourceFile, uiStringReferences } from './ui-string-usage.ts';

/** The source catalog's ids and their notes for translators. */
function sourceCatalog(file: string): Map<string, string | undefined> {
  const po = gettextParser.po.parse(fs.readFileSync(file));
  const entries = Object.values(po.translations[''] ?? {}) as {
    msgid: string;
    comments?: { extracted?: string };
  }[];
  // A note Lingui wrote from several places comes back as repeated lines: keep each line once.
  const note = (text?: string) => (text ? [...new Set(text.split('\n'))].join('\n') : undefined);
  return new Map(entries.filter((e) => e.msgid).map((e) => [e.msgid, note(e.comments?.extracted)]));
}

/**
 * Lingui joins the notes of every place an id is used, and may extract files in separate workers:
 * the note goes with one place only, the first file (by path) under `roots` that uses the id.
 */
function firstUsers(roots: string[], ids: string[]): Map<string, string> {
  const first = new Map<string, string>();
  const files = roots
    .flatMap((dir) =>
      (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)),
    )
    .filter(isUiSourceFile)
    .sort();
  for (const file of files) {
    for (const ref of uiStringReferences(fs.readFileSync(file, 'utf8'), ids).all)
      if (!first.has(ref.id)) first.set(ref.id, file);
  }
  return first;
}

export function uiStringExtractor(
  sourceCatalogFile: string,
  rootDir: string,
  roots: string[],
): ExtractorType {
  let catalog: Map<string, string | undefined> | undefined;
  let first: Map<string, string> | undefined;
  return {
    match: isUiSourceFile,
    extract(filename, code, onMessageExtracted) {
      catalog ??= sourceCatalog(sourceCatalogFile);
      first ??= firstUsers(roots, [...catalog.keys()]);
      const relative = path.relative(rootDir, filename).split(path.sep).join('/');
      // one reference per file: the catalogs list files, not lines
      const inThisFile = new Set<string>();
      for (const ref of uiStringReferences(code, [...catalog.keys()]).all) {
        if (inThisFile.has(ref.id)) continue;
        inThisFile.add(ref.id);
        const line = code.slice(0, ref.offset).split('\n').length;
        const owner = first.get(ref.id);
        const comment =
          !owner || path.resolve(owner) === path.resolve(filename)
            ? catalog.get(ref.id)
            : undefined;
        onMessageExtracted({ id: ref.id, comment, origin: [relative, line] });
      }
    },
  };
}

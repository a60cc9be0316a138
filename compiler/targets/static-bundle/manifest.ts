/**
 * manifest.json of a course build: every file with size and sha256, plus what the build was made
 * from.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LocaleCoverage } from '../../translation/translation-status.ts';
import { sha256 } from '../../model/fingerprint.ts';

export interface BundleManifest {
  format: 'polycourse-bundle/1';
  course: string;
  compiler: string;
  theme: string;
  sourceLocale: string;
  locales: string[];
  /** sha256 over every input file of the build */
  inputsHash: string;
  coverage: Record<string, LocaleCoverage>;
  files: { path: string; size: number; sha256: string }[];
}

export const manifestName = 'manifest.json';

/** List every file under `dir` (posix paths, sorted), except the manifest itself. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => {
      // Links are listed too (as what they are, not followed): verify reports them.
      const stat = fs.lstatSync(path.join(dir, f));
      return f !== manifestName && (stat.isFile() || stat.isSymbolicLink());
    })
    .sort();
}

export type FileEntry = BundleManifest['files'][number];

/** Size and sha256 of every file under `dir`. */
export function hashFiles(dir: string): Map<string, FileEntry> {
  const out = new Map<string, FileEntry>();
  for (const f of listFiles(dir)) {
    const data = fs.readFileSync(path.join(dir, f));
    out.set(f, { path: f, size: data.length, sha256: sha256(data) });
  }
  return out;
}

export function writeManifest(
  dir: string,
  meta: Omit<BundleManifest, 'files'>,
  hashes: Map<string, FileEntry> = hashFiles(dir),
): BundleManifest {
  const files = [...hashes.values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const manifest: BundleManifest = { ...meta, files };
  // Indented, but one file per line: as readable and diffable, and a fifth smaller than indenting
  // every field (a deploy after a one-lesson edit uploads this file whole).
  const head = JSON.stringify(meta, null, 2).replace(/\n}$/, '');
  const list = files.map((f) => `    ${JSON.stringify(f)}`).join(',\n');
  fs.writeFileSync(path.join(dir, manifestName), `${head},\n  "files": [\n${list}\n  ]\n}\n`);
  return manifest;
}

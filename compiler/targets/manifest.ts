/** manifest.json of a course build: every file with size and sha256, plus what the build was made from. */
import fs from 'node:fs';
import path from 'node:path';
import type { LocaleCoverage } from '../model/coverage.ts';
import { sha256 } from '../build/hash.ts';

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
    .filter((f) => f !== manifestName && fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

export type FileEntry = BundleManifest['files'][number];

/**
 * Size and sha256 of every file under `dir`. A file that is a hard link of the same path in `previousDir`
 * (an unchanged page the incremental build linked) keeps the previous manifest's hash instead of being read.
 */
export function hashFiles(dir: string, previousDir?: string): Map<string, FileEntry> {
  const previous = new Map<string, FileEntry>();
  if (previousDir) {
    try {
      const old = JSON.parse(fs.readFileSync(path.join(previousDir, manifestName), 'utf8')) as BundleManifest;
      for (const f of old.files) previous.set(f.path, f);
    } catch { /* no usable previous manifest: hash everything */ }
  }
  const out = new Map<string, FileEntry>();
  for (const f of listFiles(dir)) {
    const file = path.join(dir, f);
    const known = previous.get(f);
    if (known && previousDir) {
      try {
        const [now, before] = [fs.statSync(file), fs.statSync(path.join(previousDir, f))];
        if (now.ino === before.ino && now.dev === before.dev && now.size === known.size) {
          out.set(f, known);
          continue;
        }
      } catch { /* not in the previous output */ }
    }
    const data = fs.readFileSync(file);
    out.set(f, { path: f, size: data.length, sha256: sha256(data) });
  }
  return out;
}

export function writeManifest(dir: string, meta: Omit<BundleManifest, 'files'>, hashes: Map<string, FileEntry> = hashFiles(dir)): BundleManifest {
  const files = [...hashes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest: BundleManifest = { ...meta, files };
  fs.writeFileSync(path.join(dir, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

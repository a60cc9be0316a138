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

export function writeManifest(dir: string, meta: Omit<BundleManifest, 'files'>): BundleManifest {
  const files = listFiles(dir).map((f) => {
    const data = fs.readFileSync(path.join(dir, f));
    return { path: f, size: data.length, sha256: sha256(data) };
  });
  const manifest: BundleManifest = { ...meta, files };
  fs.writeFileSync(path.join(dir, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

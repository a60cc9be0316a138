/** Check a built bundle against its manifest: every listed file present with its size and sha256, nothing extra. */
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../../model/fingerprint.ts';
import { listFiles, manifestName, type BundleManifest } from './manifest.ts';

export interface VerifyProblem {
  path: string;
  problem: 'missing' | 'size' | 'sha256' | 'unexpected' | 'manifest' | 'link';
  detail: string;
}

export function verifyBundle(bundleDir: string): {
  ok: boolean;
  checked: number;
  problems: VerifyProblem[];
} {
  const manifestFile = path.join(bundleDir, manifestName);
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BundleManifest;
    if (!Array.isArray(manifest.files)) throw new Error('no "files" list');
  } catch (error) {
    return {
      ok: false,
      checked: 0,
      problems: [
        {
          path: manifestName,
          problem: 'manifest',
          detail: `Cannot read ${manifestFile}: ${(error as Error).message}. Point verify at <out>/<course-id>, the folder that holds manifest.json.`,
        },
      ],
    };
  }
  const problems: VerifyProblem[] = [];
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    listed.add(entry.path);
    const file = path.join(bundleDir, entry.path);
    if (!fs.existsSync(file)) {
      problems.push({
        path: entry.path,
        problem: 'missing',
        detail: 'listed in the manifest but not in the bundle',
      });
      continue;
    }
    if (fs.lstatSync(file).isSymbolicLink()) {
      // A bundle is self-contained: a link could serve any file of the machine it is copied to.
      problems.push({
        path: entry.path,
        problem: 'link',
        detail: `a symbolic link (to ${fs.readlinkSync(file)}), not a file`,
      });
      continue;
    }
    const data = fs.readFileSync(file);
    if (data.length !== entry.size)
      problems.push({
        path: entry.path,
        problem: 'size',
        detail: `${data.length} bytes, manifest says ${entry.size}`,
      });
    else if (sha256(data) !== entry.sha256)
      problems.push({
        path: entry.path,
        problem: 'sha256',
        detail: 'content differs from the build',
      });
  }
  for (const f of listFiles(bundleDir)) {
    if (!listed.has(f))
      problems.push({
        path: f,
        problem: 'unexpected',
        detail: 'not in the manifest (added after the build?)',
      });
  }
  return { ok: problems.length === 0, checked: manifest.files.length, problems };
}

/**
 * Check a built bundle against its manifest: every listed file present with its size and sha256,
 * nothing extra, no links. Each problem is a Diagnostic (`polycourse:bundle-*`) with the file and a
 * fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { sha256 } from '../../model/fingerprint.ts';
import { listFiles, manifestName, type BundleManifest } from './manifest.ts';

export interface VerifyResult {
  ok: boolean;
  /** files the manifest lists */
  checked: number;
  diagnostics: Diagnostic[];
}

const rebuild = 'Build the course again (or restore the bundle from a copy you trust).';

export function verifyBundle(bundleDir: string): VerifyResult {
  const manifestFile = path.join(bundleDir, manifestName);
  const display = (rel: string) => path.relative(process.cwd(), path.join(bundleDir, rel)) || rel;
  const problem = (rel: string, rule: string, message: string, fix = rebuild): Diagnostic => ({
    severity: 'error',
    ruleId: `polycourse:bundle-${rule}`,
    file: display(rel),
    message,
    fix,
  });
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BundleManifest;
    if (!Array.isArray(manifest.files)) throw new Error('no "files" list');
  } catch (error) {
    const why = `Cannot read ${manifestName}: ${(error as Error).message}`;
    const fix = 'Point verify at <out>/<course-id>, the folder that holds manifest.json.';
    return { ok: false, checked: 0, diagnostics: [problem(manifestName, 'manifest', why, fix)] };
  }
  const diagnostics: Diagnostic[] = [];
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    listed.add(entry.path);
    const file = path.join(bundleDir, entry.path);
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!stat) {
      diagnostics.push(
        problem(entry.path, 'missing', 'Listed in the manifest but not in the bundle'),
      );
    } else if (stat.isSymbolicLink()) {
      // A bundle is self-contained: a link could serve any file of the machine it is copied to.
      const target = fs.readlinkSync(file);
      diagnostics.push(problem(entry.path, 'link', `A symbolic link (to ${target}), not a file`));
    } else {
      const data = fs.readFileSync(file);
      if (data.length !== entry.size) {
        const sizes = `${data.length} bytes, the manifest says ${entry.size}`;
        diagnostics.push(problem(entry.path, 'size', sizes));
      } else if (sha256(data) !== entry.sha256) {
        diagnostics.push(problem(entry.path, 'sha256', 'The content differs from the build'));
      }
    }
  }
  for (const f of listFiles(bundleDir)) {
    if (listed.has(f)) continue;
    const message = 'Not in the manifest (added after the build?)';
    diagnostics.push(problem(f, 'unexpected', message, `Delete it, or ${rebuild.toLowerCase()}`));
  }
  return { ok: diagnostics.length === 0, checked: manifest.files.length, diagnostics };
}

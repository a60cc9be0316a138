/**
 * The local side of a deploy: which bundles a folder holds, and reading their files safely. Every
 * file read is a regular file whose real path is inside the bundle (no symbolic link anywhere on
 * the way) and still has the size and sha256 its manifest gives, checked on the bytes uploaded.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { sha256 } from '../../model/fingerprint.ts';
import { isSlug } from '../../model/slug-ids.ts';
import { manifestName, type BundleManifest, type FileEntry } from '../static-bundle/manifest.ts';
import { verifyBundle } from '../static-bundle/verify-bundle.ts';
import { isSafeBundlePath, type LocalBundle } from './plan-deploy.ts';

export class DeployError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

const display = (p: string) => path.relative(process.cwd(), p) || '.';

export function bundleProblem(file: string, message: string, fix: string): DeployError {
  return new DeployError({
    severity: 'error',
    ruleId: 'polycourse:deploy-bundle',
    file: display(file),
    message,
    fix,
  });
}

export interface FoundBundle {
  /** Real path of the bundle folder (the one holding manifest.json). */
  dir: string;
  course: string;
  /** Where under the target prefix it goes: '' for a bundle folder, its course id in an output. */
  subPrefix: string;
}

/**
 * A bundle folder (it holds manifest.json) is one bundle; an output folder holds one per
 * sub-folder (`<out>/<course-id>/manifest.json`; hidden folders such as `.cache` are skipped).
 */
export function findBundles(dir: string): FoundBundle[] {
  const fix =
    'Give a bundle folder (<out>/<course-id>, the one holding manifest.json) or the --out folder ' +
    'of a build.';
  let real: string;
  try {
    real = fs.realpathSync(dir);
    if (!fs.statSync(real).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw bundleProblem(dir, `Cannot read the folder: ${(error as Error).message}`, fix);
  }
  if (fs.existsSync(path.join(real, manifestName)))
    return [{ dir: real, course: courseOf(real), subPrefix: '' }];
  const found = fs
    .readdirSync(real, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => path.join(real, e.name))
    .filter((d) => fs.existsSync(path.join(d, manifestName)))
    .sort()
    .map((d) => ({ dir: d, course: courseOf(d), subPrefix: courseOf(d) }));
  if (!found.length)
    throw bundleProblem(dir, `No ${manifestName} in this folder nor in its sub-folders`, fix);
  const seen = new Set<string>();
  for (const b of found) {
    if (seen.has(b.course))
      throw bundleProblem(b.dir, `A second bundle of the course "${b.course}"`, fix);
    seen.add(b.course);
  }
  return found;
}

function courseOf(bundleDir: string): string {
  const course = (readManifest(bundleDir).manifest as Partial<BundleManifest>).course;
  if (!isSlug(course))
    throw bundleProblem(
      path.join(bundleDir, manifestName),
      `${manifestName} names no valid course id`,
      'Build the course again.',
    );
  return course;
}

/**
 * Verify the bundle against its manifest (`polycourse verify`) and read the manifest: a bundle
 * that does not verify is not deployed, and its problems are the verifier's diagnostics.
 */
export function loadBundle(bundleDir: string): { bundle?: LocalBundle; diagnostics: Diagnostic[] } {
  const verified = verifyBundle(bundleDir);
  if (!verified.ok) return { diagnostics: verified.diagnostics };
  const { manifest, bytes } = readManifest(bundleDir);
  for (const f of manifest.files) {
    if (!isSafeBundlePath(f.path) || f.path === manifestName)
      throw bundleProblem(
        path.join(bundleDir, manifestName),
        `${manifestName} lists the path ${JSON.stringify(f.path)}, which could name a file ` +
          'outside the bundle',
        'Build the course again; never edit manifest.json by hand.',
      );
    realFileInside(bundleDir, f.path);
  }
  const manifestFile = { size: bytes.length, sha256: sha256(bytes) };
  return { bundle: { manifest, manifestFile }, diagnostics: [] };
}

function readManifest(bundleDir: string): { manifest: BundleManifest; bytes: Buffer } {
  const file = realFileInside(bundleDir, manifestName);
  const bytes = fs.readFileSync(file);
  try {
    const manifest = JSON.parse(bytes.toString('utf8')) as BundleManifest;
    if (!Array.isArray(manifest.files)) throw new Error('no "files" list');
    return { manifest, bytes };
  } catch (error) {
    throw bundleProblem(
      file,
      `Cannot read ${manifestName}: ${(error as Error).message}`,
      'Build the course again.',
    );
  }
}

/**
 * The file at `rel` under the bundle, when it is a regular file and its real path is that very
 * path (no symbolic link, not even a linked folder on the way); else a deploy-bundle error.
 */
export function realFileInside(bundleDir: string, rel: string): string {
  const file = path.join(bundleDir, ...rel.split('/'));
  let real: string | undefined;
  try {
    real = fs.realpathSync(file);
  } catch {
    // reported below
  }
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!real || !stat?.isFile() || real !== file)
    throw bundleProblem(
      file,
      real && real !== file
        ? `A symbolic link or a linked folder (it leads to ${display(real)})`
        : 'Not a regular file',
      'A bundle is deployed only as built: build the course again, copying files rather than ' +
        'linking them.',
    );
  return file;
}

/** The file's bytes, when they still have the size and sha256 of the manifest. */
export function readBundleFile(bundleDir: string, entry: FileEntry): Buffer {
  const file = realFileInside(bundleDir, entry.path);
  const data = fs.readFileSync(file);
  if (data.length !== entry.size || sha256(data) !== entry.sha256)
    throw bundleProblem(
      file,
      'Changed since the bundle was verified (its size or sha256 differs from the manifest)',
      'Let the build finish before deploying, then deploy again.',
    );
  return data;
}

export function md5(data: Uint8Array): string {
  return crypto.createHash('md5').update(data).digest('hex');
}

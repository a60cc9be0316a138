/**
 * Deploying a bundle to object storage, the pure part: from the bundle's manifest and what the
 * bucket holds (the manifest.json of the last deploy there, or else a listing of its objects),
 * which files to upload, in which order and with which headers, which objects to delete, and the
 * interim manifest that keeps the bucket's record honest while a deploy is under way. No I/O here:
 * s3-deploy.ts reads the bucket and carries the plan out.
 *
 * Order: content-hashed and other non-HTML files first, then the pages, then the service workers
 * (they precache the pages), then the deletions, and manifest.json last. A deploy that stops
 * half-way never serves a new page whose assets are missing, nor deletes anything an old page
 * still uses.
 */
import { isSlug } from '../../model/slug-ids.ts';
import { manifestName, type BundleManifest, type FileEntry } from '../static-bundle/manifest.ts';

import { cacheControlOf, contentTypeOf } from '../content-types.ts';

export {
  cacheControlOf,
  contentTypeOf,
  immutableCache,
  revalidateCache,
} from '../content-types.ts';

/** The steps of a deploy, in the order they run. */
export const phases = ['assets', 'pages', 'service-workers', 'manifest'] as const;
export type Phase = (typeof phases)[number];

export function phaseOf(filePath: string): Phase {
  if (filePath === manifestName) return 'manifest';
  if (filePath === 'sw.js' || filePath.endsWith('/sw.js')) return 'service-workers';
  if (/\.html?$/i.test(filePath)) return 'pages';
  return 'assets';
}

/**
 * A path a manifest may name: relative, `/`-separated, no empty, `.` or `..` segment, no
 * backslash or control character. Anything else could name a file outside the bundle or an
 * object outside the prefix, and is never read, uploaded or deleted.
 */
export function isSafeBundlePath(filePath: unknown): filePath is string {
  if (typeof filePath !== 'string' || !filePath || filePath.length > 1024) return false;
  if (/[\\\u0000-\u001f\u007f]/.test(filePath)) return false;
  return filePath.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/** What the bucket holds under the prefix, as far as the deploy could read it. */
export type RemoteState =
  | {
      kind: 'manifest';
      /** The manifest.json of the last deploy (or the interim one of a deploy that stopped). */
      manifest: BundleManifest;
      /** sha256 of its bytes: an identical manifest.json is not uploaded again. */
      sha256: string;
    }
  | {
      /** No readable manifest.json: the objects under the prefix, by bundle path. */
      kind: 'listing';
      objects: Map<string, { size: number; etag?: string }>;
    };

/** The bundle as it is on disk: its manifest, and manifest.json's own size and sha256. */
export interface LocalBundle {
  manifest: BundleManifest;
  manifestFile: { size: number; sha256: string };
  /**
   * MD5 (hex) of the files that a listing shows with the same size: compared with the objects'
   * ETags when the bucket has no manifest.
   */
  md5?: Map<string, string>;
}

export interface PlannedUpload extends FileEntry {
  key: string;
  phase: Phase;
  contentType: string;
  cacheControl: string;
  /** new: not in the bucket; changed: a different version is; unknown: it could not tell */
  reason: 'new' | 'changed' | 'unknown';
}

export interface PlannedDeletion {
  path: string;
  key: string;
}

export interface DeployPlan {
  course: string;
  /** How the bucket was compared: its manifest.json, a listing (ETag, size), or nothing there. */
  compared: 'manifest' | 'listing' | 'empty';
  /** Every upload, in the order of `phases` (manifest.json, when it changed, is the last). */
  uploads: PlannedUpload[];
  /** Files already in the bucket as they are in the bundle. */
  skipped: string[];
  /** Objects the last deploy's manifest listed and the bundle no longer has. */
  deletions: PlannedDeletion[];
  /** The same, when deleting was turned off: they stay in the bucket. */
  kept: PlannedDeletion[];
  /**
   * Written before anything else when anything changes: files about to change marked `pending`,
   * dropped ones still listed. If the deploy stops half-way, the next one re-uploads what may be
   * stale and still deletes what was dropped.
   */
  interimManifest?: BundleManifest & { deploying: true };
  /** Paths in the bucket's manifest that are not safe bundle paths: ignored, never deleted. */
  ignoredRemotePaths: string[];
}

/** `prefix/path`, or the path alone at the bucket's root. */
export function objectKey(prefix: string, filePath: string): string {
  return prefix ? `${prefix}/${filePath}` : filePath;
}

export interface PlanOptions {
  local: LocalBundle;
  /** undefined: nothing under the prefix (no manifest.json and no object). */
  remote?: RemoteState;
  prefix: string;
  /** Delete what the bucket's manifest lists and the bundle dropped (default true). */
  deleteDropped?: boolean;
}

export function planDeploy(options: PlanOptions): DeployPlan {
  const { local, remote, prefix } = options;
  const remoteEntries = remoteManifestEntries(remote);
  const uploads: PlannedUpload[] = [];
  const skipped: string[] = [];
  for (const entry of local.manifest.files) {
    const reason = changeOf(entry, remote, remoteEntries.safe, local.md5);
    if (reason) uploads.push(upload(prefix, entry, reason));
    else skipped.push(entry.path);
  }
  const inBundle = new Set(local.manifest.files.map((f) => f.path));
  const dropped = [...remoteEntries.safe.keys()]
    .filter((p) => !inBundle.has(p) && p !== manifestName)
    .sort()
    .map((p) => ({ path: p, key: objectKey(prefix, p) }));
  const deleteDropped = options.deleteDropped ?? true;
  const deletions = deleteDropped ? dropped : [];
  const manifestSame = remote?.kind === 'manifest' && remote.sha256 === local.manifestFile.sha256;
  if (uploads.length || deletions.length || !manifestSame) {
    const file = { path: manifestName, ...local.manifestFile };
    const there = remote?.kind === 'manifest' || remote?.objects.has(manifestName);
    uploads.push(upload(prefix, file, there ? 'changed' : 'new'));
  }
  uploads.sort(byPhaseThenPath);
  const contentChanges = uploads.some((u) => u.phase !== 'manifest') || deletions.length > 0;
  return {
    course: local.manifest.course,
    compared: remote ? remote.kind : 'empty',
    uploads,
    skipped,
    deletions,
    kept: deleteDropped ? [] : dropped,
    interimManifest: contentChanges
      ? interimManifest(local.manifest, uploads, deletions, remoteEntries.safe)
      : undefined,
    ignoredRemotePaths: remoteEntries.ignored,
  };
}

/** Why `entry` must be uploaded, or undefined when the bucket already has it. */
function changeOf(
  entry: FileEntry,
  remote: RemoteState | undefined,
  remoteEntries: Map<string, FileEntry>,
  md5?: Map<string, string>,
): PlannedUpload['reason'] | undefined {
  if (!remote) return 'new';
  if (remote.kind === 'manifest') {
    const old = remoteEntries.get(entry.path);
    if (!old) return 'new';
    if (!sha256Pattern.test(old.sha256)) return 'unknown';
    return old.sha256 === entry.sha256 && old.size === entry.size ? undefined : 'changed';
  }
  const object = remote.objects.get(entry.path);
  if (!object) return 'new';
  const etag = object.etag?.replace(/"/g, '').toLowerCase();
  const hash = md5?.get(entry.path);
  if (object.size !== entry.size) return 'changed';
  // An ETag is the MD5 only for a single-part upload without KMS: anything else can't be told.
  if (!etag || !hash || !/^[0-9a-f]{32}$/.test(etag)) return 'unknown';
  return etag === hash ? undefined : 'changed';
}

function upload(prefix: string, entry: FileEntry, reason: PlannedUpload['reason']) {
  return {
    path: entry.path,
    size: entry.size,
    sha256: entry.sha256,
    key: objectKey(prefix, entry.path),
    phase: phaseOf(entry.path),
    contentType: contentTypeOf(entry.path),
    cacheControl: cacheControlOf(entry.path),
    reason,
  };
}

function byPhaseThenPath(a: PlannedUpload, b: PlannedUpload): number {
  const phase = phases.indexOf(a.phase) - phases.indexOf(b.phase);
  return phase || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** The bucket manifest's entries by path (safe paths only), and the paths it had to ignore. */
function remoteManifestEntries(remote?: RemoteState): {
  safe: Map<string, FileEntry>;
  ignored: string[];
} {
  const safe = new Map<string, FileEntry>();
  const ignored: string[] = [];
  if (remote?.kind !== 'manifest') return { safe, ignored };
  for (const entry of remote.manifest.files as unknown[]) {
    const e = entry as Partial<FileEntry> | null;
    if (e && isSafeBundlePath(e.path) && e.path !== manifestName)
      safe.set(e.path, { path: e.path, size: Number(e.size), sha256: String(e.sha256) });
    else ignored.push(String(e?.path).slice(0, 200));
  }
  return { safe, ignored };
}

function interimManifest(
  manifest: BundleManifest,
  uploads: PlannedUpload[],
  deletions: PlannedDeletion[],
  remoteEntries: Map<string, FileEntry>,
): BundleManifest & { deploying: true } {
  const pending = new Set(uploads.map((u) => u.path));
  const files = manifest.files.map((f) =>
    pending.has(f.path) ? { path: f.path, size: f.size, sha256: 'pending' } : f,
  );
  for (const d of deletions) files.push(remoteEntries.get(d.path)!);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...manifest, deploying: true, files };
}

/**
 * The bucket's manifest.json as read, when it is one: `polycourse-bundle/1` with a files list.
 * Anything else is treated as no manifest (the deploy then compares a listing).
 */
export function parseRemoteManifest(bytes: Uint8Array): BundleManifest | string {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  const m = value as Partial<BundleManifest> | null;
  if (!m || typeof m !== 'object') return 'not a JSON object';
  if (m.format !== 'polycourse-bundle/1') return `format is ${JSON.stringify(m.format)}`;
  if (!Array.isArray(m.files)) return 'no "files" list';
  if (!isSlug(m.course)) return 'no course id';
  return m as BundleManifest;
}

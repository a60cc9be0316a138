/**
 * Writes a course's bundles into a temporary folder beside the destination and swaps it in with
 * renames, so a failed or interrupted build leaves the previous output as it was.
 *
 * Files identical to the previous output (unchanged pages, assets, images) are not copied or linked
 * into the staging folder: they are declared with `reuse`/`writeFile`/`copyFile`, and `commit`
 * moves them over from the previous output with renames, whole folders at a time where a folder
 * holds nothing else (a locale nobody edited is one rename). Until `commit` the previous output is
 * only read; a one-lesson rebuild thus touches a handful of files instead of creating and deleting
 * thousands of links and folders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../../model/fingerprint.ts';
import { manifestName, type BundleManifest, type FileEntry } from './manifest.ts';
import type { StagingArea } from '../target.ts';
import { isAlive } from '../../process/is-alive.ts';

interface Previous {
  /** Every file and folder of the previous output (posix paths). */
  entries: Map<string, 'file' | 'dir'>;
  /** Its manifest's entries, when it has a readable one. */
  manifest: Map<string, FileEntry>;
  /** Identity of the previous output, to notice another build replacing it meanwhile. */
  identity: string;
}

/** A staged write under way: what its steps share. */
interface Staging {
  /** The destination, e.g. output/<course-id>, and the folder that holds it. */
  dest: string;
  parent: string;
  /** The folder written into. */
  dir: string;
  /** Bundle files declared the same as in the previous output. */
  reused: Set<string>;
  /** Folders known to exist. */
  made: Set<string>;
  /** The previous output, read once, when first asked. */
  previous(): Previous;
  /** sha256 of an input file, computed once. */
  hashOf(file: string): string;
}

/** Start a staged write of `dest` (e.g. output/<course-id>). */
export function stageBundle(dest: string): StagingArea {
  const parent = path.dirname(dest);
  fs.mkdirSync(parent, { recursive: true });
  removeLeftovers(parent, path.basename(dest));
  const dir = path.join(parent, `.${path.basename(dest)}.staging-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  let previous: Previous | undefined;
  const hashes = new Map<string, string>();
  const staging: Staging = {
    dest,
    parent,
    dir,
    reused: new Set<string>(),
    made: new Set<string>([dir]),
    previous: () => (previous ??= listPrevious(dest)),
    hashOf: (file) =>
      hashes.get(file) ?? hashes.set(file, sha256(fs.readFileSync(file))).get(file)!,
  };
  return {
    dir,
    reuse: (rel) => reuseFile(staging, rel),
    writeFile: (rel, content) => writeStagedFile(staging, rel, content),
    copyFile: (rel, from) => copyStagedFile(staging, rel, from),
    files: () => listStagedFiles(staging),
    readFile: (rel) =>
      fs.readFileSync(path.join(staging.reused.has(rel) ? dest : dir, ...rel.split('/'))),
    commit: () => commitStaging(staging),
    abandon: () => removeTree(dir),
  };
}

/** Leftovers of an interrupted build are ours to clean up: they never replaced anything. */
function removeLeftovers(parent: string, name: string): void {
  for (const entry of fs.readdirSync(parent)) {
    if (entry.startsWith(`.${name}.staging-`) || entry.startsWith(`.${name}.previous-`)) {
      const pid = Number(entry.split('-').pop());
      if (pid === process.pid || !isAlive(pid))
        fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
    }
  }
}

/**
 * A previous file is reused only while its bytes still match the previous manifest: a page edited
 * in place (tampering, a stray editor) is rendered again instead of being carried into the new
 * manifest.
 */
function reuseFile(staging: Staging, rel: string): boolean {
  const before = staging.previous();
  if (before.entries.get(rel) !== 'file') return false;
  if (!matchesManifest(path.join(staging.dest, rel), before.manifest.get(rel))) return false;
  staging.reused.add(rel);
  return true;
}

function writeStagedFile(staging: Staging, rel: string, content: string | Buffer): void {
  if (staging.previous().entries.get(rel) === 'file') {
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    const file = path.join(staging.dest, rel);
    const same = fs.lstatSync(file).size === data.length && fs.readFileSync(file).equals(data);
    if (same && reuseFile(staging, rel)) return;
  }
  const file = path.join(staging.dir, rel);
  mkdirp(path.dirname(file), staging.made);
  fs.writeFileSync(file, content);
}

function copyStagedFile(staging: Staging, rel: string, from: string): void {
  // Only a regular file is copied: never a link, so no output file leads back to an input.
  if (!fs.lstatSync(from).isFile()) {
    throw new Error(`${from} is not a regular file; it cannot be part of a bundle`);
  }
  const known = staging.previous().manifest.get(rel);
  const same =
    known && known.size === fs.statSync(from).size && known.sha256 === staging.hashOf(from);
  if (same && reuseFile(staging, rel)) return;
  const file = path.join(staging.dir, rel);
  mkdirp(path.dirname(file), staging.made);
  fs.copyFileSync(from, file, fs.constants.COPYFILE_FICLONE);
}

function listStagedFiles(staging: Staging): Map<string, FileEntry> {
  const out = new Map<string, FileEntry>();
  for (const rel of listTree(staging.dir).files) {
    if (rel === manifestName) continue;
    const data = fs.readFileSync(path.join(staging.dir, rel));
    out.set(rel, { path: rel, size: data.length, sha256: sha256(data) });
  }
  const known = staging.previous().manifest;
  for (const rel of staging.reused) {
    if (out.has(rel)) throw new Error(`${rel} is both written and reused`);
    // reuseFile() checked the file against this entry.
    out.set(rel, known.get(rel)!);
  }
  return out;
}

function commitStaging(staging: Staging): void {
  const { dest, dir } = staging;
  const old = path.join(staging.parent, `.${path.basename(dest)}.previous-${process.pid}`);
  const hadPrevious = fs.existsSync(dest);
  if (staging.reused.size && !hadPrevious) {
    throw new Error(`${dest} vanished during the build; nothing was written`);
  }
  if (hadPrevious) fs.renameSync(dest, old);
  const moved: [string, string][] = [];
  try {
    if (staging.reused.size) moveReusedFiles(staging, old, moved);
    fs.renameSync(dir, dest);
  } catch (error) {
    // Put everything back: the previous output stays as it was.
    for (const [to, from] of moved.reverse()) fs.renameSync(to, from);
    if (hadPrevious) fs.renameSync(old, dest);
    throw error;
  }
  if (hadPrevious) removeTree(old);
}

/** Move the reused files from the previous output (now at `old`) into the staging folder. */
function moveReusedFiles(staging: Staging, old: string, moved: [string, string][]): void {
  const before = staging.previous();
  if (identityOf(old) !== before.identity) {
    throw new Error(
      `${staging.dest} was replaced during the build (by another build?); nothing was written, ` +
        'build again',
    );
  }
  for (const rel of planMoves(before.entries, staging.reused, staging.dir)) {
    const to = path.join(staging.dir, rel);
    mkdirp(path.dirname(to), staging.made);
    fs.renameSync(path.join(old, rel), to);
    moved.push([to, path.join(old, rel)]);
  }
}

/** The previous output's files and folders, manifest and identity (empty when there is none). */
function listPrevious(dest: string): Previous {
  const entries = new Map<string, 'file' | 'dir'>();
  const manifest = new Map<string, FileEntry>();
  if (!fs.existsSync(dest)) return { entries, manifest, identity: '' };
  const tree = listTree(dest);
  for (const f of tree.files) entries.set(f, 'file');
  for (const d of tree.dirs) entries.set(d, 'dir');
  try {
    const old = JSON.parse(
      fs.readFileSync(path.join(dest, manifestName), 'utf8'),
    ) as BundleManifest;
    for (const f of old.files) manifest.set(f.path, f);
  } catch {
    /* no usable manifest: reused files are hashed */
  }
  return { entries, manifest, identity: identityOf(dest) };
}

function identityOf(dir: string): string {
  const stat = (f: string) => {
    try {
      return fs.statSync(f, { bigint: true });
    } catch {
      return undefined;
    }
  };
  // The folder itself (a rename keeps its inode) and its manifest, which every build rewrites.
  const [d, m] = [stat(dir), stat(path.join(dir, manifestName))];
  return `${d?.dev}:${d?.ino}|${m?.dev}:${m?.ino}:${m?.size}:${m?.mtimeNs}`;
}

/**
 * What to rename from the previous output into the staging folder so that every reused file
 * arrives: a folder whose files are all reused and that the staging folder does not have is moved
 * whole, other reused files one by one. Paths are posix, relative to the bundle.
 */
function planMoves(
  entries: Map<string, 'file' | 'dir'>,
  reused: Set<string>,
  stagingDir: string,
): string[] {
  // A folder is mixed when it holds a file that is not reused, or the staging folder already has
  // it.
  const mixed = new Set<string>(['']);
  const staged = new Set(listTree(stagingDir).dirs);
  const markAncestors = (rel: string) => {
    for (let d = path.posix.dirname(rel); d !== '.' && !mixed.has(d); d = path.posix.dirname(d))
      mixed.add(d);
  };
  for (const [rel, kind] of entries) {
    if (kind === 'file' && !reused.has(rel)) markAncestors(rel);
    if (kind === 'dir' && staged.has(rel)) {
      mixed.add(rel);
      markAncestors(rel);
    }
  }
  const moves: string[] = [];
  for (const rel of reused) {
    // Move the topmost folder above the file that is not mixed; the file itself when its folder is
    // mixed.
    let top = rel;
    for (let d = path.posix.dirname(rel); d !== '.' && !mixed.has(d); d = path.posix.dirname(d))
      top = d;
    moves.push(top);
  }
  return [...new Set(moves)].sort();
}

/**
 * Files and folders under `dir` (posix paths relative to it); symbolic links count as what they
 * point to.
 */
export function listTree(dir: string): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    const isFile = entry.isSymbolicLink() ? safeStat(full)?.isFile() : entry.isFile();
    if (isFile) files.push(rel);
    else if (entry.isDirectory()) dirs.push(rel);
  }
  return { files, dirs };
}

function safeStat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** Whether `file` is a regular file whose size and sha256 are the manifest entry's. */
function matchesManifest(file: string, entry: FileEntry | undefined): boolean {
  if (!entry) return false;
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  return (
    !!stat?.isFile() && stat.size === entry.size && sha256(fs.readFileSync(file)) === entry.sha256
  );
}

/** mkdir -p, remembering what exists. */
function mkdirp(dir: string, made: Set<string>): void {
  if (made.has(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) mkdirp(parent, made);
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  made.add(dir);
}

/**
 * rm -rf: one readdir per folder, then unlink/rmdir (fs.rmSync first tries rmdir on every folder
 * and file).
 */
function removeTree(dir: string): void {
  try {
    removeTreeFast(dir);
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function removeTreeFast(dir: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removeTreeFast(full);
    else fs.unlinkSync(full);
  }
  fs.rmdirSync(dir);
}

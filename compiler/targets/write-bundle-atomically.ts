/**
 * Writes a course's bundles into a temporary folder beside the destination and swaps it in with
 * renames, so a failed or interrupted build leaves the previous output as it was.
 *
 * Files identical to the previous output (unchanged pages, assets, images) are not copied or linked into
 * the staging folder: they are declared with `reuse`/`writeFile`/`copyFile`, and `commit` moves them over
 * from the previous output with renames, whole folders at a time where a folder holds nothing else (a
 * locale nobody edited is one rename). Until `commit` the previous output is only read; a one-lesson
 * rebuild thus touches a handful of files instead of creating and deleting thousands of links and folders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../model/fingerprint.ts';
import { manifestName, type BundleManifest, type FileEntry } from './manifest.ts';

export interface StagingArea {
  /** Folder to write into; becomes `dest` on commit. */
  dir: string;
  /**
   * Declare that bundle file `rel` (posix path) is the same as in the previous output: it is moved over on
   * commit. False when the previous output has no such file (then write it).
   */
  reuse(rel: string): boolean;
  /** Write bundle file `rel`, or reuse the previous output's when its content is the same. */
  writeFile(rel: string, content: string | Buffer): void;
  /** Copy `from` (a regular file) as bundle file `rel`, or reuse the previous output's when it has the same content. */
  copyFile(rel: string, from: string): void;
  /** Size and sha256 of every file of the new bundle (staged and reused), except the manifest. */
  files(): Map<string, FileEntry>;
  /** Replace `dest` with the staged folder plus the reused files. */
  commit(): void;
  /** Delete the staged folder, leaving `dest` untouched. */
  abandon(): void;
}

interface Previous {
  /** Every file and folder of the previous output (posix paths). */
  entries: Map<string, 'file' | 'dir'>;
  /** Its manifest's entries, when it has a readable one. */
  manifest: Map<string, FileEntry>;
  /** Identity of the previous output, to notice another build replacing it meanwhile. */
  identity: string;
}

/** Start a staged write of `dest` (e.g. output/<course-id>). */
export function stageBundle(dest: string): StagingArea {
  const parent = path.dirname(dest);
  fs.mkdirSync(parent, { recursive: true });
  const name = path.basename(dest);
  // Leftovers of an interrupted build are ours to clean up: they never replaced anything.
  for (const entry of fs.readdirSync(parent)) {
    if (entry.startsWith(`.${name}.staging-`) || entry.startsWith(`.${name}.previous-`)) {
      const pid = Number(entry.split('-').pop());
      if (!isAlive(pid)) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
    }
  }
  const dir = path.join(parent, `.${name}.staging-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  let previous: Previous | undefined;
  const readPrevious = (): Previous => (previous ??= listPrevious(dest));
  const reused = new Set<string>();
  const made = new Set<string>([dir]);
  const mkdirFor = (file: string) => mkdirp(path.dirname(file), made);
  const hashes = new Map<string, string>();
  const hashOf = (file: string) => hashes.get(file) ?? hashes.set(file, sha256(fs.readFileSync(file))).get(file)!;

  // A previous file is reused only while its bytes still match the previous manifest: a page edited in
  // place (tampering, a stray editor) is rendered again instead of being carried into the new manifest.
  const reuse = (rel: string): boolean => {
    const before = readPrevious();
    if (before.entries.get(rel) !== 'file' || !matchesManifest(path.join(dest, rel), before.manifest.get(rel))) return false;
    reused.add(rel);
    return true;
  };

  return {
    dir,
    reuse,
    writeFile(rel, content) {
      if (readPrevious().entries.get(rel) === 'file') {
        const data = typeof content === 'string' ? Buffer.from(content) : content;
        const file = path.join(dest, rel);
        if (fs.lstatSync(file).size === data.length && fs.readFileSync(file).equals(data) && reuse(rel)) return;
      }
      const file = path.join(dir, rel);
      mkdirFor(file);
      fs.writeFileSync(file, content);
    },
    copyFile(rel, from) {
      // Only a regular file is copied: never a link, so no output file leads back to an input.
      if (!fs.lstatSync(from).isFile()) throw new Error(`${from} is not a regular file; it cannot be part of a bundle`);
      const known = readPrevious().manifest.get(rel);
      if (known && known.size === fs.statSync(from).size && known.sha256 === hashOf(from) && reuse(rel)) return;
      const file = path.join(dir, rel);
      mkdirFor(file);
      fs.copyFileSync(from, file, fs.constants.COPYFILE_FICLONE);
    },
    files() {
      const out = new Map<string, FileEntry>();
      for (const rel of listTree(dir).files) {
        if (rel === manifestName) continue;
        const data = fs.readFileSync(path.join(dir, rel));
        out.set(rel, { path: rel, size: data.length, sha256: sha256(data) });
      }
      const known = readPrevious().manifest;
      for (const rel of reused) {
        if (out.has(rel)) throw new Error(`${rel} is both written and reused`);
        // reuse() checked the file against this entry.
        out.set(rel, known.get(rel)!);
      }
      return out;
    },
    commit() {
      const old = path.join(parent, `.${name}.previous-${process.pid}`);
      const hadPrevious = fs.existsSync(dest);
      if (reused.size && !hadPrevious) throw new Error(`${dest} vanished during the build; nothing was written`);
      if (hadPrevious) fs.renameSync(dest, old);
      const moved: [string, string][] = [];
      try {
        if (reused.size) {
          const before = readPrevious();
          if (identityOf(old) !== before.identity) throw new Error(`${dest} was replaced during the build (by another build?); nothing was written, build again`);
          for (const rel of planMoves(before.entries, reused, dir)) {
            const to = path.join(dir, rel);
            mkdirp(path.dirname(to), made);
            fs.renameSync(path.join(old, rel), to);
            moved.push([to, path.join(old, rel)]);
          }
        }
        fs.renameSync(dir, dest);
      } catch (error) {
        // Put everything back: the previous output stays as it was.
        for (const [to, from] of moved.reverse()) fs.renameSync(to, from);
        if (hadPrevious) fs.renameSync(old, dest);
        throw error;
      }
      if (hadPrevious) removeTree(old);
    },
    abandon() {
      removeTree(dir);
    },
  };
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
    const old = JSON.parse(fs.readFileSync(path.join(dest, manifestName), 'utf8')) as BundleManifest;
    for (const f of old.files) manifest.set(f.path, f);
  } catch { /* no usable manifest: reused files are hashed */ }
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
 * What to rename from the previous output into the staging folder so that every reused file arrives:
 * a folder whose files are all reused and that the staging folder does not have is moved whole, other
 * reused files one by one. Paths are posix, relative to the bundle.
 */
function planMoves(entries: Map<string, 'file' | 'dir'>, reused: Set<string>, stagingDir: string): string[] {
  // A folder is mixed when it holds a file that is not reused, or the staging folder already has it.
  const mixed = new Set<string>(['']);
  const staged = new Set(listTree(stagingDir).dirs);
  const markAncestors = (rel: string) => {
    for (let d = path.posix.dirname(rel); d !== '.' && !mixed.has(d); d = path.posix.dirname(d)) mixed.add(d);
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
    // Move the topmost folder above the file that is not mixed; the file itself when its folder is mixed.
    let top = rel;
    for (let d = path.posix.dirname(rel); d !== '.' && !mixed.has(d); d = path.posix.dirname(d)) top = d;
    moves.push(top);
  }
  return [...new Set(moves)].sort();
}

/** Files and folders under `dir` (posix paths relative to it); symbolic links count as what they point to. */
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
  return !!stat?.isFile() && stat.size === entry.size && sha256(fs.readFileSync(file)) === entry.sha256;
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

/** rm -rf: one readdir per folder, then unlink/rmdir (fs.rmSync first tries rmdir on every folder and file). */
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

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

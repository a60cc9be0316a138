/**
 * The no-change rebuild: after a build, a stamp records what it was made from — every file and
 * folder of the course, of the project's themes and runtime (size, modification and change times),
 * the options and the compiler — and what it wrote (every file of the bundle folder and of each
 * package). A build whose stamp still matches all of it has nothing to do: the CLI answers with the
 * last result (its warnings included) without loading the compiler, in about the time Node takes to
 * start. Anything that differs (an edited, added or removed file, other options, a touched output)
 * runs the build as usual, which then reuses what it can page by page.
 *
 * Light on purpose (node:fs, node:crypto only): the CLI checks it before it imports the pipeline.
 * Like make, it trusts file times: a file rewritten with the same size within the same millisecond
 * would go unseen; `build --force` builds anyway.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../model/fingerprint.ts';
import { compilerVersion } from './compiler-version.ts';
import type { BuildOptions, BuildResult } from './build-state.ts';

/** What a stamped build was asked for: the options that change its output. */
export type StampedOptions = Pick<
  BuildOptions,
  | 'courseDir'
  | 'outDir'
  | 'locales'
  | 'theme'
  | 'cacheDir'
  | 'pseudo'
  | 'approvedOnly'
  | 'preview'
  | 'baseUrl'
  | 'learnerServices'
> & {
  /** the deliverables asked for, by name (`--target`, `--zip`) */
  targetNames: string[];
};

interface Stamp {
  key: string;
  /** digests of the inputs and outputs as snapshot() takes them */
  inputs: string;
  outputs: string;
  result: BuildResult;
}

const projectDir = path.resolve(import.meta.dirname, '../..');
const stampFile = (options: StampedOptions) =>
  path.join(options.cacheDir ?? path.join(options.outDir, '.cache'), 'build-stamp.json');

function stampKey(options: StampedOptions): string {
  // The compiler's identity: its sources' hash (run from sources) and the code actually running
  // (a dist build has its own folder).
  const code = `${compilerVersion()}@${import.meta.dirname}`;
  return sha256(
    JSON.stringify([
      path.resolve(options.courseDir),
      path.resolve(options.outDir),
      options.locales ?? null,
      options.theme ?? null,
      !!options.pseudo,
      !!options.approvedOnly,
      !!options.preview,
      options.baseUrl ?? null,
      options.learnerServices ?? null,
      options.targetNames,
      code,
    ]),
  );
}

/**
 * A digest of every file and folder under `dirs` but not under `skip`: each one's path with its
 * size and times (folders: modification time, which changes when an entry is added or removed).
 * Only the digest is kept, so a stamp stays small however large the course.
 */
function snapshot(dirs: string[], skip: string[]): string {
  const hash = crypto.createHash('sha256');
  const skipped = (p: string) => skip.some((s) => p === s || p.startsWith(s + path.sep));
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
      hash.update(`${dir}\0dir:${fs.statSync(dir).mtimeMs}\n`);
    } catch {
      hash.update(`${dir}\0absent\n`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (skipped(full)) continue;
      if (entry.isDirectory()) visit(full);
      else hash.update(`${full}\0${fileStat(full)}\n`);
    }
  };
  for (const dir of dirs) if (!skipped(dir)) visit(dir);
  return hash.digest('hex');
}

function fileStat(file: string): string {
  const s = fs.statSync(file, { throwIfNoEntry: false });
  return s ? `${s.isDirectory() ? 'dir' : s.size}:${s.mtimeMs}:${s.ctimeMs}` : 'absent';
}

function inputDirs(options: StampedOptions): string[] {
  return [
    path.resolve(options.courseDir),
    path.join(projectDir, 'themes'),
    path.join(projectDir, 'runtime'),
  ].filter((d) => fs.existsSync(d));
}

const cacheOf = (options: StampedOptions) =>
  path.resolve(options.cacheDir ?? path.join(options.outDir, '.cache'));

function outputPaths(result: BuildResult): string[] {
  return [
    ...(result.outputDir ? [result.outputDir] : []),
    ...(result.deliverables ?? []).flatMap((d) => d.paths),
  ];
}

function outputSnapshot(result: BuildResult, options: StampedOptions): string {
  const paths = outputPaths(result);
  const files = paths.filter((p) => !fs.statSync(p, { throwIfNoEntry: false })?.isDirectory());
  const folders = paths.filter((p) => !files.includes(p));
  return `${snapshot(folders, [cacheOf(options)])}:${files.map(fileStat).join(',')}`;
}

/**
 * The last build's result when nothing it was made from or wrote has changed since, else
 * undefined.
 */
export function upToDateBuild(options: StampedOptions): BuildResult | undefined {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile(options), 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
  if (stamp.key !== stampKey(options) || !stamp.result?.ok) return undefined;
  if (stamp.inputs !== inputSnapshot(options)) return undefined;
  if (stamp.outputs !== outputSnapshot(stamp.result, options)) return undefined;
  return stamp.result;
}

/** The inputs as they are before a build: what its stamp will say it was made from. */
export function inputSnapshot(options: StampedOptions): string {
  return snapshot(inputDirs(options), [path.resolve(options.outDir), cacheOf(options)]);
}

/**
 * Record a successful build's stamp, with the inputs as they were when it started (`before`): a
 * file edited while it built then differs, and the next build runs. A failed build removes the
 * stamp.
 */
export function stampBuild(options: StampedOptions, before: string, result: BuildResult): void {
  const file = stampFile(options);
  if (!result.ok || !result.outputDir) {
    fs.rmSync(file, { force: true });
    return;
  }
  const stamp: Stamp = {
    key: stampKey(options),
    inputs: before,
    outputs: outputSnapshot(result, options),
    // What the CLI reports again; not each deliverable's manifest (the bundle's file list).
    result: {
      ...result,
      deliverables: result.deliverables?.map(({ target, paths }) => ({ target, paths })),
    },
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(stamp));
}

/**
 * The target contract: what the build hands a target once every page is rendered, and what the
 * target gives back. A target turns the staged bundle into one deliverable and never reaches into
 * the pipeline.
 *
 * The pipeline (compiler/pipeline/phases/) stages every page and asset in the static bundle's
 * layout, one folder per locale (`<locale>/index.html`, `<locale>/_assets/…`), and hands the
 * staging area to the targets in order. `static-bundle` finishes the folder (language chooser,
 * translation report, service workers, manifest.json) and commits it to `<out>/<course-id>`; a
 * packaging target (`zip`, SCORM 1.2/2004, cmi5) reads the folder it delivered:
 * `delivered[…].bundle` has its manifest, whose `files` filtered on `<locale>/` are a locale's file
 * list. The course model carries the pass rule (each quiz's `passMark`, `course.points`). Adding a
 * target is a new file here and an entry in the `targets` option.
 */
import type { Course } from '../model/course.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ProcessedImage } from '../images/process-images.ts';
import type { Translate } from '../ui-strings/ui-catalog.ts';
import type { BundleManifest, FileEntry } from './static-bundle/manifest.ts';

/** What the bundle was made from: every field of manifest.json except its `files`. */
export type BundleMeta = Omit<BundleManifest, 'files'>;

/**
 * The bundle being built, in a folder beside its destination (see
 * static-bundle/write-bundle-atomically.ts): pages and assets are written into it or declared the
 * same as in the previous output.
 */
export interface StagingArea {
  /** Folder to write into; becomes the destination on commit. */
  dir: string;
  /**
   * Declare that bundle file `rel` (posix path) is the same as in the previous output: it is moved
   * over on commit. False when the previous output has no such file (then write it).
   */
  reuse(rel: string): boolean;
  /** Write bundle file `rel`, or reuse the previous output's when its content is the same. */
  writeFile(rel: string, content: string | Buffer): void;
  /**
   * Copy `from` (a regular file) as bundle file `rel`, or reuse the previous output's when it has
   * the same content.
   */
  copyFile(rel: string, from: string): void;
  /** Size and sha256 of every file of the new bundle (staged and reused), except the manifest. */
  files(): Map<string, FileEntry>;
  /** The bytes of bundle file `rel`, staged or reused (read from the previous output). */
  readFile(rel: string): Buffer;
  /** Replace the destination with the staged folder plus the reused files. */
  commit(): void;
  /** Delete the staged folder, leaving the destination untouched. */
  abandon(): void;
}

/** What every target is given: the build's product, and what the targets before it delivered. */
export interface TargetInput {
  /** The course model (structure, texts, pass marks, points rules). */
  course: Course;
  /** The locales built, in order. */
  locales: string[];
  /** `--out`: where deliverables go. */
  outDir: string;
  /** `<outDir>/<course-id>`: the staged bundle's destination. */
  bundleDir: string;
  /** Every rendered page and asset, as staged. */
  staged: StagingArea;
  /** The course's images by media path, as encoded into every locale's `_assets/media/`. */
  images: ReadonlyMap<string, ProcessedImage>;
  /** The manifest's fields other than `files`, coverage included. */
  meta: BundleMeta;
  /** UI strings of a locale, for the pages a target adds (the language chooser). */
  translate(locale: string): Translate;
  /** What the build reported (warnings only: a target runs only when there is no error). */
  diagnostics: readonly Diagnostic[];
  /** What the targets listed before this one delivered, in order. */
  delivered: readonly Deliverable[];
}

/** What a target wrote. */
export interface Deliverable {
  /** The target's name. */
  target: string;
  /** The folders and files it wrote. */
  paths: string[];
  /** A bundle folder and its manifest, when the target delivered one (static-bundle). */
  bundle?: { dir: string; manifest: BundleManifest };
}

/**
 * One kind of deliverable. `deliver` writes it and says what it wrote; it throws only for a broken
 * environment or a misuse (e.g. a packaging target listed before the bundle it packs), and the
 * build then fails.
 */
export interface Target {
  /** Its name in results and messages: `static-bundle`, `zip`. */
  name: string;
  deliver(input: TargetInput): Promise<Deliverable>;
}

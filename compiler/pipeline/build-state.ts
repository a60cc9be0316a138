/**
 * The build's options, its result, and the one state its phases pass along (./phases/, in the order
 * of build-course.ts): each phase reads what earlier phases set and adds its own part.
 */
import type { Course } from '../model/course.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { LocaleCoverage } from '../translation/translation-status.ts';
import type { SourceResult } from '../sources/source.ts';
import type { LoadedTheme } from '../render/load-theme.ts';
import type { UiCatalogs } from '../ui-strings/ui-catalog.ts';
import type { PageSpec } from '../model/plan-pages.ts';
import type { MediaAssets } from '../render/media-assets.ts';
import type { CourseImages } from '../images/process-course-images.ts';
import type { Deliverable, StagingArea, Target } from '../targets/target.ts';
import type { RenderJob } from './render-job.ts';

export interface BuildOptions {
  courseDir: string;
  outDir: string;
  /** Build only these locales (default: all of the course's). */
  locales?: string[];
  /** Override the course's theme. */
  theme?: string;
  /** Incremental cache (default: <outDir>/.cache). */
  cacheDir?: string;
  onProgress?(done: number, total: number, label: string): void;
  /**
   * Render worker threads for a build of 150 pages or more; smaller ones render in this thread
   * (default: one per core, at most 8; POLYCOURSE_THREADS overrides).
   */
  threads?: number;
  /**
   * Also build the pseudo-locale en-XA (accented, longer, bidi-wrapped) to find hard-coded text.
   */
  pseudo?: boolean;
  /** Publish only the locales a reviewer approved completely (and the source locale). */
  approvedOnly?: boolean;
  /**
   * A preview of unpublished drafts: every page says so, registers no service worker and keeps
   * the learner's progress only for the browser tab (not in the published bundle's storage).
   */
  preview?: boolean;
  /**
   * The address the course's folder (`<out>/<course-id>/`) is served at, ending in `/`, e.g.
   * `https://learn.example.org/rights/`: pages then name their absolute address (canonical) and
   * their translations' (hreflang), which search engines need absolute. Without it pages carry
   * neither; the language picker links them either way.
   */
  baseUrl?: string;
  /**
   * The address of the learner services (the CMS server, e.g. `https://cms.example.org`): pages
   * then offer an account and the leaderboard and send progress there (docs/learner-services.md).
   * Without it the bundle keeps everything on the device. Never in a preview.
   */
  learnerServices?: string;
  /** A course already read by another source (e.g. the CMS); default: read `courseDir`. */
  source?: SourceResult;
  /** What to deliver, in order (default: the static bundle alone). */
  targets?: Target[];
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  courseId?: string;
  /** `<outDir>/<course-id>` when the build was written. */
  outputDir?: string;
  locales: string[];
  pages: number;
  /** pages rendered in this run (the rest were reused from the previous build) */
  rendered: number;
  coverage: Record<string, LocaleCoverage>;
  durationMs: number;
  /**
   * Each phase that ran, in order, with its wall time (where a build's time goes: `--json`,
   * `--timings`).
   */
  phases?: PhaseTime[];
  /** What the targets wrote, when the build was written. */
  deliverables?: Deliverable[];
}

/** A file every page of a locale links to: its path inside the locale folder, and its content. */
export interface LocaleFile {
  path: string;
  content: string;
}

/** What pages are made with, besides the course: set by prepare-assets. */
export interface PreparedAssets {
  theme: LoadedTheme;
  catalogs: UiCatalogs;
  media: MediaAssets;
  /** locale → the theme's stylesheet with the locale's fonts */
  stylesheets: Record<string, LocaleFile>;
  /** locale → the learner runtime's core with the locale's UI strings and the course outline */
  runtimes: Record<string, LocaleFile>;
  /** the interactive part of the runtime, the same in every locale */
  interactive: LocaleFile;
}

/** A page the bundle folder holds: the key of the inputs it was rendered from, and its warnings. */
export interface PageRecord {
  key: string;
  warnings: Diagnostic[];
}

/** Which pages the bundle folder holds (page-state.ts): set by reuse-unchanged-pages. */
export interface PageState {
  /** `<cache>/<course-id>/pages.json` */
  file: string;
  /** `<locale>/<page path>` → key of the inputs of a page to render */
  keys: Map<string, string>;
  /** what the previous build recorded */
  previous: Record<string, PageRecord>;
  /** what this build's bundle holds: reused pages, then each page rendered without error */
  next: Record<string, PageRecord>;
}

export interface BuildState {
  readonly options: BuildOptions;
  /** performance.now() at the start */
  readonly started: number;
  /**
   * Where images and the page state are kept between builds (`options.cacheDir` or its default).
   */
  readonly cacheDir: string;
  /** Every problem found, in the order found. */
  diagnostics: Diagnostic[];
  /** read-and-validate */
  source?: SourceResult;
  course?: Course;
  /** choose-locales */
  locales: string[];
  /** prepare-assets */
  assets?: PreparedAssets;
  /**
   * prepare-assets: the course's new images, encoding while pages render (stage-encoded-images
   * waits). Set before anything can stop the build, so run-phases stops the encoder of a build
   * that ends early.
   */
  imagesEncoding?: Pick<CourseImages, 'encoded' | 'progress' | 'stop'>;
  /** plan-pages: every page of the course, and how many pages the build has in all its locales */
  specs?: PageSpec[];
  total: number;
  /** plan-pages lists a job per page and locale; reuse-unchanged-pages drops the pages it reuses */
  jobs: RenderJob[];
  /** stage-locale-files: the bundle being written, and its destination `<out>/<course-id>` */
  staging?: StagingArea;
  bundleDir?: string;
  /** reuse-unchanged-pages */
  pageState?: PageState;
  /** pages reused or rendered so far (for onProgress), and of them rendered */
  done: number;
  rendered: number;
  /** report-translation */
  coverage?: Record<string, LocaleCoverage>;
  /** hand-to-targets */
  deliverables: Deliverable[];
  /** run-phases: the phases run so far, timed */
  phases: PhaseTime[];
}

/**
 * What a phase says: nothing to go on, `'stop'` to end the build here (its problems are reported).
 */
export type PhaseOutcome = void | 'stop';

/** A phase that ran (named as its file, e.g. `render-planned-pages`) and its wall time in ms. */
export interface PhaseTime {
  name: string;
  ms: number;
}

/** One named step of the build. */
export type Phase = (state: BuildState) => PhaseOutcome | Promise<PhaseOutcome>;

/** A part of the state an earlier phase sets; missing means the phase list is out of order. */
export function need<K extends keyof BuildState>(
  state: BuildState,
  key: K,
): NonNullable<BuildState[K]> {
  const value = state[key];
  if (value === undefined || value === null) {
    throw new Error(
      `A build phase needs state.${String(key)}, which no phase before it set: ` +
        'list the phase that sets it first (compiler/pipeline/build-course.ts).',
    );
  }
  return value as NonNullable<BuildState[K]>;
}

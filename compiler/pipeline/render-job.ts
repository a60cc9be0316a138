/**
 * What the render phase hands each renderer, in this thread or a worker (render-pages.ts): the
 * setup shared by every page, one job per page, and what comes back. Types only; plain data
 * (workers get a copy).
 */
import type { Course, LocalizedDocument } from '../model/course.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { MediaAssets } from '../render/media-assets.ts';
import type { ParsedCatalogs } from '../ui-strings/ui-catalog.ts';

export interface RenderSetup {
  course: Course;
  /** Locales in the build (language picker). */
  locales: string[];
  themeName: string;
  media: MediaAssets;
  /** locale → stylesheet path inside the locale folder */
  stylesheets: Record<string, string>;
  /** locale → learner runtime (core) script path inside the locale folder */
  runtimes: Record<string, string>;
  /** the interactive part of the runtime, inside each locale folder */
  interactive: string;
  stagingDir: string;
  /** A preview of drafts (BuildOptions.preview). */
  preview?: boolean;
  /** Where the course's folder is served (BuildOptions.baseUrl). */
  baseUrl?: string;
  /** The course home offers the learner account (BuildOptions.learnerServices, not in previews). */
  learnerAccount?: boolean;
  /** UI catalogs the main thread already parsed, for workers (checked against the files). */
  parsedCatalogs?: ParsedCatalogs;
}

export interface RenderJob {
  locale: string;
  /** index into planPages(course) */
  page: number;
  /** Write the page (false: validate only). */
  write: boolean;
  /**
   * The body documents of the page's unit, its locale's and the source locale's, when the
   * renderer's course was sent without body texts (a worker's: render-pages.ts).
   */
  body?: LocalizedDocument;
}

export interface RenderedPage {
  job: RenderJob;
  diagnostics: Diagnostic[];
}

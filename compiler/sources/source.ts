/**
 * The source contract: whatever a course is written in (a course folder, the benchmark corpus, CMS
 * documents), a source reads it into the one course model and returns a `SourceResult`. Stages and
 * targets only ever see what a source returns. Content problems come back as diagnostics, never
 * thrown.
 */
import type { Course } from '../model/course.ts';
import type { Diagnostic, SourcePosition } from '../model/diagnostic.ts';

/** What every source returns. */
export interface SourceResult {
  /** The course, when it could be read (it may still have problems: see `diagnostics`). */
  course?: Course;
  diagnostics: Diagnostic[];
  /** Model path (dot-joined ids) → where it was written; used to position model-level problems. */
  locate(modelPath: string): SourcePosition | undefined;
  /** Every file read. */
  inputs: string[];
  /** sha256 over every input file (name and content), recorded in the manifest. */
  inputsHash(): string;
}

/** A source that reads a folder on disk (`compiler/sources/files/`, `compiler/sources/corpus/`). */
export type FolderSource = (location: string) => SourceResult;

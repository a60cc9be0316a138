/**
 * Read a course folder with the source the caller names: `files` (a course folder, the default) or
 * `corpus` (the benchmark corpus layout). The layout is never guessed from what the folder holds.
 */
import type { FolderSource, SourceResult } from './source.ts';
// Until every importer reads the contract from source.ts.
export type { SourceResult } from './source.ts';
import { readCourseFromFiles } from './files/read-course-from-files.ts';
import { readCourseFromCorpus } from './corpus/read-course-from-corpus.ts';
// For processes that read the same course on every change (`polycourse dev`).
export { keepParsedYaml } from './files/yaml-document.ts';

/** The sources that read a folder, by the name a caller chooses one with (`--source <name>`). */
export const folderSources = {
  files: readCourseFromFiles,
  corpus: readCourseFromCorpus,
} satisfies Record<string, FolderSource>;

export type FolderSourceName = keyof typeof folderSources;

export const isFolderSourceName = (name: string): name is FolderSourceName =>
  Object.hasOwn(folderSources, name);

export function readCourse(location: string, source: FolderSourceName = 'files'): SourceResult {
  return folderSources[source](location);
}

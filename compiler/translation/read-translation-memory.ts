/**
 * The translation memory an export uses, read from places on disk: a course folder, a folder of
 * courses (every course in it, the TMX files in it and in its `translation-memory/` folder), or a
 * TMX file. Bounded: at most `memoryLimits.courses` courses and `memoryLimits.entries` entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.ts';
import { readCourse } from '../sources/read-course.ts';
import { decodeTmx, readTmx, refuseTmxSize, type TmxRead } from './formats/tmx.ts';
import {
  memoryEntriesOfCourse,
  TranslationMemory,
  type MemoryEntry,
} from './translation-memory.ts';

export const memoryLimits = { courses: 200, tmxFiles: 50, entries: 200_000 };

/** The folder of a courses folder where `l10n tm import` stores TMX files. */
export const memoryFolderName = 'translation-memory';

export interface ReadMemory {
  memory: TranslationMemory;
  /** course folders and TMX files read */
  courses: string[];
  files: string[];
  /**
   * Errors: a place given that cannot be read (nothing is used then). Warnings: a course or file
   * found in a folder that was skipped.
   */
  diagnostics: Diagnostic[];
}

const problem = (
  severity: Diagnostic['severity'],
  file: string,
  message: string,
  fix: string,
): Diagnostic => ({ severity, ruleId: 'polycourse:translation-memory', file, message, fix });

/** Read a TMX file with its size checked before it is read. */
export function readTmxFile(file: string): TmxRead {
  return (
    refuseTmxSize(fs.statSync(file).size, file) ?? readTmx(decodeTmx(fs.readFileSync(file)), file)
  );
}

/** The course folders and TMX files a place stands for. */
function placesIn(location: string): { courses: string[]; files: string[] } | undefined {
  const stat = fs.statSync(location, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (stat.isFile()) return { courses: [], files: [location] };
  if (fs.existsSync(path.join(location, 'course.yaml'))) return { courses: [location], files: [] };
  const list = (dir: string) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { withFileTypes: true })
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((d) => ({ d, full: path.join(dir, d.name) }))
      : [];
  const here = list(location);
  return {
    courses: here
      .filter(({ d, full }) => d.isDirectory() && fs.existsSync(path.join(full, 'course.yaml')))
      .map(({ full }) => full),
    files: [...here, ...list(path.join(location, memoryFolderName))]
      .filter(({ d }) => d.isFile() && d.name.toLowerCase().endsWith('.tmx'))
      .map(({ full }) => full),
  };
}

/**
 * Every approved translation of the courses at `locations`, and the entries of their TMX files. A
 * place named that does not exist or a TMX file named that is refused is an error; a course or TMX
 * file found in a folder that cannot be read is skipped with a warning.
 */
export function readTranslationMemory(locations: string[]): ReadMemory {
  const diagnostics: Diagnostic[] = [];
  const courses = new Set<string>();
  const files = new Set<string>();
  const named = new Set<string>();
  for (const location of locations.map((l) => path.resolve(l))) {
    const places = placesIn(location);
    if (!places) {
      diagnostics.push(
        problem(
          'error',
          location,
          'no such file or folder for --tm',
          'Give a courses folder, a course folder or a .tmx file (or --tm none).',
        ),
      );
      continue;
    }
    if (places.files.length === 1 && places.files[0] === location) named.add(location);
    places.courses.forEach((c) => courses.add(c));
    places.files.forEach((f) => files.add(f));
  }
  const entries: MemoryEntry[] = [];
  const read = { courses: [] as string[], files: [] as string[] };
  for (const dir of [...courses].slice(0, memoryLimits.courses)) {
    const course = readCourse(dir).course;
    try {
      if (!course) throw new Error('it does not read as a course (polycourse validate says why)');
      entries.push(...memoryEntriesOfCourse(course));
      read.courses.push(dir);
    } catch (error) {
      const why =
        (error as { reason?: string; message?: string }).reason ?? (error as Error).message;
      diagnostics.push(
        problem(
          'warning',
          dir,
          `course skipped for the translation memory: ${why}`,
          'Run polycourse validate on it.',
        ),
      );
    }
  }
  if (courses.size > memoryLimits.courses)
    diagnostics.push(
      problem(
        'warning',
        locations.join(', '),
        `only the first ${memoryLimits.courses} of ${courses.size} courses were read`,
        'Name the courses folders or the TMX files to use with --tm.',
      ),
    );
  for (const file of [...files].slice(0, memoryLimits.tmxFiles)) {
    const tmx = readTmxFile(file);
    if (tmx.ok) {
      entries.push(...tmx.entries);
      read.files.push(file);
    } else
      diagnostics.push(
        named.has(file)
          ? tmx.problem
          : { ...tmx.problem, severity: 'warning', message: `skipped: ${tmx.problem.message}` },
      );
  }
  if (files.size > memoryLimits.tmxFiles)
    diagnostics.push(
      problem(
        'warning',
        locations.join(', '),
        `only the first ${memoryLimits.tmxFiles} of ${files.size} TMX files were read`,
        'Merge the TMX files in your CAT tool, or name the ones to use with --tm.',
      ),
    );
  if (entries.length > memoryLimits.entries)
    diagnostics.push(
      problem(
        'warning',
        locations.join(', '),
        `only the first ${memoryLimits.entries} of ${entries.length} entries are used`,
        'Name fewer courses folders or TMX files with --tm.',
      ),
    );
  return {
    memory: new TranslationMemory(entries.slice(0, memoryLimits.entries)),
    courses: read.courses,
    files: read.files,
    diagnostics,
  };
}

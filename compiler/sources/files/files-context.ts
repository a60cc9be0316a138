/**
 * What the steps of the files source share: the course folder and what they found so far (problems,
 * where each model path was written, the files read). Each step adds to it; `sourceResult` hands it
 * on.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Course } from '../../model/course.ts';
import type { Diagnostic, SourcePosition } from '../../model/diagnostic.ts';
import { sha256 } from '../../model/fingerprint.ts';
import type { SourceResult } from '../source.ts';
import type { CourseFile } from './course-file-schema.ts';
import type { YamlFile } from './yaml-document.ts';

/** A path into parsed YAML: keys and list indexes. */
export type YamlPath = (string | number)[];

export interface FilesContext {
  courseDir: string;
  diagnostics: Diagnostic[];
  /**
   * Model path (dot-joined ids) → where it was written; a function is asked only when a problem
   * needs the place (finding a key's line in a YAML document for every text of every locale cost
   * a third of reading a course).
   */
  positions: Map<string, SourcePosition | (() => SourcePosition)>;
  /** Every file read, in the order read. */
  inputs: string[];
  /** A file's name as diagnostics show it: relative to the working directory. */
  display(file: string): string;
}

/** Once course.yaml and the source locale's texts are read: what each part of the course uses. */
export interface CourseContext extends FilesContext {
  structure: CourseFile;
  structureYaml: YamlFile;
  sourceLocale: string;
  locales: string[];
  /** locale → its texts (locales/<locale>.yaml), for every locale whose file could be read */
  texts: Map<string, YamlFile>;
  /** YAML paths (joined with NUL) of the texts some part of the course asked for */
  usedTexts: Set<string>;
  /** the course's media/ folder, links followed: every media file must be under it */
  mediaRoot: string;
}

export function startReading(courseDir: string): FilesContext {
  return {
    courseDir,
    diagnostics: [],
    positions: new Map(),
    inputs: [],
    display: (file) => path.relative(process.cwd(), file) || file,
  };
}

/** The files source's answer: the course (if any) with everything the steps found. */
export function sourceResult(context: FilesContext, course?: Course): SourceResult {
  const { courseDir, diagnostics, positions, inputs } = context;
  const locate = (modelPath: string) => {
    for (let p = modelPath; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const hit = positions.get(p);
      if (hit) return typeof hit === 'function' ? hit() : hit;
    }
    const root = positions.get('');
    return typeof root === 'function' ? root() : root;
  };
  const inputsHash = () =>
    sha256(...inputs.sort().flatMap((f) => [path.relative(courseDir, f), fs.readFileSync(f)]));
  return { course, diagnostics, locate, inputs, inputsHash };
}

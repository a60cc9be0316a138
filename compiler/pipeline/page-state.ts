/**
 * The page state, `<cache>/<course-id>/pages.json`: which page the bundle folder holds for which
 * inputs, with its warnings. Read before rendering, to reuse unchanged pages; saved once the folder
 * is delivered.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PageRecord, PageState } from './build-state.ts';
import { createDirMaker } from './create-dir-maker.ts';

/** What the previous build recorded (nothing when the file is missing or unreadable). */
export function readPageRecords(file: string): Record<string, PageRecord> {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, PageRecord> | null) ?? {};
  } catch {
    return {};
  }
}

export function savePageState(pageState: PageState): void {
  createDirMaker()(path.dirname(pageState.file));
  fs.writeFileSync(pageState.file, JSON.stringify(pageState.next));
}

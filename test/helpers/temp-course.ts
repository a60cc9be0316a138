/**
 * Copy a fixture course into a fresh temp folder so a test can break it without touching the
 * fixture.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'polycourse-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function copyCourse(courseDir: string): string {
  const dir = path.join(tempDir(), path.basename(courseDir));
  fs.cpSync(courseDir, dir, { recursive: true });
  return dir;
}

/** Replace `from` by `to` in a file of the course; fails loudly when `from` is not there. */
export function editFile(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply to ${file}: ${from}`);
  fs.writeFileSync(file, next);
}

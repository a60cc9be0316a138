/**
 * Writes a course's bundles into a temporary folder beside the destination and swaps it in with
 * renames, so a failed or interrupted build leaves the previous output as it was.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface StagingArea {
  /** Folder to write into; becomes `dest` on commit. */
  dir: string;
  /** Replace `dest` with the staged folder. */
  commit(): void;
  /** Delete the staged folder, leaving `dest` untouched. */
  abandon(): void;
}

/** Start a staged write of `dest` (e.g. output/<course-id>). */
export function stageBundle(dest: string): StagingArea {
  const parent = path.dirname(dest);
  fs.mkdirSync(parent, { recursive: true });
  const name = path.basename(dest);
  // Leftovers of an interrupted build are ours to clean up: they never replaced anything.
  for (const entry of fs.readdirSync(parent)) {
    if (entry.startsWith(`.${name}.staging-`) || entry.startsWith(`.${name}.previous-`)) {
      const pid = Number(entry.split('-').pop());
      if (!isAlive(pid)) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
    }
  }
  const dir = path.join(parent, `.${name}.staging-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return {
    dir,
    commit() {
      const previous = path.join(parent, `.${name}.previous-${process.pid}`);
      const hadPrevious = fs.existsSync(dest);
      if (hadPrevious) fs.renameSync(dest, previous);
      fs.renameSync(dir, dest);
      if (hadPrevious) fs.rmSync(previous, { recursive: true, force: true });
    },
    abandon() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

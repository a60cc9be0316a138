/** mkdir -p that remembers what exists: thousands of pages share a few hundred folders. */
import fs from 'node:fs';
import path from 'node:path';

export function createDirMaker(): (dir: string) => void {
  const made = new Set<string>();
  const mkdir = (dir: string): void => {
    if (made.has(dir)) return;
    const parent = path.dirname(dir);
    if (parent !== dir) mkdir(parent);
    // One plain mkdir per new folder: a recursive mkdir would stat every ancestor again.
    try {
      fs.mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    made.add(dir);
  };
  return mkdir;
}

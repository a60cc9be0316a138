/**
 * Identity of this compiler's code: the incremental cache is void when any compiler or theme file
 * changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../model/fingerprint.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
let cached: string | undefined;

export function compilerVersion(): string {
  if (cached) return cached;
  const pkg = JSON.parse(fs.readFileSync(path.join(root, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const files = (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const hash = sha256(...files.flatMap((f) => [f, fs.readFileSync(path.join(root, f))]));
  cached = `${pkg.version}+${hash.slice(0, 12)}`;
  return cached;
}

/**
 * Paths written in a course (or a CMS document) are untrusted: these checks keep every one inside
 * its root after `realpath`, so no `..`, absolute path or symbolic link can make a build read a
 * file from outside.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Inside = { ok: true; file: string } | { ok: false; reason: string };

/**
 * The real path of `root` (the root itself may be reached through a symlink: that is the operator's
 * choice).
 */
export function realRoot(root: string): string {
  try {
    return fs.realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

/** Whether `file` (absolute) is `root` or under it, by path alone. */
export function isUnder(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Resolve `ref` (a relative, `/`-separated path as written in content) against `root`. It must stay
 * under `root` as written and, when the file exists, after following every symbolic link. A file
 * that does not exist yet is returned as written (the caller reports it missing).
 */
export function resolveInside(root: string, ref: string): Inside {
  if (ref.includes('\0')) return { ok: false, reason: 'contains a NUL character' };
  if (path.isAbsolute(ref) || /^[A-Za-z]:[\\/]/.test(ref) || ref.startsWith('\\'))
    return { ok: false, reason: 'is an absolute path' };
  const base = realRoot(root);
  const file = path.resolve(base, ref.replaceAll('\\', '/'));
  if (!isUnder(base, file)) return { ok: false, reason: 'leaves its folder (..)' };
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return { ok: true, file };
  }
  if (!isUnder(base, real))
    return { ok: false, reason: `is a symbolic link to ${real}, outside its folder` };
  return { ok: true, file: real };
}

/**
 * Every symbolic link under `dir` whose target is outside `root` (or does not exist), as
 * `[link, target]`. Links that stay inside are fine: they are read as the files they point to.
 */
export function findEscapingLinks(root: string, dir: string): [string, string][] {
  const base = realRoot(root);
  const out: [string, string][] = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isSymbolicLink()) continue;
    const link = path.join(entry.parentPath, entry.name);
    let target: string;
    try {
      target = fs.realpathSync(link);
    } catch {
      target = fs.readlinkSync(link);
    }
    if (!isUnder(base, target) || !fs.existsSync(link)) out.push([link, target]);
  }
  return out;
}

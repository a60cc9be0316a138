import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readPoCatalog } from '../compiler/ui-strings/ui-catalog.ts';
import { checkUiStringUsage } from '../compiler/ui-strings/ui-string-usage.ts';

const root = path.resolve(import.meta.dirname, '..');

/** The two sets of catalogs: the theme's, and the admin panels' (cms/admin-languages.ts). */
const catalogSets = [
  { dir: 'themes/default/locales', roots: ['themes', 'compiler', 'runtime'] },
  { dir: 'cms/locales', roots: ['cms/components', 'cms/collections'] },
];

export function runUiStringCheck(): number {
  let failed = false;
  const summary: string[] = [];
  for (const set of catalogSets) {
    const catalogs = path.join(root, set.dir);
    const ids = Object.keys(readPoCatalog(path.join(catalogs, 'en.po')).messages);
    const usage = checkUiStringUsage(
      ids,
      set.roots.map((r) => path.join(root, r)),
    );
    if (usage.missing.length) {
      failed = true;
      console.error(`used but not in ${set.dir}/en.po: ${usage.missing.join(', ')}`);
    }
    if (usage.unused.length) {
      failed = true;
      console.error(`in ${set.dir}/en.po but never used: ${usage.unused.join(', ')}`);
    }
    for (const file of fs.readdirSync(catalogs).filter((f) => f.endsWith('.po'))) {
      const r = spawnSync('msgfmt', ['--check', '-o', '/dev/null', path.join(catalogs, file)], {
        encoding: 'utf8',
      });
      if (r.status !== 0 || r.stderr) {
        failed = true;
        console.error(`${set.dir}/${file}: ${r.stderr || r.error}`);
      }
    }
    summary.push(`${ids.length} ids in ${set.dir}`);
  }
  console.log(
    failed
      ? 'UI strings: problems found'
      : `UI strings: ${summary.join(', ')}, all used and present; catalogs pass msgfmt --check`,
  );
  return failed ? 1 : 0;
}

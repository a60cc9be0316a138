import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readPoCatalog } from '../compiler/ui-strings/ui-catalog.ts';
import { checkUiStringUsage } from '../compiler/ui-strings/ui-string-usage.ts';

export function runUiStringCheck(): number {
  const root = path.resolve(import.meta.dirname, '..');
  const catalogs = path.join(root, 'themes/default/locales');
  const ids = Object.keys(readPoCatalog(path.join(catalogs, 'en.po')).messages);
  const usage = checkUiStringUsage(ids, [
    path.join(root, 'themes'),
    path.join(root, 'compiler'),
    path.join(root, 'runtime'),
  ]);
  let failed = false;
  if (usage.missing.length) {
    failed = true;
    console.error(`used but not in en.po: ${usage.missing.join(', ')}`);
  }
  if (usage.unused.length) {
    failed = true;
    console.error(`in en.po but never used: ${usage.unused.join(', ')}`);
  }
  for (const file of fs.readdirSync(catalogs).filter((f) => f.endsWith('.po'))) {
    const r = spawnSync('msgfmt', ['--check', '-o', '/dev/null', path.join(catalogs, file)], {
      encoding: 'utf8',
    });
    if (r.status !== 0 || r.stderr) {
      failed = true;
      console.error(`${file}: ${r.stderr || r.error}`);
    }
  }
  console.log(
    failed
      ? 'UI strings: problems found'
      : `UI strings: ${ids.length} ids, all used and present; catalogs pass msgfmt --check`,
  );
  return failed ? 1 : 0;
}

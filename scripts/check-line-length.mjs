// Every line of the tracked sources (ts, tsx, mjs, js, css) is at most 100 characters (Unicode
// code points, as `awk 'length > 100'` counts them in a UTF-8 locale). Prettier keeps code within
// its printWidth but never breaks a long string, template literal or comment; this check does.
// Generated files are skipped. Prints `file:line: N characters (limit 100)` per long line, exit 1.
//   node scripts/check-line-length.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const limit = 100;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const patterns = ['*.ts', '*.tsx', '*.mjs', '*.js', '*.css'];
const generated = (file) =>
  file === 'cms/payload-types.ts' || // payload generate:types
  file.startsWith('cms/migrations/') || // payload migrate:create
  file === 'cms/app/(payload)/admin/importMap.js'; // payload generate:importmap

const files = execFileSync(
  'git',
  ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...patterns],
  {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
)
  .split('\0')
  .filter((file) => file && !generated(file))
  .sort();

let long = 0;
for (const file of files) {
  let text;
  try {
    text = fs.readFileSync(path.join(root, file), 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') continue; // deleted in the working tree, not yet in the index
    throw error;
  }
  text.split('\n').forEach((line, i) => {
    const length = [...line.replace(/\r$/, '')].length;
    if (length > limit) {
      console.log(`${file}:${i + 1}: ${length} characters (limit ${limit})`);
      long++;
    }
  });
}

if (long) {
  console.log(`${long} line${long === 1 ? '' : 's'} over ${limit} characters`);
  process.exit(1);
}
console.log(`${files.length} files checked: all lines ≤ ${limit} characters`);

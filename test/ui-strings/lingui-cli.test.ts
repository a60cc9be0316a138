/**
 * Lingui's own CLI on the theme's catalogs: `lingui extract` (with our extractor) reproduces the
 * committed catalogs exactly, a new `t()` id reaches every catalog, and `lingui compile --strict`
 * refuses a catalog with an untranslated string. Runs on a copy, never on the repository's files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-course.ts';

const root = path.resolve(import.meta.dirname, '../..');
const catalogs = path.join(root, 'themes/default/locales');
const lingui = path.join(root, 'node_modules/@lingui/cli/dist/lingui.js');

/**
 * A copy of the catalogs and a Lingui config that points at it (same extractor and format as the
 * project's).
 */
function workspace(extraSource?: string) {
  const dir = tempDir();
  fs.cpSync(catalogs, path.join(dir, 'locales'), {
    recursive: true,
    filter: (f) => !f.endsWith('.js'),
  });
  const include = [
    `'${path.join(root, 'themes')}'`,
    `'${path.join(root, 'compiler')}'`,
    `'${path.join(root, 'runtime')}'`,
  ];
  if (extraSource) {
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src/extra.ts'), extraSource);
    include.push(`'${path.join(dir, 'src')}'`);
  }
  const config = fs
    .readFileSync(path.join(root, 'lingui.config.ts'), 'utf8')
    .replaceAll("from './compiler/", `from '${root}/compiler/`)
    .replace('const root = import.meta.dirname;', `const root = '${root}';`)
    .replace(
      "const catalogDir = path.join(root, 'themes/default/locales');",
      `const catalogDir = '${path.join(dir, 'locales')}';`,
    )
    .replace(
      "path: '<rootDir>/themes/default/locales/{locale}'",
      `path: '${path.join(dir, 'locales')}/{locale}'`,
    )
    .replace(
      "include: ['<rootDir>/themes', '<rootDir>/compiler', '<rootDir>/runtime']",
      `include: [${include.join(', ')}]`,
    )
    .replace(
      "[path.join(root, 'themes'), path.join(root, 'compiler'), path.join(root, 'runtime')]",
      `[${include.map((i) => `path.resolve(${i})`).join(', ')}]`,
    );
  expect(config).toContain(path.join(dir, 'locales'));
  // The config must resolve the project's packages: it lives under node_modules/.cache, not in
  // /tmp.
  fs.mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true });
  const configDir = fs.mkdtempSync(path.join(root, 'node_modules/.cache/lingui-test-'));
  fs.writeFileSync(path.join(configDir, 'lingui.config.ts'), config);
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [lingui, ...args, '--config', path.join(configDir, 'lingui.config.ts')],
      { cwd: root, encoding: 'utf8' },
    );
  return { dir, run };
}

describe('Lingui CLI on the UI catalogs', () => {
  it(
    'lingui extract reproduces the committed catalogs, ' +
      'and lingui compile --strict accepts them',
    () => {
      const { dir, run } = workspace();
      const extract = run('extract');
      expect(extract.status, extract.stderr).toBe(0);
      for (const file of fs.readdirSync(catalogs).filter((f) => f.endsWith('.po'))) {
        expect(
          fs.readFileSync(path.join(dir, 'locales', file), 'utf8'),
          `${file} is not what lingui extract writes: run npm run i18n:extract`,
        ).toBe(fs.readFileSync(path.join(catalogs, file), 'utf8'));
      }
      const compile = run('compile', '--strict');
      expect(compile.status, compile.stderr + compile.stdout).toBe(0);
    },
    60_000,
  );

  it(
    'a new id used in code reaches every catalog, ' +
      'untranslated; compile --strict then refuses it',
    () => {
      const { dir, run } = workspace(
        "export const label = (t: (id: string) => string) => t('quiz.brandNewButton');\n",
      );
      expect(run('extract').status).toBe(0);
      // The source catalog gets the id as a placeholder text to replace; the others an empty
      // translation.
      expect(fs.readFileSync(path.join(dir, 'locales/en.po'), 'utf8')).toMatch(
        /#: .*extra\.ts\nmsgid "quiz\.brandNewButton"\nmsgstr "quiz\.brandNewButton"/,
      );
      for (const locale of ['fr', 'ar']) {
        expect(fs.readFileSync(path.join(dir, 'locales', `${locale}.po`), 'utf8')).toMatch(
          /#: .*extra\.ts\nmsgid "quiz\.brandNewButton"\nmsgstr ""/,
        );
      }
      const compile = run('compile', '--strict');
      expect(compile.status).not.toBe(0);
      expect(compile.stdout + compile.stderr).toMatch(/missing/i);
    },
    60_000,
  );
});

/**
 * Themes are folders under themes/: `theme.json` ({ "extends"?: parent, "styles": [css files] }),
 * optionally `templates.ts` and `locales/*.po`. A theme inherits what it does not define from its
 * parent, so a theme can be as small as one stylesheet. The compiler knows no theme by name; a name
 * is a slug, never a path.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../model/diagnostic.ts';
import { distDir } from '../process/entry-point.ts';
import type { ThemeTemplates } from './page-view.ts';
import { localesDirsOf, themeChain, themesRoot } from './theme-folders.ts';

export interface LoadedTheme {
  name: string;
  /** The theme and its parents, nearest first. */
  dirs: string[];
  templatesFile: string;
  templates: ThemeTemplates;
  css: string;
  /** Folders with UI catalogs, nearest first. */
  localesDirs: string[];
  /** Hash of everything the theme contributes to a page (templates, CSS, catalogs). */
  hash: string;
}

let tsxRegistered: Promise<void> | undefined;

/**
 * A theme's templates.ts. From the sources (tsx, vitest) a plain import. In the built copy (dist/,
 * `npm run build`) the bundled templates of the themes under themes/, built from the same checked
 * sources; a theme from elsewhere is loaded through tsx, registered then.
 */
async function importTemplates(file: string): Promise<unknown> {
  if (distDir) {
    const rel = path.relative(themesRoot, file);
    const bundled = path.join(distDir, 'themes', rel.replace(/\.ts$/, '.mjs'));
    if (!rel.startsWith('..') && fs.existsSync(bundled)) return import(pathToFileURL(bundled).href);
    tsxRegistered ??= import('tsx/esm/api').then(({ register }) => void register());
    await tsxRegistered;
  }
  return import(pathToFileURL(file).href);
}

/** Load a theme by name, following `extends`. Errors come back as diagnostics. */
export async function loadTheme(
  name: string,
  root = themesRoot,
): Promise<{ theme?: LoadedTheme; diagnostics: Diagnostic[] }> {
  const chain = themeChain(name, root);
  if (chain.diagnostics) return { diagnostics: chain.diagnostics };
  const { dirs, styles } = chain;
  const hash = crypto.createHash('sha256');
  const templatesFile = dirs.map((d) => path.join(d, 'templates.ts')).find((f) => fs.existsSync(f));
  if (!templatesFile) {
    return {
      diagnostics: [
        {
          severity: 'error',
          ruleId: 'polycourse:theme-templates',
          path: 'theme',
          message: `Theme "${name}" has no templates.ts (nor do its parents)`,
          fix: 'Extend a theme that has templates, e.g. "extends": "default".',
        },
      ],
    };
  }
  const templates = (await importTemplates(templatesFile)) as ThemeTemplates;
  const css = styles.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  const localesDirs = localesDirsOf(dirs);
  hash.update(fs.readFileSync(templatesFile)).update(css);
  for (const d of localesDirs)
    for (const f of fs.readdirSync(d).sort())
      hash.update(f).update(fs.readFileSync(path.join(d, f)));
  return {
    theme: { name, dirs, templatesFile, templates, css, localesDirs, hash: hash.digest('hex') },
    diagnostics: [],
  };
}

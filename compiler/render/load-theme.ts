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
import { isSlug } from '../model/slug-ids.ts';
import { distDir } from '../process/entry-point.ts';
import type { ThemeTemplates } from './page-view.ts';

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

export const themesRoot = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../themes',
);

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
  const dirs: string[] = [];
  const styles: string[] = [];
  const hash = crypto.createHash('sha256');
  for (let current: string | undefined = name; current;) {
    // A theme name is a folder under themes/ (its templates.ts is run): never a path that leads
    // elsewhere.
    if (!isSlug(current)) {
      const via =
        current === name
          ? ''
          : ` (from "extends" in ${path.join(dirs[dirs.length - 1], 'theme.json')})`;
      return {
        diagnostics: [
          {
            severity: 'error',
            ruleId: 'polycourse:id-syntax',
            path: 'theme',
            message:
              `Theme ${JSON.stringify(current)}${via} is not a theme name: ` +
              'a theme is named by its folder under themes/',
            fix:
              'Use the name of a theme folder: ' +
              'lowercase letters, digits and single dashes, e.g. "default".',
          },
        ],
      };
    }
    const dir = path.join(root, current);
    const manifestFile = path.join(dir, 'theme.json');
    if (!fs.existsSync(manifestFile)) {
      const known = fs.existsSync(root)
        ? fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'theme.json')))
        : [];
      return {
        diagnostics: [
          {
            severity: 'error',
            ruleId: 'polycourse:unknown-theme',
            path: 'theme',
            message: `Unknown theme "${current}"`,
            fix: `Use one of: ${known.join(', ')}.`,
          },
        ],
      };
    }
    if (dirs.includes(dir)) {
      return {
        diagnostics: [
          {
            severity: 'error',
            ruleId: 'polycourse:theme-cycle',
            file: manifestFile,
            message: `Theme "${current}" extends itself`,
            fix: 'Break the extends cycle.',
          },
        ],
      };
    }
    dirs.push(dir);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {
      extends?: string;
      styles?: string[];
    };
    styles.unshift(...(manifest.styles ?? []).map((s) => path.join(dir, s)));
    current = manifest.extends;
  }
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
  const localesDirs = dirs.map((d) => path.join(d, 'locales')).filter((d) => fs.existsSync(d));
  hash.update(fs.readFileSync(templatesFile)).update(css);
  for (const d of localesDirs)
    for (const f of fs.readdirSync(d).sort())
      hash.update(f).update(fs.readFileSync(path.join(d, f)));
  return {
    theme: { name, dirs, templatesFile, templates, css, localesDirs, hash: hash.digest('hex') },
    diagnostics: [],
  };
}

/**
 * Where a theme's files are: its folder under themes/ and its parents' (`extends` in theme.json),
 * their stylesheets and UI catalogs. No template is loaded here (load-theme.ts does that), so the
 * CMS server can find a theme's catalogs without a TypeScript loader.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.ts';
import { isSlug } from '../model/slug-ids.ts';

export const themesRoot = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../themes',
);

/** A theme's folder and its parents' (nearest first), and their stylesheets (parents' first). */
export function themeChain(
  name: string,
  root: string,
): { dirs: string[]; styles: string[]; diagnostics?: undefined } | { diagnostics: Diagnostic[] } {
  const dirs: string[] = [];
  const styles: string[] = [];
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
  return { dirs, styles };
}

/** The folders of a theme's UI catalogs, nearest first (no templates are loaded). */
export function themeLocalesDirs(
  name: string,
  root = themesRoot,
): { localesDirs?: string[]; diagnostics: Diagnostic[] } {
  const chain = themeChain(name, root);
  if (chain.diagnostics) return { diagnostics: chain.diagnostics };
  return { localesDirs: localesDirsOf(chain.dirs), diagnostics: [] };
}

export const localesDirsOf = (dirs: string[]) =>
  dirs.map((d) => path.join(d, 'locales')).filter((d) => fs.existsSync(d));

/**
 * What a locale's service worker saves, and when (runtime/service-worker/service-worker.ts): the
 * shell (home, 404, theme and runtime) when it installs; a module's pages and the pictures they
 * show when the learner is in that module; everything else (other pages, videos, captions) as the
 * learner opens it, or all at once when the learner chooses to keep the course offline. A first
 * visit on a slow, metered connection then costs the page and its module, not the whole course.
 */
import path from 'node:path';
import type { Course } from '../../model/course.ts';
import { pagePaths } from '../../model/plan-pages.ts';
import { contentTypes } from '../content-types.ts';

export interface OfflinePlan {
  /** Every file the worker may save: path in the locale folder → [sha256 prefix, size]. */
  files: Record<string, [string, number]>;
  /** Saved on install. */
  shell: string[];
  /** Each module (in course order) with its pages and the files they name, videos and captions
   * aside. */
  modules: [string, string[]][];
}

/**
 * Paths of the locale's files a page names (`src`, `srcset`, `poster`, `href`): every
 * `_assets/…` in its HTML. Matched, not parsed: the pages are our serializer's output, asset names
 * are content-hashed `[A-Za-z0-9_.-]` (compiler/render/media-assets.ts, the image stage), and a
 * parse of every page would cost a cold build of a big course hundreds of milliseconds.
 */
function assetsNamed(html: string): string[] {
  return html.match(/_assets\/[A-Za-z0-9_./-]+/g) ?? [];
}

/** Videos, audio and caption files: too heavy for a module's share of a first visit. */
function onlyWhenOpened(file: string): boolean {
  const type = contentTypes[path.extname(file).toLowerCase()] ?? '';
  return file.startsWith('_assets/captions/') || /^(video|audio)\//.test(type);
}

/**
 * The plan of one locale, from its files (path → sha256) and a reader of their bytes. Files the
 * worker never serves are left out: `sw.js` itself and the caption scripts for file://
 * (`.vtt.js`, loaded only where there is no worker).
 */
export function offlinePlan(
  course: Course,
  files: ReadonlyMap<string, { sha256: string; size: number }>,
  read: (file: string) => Buffer,
): OfflinePlan {
  const plan: OfflinePlan = { files: {}, shell: [], modules: [] };
  for (const [file, { sha256, size }] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (file === 'sw.js' || file.endsWith('.vtt.js')) continue;
    plan.files[file] = [sha256.slice(0, 10), size];
  }
  const named = (pages: string[]) => {
    const out = new Set(pages);
    for (const page of pages)
      for (const asset of assetsNamed(read(page).toString('utf8')))
        if (asset in plan.files && !onlyWhenOpened(asset)) out.add(asset);
    return [...out];
  };
  const topAssets = Object.keys(plan.files).filter((f) => /^_assets\/[^/]+$/.test(f));
  plan.shell = named(
    [pagePaths.home, pagePaths.notFound, ...topAssets].filter((f) => f in plan.files),
  );
  const inShell = new Set(plan.shell);
  for (const module of course.modules) {
    const pages = Object.keys(plan.files).filter(
      (f) => f.startsWith(`${module.id}/`) && f.endsWith('.html'),
    );
    plan.modules.push([module.id, named(pages).filter((f) => !inShell.has(f))]);
  }
  return plan;
}

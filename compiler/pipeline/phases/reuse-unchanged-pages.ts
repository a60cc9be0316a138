/**
 * Phase: drop the render jobs of pages whose inputs are those the bundle's copy was rendered from
 * (the page state) and whose file is intact: the previous bundle's file is moved over instead, and
 * its warnings are reported again.
 */
import path from 'node:path';
import type { Course } from '../../model/course.ts';
import { sha256 } from '../../model/fingerprint.ts';
import type { PageSpec } from '../../model/plan-pages.ts';
import { compilerVersion } from '../compiler-version.ts';
import { readPageRecords } from '../page-state.ts';
import type { RenderJob } from '../render-job.ts';
import {
  need,
  type BuildOptions,
  type BuildState,
  type PageState,
  type PhaseOutcome,
  type PreparedAssets,
} from '../build-state.ts';

export function reuseUnchangedPages(state: BuildState): PhaseOutcome {
  const course = need(state, 'course');
  const assets = need(state, 'assets');
  const specs = need(state, 'specs');
  const staging = need(state, 'staging');
  const file = path.join(state.cacheDir, course.id, 'pages.json');
  const pageState: PageState = { file, keys: new Map(), previous: readPageRecords(file), next: {} };
  state.pageState = pageState;
  const skeleton = skeletonKey(course, state.locales, assets, state.options);
  const toRender: RenderJob[] = [];
  for (const job of state.jobs) {
    const { locale } = job;
    const spec = specs[job.page];
    const stateKey = `${locale}/${spec.path}`;
    const key = sha256(
      skeleton,
      locale,
      assets.stylesheets[locale].path,
      assets.runtimes[locale].path,
      assets.interactive.path,
      pageInput(course, spec, locale),
    );
    const cached = pageState.previous[stateKey];
    if (cached?.key === key && staging.reuse(stateKey)) {
      state.diagnostics.push(...cached.warnings);
      pageState.next[stateKey] = cached;
      state.options.onProgress?.(++state.done, state.total, stateKey);
    } else {
      pageState.keys.set(stateKey, key);
      toRender.push(job);
    }
  }
  state.jobs = toRender;
}

/**
 * What every page depends on: the compiler, theme, locales, course (bodies aside), media, whether
 * the build is a preview of drafts, and the address it is served at.
 */
function skeletonKey(
  course: Course,
  locales: string[],
  assets: PreparedAssets,
  {
    preview,
    baseUrl,
    learnerServices,
  }: Pick<BuildOptions, 'preview' | 'baseUrl' | 'learnerServices'>,
): string {
  const { theme, media } = assets;
  const images = [...media.images.values()].map((image) => image.fallback.path).sort();
  return sha256(
    compilerVersion(),
    theme.hash,
    locales.join(','),
    JSON.stringify(course, (k, v) => (k === 'body' ? undefined : v)),
    JSON.stringify([...media.files]),
    JSON.stringify(images),
    preview ? 'preview' : 'published',
    baseUrl ?? '',
    learnerServices ?? '',
  );
}

/** What, besides the course skeleton, a page depends on: a lesson's own body text. */
function pageInput(course: Course, spec: PageSpec, locale: string): string {
  if (spec.kind !== 'unit' || (spec.unit.kind !== 'lesson' && spec.unit.kind !== 'infosheet')) {
    return spec.path;
  }
  const own = spec.unit.body[locale];
  const fallback = spec.unit.body[course.sourceLocale];
  return `${spec.path}\n${own?.file ?? ''}\n${own?.text ?? fallback?.text ?? ''}`;
}

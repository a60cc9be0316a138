/**
 * Phase: render the pages left to render (render-pages.ts: this thread and workers), into the
 * staged bundle when there is one, else only to check them. Records each page rendered without
 * error in the page state.
 */
import { hasErrors } from '../../model/diagnostic.ts';
import { renderPages } from '../render-pages.ts';
import { parsedCatalogEntries } from '../../ui-strings/ui-catalog.ts';
import type { RenderSetup } from '../render-job.ts';
import { need, type BuildState, type LocaleFile, type PhaseOutcome } from '../build-state.ts';

export async function renderPlannedPages(state: BuildState): Promise<PhaseOutcome> {
  const course = need(state, 'course');
  const assets = need(state, 'assets');
  const specs = need(state, 'specs');
  const pathsOf = (files: Record<string, LocaleFile>) =>
    Object.fromEntries(Object.entries(files).map(([locale, file]) => [locale, file.path]));
  const setup: RenderSetup = {
    course,
    locales: state.locales,
    themeName: assets.theme.name,
    media: assets.media,
    stylesheets: pathsOf(assets.stylesheets),
    runtimes: pathsOf(assets.runtimes),
    interactive: assets.interactive.path,
    stagingDir: state.staging?.dir ?? '',
    preview: state.options.preview,
    baseUrl: state.options.baseUrl,
    learnerAccount: Boolean(state.options.learnerServices && !state.options.preview),
    // for workers: the theme's catalogs, as this thread parsed them
    parsedCatalogs: parsedCatalogEntries(assets.theme.localesDirs),
  };
  const { pageState, options } = state;
  await renderPages(
    setup,
    state.jobs,
    ({ job, diagnostics }) => {
      const stateKey = `${job.locale}/${specs[job.page].path}`;
      state.diagnostics.push(...diagnostics);
      state.rendered++;
      if (pageState && !hasErrors(diagnostics)) {
        pageState.next[stateKey] = { key: pageState.keys.get(stateKey)!, warnings: diagnostics };
      }
      options.onProgress?.(++state.done, state.total, stateKey);
    },
    options.threads,
  );
}

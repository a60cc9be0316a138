/** Renders one page of one locale to HTML in the staging folder: view → theme → hast → HTML. */
import fs from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { hasErrors } from '../model/diagnostic.ts';
import { loadTheme } from '../render/load-theme.ts';
import { loadUiCatalogs } from '../ui-strings/ui-catalog.ts';
import { planPages, type PageSpec } from '../model/plan-pages.ts';
import { buildPageView, type LocaleContext } from '../render/build-page-view.ts';
import { createDirMaker } from './create-dir-maker.ts';
import { isolateFallbacks } from '../render/isolate-fallbacks.ts';
import { localeInfo } from '../model/locales.ts';
import type { RenderedPage, RenderJob, RenderSetup } from './render-job.ts';
import type { Unit } from '../model/course.ts';

export async function createPageRenderer(
  setup: RenderSetup,
): Promise<(job: RenderJob) => Promise<RenderedPage>> {
  const { course, locales } = setup;
  const { theme } = await loadTheme(setup.themeName);
  if (!theme) throw new Error(`theme ${setup.themeName} vanished during the build`);
  const catalogs = loadUiCatalogs(theme.localesDirs, locales, course.sourceLocale);
  const specs = planPages(course);
  const contexts = new Map<string, LocaleContext>();
  const mkdir = createDirMaker();
  const contextOf = (locale: string): LocaleContext => {
    let ctx = contexts.get(locale);
    if (!ctx) {
      ctx = {
        course,
        locale,
        locales,
        t: catalogs.forLocale(locale, { markFallbacks: catalogs.hasFallbacks(locale) }),
        media: setup.media,
        stylesheet: setup.stylesheets[locale],
        runtime: setup.runtimes[locale],
        interactive: setup.interactive,
        preview: setup.preview,
        baseUrl: setup.baseUrl,
        learnerAccount: setup.learnerAccount,
      };
      contexts.set(locale, ctx);
    }
    return ctx;
  };
  return async (job) => {
    const spec = withBody(specs[job.page], job);
    const { view, diagnostics } = await buildPageView(contextOf(job.locale), spec);
    if (job.write && !hasErrors(diagnostics)) {
      const file = path.join(setup.stagingDir, job.locale, spec.path);
      mkdir(path.dirname(file));
      const tree = theme.templates.renderPage(view);
      // Only where the catalog lacks strings: a complete locale's pages are not walked again.
      if (catalogs.hasFallbacks(job.locale))
        isolateFallbacks(tree, localeInfo(course.sourceLocale));
      fs.writeFileSync(file, toHtml(tree));
    }
    return { job, diagnostics };
  };
}

/** The page with the body documents its job carries, for a course sent without them. */
function withBody(spec: PageSpec, job: RenderJob): PageSpec {
  if (!job.body || spec.kind !== 'unit') return spec;
  return { ...spec, unit: { ...spec.unit, body: job.body } as Unit };
}

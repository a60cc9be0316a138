/**
 * Phase: what pages are made with, besides the course: the theme and its UI strings, the course's
 * images (named from their headers; new ones go on encoding in a child process while pages
 * render) and media, and each locale's stylesheet and learner runtime. Stops on an error so far,
 * before the images when the theme is missing, and after reading them.
 */
import { hasErrors } from '../../model/diagnostic.ts';
import type { Course } from '../../model/course.ts';
import { localeInfo } from '../../model/locales.ts';
import { sha256 } from '../../model/fingerprint.ts';
import { loadTheme, type LoadedTheme } from '../../render/load-theme.ts';
import { collectMediaAssets } from '../../render/media-assets.ts';
import { loadUiCatalogs, type UiCatalogs } from '../../ui-strings/ui-catalog.ts';
import { processCourseImages } from '../../images/process-course-images.ts';
import { interactiveRuntime, localeRuntime } from '../../targets/bundle-runtime.ts';
import { need, type BuildState, type LocaleFile, type PhaseOutcome } from '../build-state.ts';

export async function prepareAssets(state: BuildState): Promise<PhaseOutcome> {
  const course = need(state, 'course');
  const source = need(state, 'source');
  const { options, diagnostics, locales } = state;
  const themed = await loadTheme(options.theme ?? course.theme);
  for (const d of themed.diagnostics) {
    diagnostics.push(d.path === 'theme' ? { ...d, ...source.locate('theme') } : d);
  }
  const theme = themed.theme;
  if (!theme || hasErrors(diagnostics)) return 'stop';
  const catalogs = loadUiCatalogs(theme.localesDirs, locales, course.sourceLocale);

  // Pages render while new images encode (stage-encoded-images waits for them); a build that
  // stops before then stops the encoder (run-phases.ts).
  const images = await processCourseImages(course, state.cacheDir);
  state.imagesEncoding = images;
  diagnostics.push(...images.diagnostics);
  if (hasErrors(diagnostics)) return 'stop';
  const media = collectMediaAssets(course, images.images);

  // A preview never talks to the learner services (no side effects).
  const services = options.preview ? undefined : options.learnerServices;
  const files = await bundleLocaleFiles(course, locales, theme, catalogs, services);
  state.assets = { theme, catalogs, media, ...files };
}

/** Each locale's stylesheet and runtime, and the shared interactive script, named by content. */
async function bundleLocaleFiles(
  course: Course,
  locales: string[],
  theme: LoadedTheme,
  catalogs: UiCatalogs,
  services: string | undefined,
): Promise<{
  stylesheets: Record<string, LocaleFile>;
  runtimes: Record<string, LocaleFile>;
  interactive: LocaleFile;
}> {
  const named = (prefix: string, content: string, ext: string): LocaleFile => ({
    path: `_assets/${prefix}-${sha256(content).slice(0, 8)}.${ext}`,
    content,
  });
  const interactive = named('interactive', await interactiveRuntime(), 'js');
  const stylesheets: Record<string, LocaleFile> = {};
  const runtimes: Record<string, LocaleFile> = {};
  for (const locale of locales) {
    const css = `${theme.css}\n:root { --font-body: ${localeInfo(locale).fonts}; }\n`;
    stylesheets[locale] = named('theme', css, 'css');
    const ui = {
      messages: catalogs.messagesFor(locale),
      fallbackIds: catalogs.fallbackIds(locale),
    };
    const runtime = await localeRuntime(course, locale, ui, services);
    runtimes[locale] = named('runtime', runtime, 'js');
  }
  return { stylesheets, runtimes, interactive };
}

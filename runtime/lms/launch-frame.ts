/**
 * The launch page's frame, for any LMS launcher: which page of the package the frame shows, which
 * saved page a learner may resume at, and which of the package's locales a learner prefers. Plain
 * functions of the DOM and strings, shared by the SCORM and cmi5 launchers.
 */

/** The frame's page relative to the package root (`fr/module/unit/index.html`), or undefined. */
export function framePage(frame: HTMLIFrameElement, launchPage: string): string | undefined {
  try {
    const root = new URL('.', launchPage).href;
    const href = frame.contentWindow?.location.href ?? '';
    return href.startsWith(root) ? href.slice(root.length).split(/[?#]/)[0] : undefined;
  } catch {
    return undefined;
  }
}

/** A page of this package the learner may resume at, or undefined. */
export function resumablePage(page: unknown, locales: readonly string[]): string | undefined {
  if (typeof page !== 'string') return undefined;
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*\/index\.html$/i.test(page)) return undefined;
  return locales.includes(page.split('/')[0]) ? page : undefined;
}

/**
 * The first of the learner's languages (most preferred first, BCP 47 tags) that the package has:
 * the tag itself, else its language (`fr-CA` → `fr`), else a locale of that language (`pt` →
 * `pt-BR`); the package's first locale when none is.
 */
export function preferredLocale(
  locales: readonly string[],
  preferences: readonly string[],
): string {
  const lower = (tag: string) => tag.trim().toLowerCase().replace(/_/g, '-');
  const language = (tag: string) => lower(tag).split('-')[0];
  for (const wanted of preferences.map(lower).filter(Boolean)) {
    const found =
      locales.find((l) => lower(l) === wanted) ??
      locales.find((l) => lower(l) === language(wanted)) ??
      locales.find((l) => language(l) === language(wanted));
    if (found) return found;
  }
  return locales[0];
}

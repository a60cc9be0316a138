/**
 * UI strings at run time: Lingui with catalogs compiled at build time (no message parser in the
 * bundle). A string the locale's catalog lacks is formatted wholly in the source locale (digits
 * and plurals too) and marked, for runtime/browser/isolate-fallbacks.ts to give it its language.
 */
import { markFallback } from '../logic/fallback-marks.ts';
import { translator, type Translate } from '../logic/translator.ts';
import type { RuntimeFallback } from './runtime-data.ts';

export type { Translate } from '../logic/translator.ts';

export function createTranslate(
  locale: string,
  messages: Record<string, unknown>,
  fallback?: RuntimeFallback,
): Translate {
  const inLocale = translator(locale, messages);
  if (!fallback) return inLocale;
  const inSource = translator(fallback.lang, messages);
  const shownInSource = new Set(fallback.ids);
  return (id, values) =>
    shownInSource.has(id) ? markFallback(inSource(id, values)) : inLocale(id, values);
}

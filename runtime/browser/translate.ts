/**
 * UI strings at run time: Lingui with catalogs compiled at build time (no message parser in the
 * bundle). A string the locale's catalog lacks is formatted wholly in the source locale (digits
 * and plurals too) and marked, for runtime/browser/isolate-fallbacks.ts to give it its language.
 */
import { setupI18n, type Messages } from '@lingui/core';
import { formatPlainNumbers } from '../logic/plain-numbers.ts';
import { markFallback } from '../logic/fallback-marks.ts';
import type { RuntimeFallback } from './runtime-data.ts';

export type Translate = (id: string, values?: Record<string, unknown>) => string;

export function createTranslate(
  locale: string,
  messages: Record<string, unknown>,
  fallback?: RuntimeFallback,
): Translate {
  const inLocale = formatter(locale, messages);
  if (!fallback) return inLocale;
  const inSource = formatter(fallback.lang, messages);
  const shownInSource = new Set(fallback.ids);
  return (id, values) =>
    shownInSource.has(id) ? markFallback(inSource(id, values)) : inLocale(id, values);
}

function formatter(locale: string, messages: Record<string, unknown>): Translate {
  const i18n = setupI18n({ locale, messages: { [locale]: messages as Messages } });
  const number = new Intl.NumberFormat(locale);
  return (id, values) => i18n._(id, formatPlainNumbers(messages[id], values, number.format));
}

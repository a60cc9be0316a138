/**
 * UI strings at run time: Lingui with catalogs compiled at build time (no message parser in the
 * bundle).
 */
import { setupI18n, type Messages } from '@lingui/core';
import { formatPlainNumbers } from '../logic/plain-numbers.ts';

export type Translate = (id: string, values?: Record<string, unknown>) => string;

export function createTranslate(locale: string, messages: Record<string, unknown>): Translate {
  const i18n = setupI18n({ locale, messages: { [locale]: messages as Messages } });
  const number = new Intl.NumberFormat(locale);
  return (id, values) => i18n._(id, formatPlainNumbers(messages[id], values, number.format));
}

/**
 * A translate function over Lingui-compiled messages (no message parser where it runs): plurals and
 * numbers in the locale's rules and digits (plain number arguments too, plain-numbers.ts). Used by
 * the learner runtime (runtime/browser/translate.ts) and the admin's panels
 * (cms/components/use-admin-t.ts).
 */
import { setupI18n, type Messages } from '@lingui/core';
import { formatPlainNumbers } from './plain-numbers.ts';

export type Translate = (id: string, values?: Record<string, unknown>) => string;

export function translator(locale: string, messages: Record<string, unknown>): Translate {
  const i18n = setupI18n({ locale, messages: { [locale]: messages as Messages } });
  const number = new Intl.NumberFormat(locale);
  return (id, values) => i18n._(id, formatPlainNumbers(messages[id], values, number.format));
}

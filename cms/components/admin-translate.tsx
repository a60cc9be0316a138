/**
 * The admin panels' translate function, for client components (through useAdminT, use-admin-t.ts)
 * and server components alike: the member's language and the catalog cms/admin-languages.ts hands
 * to Payload's translations, formatted with the learner runtime's translator (plurals, digits).
 * An id the catalog lacks shows itself, so a missing string is seen rather than hidden.
 */
import React from 'react';
import type { I18nClient } from '@payloadcms/translations';
import { translator, type Translate } from '../../runtime/logic/translator.ts';

export function adminTranslate(i18n: Pick<I18nClient, 'language' | 'translations'>): Translate {
  const catalog = (i18n.translations as { polycourse?: { catalog?: string } }).polycourse?.catalog;
  const messages = catalog ? (JSON.parse(catalog) as Record<string, unknown>) : {};
  const translate = translator(i18n.language, messages);
  return (id, values) => (id in messages ? translate(id, values) : id);
}

/**
 * A message whose placeholders are elements (links, code): formatted with a marker in each one's
 * place, then cut at the markers.
 */
export function withElements(
  format: (markers: Record<string, string>) => string,
  elements: Record<string, React.ReactNode>,
): React.ReactNode[] {
  const names = Object.keys(elements);
  const text = format(Object.fromEntries(names.map((name, i) => [name, `\u0000${i}\u0000`])));
  return text
    .split(/\u0000(\d+)\u0000/)
    .map((piece, i) =>
      i % 2 ? <React.Fragment key={i}>{elements[names[Number(piece)]]}</React.Fragment> : piece,
    );
}

/**
 * The admin in the staff member's language. Payload's own screens come in every course locale
 * Payload ships a translation of (@payloadcms/translations); Polycourse's panels (Translation
 * status, Bundles, the outline, the quiz editor…) come from Lingui PO catalogs, cms/locales/
 * <language>.po (msgid = the string's id, msgstr = ICU MessageFormat), edited and checked like the
 * theme's (`npm run i18n:extract`, `npm run i18n:compile`). A member picks the language under
 * Account; until then the browser's is used, else English.
 *
 * The catalogs reach the client components as a namespace of Payload's translations
 * (`polycourse.catalog`: the compiled messages as JSON, English filling any gap);
 * cms/components/use-admin-t.ts formats them with the runtime's translator.
 */
import path from 'node:path';
import type { SupportedLanguages } from '@payloadcms/translations';
import { ar } from '@payloadcms/translations/languages/ar';
import { de } from '@payloadcms/translations/languages/de';
import { en } from '@payloadcms/translations/languages/en';
import { es } from '@payloadcms/translations/languages/es';
import { fr } from '@payloadcms/translations/languages/fr';
import { pt } from '@payloadcms/translations/languages/pt';
import { ru } from '@payloadcms/translations/languages/ru';
import { uk } from '@payloadcms/translations/languages/uk';
import { zh } from '@payloadcms/translations/languages/zh';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { readPoCatalog } from '../compiler/ui-strings/ui-catalog.ts';
import { cmsDir } from './database-adapter.ts';

/**
 * The course locales Payload has screens for. Hindi, Swahili and Greek are course locales Payload
 * does not ship: staff working in them see the admin in English.
 */
export const adminLanguages = { en, fr, es, ar, zh, ru, pt, de, uk } satisfies SupportedLanguages;

export type AdminLanguage = keyof typeof adminLanguages;

export const adminCatalogDir = path.join(cmsDir, 'locales');

const catalogs = new Map<string, Record<string, string>>();

/** One language's catalog messages, read once per process (labels ask for them ~40 × 9 times). */
function catalog(language: string): Record<string, string> {
  let messages = catalogs.get(language);
  if (!messages) {
    messages = readPoCatalog(path.join(adminCatalogDir, `${language}.po`)).messages;
    catalogs.set(language, messages);
  }
  return messages;
}

/** Compiled messages of one language's catalog, English filling what it lacks. */
export function adminMessages(language: string): Record<string, unknown> {
  const messages = { ...catalog('en'), ...(language === 'en' ? {} : catalog(language)) };
  return Object.fromEntries(Object.entries(messages).map(([id, m]) => [id, compileMessage(m)]));
}

/** Payload's `i18n.translations`: each language's catalog under the `polycourse` namespace. */
export function adminTranslations(): Record<string, { polycourse: { catalog: string } }> {
  return Object.fromEntries(
    Object.keys(adminLanguages).map((language) => [
      language,
      { polycourse: { catalog: JSON.stringify(adminMessages(language)) } },
    ]),
  );
}

/**
 * A field label or description in every admin language (Payload picks the member's), from the
 * catalogs: for the collections' own fields, such as the quiz editor's.
 */
export function adminLabel(id: string): Record<string, string> {
  return Object.fromEntries(
    Object.keys(adminLanguages).map((language) => [
      language,
      catalog(language)[id] ?? catalog('en')[id] ?? id,
    ]),
  );
}

/**
 * The choices of a course locale (a course's languages, a member's work languages): each language
 * named in the admin's language with its code, "French (fr)", "الفرنسية (fr)"; the code is what is
 * stored. Names come from the ICU data Node ships (Intl.DisplayNames), not from the catalogs.
 */
export function localeOptions(codes: readonly string[]) {
  return codes.map((value) => ({
    value,
    label: Object.fromEntries(
      Object.keys(adminLanguages).map((language) => {
        const name = new Intl.DisplayNames([language], { type: 'language' }).of(value) ?? value;
        // Lists start a language's name with a capital where the script has them ("Français").
        const shown = name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
        return [language, `${shown} (${value})`];
      }),
    ),
  }));
}

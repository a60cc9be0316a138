/**
 * The locale table: every per-locale decision (label, direction, fonts) is data here, never an `if`
 * elsewhere.
 */
export interface LocaleInfo {
  /** BCP 47 tag */
  code: string;
  /** The language's own name, shown in the language picker. */
  label: string;
  dir: 'ltr' | 'rtl';
  /**
   * CSS font-family stack that renders the script (system fonts first, Noto as the portable
   * fallback).
   */
  fonts: string;
}

const latin =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

export const knownLocales: Record<string, LocaleInfo> = {
  en: { code: 'en', label: 'English', dir: 'ltr', fonts: latin },
  fr: { code: 'fr', label: 'Français', dir: 'ltr', fonts: latin },
  es: { code: 'es', label: 'Español', dir: 'ltr', fonts: latin },
  ar: {
    code: 'ar',
    label: 'العربية',
    dir: 'rtl',
    fonts: '"Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, "Geeza Pro", sans-serif',
  },
  zh: {
    code: 'zh',
    label: '中文',
    dir: 'ltr',
    fonts:
      '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", ' +
      '"Source Han Sans SC", sans-serif',
  },
  ru: { code: 'ru', label: 'Русский', dir: 'ltr', fonts: latin },
  pt: { code: 'pt', label: 'Português', dir: 'ltr', fonts: latin },
  de: { code: 'de', label: 'Deutsch', dir: 'ltr', fonts: latin },
  uk: { code: 'uk', label: 'Українська', dir: 'ltr', fonts: latin },
  hi: {
    code: 'hi',
    label: 'हिन्दी',
    dir: 'ltr',
    fonts: '"Noto Sans Devanagari", "Nirmala UI", "Kohinoor Devanagari", Mangal, sans-serif',
  },
  sw: { code: 'sw', label: 'Kiswahili', dir: 'ltr', fonts: latin },
  el: { code: 'el', label: 'Ελληνικά', dir: 'ltr', fonts: latin },
  tr: { code: 'tr', label: 'Türkçe', dir: 'ltr', fonts: latin },
  fa: {
    code: 'fa',
    label: 'فارسی',
    dir: 'rtl',
    fonts: '"Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, sans-serif',
  },
  he: { code: 'he', label: 'עברית', dir: 'rtl', fonts: '"Noto Sans Hebrew", Arial, sans-serif' },
};

/**
 * The languages Polycourse ships (DESIGN.md): the theme has a UI catalog for each, the CMS offers
 * them, Lingui extracts and compiles them. Read from here, never repeated. Other tags work too
 * (localeInfo), with the source language's UI strings until a catalog is added.
 */
export const supportedLocales = [
  'en',
  'fr',
  'es',
  'ar',
  'zh',
  'ru',
  'pt',
  'de',
  'uk',
  'hi',
  'sw',
  'el',
] as const;

/** Scripts written right to left, for tags not in the table (e.g. `ur-PK`). */
const rtlLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/**
 * Describe any BCP 47 tag: from the table, else derived with Intl (label, direction by language).
 */
export function localeInfo(code: string): LocaleInfo {
  const known = knownLocales[code];
  if (known) return known;
  const language = code.split('-')[0].toLowerCase();
  const base = knownLocales[language];
  let label = code;
  try {
    label = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    /* not a valid tag: the schema reports it */
  }
  return {
    code,
    label,
    dir: base?.dir ?? (rtlLanguages.has(language) ? 'rtl' : 'ltr'),
    fonts: base?.fonts ?? latin,
  };
}

/** True when `code` is a syntactically valid BCP 47 language tag. */
export function isValidLocaleTag(code: string): boolean {
  try {
    return Intl.getCanonicalLocales(code).length === 1;
  } catch {
    return false;
  }
}

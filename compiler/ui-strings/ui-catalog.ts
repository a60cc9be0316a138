/**
 * UI strings: the theme's gettext PO catalogs (msgid = string id, msgstr = ICU MessageFormat),
 * compiled once per build with Lingui's message compiler and rendered with @lingui/core. A string
 * missing in a locale is a build warning naming the id and locale, then shown in the source locale.
 */
import fs from 'node:fs';
import path from 'node:path';
import gettextParser from 'gettext-parser';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import type { Diagnostic } from '../model/diagnostic.ts';
import { pseudoLocale, pseudoMessage } from '../translation/pseudo-locale.ts';
import { translator } from '../../runtime/logic/translator.ts';
import { markFallback } from '../../runtime/logic/fallback-marks.ts';

export type Translate = (id: string, values?: Record<string, unknown>) => string;

export interface UiCatalogs {
  /**
   * The translate function for `locale` (falls back to the source catalog, once warned). With
   * `markFallbacks`, a string shown in the source locale comes between the marks of
   * runtime/logic/fallback-marks.ts, for compiler/render/isolate-fallbacks.ts to give it its
   * language.
   */
  forLocale(locale: string, options?: { markFallbacks?: boolean }): Translate;
  /** Whether `locale` shows any UI string in the source locale (its catalog lacks some). */
  hasFallbacks(locale: string): boolean;
  /** The ids `locale` shows in the source locale (its catalog lacks them). */
  fallbackIds(locale: string): string[];
  diagnostics: Diagnostic[];
  /** Ids of the source catalog. */
  ids: string[];
  /**
   * Raw ICU messages of a locale, source-locale messages filling its gaps (for the runtime bundle).
   */
  messagesFor(locale: string): Record<string, string>;
}

/**
 * Parsed catalogs by file, reused while the file's bytes are the same (a build loads them twice).
 */
const parsedCatalogs = new Map<string, { data: Buffer; messages: Record<string, string> }>();
/** What this thread has parsed, for a render worker to start with (RenderSetup.parsedCatalogs). */
export type ParsedCatalogs = Array<
  [file: string, data: Uint8Array, messages: Record<string, string>]
>;

/**
 * The catalogs this thread parsed inside `dirs` (a theme's localesDirs): a worker reads no others,
 * and the CMS's process also holds the admin's catalogs.
 */
export function parsedCatalogEntries(dirs: readonly string[]): ParsedCatalogs {
  const folders = new Set(dirs.map((dir) => path.dirname(path.join(dir, 'x.po'))));
  const inside = (file: string) => folders.has(path.dirname(file));
  return [...parsedCatalogs]
    .filter(([file]) => inside(file))
    .map(([file, { data, messages }]) => [file, data, messages]);
}

/**
 * Start from another thread's parses: each is still used only while its file's bytes are the same.
 * Parsing a theme's 12 catalogs again cost a render worker 2–3% of its CPU (docs/benchmarks.md).
 */
export function reuseParsedCatalogs(entries: ParsedCatalogs): void {
  for (const [file, data, messages] of entries)
    if (!parsedCatalogs.has(file)) parsedCatalogs.set(file, { data: Buffer.from(data), messages });
}

/** Compiled ICU messages by source text (compiling is a pure function of it). */
const compiledMessages = new Map<string, ReturnType<typeof compileMessage>>();

function compileCached(message: string): ReturnType<typeof compileMessage> {
  let compiled = compiledMessages.get(message);
  if (compiled === undefined) {
    compiled = compileMessage(message);
    compiledMessages.set(message, compiled);
  }
  return compiled;
}

/** Read `<dir>/<locale>.po` as id → message. Returns diagnostics for unreadable files. */
export function readPoCatalog(file: string): {
  messages: Record<string, string>;
  diagnostics: Diagnostic[];
} {
  const display = path.relative(process.cwd(), file);
  try {
    const data = fs.readFileSync(file);
    const known = parsedCatalogs.get(file);
    if (known?.data.equals(data)) return { messages: { ...known.messages }, diagnostics: [] };
    const po = gettextParser.po.parse(data);
    const messages: Record<string, string> = {};
    for (const context of Object.values(po.translations)) {
      for (const [msgid, entry] of Object.entries(context)) {
        if (!msgid) continue;
        const value = entry.msgstr?.[0];
        const fuzzy = entry.comments?.flag?.includes('fuzzy');
        if (value && !fuzzy) messages[msgid] = value;
      }
    }
    parsedCatalogs.set(file, { data, messages: { ...messages } });
    return { messages, diagnostics: [] };
  } catch (error) {
    return {
      messages: {},
      diagnostics: [
        {
          severity: 'error',
          ruleId: 'polycourse:ui-catalog',
          file: display,
          message: `Cannot read UI catalog: ${(error as Error).message}`,
          fix: 'Check the file with `msgfmt --check`.',
        },
      ],
    };
  }
}

/** Load and compile the UI catalogs of `localesDirs` (a theme and its parents, nearest first). */
export function loadUiCatalogs(
  localesDirs: string[],
  locales: string[],
  sourceLocale: string,
): UiCatalogs {
  const diagnostics: Diagnostic[] = [];
  const load = (locale: string): Record<string, string> => {
    // The pseudo-locale is made from the source catalog, not translated.
    if (
      locale === pseudoLocale &&
      !localesDirs.some((d) => fs.existsSync(path.join(d, `${locale}.po`)))
    ) {
      return Object.fromEntries(
        Object.entries(load(sourceLocale)).map(([id, m]) => [id, pseudoMessage(m)]),
      );
    }
    const merged: Record<string, string> = {};
    for (const dir of [...localesDirs].reverse()) {
      const file = path.join(dir, `${locale}.po`);
      if (!fs.existsSync(file)) continue;
      const read = readPoCatalog(file);
      diagnostics.push(...read.diagnostics);
      Object.assign(merged, read.messages);
    }
    return merged;
  };
  const source = load(sourceLocale);
  const ids = Object.keys(source);
  const raw = new Map<string, Record<string, string>>();
  const compiled = (locale: string, messages: Record<string, string>) => {
    const out: Record<string, ReturnType<typeof compileMessage>> = {};
    for (const [id, message] of Object.entries(messages)) {
      try {
        out[id] = compileCached(message);
      } catch (error) {
        diagnostics.push({
          severity: 'error',
          ruleId: 'polycourse:ui-message',
          path: `themes:${locale}.po:${id}`,
          message:
            `UI string "${id}" in ${locale} is not valid ` +
            `ICU MessageFormat: ${(error as Error).message}`,
          fix: 'Balance the braces and keep placeholders such as {count} as in the source catalog.',
        });
      }
    }
    return out;
  };
  /** Locales whose catalog lacks strings of the source catalog. */
  const fallbacks = new Map<string, string[]>();
  const perLocale = new Map<
    string,
    (id: string, values?: Record<string, unknown>, mark?: boolean) => string
  >();
  const inSource = translator(sourceLocale, compiled(sourceLocale, source));

  for (const locale of locales) {
    const messages = locale === sourceLocale ? source : load(locale);
    raw.set(locale, { ...source, ...messages });
    const missing = ids.filter((id) => !(id in messages));
    if (locale !== sourceLocale && missing.length) fallbacks.set(locale, missing);
    if (missing.length) {
      diagnostics.push({
        severity: 'warning',
        ruleId: 'polycourse:ui-string-missing',
        path: `ui:${locale}`,
        message:
          `${missing.length} UI string(s) missing in "${locale}", shown in ${sourceLocale}: ` +
          `${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}`,
        fix: `Translate them in the theme's locales/${locale}.po.`,
      });
    }
    const inLocale = translator(locale, compiled(locale, messages));
    perLocale.set(locale, (id, values, mark) => {
      if (id in messages) return inLocale(id, values);
      if (id in source) {
        // Wholly in the source locale, digits too (its plural `#` cannot be told otherwise): the
        // string is marked as the source language's in the page.
        const text = inSource(id, values);
        return mark ? markFallback(text) : text;
      }
      diagnostics.push({
        severity: 'warning',
        ruleId: 'polycourse:ui-string-unknown',
        path: `ui:${id}`,
        message: `Unknown UI string id "${id}"`,
        fix: 'Add it to the source catalog.',
      });
      return id;
    });
  }
  return {
    forLocale: (locale, options) => {
      const t = perLocale.get(locale);
      if (!t) return (id, values) => inSource(id, values);
      return (id, values) => t(id, values, options?.markFallbacks);
    },
    hasFallbacks: (locale) => fallbacks.has(locale),
    fallbackIds: (locale) => fallbacks.get(locale) ?? [],
    diagnostics,
    ids,
    messagesFor: (locale) => raw.get(locale) ?? source,
  };
}

/**
 * Characters a reader cannot see in a short text (a title, an option). Bidi embeddings and
 * overrides reorder the text around them and are never needed in content; zero-width spaces and
 * joiners hide in ids, search and titles. Marks (LRM, RLM), isolates (LRI, RLI, FSI, PDI) and
 * ZWNJ/ZWJ are legitimate in Arabic, Persian, Hebrew and Indic text and are left alone.
 */

/** LRE, RLE, PDF, LRO, RLO: they reorder everything up to a PDF or the end of the paragraph. */
const embeddings = /[\u202A-\u202E]/;

const names: Record<string, string> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u2060': 'WORD JOINER',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE (BOM)',
};

/**
 * Scripts written without spaces, where U+200B marks the word breaks (Thai, Lao, Khmer, Burmese).
 */
const zeroWidthSpaceLanguages = new Set(['th', 'lo', 'km', 'my']);

export interface InvisibleCharacter {
  /** `U+202E RIGHT-TO-LEFT OVERRIDE` */
  name: string;
  /** index in the text (UTF-16 code units) */
  index: number;
  /** bidi controls reorder the page; zero-width characters only hide */
  reorders: boolean;
}

/** The first character in `text` (written in `locale`) that should not be there, if any. */
export function findInvisibleCharacter(
  text: string,
  locale: string,
): InvisibleCharacter | undefined {
  const language = locale.split('-')[0].toLowerCase();
  const pattern = zeroWidthSpaceLanguages.has(language)
    ? /[\u202A-\u202E\u2060\uFEFF]/
    : /[\u202A-\u202E\u200B\u2060\uFEFF]/;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const char = match[0];
  const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return { name: `U+${code} ${names[char]}`, index: match.index, reorders: embeddings.test(char) };
}

/**
 * `text` without bidi embeddings and overrides, so that a title cannot reorder the page around it.
 */
export function stripBidiOverrides(text: string): string {
  return text.replace(/[\u202A-\u202E]/g, '');
}

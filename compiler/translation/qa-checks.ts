/**
 * Checks of a translation against its source that an import reports as warnings, never refusals:
 * numbers, URLs and e-mail addresses kept, the same spaces at the edges, no doubled word, paired
 * brackets and quotes, the unit's maxLength, and the course glossary's terms. Each check does one
 * job and names what to look at; texts carry placeholders as marks (segment-mdx.ts).
 */
import type { Course } from '../model/course.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { placeholderPattern } from './segment-mdx.ts';

/** One translated unit to check (placeholders as marks in `source` and `target`). */
export interface CheckedText {
  id: string;
  source: string;
  target: string;
  /** most characters the translation should have */
  maxLength?: number;
}

/** A glossary term in the source locale and its translation in the checked locale. */
export interface TermPair {
  id: string;
  source: string;
  target: string;
}

export interface CheckContext {
  locale: string;
  /** the glossary terms the locale has a translation for */
  terms: TermPair[];
}

/** One check: its rule, how to fix what it finds, and what it finds in a text (or nothing). */
export interface QaCheck {
  ruleId: string;
  fix: string;
  find(text: CheckedText, context: CheckContext): string | undefined;
}

/** The text a reader sees: placeholders (markup) left out. */
const visible = (text: string) => text.replace(placeholderPattern, '');

const letterOrDigit = '[\\p{L}\\p{M}\\p{N}]';

const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"'«»“”„]+/giu;
const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** The URLs of a text, without the punctuation that ends the sentence around them. */
function urlsOf(text: string): string[] {
  return [...visible(text).matchAll(urlPattern)].map(([url]) => {
    let out = url.replace(/[.,;:!?]+$/, '');
    const count = (c: string) => out.split(c).length - 1;
    while (out.endsWith(')') && count(')') > count('(')) out = out.slice(0, -1);
    return out.replace(/[.,;:!?]+$/, '');
  });
}

const emailsOf = (text: string) => [...visible(text).matchAll(emailPattern)].map(([e]) => e);

/** The text without its URLs and e-mail addresses (their digits and brackets are theirs). */
const withoutAddresses = (text: string) =>
  visible(text).replace(emailPattern, ' ').replace(urlPattern, ' ');

/**
 * Every decimal digit Intl can write (Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali,
 * Thai, full-width, …) → its ASCII digit. Only Unicode decimal digits: the Han numerals of
 * `hanidec` are words.
 */
const asciiDigits: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const numberingSystem of Intl.supportedValuesOf('numberingSystem')) {
    const format = new Intl.NumberFormat('en', { numberingSystem, useGrouping: false });
    const digits = [...'0123456789'].map((d) => format.format(Number(d)));
    if (digits.every((d) => /^\p{Nd}$/u.test(d)) && new Set(digits).size === 10)
      digits.forEach((d, i) => map.set(d, String(i)));
  }
  return map;
})();

/**
 * The numbers of a text as their ASCII digits, group and decimal separators left out, so that
 * `1,000.5`, `1 000,5` and `١٬٠٠٠٫٥` are the same number. A plain space joins digit groups only
 * before a group of three (`1 000`).
 */
function numbersOf(text: string): string[] {
  const ascii = withoutAddresses(text).replace(/\p{Nd}/gu, (d) => asciiDigits.get(d) ?? d);
  const pattern = /\d+(?:(?:[.,'’\u00A0\u202F\u2009\u066B\u066C]|[ ](?=\d{3}(?!\d)))\d+)*/g;
  return [...ascii.matchAll(pattern)].map(([n]) => n.replace(/\D/g, ''));
}

/** What `a` has that `b` lacks, counting repeats. */
function lacking(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i >= 0) rest.splice(i, 1);
    return i < 0;
  });
}

/** The items of `list`, each once, as `a, b`. */
const listed = (list: string[]) => [...new Set(list)].join(', ');

/** A problem when `target` lacks or adds items of `source` (`kind`: "number", "URL", …). */
function keptOrChanged(kind: string, source: string[], target: string[]): string | undefined {
  const missing = lacking(source, target);
  const added = lacking(target, source);
  if (missing.length && added.length)
    return `${kind} changed: ${listed(missing)} in the source, ${listed(added)} in the translation`;
  if (missing.length)
    return `${kind} ${listed(missing)} of the source missing from the translation`;
  if (added.length) return `${kind} ${listed(added)} in the translation, not in the source`;
  return undefined;
}

export const numbersKept: QaCheck = {
  ruleId: 'polycourse:qa-numbers',
  fix: 'Keep every number of the source (in any digits of your language); check dates and counts.',
  find: ({ source, target }) => keptOrChanged('number', numbersOf(source), numbersOf(target)),
};

export const urlsKept: QaCheck = {
  ruleId: 'polycourse:qa-urls',
  fix:
    'Keep each web address of the source exactly; change one only when the page exists in ' +
    'your language.',
  find: ({ source, target }) => keptOrChanged('URL', urlsOf(source), urlsOf(target)),
};

export const emailsKept: QaCheck = {
  ruleId: 'polycourse:qa-emails',
  fix: 'Keep each e-mail address of the source exactly.',
  find: ({ source, target }) => keptOrChanged('e-mail address', emailsOf(source), emailsOf(target)),
};

/** Spaces at an edge of a text, named for the message (`nothing`, `a space`, `2 line breaks`). */
function describeSpace(space: string): string {
  if (!space) return 'nothing';
  const names: Record<string, string> = {
    ' ': 'space',
    '\n': 'line break',
    '\t': 'tab',
    '\u00A0': 'no-break space',
    '\u202F': 'narrow no-break space',
  };
  const runs: string[] = [];
  for (const run of space.match(/(.)\1*/gsu) ?? []) {
    const c = run[0];
    const name =
      names[c] ?? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} space`;
    const count = [...run].length;
    runs.push(count === 1 ? `a ${name}` : `${count} ${name}s`);
  }
  return runs.join(' and ');
}

export const edgeSpacesKept: QaCheck = {
  ruleId: 'polycourse:qa-edge-spaces',
  fix: 'Start and end the translation with the same spaces and line breaks as the source.',
  find: ({ source, target }) => {
    const lead = (t: string) => /^\s*/u.exec(t)![0];
    const trail = (t: string) => /\s*$/u.exec(t)![0];
    const problems: string[] = [];
    if (lead(source) !== lead(target))
      problems.push(
        `the source starts with ${describeSpace(lead(source))}, ` +
          `the translation with ${describeSpace(lead(target))}`,
      );
    if (trail(source) !== trail(target))
      problems.push(
        `the source ends with ${describeSpace(trail(source))}, ` +
          `the translation with ${describeSpace(trail(target))}`,
      );
    return problems.length ? problems.join('; ') : undefined;
  },
};

/**
 * Words a language repeats on purpose: French reflexives (nous nous), German articles and
 * relatives (die die); in Hindi and Swahili reduplication is grammar (धीरे धीरे, pole pole).
 */
const intendedRepeats: Record<string, string[] | 'any'> = {
  fr: ['nous', 'vous'],
  de: ['der', 'die', 'das', 'sie'],
  nl: ['die', 'dat'],
  hi: 'any',
  sw: 'any',
};

const doubledWord = new RegExp(
  `(?<!${letterOrDigit})(\\p{L}[\\p{L}\\p{M}]*)\\s+\\1(?!${letterOrDigit})`,
  'giu',
);

const doubledWordsOf = (text: string, locale: string) =>
  [...visible(text).matchAll(doubledWord)].map((m) => m[0].toLocaleLowerCase(locale));

export const noDoubledWord: QaCheck = {
  ruleId: 'polycourse:qa-doubled-word',
  fix: 'Remove the repeated word, unless your language repeats it on purpose.',
  find: ({ source, target }, { locale }) => {
    const intended = intendedRepeats[locale.split('-')[0].toLowerCase()] ?? [];
    if (intended === 'any') return undefined;
    // A doubling the source has too (a name such as "Bora Bora") is meant.
    const inSource = new Set(doubledWordsOf(source, locale));
    const doubled = doubledWordsOf(target, locale).filter(
      (d) => !inSource.has(d) && !intended.includes(d.split(/\s+/u)[0]),
    );
    return doubled.length ? `doubled word: "${[...new Set(doubled)].join('", "')}"` : undefined;
  },
};

/**
 * Bracket and quotation mark kinds; a kind is checked only when the source pairs it (a source
 * "1)" is a list number, not an open bracket). Opening and closing characters of each pair.
 */
const bracketKinds: { name: string; pairs: [string, string][] }[] = [
  {
    name: 'parentheses',
    pairs: [
      ['(', ')'],
      ['（', '）'],
    ],
  },
  {
    name: 'square brackets',
    pairs: [
      ['[', ']'],
      ['【', '】'],
    ],
  },
  { name: 'braces', pairs: [['{', '}']] },
  {
    name: 'quotation marks',
    pairs: [
      ['«', '»'],
      ['「', '」'],
      ['『', '』'],
      ['“', '”'],
    ],
  },
];

const countOf = (text: string, c: string) => text.split(c).length - 1;

/**
 * Whether the double quotation marks of a text pair up: “…” (English), „…“ (German) or „…”
 * (Polish). Each „ closes with a “ or a ”, each other “ with a ”.
 */
function curlyQuotesPaired(text: string): boolean {
  const low = countOf(text, '„');
  const open = countOf(text, '“');
  const close = countOf(text, '”');
  // x of the „ close with “, the others with ”; the remaining “ and ” pair up.
  const x = (low + open - close) / 2;
  return Number.isInteger(x) && x >= 0 && x <= Math.min(low, open) && low - x <= close;
}

/** The pairs of a kind that do not pair up in `text` (as "“ ”"). */
function unpaired(text: string, kind: (typeof bracketKinds)[number]): string[] {
  return kind.pairs
    .filter(([open, close]) =>
      open === '“' ? !curlyQuotesPaired(text) : countOf(text, open) !== countOf(text, close),
    )
    .map(([open, close]) => (open === '“' ? '„ “ ”' : `${open} ${close}`));
}

export const bracketsPaired: QaCheck = {
  ruleId: 'polycourse:qa-brackets',
  fix: 'Close every bracket and quotation mark you open (placeholders are not counted).',
  find: ({ source, target }) => {
    const src = withoutAddresses(source);
    const tgt = withoutAddresses(target);
    const problems = bracketKinds
      .filter((kind) => !unpaired(src, kind).length)
      .flatMap((kind) => unpaired(tgt, kind).map((pair) => `${kind.name} ${pair}`));
    return problems.length ? `unmatched ${problems.join(', ')} in the translation` : undefined;
  },
};

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export const withinMaxLength: QaCheck = {
  ruleId: 'polycourse:qa-max-length',
  fix:
    'Shorten the translation: the note of the unit says why it has a limit (a caption must be ' +
    'read while it shows).',
  find: ({ target, maxLength }) => {
    if (maxLength === undefined) return undefined;
    const length = [...graphemes.segment(visible(target).replace(/\s*\n\s*/g, ' '))].length;
    return length > maxLength
      ? `${length} characters, more than the ${maxLength} this text can have`
      : undefined;
  },
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `term` as a whole word of a text, any case. */
const wholeWord = (term: string) =>
  new RegExp(`(?<!${letterOrDigit})${escapeRegExp(term)}(?!${letterOrDigit})`, 'iu');

/**
 * A translated term in a text, any case and inflected: each word of five letters or more may end
 * differently in its last quarter (at most three letters: capacité → capacités, правоспособность
 * → правоспособности), the words in their order. What the term adds in brackets ("Genesung
 * (Recovery)") is left out. Scripts without spaces match as they are written.
 */
function inflectedTerm(term: string): RegExp {
  const words = term
    .replace(/\s*[(（[][^)）\]]*[)）\]]\s*/gu, ' ')
    .trim()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  const stems = words.map((w) => {
    const letters = [...w];
    const cut = letters.length >= 5 ? Math.min(3, Math.floor(letters.length / 4)) : 0;
    return escapeRegExp(letters.slice(0, letters.length - cut).join(''));
  });
  return new RegExp(stems.join('[\\p{L}\\p{M}]*[^\\p{L}\\p{M}\\p{N}]+'), 'iu');
}

/** Each term's patterns, made once for all the units of an import. */
const patterns = new WeakMap<TermPair, { inSource: RegExp; inTarget: RegExp }>();
function termPatterns(term: TermPair): { inSource: RegExp; inTarget: RegExp } {
  let made = patterns.get(term);
  if (!made) {
    made = {
      inSource: wholeWord(term.source),
      inTarget: inflectedTerm(term.target.normalize('NFC')),
    };
    patterns.set(term, made);
  }
  return made;
}

export const glossaryTermsUsed: QaCheck = {
  ruleId: 'polycourse:qa-glossary-term',
  fix:
    "Use the glossary's translation of the term (polycourse l10n glossary exports it), or " +
    'update the glossary.',
  find: ({ source, target }, { terms }) => {
    const text = visible(target).normalize('NFC');
    const missed = terms.filter((t) => {
      const { inSource, inTarget } = termPatterns(t);
      return inSource.test(visible(source)) && !inTarget.test(text);
    });
    return missed.length
      ? 'glossary term(s) not used: ' +
          missed.map((t) => `"${t.source}" → "${t.target}"`).join(', ')
      : undefined;
  },
};

/** The checks an import runs, in the order their warnings are listed. */
export const qaChecks: QaCheck[] = [
  numbersKept,
  urlsKept,
  emailsKept,
  edgeSpacesKept,
  noDoubledWord,
  bracketsPaired,
  withinMaxLength,
  glossaryTermsUsed,
];

/** Run `checks` on every text: one warning per text and check, on the unit's id and locale. */
export function checkTranslations(
  texts: CheckedText[],
  context: CheckContext,
  checks: QaCheck[] = qaChecks,
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const text of texts) {
    if (!text.target.trim()) continue;
    for (const check of checks) {
      const message = check.find(text, context);
      if (message)
        warnings.push({
          severity: 'warning',
          ruleId: check.ruleId,
          message,
          fix: check.fix,
          path: text.id,
          locale: context.locale,
        });
    }
  }
  return warnings;
}

/**
 * The course glossary's terms that `locale` translates, in the source locale and in `locale`.
 * `given` (unit id → text) holds translations being imported: a term translated in the same file
 * is checked with its new translation.
 */
export function glossaryTerms(
  course: Pick<Course, 'glossary' | 'sourceLocale'>,
  locale: string,
  given: ReadonlyMap<string, string> = new Map(),
): TermPair[] {
  return course.glossary
    .map((g) => ({
      id: g.id,
      source: g.term[course.sourceLocale]?.trim() ?? '',
      target: (given.get(`glossary.${g.id}.term`) ?? g.term[locale] ?? '').trim(),
    }))
    .filter((t) => t.source && t.target);
}

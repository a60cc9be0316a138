/**
 * A pseudo-locale (`en-XA`) to find hard-coded and truncated text: every course text and UI string
 * is accented, made about 35% longer and wrapped in ⟦ ⟧ inside bidi isolates. A page text that is
 * not wrapped did not come through a catalog or the course model.
 */
import { parse, type Token } from '@messageformat/parser';
import type { Course, Localized } from '../model/course.ts';
import { segmentMdx, rebuildMdx, placeholderPattern } from './segment-mdx.ts';

export const pseudoLocale = 'en-XA';

const accents: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'đ',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Đ',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Accent and lengthen a plain text (no wrapping). */
function stretch(text: string): string {
  const accented = text.replace(/[A-Za-z]/g, (c) => accents[c] ?? c);
  const letters = text.replace(/\s/g, '').length;
  return accented + (letters ? ` ${'·'.repeat(Math.max(1, Math.round(letters * 0.35)))}` : '');
}

/** Accent, lengthen and wrap a whole text: ⁧⟦…⟧⁩ (right-to-left isolate: bidi bugs show too). */
export function pseudoText(text: string): string {
  return text.trim() ? `\u2067⟦${stretch(text)}⟧\u2069` : text;
}

/**
 * The same for an ICU message: only literal text changes; arguments, plurals and `#` stay intact.
 */
export function pseudoMessage(message: string): string {
  const serialize = (tokens: Token[], inPlural: boolean): string =>
    tokens
      .map((t) => {
        switch (t.type) {
          case 'content':
            return stretch(t.value).replace(/[{}#']/g, (c) =>
              c === '#' && !inPlural ? c : `'${c}'`,
            );
          case 'octothorpe':
            return '#';
          case 'argument':
            return `{${t.arg}}`;
          case 'function': {
            const param = t.param
              ? `,${t.param.map((p) => (p.type === 'content' ? p.value : '')).join('')}`
              : '';
            return `{${t.arg}, ${t.key}${param}}`;
          }
          default: {
            const offset = 'pluralOffset' in t && t.pluralOffset ? ` offset:${t.pluralOffset}` : '';
            const cases = t.cases
              .map((c) => `${c.key} {${serialize(c.tokens, t.type !== 'select')}}`)
              .join(' ');
            return `{${t.arg}, ${t.type},${offset} ${cases}}`;
          }
        }
      })
      .join('');
  return `\u2067⟦${serialize(parse(message), false)}⟧\u2069`;
}

/** The course with an `en-XA` translation of every text and body, made from the source locale. */
export function withPseudoLocale(course: Course): Course {
  const add = (value: Localized): Localized => ({
    ...value,
    [pseudoLocale]: pseudoText(value[course.sourceLocale] ?? ''),
  });
  const walk = (node: unknown, key?: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n));
    if (!node || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    if (key === 'body') {
      const doc = record[course.sourceLocale] as
        { text: string; file: string; baseDir?: string } | undefined;
      if (!doc) return node;
      let segments: ReturnType<typeof segmentMdx>;
      try {
        segments = segmentMdx(doc.text);
      } catch {
        return node; // the source body's own problem is reported when its page renders
      }
      const text = rebuildMdx(
        doc.text,
        segments,
        segments.map((s) => pseudoSegment(s.text)),
      );
      return { ...record, [pseudoLocale]: { ...doc, text } };
    }
    if (course.sourceLocale in record && typeof record[course.sourceLocale] === 'string')
      return add(record as Localized);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v, k)]));
  };
  const out = walk(course) as Course;
  return {
    ...out,
    locales: [...course.locales, pseudoLocale],
    mediaRoot: course.mediaRoot,
    mediaDir: course.mediaDir,
  };
}

/** Pseudo-translate a body segment, keeping its placeholders where they are. */
export function pseudoSegment(text: string): string {
  const parts = text.split(placeholderPattern);
  // split() with a capture group alternates text and placeholder numbers
  const pseudo = parts.map((p, i) =>
    i % 2 ? `\uE000${p}\uE001` : p.replace(/[A-Za-z]/g, (c) => accents[c] ?? c),
  );
  return `⟦${pseudo.join('')}⟧`;
}

/**
 * A UI string a locale's catalog lacks is shown in the source locale, between two private-use
 * characters. Where it reaches the page it becomes `<span lang="en" dir="ltr">` (at build time in
 * compiler/render/isolate-fallbacks.ts, at run time in runtime/browser/isolate-fallbacks.ts), so a
 * screen reader reads it with the right voice and a right-to-left page isolates it; where markup
 * cannot go (attributes, the title, a dialog) the marks are only removed.
 */
export const fallbackMarks = { open: '\uE002', close: '\uE003' } as const;

const marks = new RegExp(`[${fallbackMarks.open}${fallbackMarks.close}]`, 'g');

export const markFallback = (text: string): string =>
  `${fallbackMarks.open}${text}${fallbackMarks.close}`;

export const hasFallbackMarks = (value: string): boolean =>
  value.includes(fallbackMarks.open) || value.includes(fallbackMarks.close);

export const stripFallbackMarks = (value: string): string => value.replace(marks, '');

/** `before \uE002fallback\uE003 after` → its pieces in order, empty ones left out. */
export function splitFallbacks(value: string): { text: string; fallback: boolean }[] {
  return value
    .split(new RegExp(`${fallbackMarks.open}|${fallbackMarks.close}`))
    .map((text, i) => ({ text, fallback: i % 2 === 1 }))
    .filter((piece) => piece.text);
}

/**
 * Bounds a body before it is parsed: its length, lines and list items, how deep lists, quotes and
 * components nest, how many inline marks one paragraph holds and how many braces the body has. One
 * linear pass over the text; each limit crossed is a fatal vfile message where it is crossed.
 * micromark is slow (quadratic, or worse) or overflows its stack on exactly these shapes, so a body
 * over a limit is never parsed. The limits, and what each one costs at its maximum, are in
 * docs/authoring.md#limits.
 */
import type { VFile } from 'vfile';
import { reportProblem } from './report-problem.ts';

export interface Options {
  /** @property {number} [maxLength=40000] characters (UTF-16 code units) in one body */
  maxLength?: number;
  /** @property {number} [maxLines=2000] lines in one body */
  maxLines?: number;
  /** @property {number} [maxListItems=1000] list items in one body */
  maxListItems?: number;
  /**
   * @property {number} [maxDepth=32] levels of lists, block quotes and footnotes, and of components
   */
  maxDepth?: number;
  /** @property {number} [maxMarks=1000] inline marks (`* _ ~ [ ] \``) in one paragraph */
  maxMarks?: number;
  /** @property {number} [maxBraces=256] braces `{` (not escaped) in one body */
  maxBraces?: number;
}

/**
 * The limits every body is held to. The demo course's longest body has 2,035 characters and 35
 * lines, 9 list items, lists nested 1 level and 4 marks in a paragraph; at these limits the slowest
 * body we could write checks in about 2 s on a busy 2-core machine, where bodies past them took
 * from 4 s to minutes (docs/authoring.md#limits). 40,000 characters is also Payload's limit for a
 * CMS text field.
 */
export const bodyLimits: Required<Options> = {
  maxLength: 40_000,
  maxLines: 2000,
  maxListItems: 1000,
  maxDepth: 32,
  maxMarks: 1000,
  maxBraces: 256,
};

/**
 * How far a tag is searched for its closing `>` (to tell `<A>` from `<A />`); a longer tag counts
 * as open.
 */
const tagWindow = 1024;

const docsLink = 'docs/authoring.md#limits';

type Limit = 'length' | 'lines' | 'items' | 'containers' | 'components' | 'marks' | 'braces';
type Place = { line: number; column: number };
type Report = (limit: Limit, place: Place) => void;
interface Counts {
  items: number;
  components: number;
  braces: number;
  /** marks of the current paragraph */
  marks: number;
}

const count = (n: number) => n.toLocaleString('en');
const splitIt = 'Split it into several lessons or information sheets.';

/** What crossing each limit says: the message, its rule and the fix. */
const messages: Record<Limit, (l: Required<Options>, length: number) => [string, string, string]> =
  {
    length: (l, length) => [
      `This body has ${count(length)} characters; ` +
        `a body may have at most ${count(l.maxLength)}, which ends here`,
      'mdx-too-large',
      splitIt,
    ],
    lines: (l) => [
      `This body has more than ${count(l.maxLines)} lines; ` +
        `a body may have at most ${count(l.maxLines)}`,
      'mdx-too-large',
      splitIt,
    ],
    items: (l) => [
      `This body has more than ${count(l.maxListItems)} list items; ` +
        `a body may have at most ${count(l.maxListItems)}`,
      'mdx-too-large',
      'Split it into several lessons or information sheets, ' +
        'or turn long lists into paragraphs or a table.',
    ],
    containers: (l) => [
      `Lists, block quotes and footnotes are nested more than ${l.maxDepth} levels deep here`,
      'mdx-too-deep',
      `Flatten the list or quote to at most ${l.maxDepth} levels.`,
    ],
    components: (l) => [
      `Components are nested more than ${l.maxDepth} levels deep here`,
      'mdx-too-deep',
      `Nest components at most ${l.maxDepth} levels deep; write a literal "<" as \\<.`,
    ],
    marks: (l) => [
      `This paragraph has more than ${count(l.maxMarks)} inline marks (* _ ~ [ ] \`); ` +
        `a paragraph may have at most ${count(l.maxMarks)}`,
      'mdx-too-dense',
      'Split the paragraph with a blank line, or escape marks meant as text (\\*, \\_, \\[).',
    ],
    braces: (l) => [
      `This body has more than ${l.maxBraces} braces ({) that are not escaped; ` +
        `a body may have at most ${l.maxBraces}`,
      'mdx-too-dense',
      'Course content has no expressions: escape a literal brace as \\{.',
    ],
  };

/**
 * Add a fatal message to `file` for each limit its text crosses; true when it is within all of
 * them.
 */
export function checkBodyBounds(file: VFile, options: Options = {}): boolean {
  const limits = { ...bodyLimits, ...options };
  const text = String(file.value);
  const crossed = new Set<Limit>();
  const report: Report = (limit, place) => {
    if (crossed.has(limit)) return; // once per limit: a long run past a limit stays one message
    crossed.add(limit);
    const [reason, rule, fix] = messages[limit](limits, text.length);
    const m = reportProblem(file, place, { rule, reason, fix: `${fix} (Limits: ${docsLink}.)` });
    m.url = docsLink;
  };

  if (text.length > limits.maxLength) {
    report('length', placeOf(text, limits.maxLength));
    return false; // a body this long is not scanned further: one message says what to do
  }
  const counts: Counts = { items: 0, components: 0, braces: 0, marks: 0 };
  let line = 0;
  for (let start = 0; start <= text.length;) {
    line++;
    const end = endOfLine(text, start);
    const lineNumber = line;
    const at = (offset: number) => ({ line: lineNumber, column: offset - start + 1 });
    if (line > limits.maxLines) {
      report('lines', at(start));
      break;
    }
    checkLineStart(lineShape(text, start, end, limits.maxDepth), counts, limits, report, at);
    checkLineText(text, start, end, counts, limits, report, at);
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  return crossed.size === 0;
}

/**
 * The containers and list items a line starts with; a new paragraph starts counting its marks
 * again.
 */
function checkLineStart(
  shape: LineShape,
  counts: Counts,
  limits: Required<Options>,
  report: Report,
  at: (offset: number) => Place,
): void {
  if (shape.startsBlock) counts.marks = 0;
  if (shape.tooDeepAt >= 0) report('containers', at(shape.tooDeepAt));
  for (const item of shape.items)
    if (++counts.items > limits.maxListItems) report('items', at(item));
}

/** The marks, braces and tags of a line. */
function checkLineText(
  text: string,
  start: number,
  end: number,
  counts: Counts,
  limits: Required<Options>,
  report: Report,
  at: (offset: number) => Place,
): void {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      if (isPunctuation(text.charCodeAt(i + 1))) i++; // an escaped mark is text, not a mark
    } else if (c === 0x2a || c === 0x5f || c === 0x7e || c === 0x5b || c === 0x5d || c === 0x60) {
      // * _ ~ [ ] `
      if (++counts.marks > limits.maxMarks) report('marks', at(i));
    } else if (c === 0x7b /* { */) {
      if (++counts.braces > limits.maxBraces) report('braces', at(i));
    } else if (c === 0x3c /* < */) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f /* / */) counts.components = Math.max(0, counts.components - 1);
      else if (
        (isNameStart(next) || next === 0x3e) /* > */ &&
        !isSelfClosing(text, i) &&
        ++counts.components > limits.maxDepth
      ) {
        report('components', at(i));
      }
    }
  }
}

interface LineShape {
  /** offset of the container marker that goes past `maxDepth`, or -1 */
  tooDeepAt: number;
  /** offsets of the list item markers the line starts with */
  items: number[];
  /** the line surely ends the paragraph before it */
  startsBlock: boolean;
}

/**
 * What the start of a line says. How deep the containers it opens or continues can nest at most:
 * each `>`, list marker or footnote label is a level, and every two columns of indentation may
 * continue one list item (lines without a marker open nothing). Its list items. And whether it
 * surely ends the paragraph before it: a blank line, or a bullet item or heading indented less than
 * a code block. micromark matches the marks of each paragraph on its own; a line that might still
 * continue a paragraph (an ordered item, a deeper indent) keeps counting, so a paragraph is never
 * undercounted.
 */
function lineShape(text: string, start: number, end: number, maxDepth: number): LineShape {
  const shape: LineShape = { tooDeepAt: -1, items: [], startsBlock: false };
  let i = start;
  let column = 0;
  let indent = 0;
  // columns of whitespace since the last marker, without the one space that belongs to it
  let run = 0;
  let markers = 0;
  let quotesOnly = true;
  let afterMarker = false;
  let shallow = true; // no whitespace run so far could make the rest an indented continuation
  for (;;) {
    const c = text.charCodeAt(i);
    if (i < end && (c === 0x20 || c === 0x09)) {
      const width = c === 0x09 ? 4 - (column % 4) : 1;
      if (afterMarker && width === 1) afterMarker = false;
      else {
        indent += width;
        run += width;
        if (run > 3) shallow = false;
      }
      column += width;
      i++;
      continue;
    }
    afterMarker = false;
    if (i >= end) break;
    let markerEnd = -1;
    if (c === 0x3e /* > */) markerEnd = i + 1;
    else if ((c === 0x2d || c === 0x2b || c === 0x2a) && endsMarker(text, i + 1, end)) {
      // - + *
      if (shallow && quotesOnly && hasContentAfter(text, i + 1, end)) shape.startsBlock = true;
      markerEnd = i + 1;
      shape.items.push(i);
    } else if (c >= 0x30 && c <= 0x39) {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      const delimiter = text.charCodeAt(j);
      if ((delimiter === 0x2e || delimiter === 0x29) && endsMarker(text, j + 1, end)) {
        // . )
        markerEnd = j + 1;
        shape.items.push(i);
      }
    } else if (c === 0x5b /* [ */ && text.charCodeAt(i + 1) === 0x5e /* ^ */) {
      markerEnd = footnoteLabelEnd(text, i + 2, end);
    }
    if (markerEnd < 0) break;
    if (c !== 0x3e) {
      quotesOnly = false;
      shallow = false; // what follows a list item or footnote label is inside it
    }
    markers++;
    if (shape.tooDeepAt < 0 && markers + Math.floor(indent / 2) > maxDepth) shape.tooDeepAt = i;
    afterMarker = true;
    run = 0;
    column += markerEnd - i;
    i = markerEnd;
  }
  // Blank, or only quote markers: the paragraph ends (an empty `*` or `1.` line may continue it).
  if (i >= end && quotesOnly) shape.startsBlock = true;
  else if (
    shallow &&
    quotesOnly &&
    text.charCodeAt(i) === 0x23 /* # */ &&
    /^#{1,6}([ \t]|$)/.test(text.slice(i, Math.min(end, i + 7)))
  )
    shape.startsBlock = true;
  return shape;
}

/**
 * Offset of the line ending (`\n`, `\r\n` or `\r`, as micromark reads them) at or after `from`, or
 * the text's end.
 */
function endOfLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
  }
  return text.length;
}

/** A list marker ends at a space, a tab or the end of the line. */
function endsMarker(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  return at >= end || c === 0x20 || c === 0x09;
}

/**
 * End of `[^label]:` (micromark allows 999 characters in a label), from just after `[^`; -1 when it
 * is none.
 */
function footnoteLabelEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end && i - from <= 999; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x5b /* [ */) return -1;
    else if (c === 0x5d /* ] */)
      return i > from && text.charCodeAt(i + 1) === 0x3a /* : */ ? i + 2 : -1;
  }
  return -1;
}

/**
 * Whether anything but spaces and tabs follows `from` on the line (a bullet without text cannot end
 * a paragraph).
 */
function hasContentAfter(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return true;
  }
  return false;
}

/** Whether the tag opening at `at` ends with `/>`, looking at most `tagWindow` characters ahead. */
function isSelfClosing(text: string, at: number): boolean {
  let quote = 0;
  let braces = 0;
  const stop = Math.min(text.length, at + tagWindow);
  for (let i = at + 1; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x7b) braces++;
    else if (c === 0x7d) braces = Math.max(0, braces - 1);
    else if (braces) continue;
    else if (c === 0x3c)
      return false; // another tag starts: this one was never closed
    else if (c === 0x3e) return text.charCodeAt(i - 1) === 0x2f;
  }
  return false;
}

const isNameStart = (c: number) =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x24 || c === 0x5f;
const isPunctuation = (c: number) =>
  (c >= 0x21 && c <= 0x2f) ||
  (c >= 0x3a && c <= 0x40) ||
  (c >= 0x5b && c <= 0x60) ||
  (c >= 0x7b && c <= 0x7e);

/** 1-based line and column of offset `at`, with the line endings micromark knows. */
function placeOf(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/**
 * A WebVTT caption file as translatable segments: one per cue, its text with the cue's tags
 * (`<i>`, `<v Speaker>`, `<c.loud>`, timestamps) as placeholders and its character references
 * decoded; timings, settings, identifiers, NOTE/STYLE/REGION blocks are not for translators and
 * stay as the source has them. `rebuildVtt` writes the translations into the source's file and
 * webvtt-parser (W3C's validator) checks the result.
 *
 * The cue splitting is by hand: webvtt-parser reads cues but does not say where their text lies in
 * the file, and its serializer drops NOTE blocks and rewrites timestamps.
 */
import webvtt from 'webvtt-parser';
import { placeholder, placeholderPattern, type Segment } from './segment-mdx.ts';

export interface CueSegment extends Segment {
  /** the cue's timing line, e.g. `00:00:01.000 --> 00:00:03.500 align:start` */
  timing: string;
  /** seconds the cue is shown */
  seconds: number;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' };

/** Seconds of a WebVTT timestamp (`mm:ss.ttt` or `hh:mm:ss.ttt`). */
function seconds(stamp: string): number {
  return stamp.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

export function segmentVtt(text: string): CueSegment[] {
  const segments: CueSegment[] = [];
  // Lines with their offsets; blocks are separated by blank lines.
  const lines: { start: number; end: number; text: string }[] = [];
  const pattern = /[^\r\n]*(\r\n|\r|\n|$)/g;
  for (let m = pattern.exec(text); m && m[0]; m = pattern.exec(text)) {
    const body = m[0].replace(/[\r\n]+$/, '');
    lines.push({ start: m.index, end: m.index + body.length, text: body });
    if (pattern.lastIndex >= text.length) break;
  }
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && !lines[i].text.trim()) i++;
    const block: typeof lines = [];
    while (i < lines.length && lines[i].text.trim()) block.push(lines[i++]);
    const timingAt = block.findIndex((l) => l.text.includes('-->'));
    // The header, NOTE, STYLE and REGION blocks have no timing line; a cue's id may precede it.
    if (timingAt < 0 || timingAt > 1 || /^(WEBVTT|NOTE|STYLE|REGION)\b/.test(block[0].text))
      continue;
    const payload = block.slice(timingAt + 1);
    if (!payload.length) continue;
    const timing = block[timingAt].text;
    const [from, to] = timing.split('-->').map((s) => s.trim().split(/\s+/)[0]);
    const codes: Record<number, string> = {};
    let n = 0;
    const raw = text.slice(payload[0].start, payload[payload.length - 1].end);
    const segmentText = raw
      .replace(/<[^>]*>/g, (tag) => ((codes[++n] = tag), placeholder(n)))
      .replace(/&(amp|lt|gt|nbsp);/g, (_, name: string) => entities[name]);
    segments.push({
      start: payload[0].start,
      end: payload[payload.length - 1].end,
      text: segmentText,
      codes,
      timing,
      seconds: Math.max(0, seconds(to) - seconds(from)),
    });
  }
  return segments;
}

/**
 * The source file with each cue's text replaced by its translation (tags restored, `&`, `<`, `>`
 * escaped, blank lines — which would end the cue — removed), and what webvtt-parser finds wrong
 * with the result.
 */
export function rebuildVtt(
  source: string,
  segments: Segment[],
  translations: string[],
): { text: string; errors: { line: number; column: number; message: string }[] } {
  let out = '';
  let cursor = 0;
  segments.forEach((segment, i) => {
    out += source.slice(cursor, segment.start);
    let last = 0;
    const escape = (s: string) =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    let cue = '';
    for (const m of translations[i].matchAll(placeholderPattern)) {
      cue += escape(translations[i].slice(last, m.index)) + (segment.codes[Number(m[1])] ?? '');
      last = m.index! + m[0].length;
    }
    cue += escape(translations[i].slice(last));
    out += cue
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n');
    cursor = segment.end;
  });
  out += source.slice(cursor);
  const parsed = new webvtt.WebVTTParser().parse(out, 'metadata');
  return {
    text: out,
    errors: parsed.errors.map((e) => ({
      line: e.line,
      column: e.col,
      message: e.message,
    })),
  };
}

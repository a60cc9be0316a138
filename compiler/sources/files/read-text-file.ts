/**
 * Read a course text file as UTF-8. Bytes that are not UTF-8 still become U+FFFD (the file stays
 * usable), but never silently: a `polycourse:encoding` warning points at the first bad byte
 * (file:line:col).
 */
import fs from 'node:fs';
import type { Diagnostic } from '../../model/diagnostic.ts';

// ignoreBOM keeps a leading BOM in the text, as `fs.readFileSync(file, 'utf8')` does, so positions
// and the checks that allow a BOM (WebVTT's "\uFEFF?WEBVTT") see what they saw before.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of `file` (decoded as UTF-8) and, when it is not valid UTF-8, one warning named by
 * `display`.
 */
export function readTextFile(
  file: string,
  display: string,
): { text: string; diagnostics: Diagnostic[] } {
  const bytes = fs.readFileSync(file);
  try {
    return { text: strict.decode(bytes), diagnostics: [] };
  } catch {
    const bad = firstInvalidByte(bytes);
    const before = lenient.decode(bytes.subarray(0, bad));
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.length - before.replaceAll('\n', '').length + 1;
    const byte = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    return {
      text: lenient.decode(bytes),
      diagnostics: [
        {
          severity: 'warning',
          ruleId: 'polycourse:encoding',
          file: display,
          line,
          column: before.length - lineStart + 1,
          message:
            `The file is not valid UTF-8: byte 0x${byte} ` +
            `here (and any later bad bytes) shows as "\uFFFD"`,
          fix:
            'Save the file as UTF-8 (in most editors: "Save with ' +
            'encoding" → UTF-8), then check the text at this position.',
        },
      ],
    };
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (the decoder's rules), or -1. */
export function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte → number of continuation bytes, and the range allowed for the first one (no
    // overlong forms, no surrogates, nothing above U+10FFFF).
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

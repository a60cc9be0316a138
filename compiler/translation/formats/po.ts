/**
 * gettext PO (through gettext-parser): msgctxt is the unit id, placeholders are written {1}, {2};
 * stale units are `#, fuzzy` with the previous source as `#| msgid` so a reviewer sees what
 * changed.
 */
import gettextParser, { type PoData, type PoEntry } from 'gettext-parser';
import type { ExchangeFormat, ImportedUnit } from './exchange.ts';
import { placeholder, placeholderPattern } from '../segment-mdx.ts';
import { localeInfo } from '../../model/locales.ts';
import { describeMatch } from '../translation-memory.ts';

const toPo = (text: string) => text.replace(placeholderPattern, (_, n: string) => `{${n}}`);
const fromPo = (text: string) =>
  text.replace(/\{(\d+)\}/g, (_, n: string) => placeholder(Number(n)));

/** gettext's date form: `2026-12-02 05:20+0000`. */
const poDate = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')}+0000`;

export const po: ExchangeFormat = {
  name: 'po',
  extension: 'po',
  write(meta, units) {
    const entries: Record<string, Record<string, PoEntry>> = {
      '': { '': { msgid: '', msgstr: [''] } },
    };
    for (const unit of units) {
      const comments: PoEntry['comments'] = {
        extracted: `${unit.note}${
          Object.keys(unit.codes).length
            ? ` Placeholders: ${Object.entries(unit.codes)
                .map(([n, c]) => `{${n}} = ${c}`)
                .join(', ')}`
            : ''
        }`,
      };
      // The page in the locale, as a reference tools can open (Weblate shows a URL as a link).
      if (unit.context?.url) comments.reference = unit.context.url;
      // Translation memory matches: one `#.` line each.
      for (const match of unit.memory?.offered ?? [])
        comments.extracted += `\n${describeMatch(match)}`;
      // A machine translation draft is fuzzy too: it needs review (PO has no other mark for it).
      if (unit.state === 'machine') comments.flag = 'fuzzy';
      if (unit.state === 'stale') {
        comments.flag = 'fuzzy';
        if (unit.previousSource)
          comments.previous = `msgid ${JSON.stringify(toPo(unit.previousSource))}`;
      }
      entries[unit.id] = {
        [toPo(unit.source)]: {
          msgctxt: unit.id,
          msgid: toPo(unit.source),
          msgstr: [unit.target !== undefined ? toPo(unit.target) : ''],
          comments,
        },
      };
    }
    const now = poDate(new Date());
    const data: PoData = {
      charset: 'utf-8',
      headers: {
        'Project-Id-Version': meta.courseId,
        'POT-Creation-Date': now,
        'PO-Revision-Date': now,
        'Last-Translator': '',
        'Language-Team': `${localeInfo(meta.targetLocale).label} (${meta.targetLocale})`,
        'Content-Type': 'text/plain; charset=UTF-8',
        'Content-Transfer-Encoding': '8bit',
        'MIME-Version': '1.0',
        Language: meta.targetLocale,
        'X-Polycourse-Course': meta.courseId,
        'X-Polycourse-Source-Language': meta.sourceLocale,
      },
      translations: entries,
    };
    return gettextParser.po.compile(data, { foldLength: 0 }).toString('utf8');
  },
  read(text) {
    let data: PoData;
    try {
      data = gettextParser.po.parse(text);
    } catch (error) {
      return { ok: false, reason: `not a readable PO file: ${(error as Error).message}` };
    }
    const units: ImportedUnit[] = [];
    for (const [context, entries] of Object.entries(data.translations)) {
      if (!context) continue;
      for (const entry of Object.values(entries)) {
        const value = entry.msgstr?.[0];
        const fuzzy = entry.comments?.flag?.includes('fuzzy');
        // A fuzzy entry is a draft: taken in, and left for review (as XLIFF's needs-review).
        units.push({
          id: context,
          source: fromPo(entry.msgid),
          target: value ? fromPo(value) : undefined,
          state: value ? (fuzzy ? 'stale' : undefined) : undefined,
        });
      }
    }
    return {
      ok: true,
      meta: {
        courseId: data.headers['X-Polycourse-Course'] ?? '',
        sourceLocale: data.headers['X-Polycourse-Source-Language'] ?? '',
        targetLocale: data.headers.Language ?? '',
      },
      units,
    };
  },
};

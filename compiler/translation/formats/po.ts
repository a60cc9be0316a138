/**
 * gettext PO (through gettext-parser): msgctxt is the unit id, placeholders are written {1}, {2};
 * stale units are `#, fuzzy` with the previous source as `#| msgid` so a reviewer sees what
 * changed.
 */
import gettextParser, { type PoData, type PoEntry } from 'gettext-parser';
import type { ExchangeFormat } from './exchange.ts';
import { placeholder, placeholderPattern } from '../segment-mdx.ts';

const toPo = (text: string) => text.replace(placeholderPattern, (_, n: string) => `{${n}}`);
const fromPo = (text: string) =>
  text.replace(/\{(\d+)\}/g, (_, n: string) => placeholder(Number(n)));

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
      if (unit.state === 'stale') {
        comments.flag = 'fuzzy';
        if (unit.previousSource) comments.previous = `msgid ${JSON.stringify(unit.previousSource)}`;
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
    const data: PoData = {
      charset: 'utf-8',
      headers: {
        'Content-Type': 'text/plain; charset=UTF-8',
        'Content-Transfer-Encoding': '8bit',
        'MIME-Version': '1.0',
        Language: meta.targetLocale,
        'X-Polycourse-Course': meta.courseId,
        'X-Polycourse-Source-Language': meta.sourceLocale,
        'Project-Id-Version': meta.courseId,
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
    const units = [];
    for (const [context, entries] of Object.entries(data.translations)) {
      if (!context) continue;
      for (const entry of Object.values(entries)) {
        const value = entry.msgstr?.[0];
        const fuzzy = entry.comments?.flag?.includes('fuzzy');
        units.push({ id: context, target: value && !fuzzy ? fromPo(value) : undefined });
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

/** XLIFF 1.2 (what most CAT tools and Weblate read): <ph> carries the markup, state per target. */
import { DOMImplementation, XMLSerializer, type Element } from '@xmldom/xmldom';
import type { ExchangeFormat } from './exchange.ts';
import { appendSegment, parseXml, readSegment } from './xml-segments.ts';

const ns = 'urn:oasis:names:tc:xliff:document:1.2';
const states = {
  missing: 'needs-translation',
  stale: 'needs-review-translation',
  translated: 'translated',
  approved: 'signed-off',
} as const;

export const xliff12: ExchangeFormat = {
  name: 'xliff12',
  extension: 'xlf',
  write(meta, units) {
    const doc = new DOMImplementation().createDocument(ns, 'xliff', null);
    const root = doc.documentElement!;
    root.setAttribute('version', '1.2');
    const file = doc.createElementNS(ns, 'file');
    file.setAttribute('original', meta.courseId);
    file.setAttribute('source-language', meta.sourceLocale);
    file.setAttribute('target-language', meta.targetLocale);
    file.setAttribute('datatype', 'plaintext');
    const body = doc.createElementNS(ns, 'body');
    for (const unit of units) {
      const tu = doc.createElementNS(ns, 'trans-unit');
      tu.setAttribute('id', unit.id);
      tu.setAttribute('xml:space', 'preserve');
      const ph = (codes: Record<number, string>) => (n: number) => {
        const el = doc.createElementNS(ns, 'ph');
        el.setAttribute('id', String(n));
        el.appendChild(doc.createTextNode(codes[n] ?? ''));
        return el;
      };
      const source = doc.createElementNS(ns, 'source');
      appendSegment(doc, source, unit.source, ph(unit.codes));
      tu.appendChild(source);
      const target = doc.createElementNS(ns, 'target');
      target.setAttribute('state', states[unit.state]);
      if (unit.target !== undefined) appendSegment(doc, target, unit.target, ph(unit.codes));
      tu.appendChild(target);
      const note = doc.createElementNS(ns, 'note');
      note.appendChild(
        doc.createTextNode(
          unit.previousSource
            ? `${unit.note} The source changed; it was: ${unit.previousSource}`
            : unit.note,
        ),
      );
      tu.appendChild(note);
      body.appendChild(tu);
    }
    file.appendChild(body);
    root.appendChild(file);
    const xml = new XMLSerializer().serializeToString(doc);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
  },
  read(text) {
    const parsed = parseXml(text);
    if ('reason' in parsed) return { ok: false, reason: parsed.reason };
    const doc = parsed.doc;
    const file = doc.getElementsByTagName('file')[0];
    if (doc.documentElement?.getAttribute('version') !== '1.2' || !file)
      return { ok: false, reason: 'not an XLIFF 1.2 file (<xliff version="1.2"><file …>)' };
    const units = [];
    for (const tu of Array.from(doc.getElementsByTagName('trans-unit')) as Element[]) {
      const id = tu.getAttribute('id') ?? '';
      const target = tu.getElementsByTagName('target')[0];
      if (!target || !target.firstChild) {
        units.push({ id });
        continue;
      }
      const read = readSegment(target, (ph) =>
        /^\d+$/.test(ph.getAttribute('id') ?? '') ? Number(ph.getAttribute('id')) : undefined,
      );
      if ('error' in read) return { ok: false, reason: `unit ${id}: ${read.error}` };
      units.push({ id, target: read.text });
    }
    return {
      ok: true,
      meta: {
        courseId: file.getAttribute('original') ?? '',
        sourceLocale: file.getAttribute('source-language') ?? '',
        targetLocale: file.getAttribute('target-language') ?? '',
      },
      units,
    };
  },
};

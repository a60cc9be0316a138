/** XLIFF 2.0: segment `state` (initial, translated, reviewed, final), markup in <originalData>. */
import { DOMImplementation, XMLSerializer, type Element } from '@xmldom/xmldom';
import type { ExchangeFormat, ImportedState, ImportedUnit } from './exchange.ts';
import { appendSegment, parseXml, readSegment } from './xml-segments.ts';
import { appendContextNotes20, declareSizeProfile20, restrictSize20 } from './context-markup.ts';
import { describeMatch } from '../translation-memory.ts';

const ns = 'urn:oasis:names:tc:xliff:document:2.0';
const states = {
  missing: 'initial',
  stale: 'initial',
  machine: 'initial',
  translated: 'translated',
  approved: 'final',
} as const;

/**
 * A segment's `state` as ours: `initial` with a target is a draft to review (so is our own
 * stale marker), `translated` a translation, `reviewed` and `final` approved.
 */
function stateOf(segment: Element | undefined): ImportedState | undefined {
  const state = segment?.getAttribute('state');
  if (segment?.getAttribute('subState') === 'polycourse:stale') return 'stale';
  if (segment?.getAttribute('subState') === 'polycourse:machine' && state === 'initial')
    return 'machine';
  if (!state) return undefined;
  return state === 'translated' ? 'translated' : state === 'initial' ? 'stale' : 'approved';
}

export const xliff20: ExchangeFormat = {
  name: 'xliff20',
  extension: 'xlf',
  write(meta, units) {
    const doc = new DOMImplementation().createDocument(ns, 'xliff', null);
    const root = doc.documentElement!;
    root.setAttribute('version', '2.0');
    root.setAttribute('srcLang', meta.sourceLocale);
    root.setAttribute('trgLang', meta.targetLocale);
    const file = doc.createElementNS(ns, 'file');
    file.setAttribute('id', meta.courseId);
    declareSizeProfile20(doc, file, units);
    for (const unit of units) {
      const u = doc.createElementNS(ns, 'unit');
      u.setAttribute('id', unit.id);
      restrictSize20(u, unit);
      const notes = doc.createElementNS(ns, 'notes');
      const note = doc.createElementNS(ns, 'note');
      note.appendChild(doc.createTextNode(unit.note));
      notes.appendChild(note);
      appendContextNotes20(doc, ns, notes, unit);
      if (unit.previousSource) {
        const previous = doc.createElementNS(ns, 'note');
        previous.setAttribute('category', 'previous-source');
        previous.appendChild(doc.createTextNode(unit.previousSource));
        notes.appendChild(previous);
      }
      for (const match of unit.memory?.offered ?? []) {
        const offered = doc.createElementNS(ns, 'note');
        offered.setAttribute('category', 'translation-memory');
        offered.appendChild(doc.createTextNode(describeMatch(match)));
        notes.appendChild(offered);
      }
      u.appendChild(notes);
      const numbers = Object.keys(unit.codes);
      if (numbers.length) {
        const data = doc.createElementNS(ns, 'originalData');
        for (const n of numbers) {
          const d = doc.createElementNS(ns, 'data');
          d.setAttribute('id', `d${n}`);
          d.appendChild(doc.createTextNode(unit.codes[Number(n)]));
          data.appendChild(d);
        }
        u.appendChild(data);
      }
      const segment = doc.createElementNS(ns, 'segment');
      segment.setAttribute('state', states[unit.state]);
      if (unit.state === 'stale')
        segment.setAttribute(
          'subState',
          // A draft the translation memory pre-filled is read back as any draft: to review.
          unit.memory?.prefilled ? 'polycourse:tm:exact-match' : 'polycourse:stale',
        );
      if (unit.state === 'machine') segment.setAttribute('subState', 'polycourse:machine');
      const ph = (n: number) => {
        const el = doc.createElementNS(ns, 'ph');
        el.setAttribute('id', String(n));
        el.setAttribute('dataRef', `d${n}`);
        return el;
      };
      const source = doc.createElementNS(ns, 'source');
      appendSegment(doc, source, unit.source, ph);
      segment.appendChild(source);
      if (unit.target !== undefined) {
        const target = doc.createElementNS(ns, 'target');
        appendSegment(doc, target, unit.target, ph);
        segment.appendChild(target);
      }
      u.appendChild(segment);
      file.appendChild(u);
    }
    root.appendChild(file);
    const xml = new XMLSerializer().serializeToString(doc);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
  },
  read(text) {
    const parsed = parseXml(text);
    if ('reason' in parsed) return { ok: false, reason: parsed.reason };
    const doc = parsed.doc;
    const root = doc.documentElement!;
    const file = doc.getElementsByTagName('file')[0];
    if (root.getAttribute('version') !== '2.0' || !file)
      return { ok: false, reason: 'not an XLIFF 2.0 file (<xliff version="2.0"><file …>)' };
    const units: ImportedUnit[] = [];
    for (const u of Array.from(doc.getElementsByTagName('unit')) as Element[]) {
      const id = u.getAttribute('id') ?? '';
      const segment = u.getElementsByTagName('segment')[0];
      const target = u.getElementsByTagName('target')[0];
      const phNumber = (ph: Element) => {
        const ref = ph.getAttribute('dataRef') ?? `d${ph.getAttribute('id')}`;
        return /^d\d+$/.test(ref) ? Number(ref.slice(1)) : undefined;
      };
      const sourceElement = u.getElementsByTagName('source')[0];
      const sourceRead = sourceElement ? readSegment(sourceElement, phNumber) : undefined;
      const source = sourceRead && 'text' in sourceRead ? sourceRead.text : undefined;
      if (!target || !target.firstChild) {
        units.push({ id, source });
        continue;
      }
      const read = readSegment(target, phNumber);
      if ('error' in read) return { ok: false, reason: `unit ${id}: ${read.error}` };
      units.push({ id, source, target: read.text, state: stateOf(segment) });
    }
    return {
      ok: true,
      meta: {
        courseId: file.getAttribute('id') ?? '',
        sourceLocale: root.getAttribute('srcLang') ?? '',
        targetLocale: root.getAttribute('trgLang') ?? '',
      },
      units,
    };
  },
};

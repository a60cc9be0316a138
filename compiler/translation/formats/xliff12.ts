/**
 * XLIFF 1.2 (what most CAT tools and Weblate read): <ph> carries the markup, `state` per target
 * and `approved` per unit. XLIFF 1.1 (translate-toolkit's po2xliff) is read too: for what we use,
 * it is 1.2 under another namespace.
 */
import { DOMImplementation, XMLSerializer, type Element } from '@xmldom/xmldom';
import type { ExchangeFormat, ExchangeMeta, ImportedState, ImportedUnit } from './exchange.ts';
import { appendSegment, parseXml, readSegment } from './xml-segments.ts';
import { appendContextGroup12 } from './context-markup.ts';
import { originLabel } from '../translation-memory.ts';

const ns = 'urn:oasis:names:tc:xliff:document:1.2';
const states = {
  missing: 'needs-translation',
  stale: 'needs-review-translation',
  machine: 'needs-review-translation',
  translated: 'translated',
  approved: 'signed-off',
} as const;

/**
 * A target's `state` (XLIFF 1.2 §state) as ours. A target the tool still calls new or in need of
 * translation is taken in but left for review, so no text typed is lost and none passes unseen.
 */
const importedStates: Record<string, ImportedState> = {
  new: 'stale',
  'needs-translation': 'stale',
  'needs-adaptation': 'stale',
  'needs-l10n': 'stale',
  'needs-review-translation': 'stale',
  'needs-review-adaptation': 'stale',
  'needs-review-l10n': 'stale',
  translated: 'translated',
  'signed-off': 'approved',
  final: 'approved',
};

/**
 * The state of a unit's target: its `state` when it has one; otherwise `approved="no"` is a
 * draft (translate-toolkit writes fuzzy PO entries so) and anything else a translation.
 */
function stateOf(tu: Element, target: Element): ImportedState | undefined {
  const state = target.getAttribute('state');
  // A machine translation draft that still needs review stays one (its state tells).
  const mt = target.getAttribute('state-qualifier') === 'mt-suggestion';
  if (state)
    return mt && importedStates[state] === 'stale' ? 'machine' : (importedStates[state] ?? 'stale');
  return tu.getAttribute('approved') === 'no' ? 'stale' : undefined;
}

/**
 * translate-toolkit's po2xliff keeps a PO file's header as a unit (restype
 * x-gettext-domain-header) and names the file after the PO file: the course and the languages are
 * read from that header.
 */
function metaFromPoHeader(header: Element | undefined): Partial<ExchangeMeta> {
  const text = header?.getElementsByTagName('source')[0]?.textContent ?? '';
  const field = (name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(text)?.[1]?.trim() || undefined;
  return {
    courseId: field('X-Polycourse-Course'),
    sourceLocale: field('X-Polycourse-Source-Language'),
    targetLocale: field('Language'),
  };
}

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
      // translate-toolkit (and tools built on it) read a target without approved="yes" as fuzzy:
      // translated and approved units say yes, their state tells them apart.
      if (unit.state === 'translated' || unit.state === 'approved')
        tu.setAttribute('approved', 'yes');
      if (unit.maxLength) {
        tu.setAttribute('maxwidth', String(unit.maxLength));
        tu.setAttribute('size-unit', 'char');
      }
      const target = doc.createElementNS(ns, 'target');
      target.setAttribute('state', states[unit.state]);
      // A draft the translation memory pre-filled: needs review, and says where it came from.
      if (unit.memory?.prefilled) target.setAttribute('state-qualifier', 'exact-match');
      if (unit.state === 'machine') target.setAttribute('state-qualifier', 'mt-suggestion');
      if (unit.target !== undefined) appendSegment(doc, target, unit.target, ph(unit.codes));
      tu.appendChild(target);
      if (unit.previousSource !== undefined && unit.target !== undefined) {
        // The source this translation was made from, as XLIFF 1.2 says it: a previous version.
        const alt = doc.createElementNS(ns, 'alt-trans');
        alt.setAttribute('alttranstype', 'previous-version');
        const was = doc.createElementNS(ns, 'source');
        appendSegment(doc, was, unit.previousSource, ph(unit.codes));
        alt.appendChild(was);
        const then = doc.createElementNS(ns, 'target');
        appendSegment(doc, then, unit.target, ph(unit.codes));
        alt.appendChild(then);
        tu.appendChild(alt);
      }
      for (const match of unit.memory?.offered ?? []) {
        // Translation memory matches, as CAT tools show them: a proposal with its match quality.
        const alt = doc.createElementNS(ns, 'alt-trans');
        alt.setAttribute('match-quality', String(match.score));
        alt.setAttribute('origin', originLabel(match.entry.origin));
        for (const [name, text] of [
          ['source', match.entry.source],
          ['target', match.entry.target],
        ]) {
          const el = doc.createElementNS(ns, name);
          appendSegment(doc, el, text, ph(match.entry.codes ?? {}));
          alt.appendChild(el);
        }
        tu.appendChild(alt);
      }
      appendContextGroup12(doc, ns, tu, unit);
      const note = doc.createElementNS(ns, 'note');
      note.appendChild(doc.createTextNode(unit.note));
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
    const version = doc.documentElement?.getAttribute('version');
    if ((version !== '1.2' && version !== '1.1') || !file)
      return { ok: false, reason: 'not an XLIFF 1.2 file (<xliff version="1.2"><file …>)' };
    const units: ImportedUnit[] = [];
    let header: Element | undefined;
    const phNumber = (ph: Element) =>
      /^\d+$/.test(ph.getAttribute('id') ?? '') ? Number(ph.getAttribute('id')) : undefined;
    for (const tu of Array.from(doc.getElementsByTagName('trans-unit')) as Element[]) {
      if (tu.getAttribute('restype') === 'x-gettext-domain-header') {
        header = tu;
        continue;
      }
      const id = tu.getAttribute('id') ?? '';
      // The unit's own <source> and <target>, not those of an <alt-trans> inside it.
      const own = (name: string) =>
        (Array.from(tu.childNodes) as Element[]).find((n) => n.localName === name);
      const sourceElement = own('source');
      const source = sourceElement ? readSegment(sourceElement, phNumber) : undefined;
      const target = own('target');
      if (!target || !target.firstChild) {
        units.push({ id, source: source && 'text' in source ? source.text : undefined });
        continue;
      }
      const read = readSegment(target, phNumber);
      if ('error' in read) return { ok: false, reason: `unit ${id}: ${read.error}` };
      units.push({
        id,
        source: source && 'text' in source ? source.text : undefined,
        target: read.text,
        state: stateOf(tu, target),
      });
    }
    const fromHeader = metaFromPoHeader(header);
    return {
      ok: true,
      meta: {
        courseId: fromHeader.courseId ?? file.getAttribute('original') ?? '',
        sourceLocale: fromHeader.sourceLocale ?? file.getAttribute('source-language') ?? '',
        targetLocale: file.getAttribute('target-language') ?? fromHeader.targetLocale ?? '',
      },
      units,
    };
  },
};

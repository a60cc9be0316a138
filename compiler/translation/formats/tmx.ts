/**
 * TMX 1.4b, the translation memory exchange format of CAT tools: memory entries ↔ <tu>/<tuv>/<seg>.
 * Placeholders are written `{n}` in the text (as in our PO: translate-toolkit and CAT tools keep
 * text, while translate-toolkit flattens <ph> into its content) and the markup each stands for in
 * a <prop>; a TMX from another tool may use <ph>, <bpt>, <ept>, <it>. Reading is bounded and
 * refuses entity declarations, so a hostile file costs little and expands nothing.
 */
import { DOMImplementation, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { isValidLocaleTag } from '../../model/locales.ts';
import { placeholder, placeholderPattern } from '../segment-mdx.ts';
import { localesMatch, type MemoryEntry } from '../translation-memory.ts';
import { parseXml } from './xml-segments.ts';

/** A TMX larger than this, or with more units, is refused: split it in the CAT tool. */
export const tmxLimits = { bytes: 8 * 1024 * 1024, units: 100_000 };

const xmlNs = 'http://www.w3.org/XML/1998/namespace';
/** <prop> types (TMX says user-defined types start with `x-`). */
const props = {
  codes: 'x-polycourse-placeholders',
  course: 'x-polycourse-course',
  unit: 'x-polycourse-unit',
};

const toBraces = (text: string) => text.replace(placeholderPattern, (_, n: string) => `{${n}}`);
const fromBraces = (text: string) =>
  text.replace(/\{(\d+)\}/g, (_, n: string) => placeholder(Number(n)));

/** TMX's date form: `20261202T052000Z`. */
const tmxDate = (d: Date) => `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

export interface TmxOptions {
  /** the tool version written in the header (creationtoolversion) */
  toolVersion: string;
  date?: Date;
}

/** Memory entries as a TMX 1.4b document: one <tu> per entry, source <tuv> first. */
export function writeTmx(entries: MemoryEntry[], options: TmxOptions): string {
  const doc = new DOMImplementation().createDocument(null, 'tmx', null);
  const root = doc.documentElement!;
  root.setAttribute('version', '1.4');
  const sources = [...new Set(entries.map((e) => e.sourceLocale))];
  const header = doc.createElement('header');
  const attributes = {
    creationtool: 'Polycourse',
    creationtoolversion: options.toolVersion,
    segtype: 'sentence',
    'o-tmf': 'Polycourse',
    adminlang: 'en',
    // Entries from courses of different source languages: each <tu> says its own.
    srclang: sources.length === 1 ? sources[0] : '*all*',
    datatype: 'plaintext',
    creationdate: tmxDate(options.date ?? new Date()),
  };
  for (const [name, value] of Object.entries(attributes)) header.setAttribute(name, value);
  root.appendChild(doc.createTextNode('\n'));
  root.appendChild(header);
  const body = doc.createElement('body');
  for (const entry of entries) {
    const tu = doc.createElement('tu');
    if (sources.length !== 1) tu.setAttribute('srclang', entry.sourceLocale);
    const prop = (type: string, value: string | undefined) => {
      if (!value) return;
      const p = doc.createElement('prop');
      p.setAttribute('type', type);
      p.appendChild(doc.createTextNode(value));
      tu.appendChild(p);
    };
    prop(props.course, entry.origin.course);
    prop(props.unit, entry.origin.unit);
    if (entry.codes && Object.keys(entry.codes).length)
      prop(props.codes, JSON.stringify(entry.codes));
    for (const [locale, text] of [
      [entry.sourceLocale, entry.source],
      [entry.targetLocale, entry.target],
    ]) {
      const tuv = doc.createElement('tuv');
      tuv.setAttributeNS(xmlNs, 'xml:lang', locale);
      const seg = doc.createElement('seg');
      seg.appendChild(doc.createTextNode(toBraces(text)));
      tuv.appendChild(seg);
      tu.appendChild(tuv);
    }
    // One <tu> a line: readable, and diffs well (white space between elements means nothing).
    body.appendChild(doc.createTextNode('\n'));
    body.appendChild(tu);
  }
  body.appendChild(doc.createTextNode('\n'));
  root.appendChild(doc.createTextNode('\n'));
  root.appendChild(body);
  root.appendChild(doc.createTextNode('\n'));
  // xmldom writes a DOCTYPE's system id unquoted: the line is written here.
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' +
    `${new XMLSerializer().serializeToString(doc)}\n`
  );
}

export type TmxRead = { ok: true; entries: MemoryEntry[] } | { ok: false; problem: Diagnostic };

/** A refused TMX: on the file, with what to do. */
function refuse(file: string, message: string, fix: string): TmxRead {
  return {
    ok: false,
    problem: { severity: 'error', ruleId: 'polycourse:translation-memory', file, message, fix },
  };
}

/** The bytes of a TMX file as text: UTF-8, or UTF-16 with its byte order mark (some tools). */
export function decodeTmx(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** A file of `size` bytes is refused when past the limit (checked before it is read). */
export function refuseTmxSize(size: number, file: string): TmxRead | undefined {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (size <= tmxLimits.bytes) return undefined;
  return refuse(
    file,
    `the file is ${mb(size)}; a TMX file may have at most ${mb(tmxLimits.bytes)}`,
    'Export a smaller memory from your CAT tool (one language pair, or one project) and ' +
      'import the parts one by one.',
  );
}

/** Read a TMX document (`file` names it in problems): its entries, or why it is refused. */
export function readTmx(text: string, file: string): TmxRead {
  const tooLarge = refuseTmxSize(Buffer.byteLength(text), file);
  if (tooLarge) return tooLarge;
  // Entity declarations are how XML bombs expand; TMX needs none.
  if (/<!ENTITY/i.test(text) || /<!DOCTYPE[^>[]*\[/i.test(text))
    return refuse(
      file,
      'the file declares entities in its DOCTYPE, which a TMX file never needs',
      'Export the memory again from your CAT tool; a TMX file may start with ' +
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd"> but must not declare entities.',
    );
  const parsed = parseXml(text);
  if ('reason' in parsed)
    return refuse(file, parsed.reason, 'Export the memory again from your CAT tool as TMX 1.4.');
  const root = parsed.doc.documentElement!;
  if (root.localName !== 'tmx')
    return refuse(
      file,
      `not a TMX file: its root element is <${root.localName}>, not <tmx version="1.4">`,
      'Import a TMX file (File → Export → TMX in most CAT tools).',
    );
  const header = children(root, 'header')[0];
  const srclang = header?.getAttribute('srclang') ?? '';
  if (!header)
    return refuse(
      file,
      'the file has no <header>, which TMX requires (it names the source language)',
      'Add <header srclang="en" segtype="sentence" datatype="plaintext" adminlang="en" ' +
        'o-tmf="…" creationtool="…" creationtoolversion="…"/> before <body>, or export again.',
    );
  if (srclang !== '*all*' && !isValidLocaleTag(srclang))
    return refuse(
      file,
      `the header's srclang "${srclang}" is not a BCP 47 language tag`,
      'Set srclang to the source language as a BCP 47 tag (en, en-US), or to *all*.',
    );
  const units = children(children(root, 'body')[0], 'tu');
  if (units.length > tmxLimits.units)
    return refuse(
      file,
      `the file has ${units.length} <tu>; a TMX file may have at most ${tmxLimits.units}`,
      'Export a smaller memory (one language pair, or one project) and import the parts.',
    );
  const entries: MemoryEntry[] = [];
  for (const [i, tu] of units.entries()) {
    const read = readUnit(tu, srclang, file);
    const tuid = tu.getAttribute('tuid');
    const where = `<tu> ${i + 1}${tuid ? ` (tuid ${tuid})` : ''}`;
    if ('problem' in read) return refuse(file, `${where}: ${read.problem}`, read.fix);
    entries.push(...read.entries);
  }
  return { ok: true, entries };
}

/** One <tu>: an entry from its source <tuv> to each other one that has text. */
function readUnit(
  tu: Element,
  srclang: string,
  file: string,
): { entries: MemoryEntry[] } | { problem: string; fix: string } {
  const prop = (type: string) =>
    children(tu, 'prop').find((p) => p.getAttribute('type') === type)?.textContent ?? undefined;
  const variants: { locale: string; text: string; codes: Record<number, string> }[] = [];
  for (const tuv of children(tu, 'tuv')) {
    const locale = tuv.getAttributeNS(xmlNs, 'lang') || tuv.getAttribute('lang') || '';
    if (!isValidLocaleTag(locale))
      return {
        problem: `xml:lang "${locale}" is not a BCP 47 language tag`,
        fix: 'Write each <tuv> language as a BCP 47 tag: fr, fr-FR, pt-BR (not fr_FR).',
      };
    const seg = children(tuv, 'seg')[0];
    if (!seg)
      return { problem: 'a <tuv> has no <seg>', fix: 'Give each <tuv> its text in a <seg>.' };
    variants.push({ locale, ...readSeg(seg) });
  }
  const own = tu.getAttribute('srclang');
  const sourceLang = own && own !== '*all*' ? own : srclang !== '*all*' ? srclang : undefined;
  // The header's `en` names the `en-US` of a tool that writes regions.
  const source = sourceLang
    ? (variants.find((v) => v.locale.toLowerCase() === sourceLang.toLowerCase()) ??
      variants.find((v) => localesMatch(sourceLang, v.locale)))
    : variants[0];
  if (!source?.text.trim()) return { entries: [] };
  const codes = parseCodes(prop(props.codes)) ?? inlineCodes(source.codes);
  const course = prop(props.course);
  const unit = prop(props.unit) ?? tu.getAttribute('tuid') ?? undefined;
  const origin = course ? { course, unit } : { file: file.split(/[\\/]/).at(-1), unit };
  return {
    entries: variants
      .filter((v) => v !== source && v.text.trim())
      .map((v) => ({
        sourceLocale: source.locale,
        targetLocale: v.locale,
        source: source.text,
        target: v.text,
        ...(codes ? { codes } : {}),
        origin,
      })),
  };
}

/**
 * A <seg>'s text: `{n}` and inline codes (<ph>, <bpt>, <ept>, <it>, <ut>) as placeholders,
 * numbered by their `x` (else in order), with the native code each holds.
 */
function readSeg(seg: Element): { text: string; codes: Record<number, string> } {
  const codes: Record<number, string> = {};
  let next = 1;
  const walk = (parent: Element): string => {
    let text = '';
    for (let node: Node | null = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3 || node.nodeType === 4) text += fromBraces(node.nodeValue ?? '');
      else if (node.nodeType === 1) {
        const el = node as Element;
        if (el.localName === 'hi') text += walk(el);
        else if (['ph', 'bpt', 'ept', 'it', 'ut'].includes(el.localName ?? '')) {
          const x = Number(el.getAttribute('x'));
          const n = Number.isInteger(x) && x > 0 ? x : next;
          next = Math.max(next, n) + 1;
          codes[n] = el.textContent ?? '';
          text += placeholder(n);
        }
      }
    }
    return text;
  };
  return { text: walk(seg), codes };
}

/** Our <prop> of placeholder markup: a JSON object of number → string, else nothing. */
function parseCodes(json: string | undefined): Record<number, string> | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const entries = Object.entries(value);
    if (!entries.every(([n, c]) => /^\d+$/.test(n) && typeof c === 'string')) return undefined;
    return Object.fromEntries(entries.map(([n, c]) => [Number(n), c as string]));
  } catch {
    return undefined;
  }
}

/** Inline codes of another tool's TMX count as known markup only when it wrote some. */
const inlineCodes = (codes: Record<number, string>) =>
  Object.keys(codes).length ? codes : undefined;

/** The child elements of `parent` named `name` (TMX has no namespace). */
function children(parent: Element | undefined, name: string): Element[] {
  if (!parent) return [];
  return (Array.from(parent.childNodes) as Element[]).filter(
    (n) => n.nodeType === 1 && n.localName === name,
  );
}

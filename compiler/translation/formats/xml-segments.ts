/**
 * Segment text ↔ XML inline content: placeholder marks become <ph> elements (XLIFF 1.2 and 2.0).
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { placeholder, placeholderPattern } from '../segment-mdx.ts';

/** Parse XML; a malformed file is a reason, not an exception (xmldom throws on fatal errors). */
export function parseXml(text: string): { doc: Document } | { reason: string } {
  let error: string | undefined;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') error ??= message;
      },
    }).parseFromString(text, 'text/xml');
    if (error || !doc.documentElement)
      return { reason: `not well-formed XML: ${error ?? 'empty document'}` };
    return { doc };
  } catch (e) {
    return { reason: `not well-formed XML: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** Append `text` to `parent`, each placeholder as a <ph> made by `ph(n)`. */
export function appendSegment(
  doc: Document,
  parent: Element,
  text: string,
  ph: (n: number) => Element,
): void {
  let last = 0;
  for (const m of text.matchAll(placeholderPattern)) {
    if (m.index! > last) parent.appendChild(doc.createTextNode(text.slice(last, m.index)));
    parent.appendChild(ph(Number(m[1])));
    last = m.index! + m[0].length;
  }
  if (last < text.length) parent.appendChild(doc.createTextNode(text.slice(last)));
}

/** Inline content back to segment text; a <ph> without a usable id is returned as an error. */
export function readSegment(
  element: Element,
  idOf: (ph: Element) => number | undefined,
): { text: string } | { error: string } {
  let text = '';
  for (let node: Node | null = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 || node.nodeType === 4) text += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.localName !== 'ph')
        return {
          error:
            `unexpected <${el.localName}> inside the ` +
            'target; only <ph> placeholders are allowed',
        };
      const n = idOf(el);
      if (n === undefined)
        return { error: `a placeholder has no valid id (${el.getAttribute('id') ?? 'none'})` };
      text += placeholder(n);
    }
  }
  return { text };
}

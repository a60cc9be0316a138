/**
 * The run-time half of compiler/render/isolate-fallbacks.ts: a UI string the runtime shows in the
 * source locale (createTranslate marks it) gets its own `<span lang dir>` wherever it lands in the
 * page, and where markup cannot go (attributes, the title, options) its marks are removed. One
 * observer instead of a helper at each of the runtime's many `t()` call sites; it is started only
 * for a locale whose catalog lacks strings, so complete locales pay nothing.
 */
import {
  fallbackMarks,
  hasFallbackMarks,
  splitFallbacks,
  stripFallbackMarks,
} from '../logic/fallback-marks.ts';
import type { RuntimeFallback } from './runtime-data.ts';

const textOnly = new Set(['TITLE', 'OPTION', 'TEXTAREA', 'SCRIPT', 'STYLE']);

export function isolateFallbacks(fallback: Pick<RuntimeFallback, 'lang' | 'dir'>): void {
  const fix = (node: Node) => {
    if (node instanceof Text) isolateText(node, fallback);
    else if (node instanceof Element) {
      fixAttributes(node);
      const walker = document.createTreeWalker(
        node,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      );
      const found: Node[] = [];
      while (walker.nextNode()) found.push(walker.currentNode);
      for (const inner of found)
        if (inner instanceof Text) isolateText(inner, fallback);
        else fixAttributes(inner as Element);
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') fixAttributes(record.target as Element);
      else if (record.type === 'characterData') fix(record.target);
      else record.addedNodes.forEach(fix);
    }
  }).observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
}

function fixAttributes(element: Element): void {
  for (const { name, value } of [...element.attributes])
    if (hasFallbackMarks(value)) element.setAttribute(name, stripFallbackMarks(value));
}

function isolateText(node: Text, fallback: Pick<RuntimeFallback, 'lang' | 'dir'>): void {
  const value = node.data;
  if (!node.parentNode || !hasFallbackMarks(value)) return;
  const parent = node.parentElement;
  if (!value.includes(fallbackMarks.open) || (parent && textOnly.has(parent.tagName))) {
    node.data = stripFallbackMarks(value);
    return;
  }
  const pieces = splitFallbacks(value).map(({ text, fallback: marked }) => {
    if (!marked) return document.createTextNode(text);
    const span = document.createElement('span');
    span.lang = fallback.lang;
    span.dir = fallback.dir;
    span.textContent = text;
    return span;
  });
  node.replaceWith(...pieces);
}

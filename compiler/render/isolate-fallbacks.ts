/**
 * UI strings a locale's catalog lacks are shown in the source locale (compiler/ui-strings/
 * ui-catalog.ts marks them). In the page they get their own language and direction — `<span
 * lang="en" dir="ltr">` — so a screen reader reads them with the right voice and a right-to-left
 * page isolates them, as course text that falls back already is. Where an element cannot hold
 * markup (attributes, <title>, <option>, scripts), the marks are only removed.
 */
import type { Element, ElementContent, Nodes, Parents, Root, Text } from 'hast';
import { walkTree } from '../mdx/walk-tree.ts';
import {
  fallbackMarks,
  hasFallbackMarks,
  splitFallbacks,
  stripFallbackMarks,
} from '../../runtime/logic/fallback-marks.ts';
import type { LocaleInfo } from '../model/locales.ts';

const textOnly = new Set(['title', 'option', 'textarea', 'script', 'style']);

export function isolateFallbacks(tree: Root, source: Pick<LocaleInfo, 'code' | 'dir'>): void {
  walkTree<Nodes, Parents>(tree, (node, index, parent) => {
    if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.properties)) {
        if (typeof value === 'string' && hasFallbackMarks(value))
          node.properties[name] = stripFallbackMarks(value);
        else if (Array.isArray(value))
          node.properties[name] = value.map((v) =>
            typeof v === 'string' ? stripFallbackMarks(v) : v,
          );
      }
      return;
    }
    if (
      node.type !== 'text' ||
      !parent ||
      index === undefined ||
      !node.value.includes(fallbackMarks.open)
    )
      return;
    if (parent.type === 'element' && textOnly.has(parent.tagName)) {
      node.value = stripFallbackMarks(node.value);
      return;
    }
    const pieces = splitFallbacks(node.value).map(({ text: value, fallback }): ElementContent => {
      const text: Text = { type: 'text', value };
      return fallback
        ? ({
            type: 'element',
            tagName: 'span',
            properties: { lang: source.code, dir: source.dir },
            children: [text],
          } satisfies Element)
        : text;
    });
    (parent.children as ElementContent[]).splice(index, 1, ...pieces);
    return index + pieces.length;
  });
}

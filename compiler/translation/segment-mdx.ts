/**
 * Splits an MDX body into translatable segments — headings, paragraphs, table cells, and the alt,
 * caption and title attributes of components — with every piece of markup (emphasis markers, link
 * targets, component tags, inline code, footnote references) replaced by a numbered placeholder a
 * translator cannot break. `rebuildMdx` puts translated segments back into the source's structure.
 * A body that does not parse, or is past the limits of compiler/mdx/check-body-bounds.ts, throws
 * its first message (a positioned VFileMessage) instead of being parsed.
 */
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Root, Nodes, PhrasingContent } from 'mdast';
import { checkBodyBounds } from '../mdx/check-body-bounds.ts';

/**
 * Placeholder marks inside segment text: \uE000<n>\uE001 (private-use characters, never in
 * content).
 */
export const placeholder = (n: number) => `\uE000${n}\uE001`;
export const placeholderPattern = /\uE000(\d+)\uE001/g;

export interface Segment {
  /** byte-free character offsets into the source text that this segment replaces */
  start: number;
  end: number;
  /** text with placeholders */
  text: string;
  /** placeholder number → the markup it stands for */
  codes: Record<number, string>;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

export function segmentMdx(source: string): Segment[] {
  const file = new VFile(source);
  if (!checkBodyBounds(file)) throw file.messages[0];
  const tree = parser.parse(file) as Root;
  const segments: Segment[] = [];
  const offset = (p?: { offset?: number }) => p?.offset ?? 0;

  const phrasing = (
    parent: { children: PhrasingContent[]; position?: Nodes['position'] },
    start: number,
    end: number,
  ) => {
    const codes: Record<number, string> = {};
    let n = 0;
    let text = '';
    let cursor = start;
    const code = (raw: string) => {
      if (!raw) return;
      codes[++n] = raw;
      text += placeholder(n);
    };
    const walk = (children: PhrasingContent[]) => {
      for (const child of children) {
        const s = offset(child.position?.start);
        const e = offset(child.position?.end);
        // markup between nodes (e.g. "**" already handled below)
        if (s > cursor) code(source.slice(cursor, s));
        if (child.type === 'text') {
          text += source.slice(s, e);
        } else if (
          'children' in child &&
          child.children.length &&
          child.type !== 'link' &&
          child.type !== 'linkReference'
        ) {
          const first = offset(child.children[0].position?.start);
          const last = offset(child.children[child.children.length - 1].position?.end);
          code(source.slice(s, first));
          cursor = first;
          walk(child.children as PhrasingContent[]);
          code(source.slice(cursor, e));
        } else if (
          (child.type === 'link' || child.type === 'linkReference') &&
          child.children.length
        ) {
          const first = offset(child.children[0].position?.start);
          const last = offset(child.children[child.children.length - 1].position?.end);
          code(source.slice(s, first));
          cursor = first;
          walk(child.children);
          code(source.slice(last, e));
        } else {
          // inline code, images, footnote references, breaks, empty elements
          code(source.slice(s, e));
        }
        cursor = e;
      }
    };
    walk(parent.children);
    if (end > cursor) code(source.slice(cursor, end));
    if (text.replace(placeholderPattern, '').trim()) segments.push({ start, end, text, codes });
  };

  const visit = (node: Nodes) => {
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableCell') {
      const children = node.children as PhrasingContent[];
      if (!children.length) return;
      phrasing(
        { children },
        offset(children[0].position?.start),
        offset(children[children.length - 1].position?.end),
      );
      return;
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.position) {
      for (const attr of node.attributes) {
        if (
          attr.type !== 'mdxJsxAttribute' ||
          typeof attr.value !== 'string' ||
          !['alt', 'caption', 'title'].includes(attr.name)
        )
          continue;
        // Find the attribute's quoted value in the tag's source text.
        const tagStart = offset(node.position.start);
        const tagText = source.slice(tagStart, offset(node.position.end));
        const at = tagText.indexOf(`${attr.name}="`);
        if (at < 0) continue;
        const start = tagStart + at + attr.name.length + 2;
        segments.push({ start, end: start + attr.value.length, text: attr.value, codes: {} });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return segments.sort((a, b) => a.start - b.start);
}

/** The target text of a segment with its placeholders turned back into markup. */
export function restoreMarkup(text: string, codes: Record<number, string>): string {
  return text.replace(placeholderPattern, (_, n: string) => codes[Number(n)] ?? '');
}

/** Rebuild a body: the source with each segment replaced by its translation (markup restored). */
export function rebuildMdx(source: string, segments: Segment[], translations: string[]): string {
  return rebuildMdxMapped(source, segments, translations).text;
}

/**
 * `rebuildMdx`, also saying where each translated segment landed in the result (offsets, end
 * exclusive).
 */
export function rebuildMdxMapped(
  source: string,
  segments: Segment[],
  translations: string[],
): { text: string; spans: { start: number; end: number }[] } {
  let out = '';
  let cursor = 0;
  const spans: { start: number; end: number }[] = [];
  segments.forEach((segment, i) => {
    out += source.slice(cursor, segment.start);
    const start = out.length;
    out += restoreMarkup(translations[i], segment.codes);
    spans.push({ start, end: out.length });
    cursor = segment.end;
  });
  return { text: out + source.slice(cursor), spans };
}

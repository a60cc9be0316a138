/**
 * Where the JSX tag that is still open at the end of a body starts. mdast-util-mdx-jsx reports such
 * a tag without a place (only inside its message text), so this reads micromark's own events for
 * the same text and extensions: the start of the innermost tag opened and never closed. Only called
 * on that error.
 */
import { parse, postprocess, preprocess } from 'micromark';
import type { Extension } from 'micromark-util-types';

export interface Point {
  line: number;
  column: number;
}

export function unclosedTagStart(text: string, extensions: Extension[]): Point | undefined {
  const events = postprocess(
    parse({ extensions })
      .document()
      .write(preprocess()(text, undefined, true)),
  );
  const open: Point[] = [];
  let tag: { start: Point; closing: boolean; selfClosing: boolean } | undefined;
  for (const [kind, token] of events) {
    const type = token.type as string;
    if (type === 'mdxJsxFlowTag' || type === 'mdxJsxTextTag') {
      if (kind === 'enter') tag = { start: token.start, closing: false, selfClosing: false };
      else if (tag && !tag.selfClosing) {
        if (tag.closing) open.pop();
        else open.push({ line: tag.start.line, column: tag.start.column });
      }
    } else if (tag && kind === 'enter' && type.endsWith('TagClosingMarker')) tag.closing = true;
    else if (tag && kind === 'enter' && type.endsWith('TagSelfClosingMarker'))
      tag.selfClosing = true;
  }
  return open.at(-1);
}

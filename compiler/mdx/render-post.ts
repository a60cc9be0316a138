/**
 * A learner's forum post (cms/learners/forums.ts): Markdown through the course bodies' own pipeline
 * (render-body.ts) as a `.md` body, so no HTML, no JSX, no expressions, no unsafe URLs, the same
 * limits, then to HTML. A stranger's post shares a page with the course, so it gets less than an
 * author's body: no images (they would load from any host as soon as the post is read), no ids or
 * in-page links (they could clash with the page's own), headings below the thread's title, and
 * outside links marked as user content.
 */
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Nodes, Root } from 'hast';
import { walkTree } from './walk-tree.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { renderBodySync } from './render-body.ts';

/** Characters in one post. */
export const maxPostLength = 10_000;

const asMarkdown =
  'Write it as Markdown (e.g. **bold**); to show a tag as text, put it in `backticks`.';
/** The fixes a learner can use (the body pipeline's name what authors can). */
const postFixes: Record<string, string> = {
  'polycourse:raw-html': asMarkdown,
  'polycourse:forbidden-element': asMarkdown,
  'polycourse:unsafe-url': 'Link only to https:// addresses.',
  'polycourse:mdx-syntax': 'Check the text at this position; a literal "<" is written as \\<.',
};

export interface RenderedPost {
  html: string;
  /** The post's words as plain text, whitespace collapsed (for excerpts and lists). */
  text: string;
  /** Errors that refuse the post, each with line:column in the text. */
  diagnostics: Diagnostic[];
}

export function renderPost(text: string, file = 'post.md'): RenderedPost {
  if (text.length > maxPostLength)
    return refused(file, {
      ruleId: 'polycourse:post-length',
      message: `The post has ${text.length} characters; at most ${maxPostLength}.`,
      fix: 'Shorten it, or split it into two replies.',
    });
  // Always Markdown (`.md`: no JSX, no expressions), whatever name the problems should carry.
  const { tree, diagnostics } = renderBodySync({ text, file: 'post.md' });
  const errors = diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ ...d, file, fix: postFixes[d.ruleId] ?? d.fix }));
  walkTree<Nodes>(tree, (node) => {
    if (node.type !== 'element') return;
    if (node.tagName === 'img')
      errors.push({
        severity: 'error',
        ruleId: 'polycourse:post-image',
        file,
        line: node.position?.start.line,
        column: node.position?.start.column,
        message: 'Pictures are not shown in forum posts.',
        fix: 'Write a link to the picture instead: [what it shows](https://…).',
      });
    delete node.properties.id;
    delete node.properties.ariaDescribedBy;
    const heading = /^h([1-6])$/.exec(node.tagName);
    if (heading) node.tagName = `h${Math.min(6, Number(heading[1]) + 3)}`;
    if (node.tagName === 'a') {
      const href = String(node.properties.href ?? '');
      if (href.startsWith('#')) delete node.properties.href;
      else if (/^https?:/i.test(href)) node.properties.rel = ['nofollow', 'ugc', 'noopener'];
    }
  });
  if (errors.length) return { html: '', text: '', diagnostics: errors };
  const html = toHtml(tree as Root).trim();
  if (!html)
    return refused(file, {
      ruleId: 'polycourse:post-empty',
      message: 'The post is empty.',
      fix: 'Write what you want to say.',
    });
  return {
    html,
    text: toString(tree as Root)
      .replace(/\s+/g, ' ')
      .trim(),
    diagnostics: [],
  };
}

function refused(file: string, d: Omit<Diagnostic, 'severity' | 'file'>): RenderedPost {
  return { html: '', text: '', diagnostics: [{ severity: 'error', file, ...d }] };
}

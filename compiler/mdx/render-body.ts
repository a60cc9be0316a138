/**
 * The body pipeline: MDX (or Markdown) text → checked, sanitized hast, as a list of named unified plugins.
 * Every problem is a vfile message with file:line:col and a rule id; nothing is thrown for bad content.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import { VFile } from 'vfile';
import type { Root as HastRoot } from 'hast';
import type { Diagnostic } from '../model/diagnostic.ts';
import remarkRejectUnsafe from './remark-reject-unsafe.ts';
import remarkPolycourseComponents from './remark-polycourse-components.ts';
import rehypeResolveLinks, { type LinkResolver } from './rehype-resolve-links.ts';
import rehypeResponsiveImages, { type ImageLookup } from './rehype-responsive-images.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { checkBodyBounds } from './check-body-bounds.ts';
import type { BodyContext } from './body-context.ts';

export type PageContext = BodyContext & LinkResolver & ImageLookup;

export interface RenderedBody {
  tree: HastRoot;
  diagnostics: Diagnostic[];
}

/** Build the processor for one locale and page context. `.md` files are Markdown without JSX. */
export function bodyProcessor(ctx: PageContext, format: 'mdx' | 'md') {
  const base = unified().use(remarkParse);
  const withSyntax = format === 'mdx' ? base.use(remarkMdx) : base;
  return withSyntax
    .use(remarkFrontmatter) // tolerated and ignored: titles come from the course model
    .use(remarkGfm)
    .use(remarkRejectUnsafe)
    .use(remarkPolycourseComponents, ctx)
    .use(remarkRehype, {
      footnoteLabel: ctx.t('footnotes.label'),
      footnoteBackLabel: ctx.t('footnotes.back'),
    })
    .use(rehypeResolveLinks, ctx)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeResponsiveImages, ctx)
    .use(rehypeSlug) as unknown as Processor<any, any, HastRoot>;
}

/**
 * Processors are built once per format and footnote labels, then reused: assembling one (micromark's
 * extension tables especially) costs as much as rendering a page. The plugins see the current page's
 * context through a forwarding object; a thread renders one body at a time, so the slot is never shared.
 */
const processors = new Map<
  string,
  { processor: Processor<any, any, HastRoot>; slot: { ctx?: PageContext } }
>();

function processorFor(ctx: PageContext, format: 'mdx' | 'md') {
  const key = `${format}\u0000${ctx.t('footnotes.label')}\u0000${ctx.t('footnotes.back')}`;
  let entry = processors.get(key);
  if (!entry) {
    const slot: { ctx?: PageContext } = { ctx };
    const current = new Proxy({} as PageContext, {
      get: (_, name) => (slot.ctx as unknown as Record<string | symbol, unknown>)[name],
    });
    entry = {
      processor: bodyProcessor(current, format).freeze() as Processor<any, any, HastRoot>,
      slot,
    };
    processors.set(key, entry);
  }
  entry.slot.ctx = ctx;
  return entry.processor;
}

/**
 * Run a body through the pipeline, collecting every message as a diagnostic. A body over the limits of
 * check-body-bounds.ts is not parsed at all: the parser is slow or overflows its stack on such shapes.
 */
export async function renderBody(
  doc: { text: string; file: string },
  ctx: PageContext,
): Promise<RenderedBody> {
  return renderBodySync(doc, ctx);
}

/** `renderBody` without the promise (every plugin of the pipeline is synchronous), for callers that cannot wait. */
export function renderBodySync(
  doc: { text: string; file: string },
  ctx: PageContext,
): RenderedBody {
  const format = doc.file.endsWith('.md') ? 'md' : 'mdx';
  const file = new VFile({ value: doc.text, path: doc.file });
  let tree: HastRoot = { type: 'root', children: [] };
  if (!checkBodyBounds(file)) return { tree, diagnostics: diagnosticsOf(file, doc.file) };
  const processor = processorFor(ctx, format);
  try {
    const mdast = processor.parse(file);
    tree = processor.runSync(mdast, file) as HastRoot;
  } catch (error) {
    // MDX syntax errors are thrown by the parser as positioned messages.
    const err = error as {
      reason?: string;
      message?: string;
      place?: unknown;
      line?: number;
      column?: number;
      ruleId?: string;
    };
    const place = err.place as
      { line?: number; column?: number; start?: { line: number; column: number } } | undefined;
    // Errors at the end of the file (an unclosed tag) have no place but name the opening tag's span.
    const named = /\((\d+):(\d+)-\d+:\d+\)/.exec(err.reason ?? '');
    const start =
      place && 'start' in place && place.start
        ? place.start
        : (place ?? (named ? { line: Number(named[1]), column: Number(named[2]) } : undefined));
    return {
      tree,
      diagnostics: [
        {
          severity: 'error',
          ruleId: 'polycourse:mdx-syntax',
          file: doc.file,
          line: start?.line ?? err.line,
          column: start?.column ?? err.column,
          message: `MDX syntax: ${err.reason ?? err.message}`,
          fix: 'Check the tag or brace at this position; a literal "<" or "{" must be escaped as \\< or \\{.',
        },
      ],
    };
  }
  return { tree, diagnostics: diagnosticsOf(file, doc.file) };
}

/** The file's messages as diagnostics, in the order of their positions. */
function diagnosticsOf(file: VFile, name: string): Diagnostic[] {
  const byPosition = [...file.messages].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  return byPosition.map((m) => ({
    severity: m.fatal ? 'error' : 'warning',
    ruleId: `polycourse:${m.ruleId ?? 'content'}`,
    file: name,
    line: m.line ?? undefined,
    column: m.column ?? undefined,
    message: m.reason,
    fix: m.note ?? undefined,
  }));
}

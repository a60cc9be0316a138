/**
 * The body pipeline: MDX (or Markdown) text → checked, sanitized hast, as a list of named unified
 * plugins. Every problem is a vfile message with file:line:col and a rule id; nothing is thrown for
 * bad content.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeTaskListLabels from './rehype-task-list-labels.ts';
import { VFile } from 'vfile';
import type { Root as HastRoot } from 'hast';
import type { Diagnostic } from '../model/diagnostic.ts';
import remarkRejectUnsafe from './remark-reject-unsafe.ts';
import remarkPolycourseComponents from './remark-polycourse-components.ts';
import rehypeResolveLinks, { type LinkResolver } from './rehype-resolve-links.ts';
import rehypeResponsiveImages, { type ImageLookup } from './rehype-responsive-images.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { checkBodyBounds } from './check-body-bounds.ts';
import { unclosedTagStart } from './unclosed-tag.ts';
import { plainMarkdownTree } from './parse-plain-markdown.ts';
import type { Point, Position } from 'unist';
import type { Extension } from 'micromark-util-types';
import type { BodyContext } from './body-context.ts';

export type PageContext = BodyContext & LinkResolver & ImageLookup;

declare module 'vfile' {
  interface DataMap {
    /** The page a body renders into; absent when a body is checked on its own. */
    page: PageContext;
  }
}

export interface RenderedBody {
  tree: HastRoot;
  diagnostics: Diagnostic[];
}

/** What a processor is built with: the same for every page of a locale. */
export interface BodyOptions {
  format: 'mdx' | 'md';
  footnoteLabel: string;
  footnoteBackLabel: string;
}

/**
 * The processor for one syntax and locale. Plugins take no page: they read the page's facts from
 * `file.data.page`, and check syntax alone without them. `.md` files are Markdown without JSX.
 */
export function bodyProcessor(options: BodyOptions) {
  const base = unified().use(remarkParse);
  const withSyntax = options.format === 'mdx' ? base.use(remarkMdx) : base;
  return withSyntax
    .use(remarkFrontmatter) // tolerated and ignored: titles come from the course model
    .use(remarkGfm)
    .use(remarkRejectUnsafe)
    .use(remarkPolycourseComponents)
    .use(remarkRehype, {
      footnoteLabel: options.footnoteLabel,
      footnoteBackLabel: options.footnoteBackLabel,
    })
    .use(rehypeResolveLinks)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeTaskListLabels)
    .use(rehypeResponsiveImages)
    .use(rehypeHeadingIds)
    .freeze() as unknown as Processor<any, any, HastRoot>;
}

/**
 * Processors are built once per syntax and locale's labels, then reused: assembling one
 * (micromark's extension tables especially) costs as much as rendering a page.
 */
const processors = new Map<string, Processor<any, any, HastRoot>>();

function processorFor(options: BodyOptions) {
  const key = `${options.format}\u0000${options.footnoteLabel}\u0000${options.footnoteBackLabel}`;
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = bodyProcessor(options)));
  return processor;
}

/**
 * Run a body through the pipeline, collecting every message as a diagnostic. A body over the limits
 * of check-body-bounds.ts is not parsed at all: the parser is slow or overflows its stack on such
 * shapes.
 */
export async function renderBody(
  doc: { text: string; file: string },
  page?: PageContext,
): Promise<RenderedBody> {
  return renderBodySync(doc, page);
}

/**
 * `renderBody` without the promise (every plugin of the pipeline is synchronous), for callers that
 * cannot wait. Without a page, the body is checked on its own: syntax, limits, safety, components.
 */
export function renderBodySync(
  doc: { text: string; file: string },
  page?: PageContext,
): RenderedBody {
  const file = new VFile({ value: doc.text, path: doc.file, data: page ? { page } : {} });
  let tree: HastRoot = { type: 'root', children: [] };
  if (!checkBodyBounds(file)) return { tree, diagnostics: diagnosticsOf(file, doc.file) };
  const format = doc.file.endsWith('.md') ? 'md' : 'mdx';
  const processor = processorFor({
    format,
    footnoteLabel: page?.t('footnotes.label') ?? 'Footnotes',
    footnoteBackLabel: page?.t('footnotes.back') ?? 'Back to content',
  });
  try {
    // Plain Markdown in the proven set takes the faster parse (parse-plain-markdown.ts).
    const mdast = plainMarkdownTree(doc.text, format) ?? processor.parse(file);
    tree = processor.runSync(mdast, file) as HastRoot;
  } catch (error) {
    // MDX syntax errors are thrown by the parser as positioned messages (a VFileMessage).
    const err = error as { reason?: string; message?: string; place?: Position | Point };
    const place = err.place && 'start' in err.place ? err.place.start : err.place;
    // A tag still open at the end of the body comes without a place: micromark's events have it.
    const start =
      place ?? unclosedTagStart(doc.text, processor.data('micromarkExtensions') as Extension[]);
    return {
      tree,
      diagnostics: [
        {
          severity: 'error',
          ruleId: 'polycourse:mdx-syntax',
          file: doc.file,
          line: start?.line,
          column: start?.column,
          message: `MDX syntax: ${err.reason ?? err.message}`,
          fix:
            'Check the tag or brace at this position; ' +
            'a literal "<" or "{" must be escaped as \\< or \\{.',
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
    ruleId: `polycourse:${m.ruleId ?? 'mdx-syntax'}`, // every plugin of ours names its rule
    file: name,
    line: m.line ?? undefined,
    column: m.column ?? undefined,
    message: m.reason,
    fix: m.note ?? undefined,
  }));
}

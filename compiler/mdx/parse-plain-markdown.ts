/**
 * A faster parse for plain Markdown: `.md` pages, and `.mdx` bodies that use no MDX. comrak
 * (CommonMark + GFM in Rust, compiled to WebAssembly) parses the text, and its tree is turned into
 * the mdast micromark gives, positions included. micromark was half of a cold build's CPU; comrak
 * with this conversion takes about an eighth of its time (docs/benchmarks.md, "The parser
 * decision").
 *
 * Only for texts whose every construct is in the set where the two parsers are shown to give the
 * same tree (`fastPathRefusal` says why a text is not); for any other text, and for any node kind
 * this conversion does not know, `plainMarkdownTree` answers undefined and micromark parses the
 * page as before: what is refused and every message stay micromark's, and every MDX construct
 * goes to micromark. test/mdx/plain-markdown-parse.test.ts compares the two trees, node by node
 * with every position, on the benchmark corpus, the demo course, the fixtures, bench/parser's edge
 * cases and generated documents. POLYCOURSE_MARKDOWN_PARSER=micromark turns this path off.
 *
 * Written by hand: no library turns comrak's node arena into mdast.
 */
import { parseMarkdown } from 'comrak';
import type { Nodes, Root, RootContent, TableCell, Text } from 'mdast';
import type { Point, Position } from 'unist';

const comrakOptions = {
  // GFM as remark-gfm parses it (tables, autolinks, tasks, footnotes), front matter as
  // remark-frontmatter: the constructs the text check refuses still come out as their own kinds,
  // which the conversion refuses too.
  extension: {
    table: true,
    strikethrough: true,
    autolink: true,
    tasklist: true,
    footnotes: true,
    frontMatterDelimiter: '---',
  },
};

/**
 * Characters that start a construct outside the proven set: HTML and autolinks (<), entities
 * (&), escapes and hard breaks (\), code (`), strikethrough and fences (~), tabs, carriage
 * returns, NUL, a byte-order mark.
 */
const refusedCharacter = /[<&\\`~\t\r\0\uFEFF]/;
/** Footnotes, definitions, full and collapsed references, empty links. */
const refusedSequence = /\[\^|\]:|\]\[|\[\]/;
/** Autolink literals (GFM), outside link destinations. */
const autolinkLiteral = /www\.|:\/\/|@|mailto:|xmpp:/i;
/** A link or image destination that is one plain run of characters, no title. */
const plainDestination = /\]\(([^\s()<>"']*)\)/g;
/**
 * MDX's own constructs besides JSX (which starts with <): expressions in braces, and ESM, a line
 * starting with import or export. Without them (and without what the check refuses anyway: HTML,
 * indented code, autolinks, which MDX turns off) an MDX text parses as the same Markdown.
 */
const mdxConstruct = /[{}]|^(?:import|export)\b/m;
/** A list item marker at the start of a line (after any block quote markers). */
const listItem = /^(?:[-*+]|\d{1,9}[.)])(?: |$)/;
/** A task list item: `- [ ]`, `- [x]`. */
const taskItem = /^(?:[-*+]|\d{1,9}[.)]) +\[[ xX]\]/;
/** A line of only thematic-break or setext characters. */
const ruleLine = /^[-*_=+ ]+$/;
/** A table's delimiter row: pipes, dashes, colons. */
const delimiterRow = /^[|:\- ]*-[|:\- ]*$/;
/** A run of emphasis delimiters. */
const delimiterRun = /[*_]+/g;
/** What may stand before an opening run and after a closing one: a space or punctuation. */
const spaceOrPunctuation = /^[\s\p{P}]?$/u;
/** Letters with their combining marks (Devanagari's vowel signs), and digits. */
const wordCharacter = /^[\p{L}\p{M}\p{N}]$/u;

/**
 * Why `text` is not parsed by comrak (the first reason found), or undefined when it may be. Each
 * refusal is a construct where comrak's tree differs from micromark's or that is not compared:
 * the generated documents of the test found most of them.
 */
export function fastPathRefusal(text: string, format: 'md' | 'mdx' = 'md'): string | undefined {
  if (refusedCharacter.test(text)) return 'a character that starts HTML, code, escapes or entities';
  if (format === 'mdx' && mdxConstruct.test(text))
    return 'MDX: braces, or an import or export line';
  if (refusedSequence.test(text)) return 'footnotes, definitions or references';
  // Destinations have no line endings: the lines keep their numbers.
  const inline = text.replace(plainDestination, ']');
  if (inline.includes('](')) return 'a link destination with spaces, quotes or parentheses';
  if (autolinkLiteral.test(inline)) return 'an autolink literal';
  const lines = inline.split('\n');
  const first = frontMatterEnd(lines);
  if (first === undefined) return 'front matter that is empty, has blank lines or is not closed';
  for (let i = first; i < lines.length; i++) {
    const refusal = lineRefusal(lines[i]) ?? delimiterRefusal(lines[i]);
    if (refusal) return `line ${i + 1}: ${refusal}`;
  }
  return blockRefusal(lines, first);
}

/** The index of the first line after the front matter (0 without one); undefined: refused. */
function frontMatterEnd(lines: string[]): number | undefined {
  if (lines[0] !== '---') return 0;
  const close = lines.indexOf('---', 1);
  if (close < 2 || lines.slice(1, close).some((line) => !line.trim())) return undefined;
  return close + 1;
}

/** The text of a line inside its block quote markers. */
const quoted = (line: string) => line.replace(/^(?:> ?)+/, '');

function lineRefusal(line: string): string | undefined {
  if (line.endsWith(' ')) return 'trailing spaces (a hard break)';
  const content = quoted(line);
  if (content.startsWith(' ')) return 'indented content';
  if (line.startsWith('>') && !content) return 'an empty block quote line';
  if (ruleLine.test(content)) return 'a thematic break or setext underline';
  if (taskItem.test(content)) return 'a task list item';
  if (listItem.test(content) && !/\S/.test(content.replace(listItem, ''))) return 'an empty item';
  return undefined;
}

/**
 * Emphasis only where no rule of the delimiter algorithm is close: runs of one to three `*` or of
 * one to three `_` that open at the start of a word (after a space, a line start or punctuation)
 * or close at its end (before a space, a line end or punctuation), never both.
 */
function delimiterRefusal(line: string): string | undefined {
  const content = quoted(line).replace(listItem, '');
  for (const run of content.matchAll(delimiterRun)) {
    const before = codePointBefore(content, run.index);
    const after = String.fromCodePoint(content.codePointAt(run.index + run[0].length) ?? 32);
    const opens = spaceOrPunctuation.test(before) && wordCharacter.test(after);
    const closes = wordCharacter.test(before) && spaceOrPunctuation.test(after);
    const mixed = run[0].includes('*') && run[0].includes('_');
    if (run[0].length > 3 || mixed || !(opens || closes))
      return 'emphasis delimiters inside or between words';
  }
  return undefined;
}

/** The character (a whole code point) before `index`, or a space at the start. */
function codePointBefore(text: string, index: number): string {
  if (index === 0) return ' ';
  const low = text.charCodeAt(index - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && index > 1;
  return pair ? text.slice(index - 2, index) : text[index - 1];
}

/**
 * Loose lists, lists that change their marker, block quotes that change depth or end without a
 * blank line, and tables anywhere but on their own between blank lines with whole rows.
 */
function blockRefusal(lines: string[], first: number): string | undefined {
  let marker: string | undefined; // the kind of marker of the list the previous line is in
  let blank = false;
  let depth = 0;
  for (let i = first; i < lines.length; i++) {
    const content = quoted(lines[i]);
    if (content === '') {
      blank = true;
      continue;
    }
    const quotes = lines[i].length - content.length;
    if (!blank && i > first && quotes !== depth)
      return `line ${i + 1}: a block quote without blank lines around it`;
    depth = quotes;
    if (delimiterRow.test(content)) {
      const end = tableEnd(lines, i, first);
      if (end === undefined || marker) return `line ${i + 1}: a table this path does not take`;
      i = end - 1;
      marker = undefined;
      blank = false;
      continue;
    }
    const item = content.match(listItem)?.[0].replace(/\d+/, '1');
    if (item && marker && (blank || item !== marker)) return `line ${i + 1}: a loose or mixed list`;
    if (item) marker = item;
    else if (blank) marker = undefined;
    blank = false;
  }
  return undefined;
}

/**
 * The line after a table whose delimiter row is `lines[row]`: a header line after a blank line,
 * every row between pipes with the header's number of cells, none empty, up to a blank line.
 */
function tableEnd(lines: string[], row: number, first: number): number | undefined {
  const header = lines[row - 1];
  if (row - 1 < first || (row - 2 >= first && lines[row - 2] !== '')) return undefined;
  const cells = (line: string) =>
    /^\|.*\|$/.test(line) ? line.slice(1, -1).split('|') : undefined;
  const columns = cells(header);
  if (!columns || columns.some((cell) => !cell.trim())) return undefined;
  if (cells(lines[row])?.length !== columns.length) return undefined;
  let end = row + 1;
  for (; end < lines.length && lines[end] !== ''; end++) {
    const rowCells = cells(lines[end]);
    if (rowCells?.length !== columns.length || rowCells.some((cell) => !cell.trim()))
      return undefined;
  }
  return end;
}

/**
 * The mdast of a plain Markdown text, as `unified().use(remarkParse).use(remarkFrontmatter)
 * .use(remarkGfm).parse(text)` gives it (with `.use(remarkMdx)` for an MDX text), or undefined
 * when this path does not take the text.
 */
export function plainMarkdownTree(text: string, format: 'md' | 'mdx' = 'md'): Root | undefined {
  if (comrakFailed || process.env.POLYCOURSE_MARKDOWN_PARSER === 'micromark') return undefined;
  if (fastPathRefusal(text, format) !== undefined) return undefined;
  let arena: { nodes: ArenaNode[] };
  try {
    arena = parseMarkdown(text, comrakOptions) as unknown as { nodes: ArenaNode[] };
  } catch (error) {
    // A panic inside the WebAssembly module can leave it unusable: micromark parses from now on
    // in this process, and the page is parsed by it like any other.
    comrakFailed = true;
    process.emitWarning(
      `comrak failed (${String(error)}); micromark parses every page from now on`,
    );
    return undefined;
  }
  return new Converter(text, arena.nodes).root();
}

/** Set once comrak has thrown: its module may be in any state after a panic. */
let comrakFailed = false;

interface ArenaNode {
  first_child?: number;
  next_sibling?: number;
  data: {
    value: string | Record<string, unknown>;
    sourcepos?: { start: { line: number; column: number }; end: { line: number; column: number } };
  };
}

/** Thrown inside the conversion when a node is outside the proven set; caught by `root`. */
class NotConverted extends Error {}

class Converter {
  private readonly lineStarts: number[] = [0];
  /** Per line: UTF-8 byte offset → UTF-16 column offset; null for an ASCII line (the same). */
  private readonly byteMaps = new Map<number, Int32Array | null>();

  constructor(
    private readonly text: string,
    private readonly nodes: ArenaNode[],
  ) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      this.lineStarts.push(i + 1);
  }

  root(): Root | undefined {
    try {
      const children = this.children(0) as RootContent[];
      // Front matter is the first node or none (then comrak read the fences as something else).
      const yaml = children.findIndex((node) => node.type === 'yaml');
      if (yaml !== (this.text.startsWith('---\n') ? 0 : -1)) return undefined;
      return { type: 'root', children, position: this.span(0, this.text.length) };
    } catch (error) {
      if (error instanceof NotConverted) return undefined;
      throw error;
    }
  }

  private children(index: number): Nodes[] {
    const out: Nodes[] = [];
    for (let c = this.nodes[index].first_child; c !== undefined; c = this.nodes[c].next_sibling) {
      const node = this.convert(c);
      const previous = out[out.length - 1];
      // comrak splits text at soft breaks and unmatched delimiters; micromark keeps one text node.
      if (node.type === 'text' && previous?.type === 'text') {
        previous.value += node.value;
        previous.position = { start: previous.position!.start, end: node.position!.end };
      } else out.push(node);
    }
    return out;
  }

  private convert(index: number): Nodes {
    const { value, sourcepos } = this.nodes[index].data;
    const kind = typeof value === 'string' ? value : Object.keys(value)[0];
    const data = (typeof value === 'string' ? undefined : value[kind]) as any;
    if (!sourcepos) throw new NotConverted(kind);
    const position = this.position(sourcepos);
    const children = () => this.children(index) as any[];
    switch (kind) {
      case 'FrontMatter':
        return this.frontMatter();
      case 'Heading':
        return { type: 'heading', depth: data.level, children: children(), position };
      case 'Paragraph':
        return { type: 'paragraph', children: children(), position };
      case 'Text':
        return { type: 'text', value: data as string, position };
      case 'SoftBreak':
        // micromark's text takes the line ending and ends where the next line starts.
        return {
          type: 'text',
          value: '\n',
          position: { start: position.start, end: this.point(position.start.line + 1, 1) },
        };
      case 'Emph':
        return { type: 'emphasis', children: children(), position };
      case 'Strong':
        return { type: 'strong', children: children(), position };
      case 'Link':
        if (data.title) throw new NotConverted('link title');
        return { type: 'link', title: null, url: data.url, children: children(), position };
      case 'Image': {
        if (data.title) throw new NotConverted('image title');
        const alt = children();
        if (alt.some((c) => c.type !== 'text')) throw new NotConverted('image alt with markup');
        const text = alt.map((c: Text) => c.value).join('');
        return { type: 'image', title: null, url: data.url, alt: text, position };
      }
      case 'BlockQuote':
        return { type: 'blockquote', children: children(), position };
      case 'List':
        if (!data.tight) throw new NotConverted('loose list');
        return {
          type: 'list',
          ordered: data.list_type === 'Ordered',
          start: data.list_type === 'Ordered' ? data.start : null,
          spread: false,
          ...this.endingWithLastChild(children(), position),
        };
      case 'Item':
        return {
          type: 'listItem',
          spread: false,
          checked: null,
          ...this.endingWithLastChild(children(), position),
        };
      case 'Table':
        return {
          type: 'table',
          align: (data.alignments as string[]).map((a) =>
            a === 'None' ? null : (a.toLowerCase() as 'left' | 'center' | 'right'),
          ),
          children: children(),
          position,
        };
      case 'TableRow':
        return { type: 'tableRow', children: this.withPipes(children()), position };
      case 'TableCell':
        return { type: 'tableCell', children: children(), position };
      default:
        // Code, HTML, breaks, footnotes, tasks, strikethrough…: micromark parses the page.
        throw new NotConverted(kind);
    }
  }

  /** micromark's yaml node: the text between the fences; it ends after the closing fence. */
  private frontMatter(): Nodes {
    const close = this.text.indexOf('\n---', 3);
    return { type: 'yaml', value: this.text.slice(4, close), position: this.span(0, close + 4) };
  }

  /** micromark's table cells take their leading pipe, and the last cell the closing one. */
  private withPipes(cells: TableCell[]): TableCell[] {
    cells.forEach((cell, i) => {
      const { start, end } = cell.position!;
      const from = this.text[start.offset! - 1] === '|' ? start.offset! - 1 : start.offset!;
      const last = i === cells.length - 1 && this.text[end.offset!] === '|';
      cell.position = this.span(from, last ? end.offset! + 1 : end.offset!);
    });
    return cells;
  }

  /** Lists and items end where their last child ends (comrak's ends vary: line endings, blanks). */
  private endingWithLastChild<C extends Nodes>(children: C[], position: Position) {
    const last = children[children.length - 1];
    if (!last) throw new NotConverted('empty list item');
    return { children, position: { start: position.start, end: last.position!.end } };
  }

  private position(sourcepos: NonNullable<ArenaNode['data']['sourcepos']>): Position {
    const { start, end } = sourcepos;
    // comrak: 1-based UTF-8 byte columns, the end inclusive; mdast: UTF-16, the end exclusive.
    return {
      start: this.point(start.line, this.utf16Column(start.line, start.column)),
      end: this.point(end.line, this.utf16Column(end.line, end.column + 1)),
    };
  }

  private point(line: number, column: number): Point {
    return { line, column, offset: this.lineStarts[line - 1] + column - 1 };
  }

  private span(from: number, to: number): Position {
    return { start: this.pointAt(from), end: this.pointAt(to) };
  }

  private pointAt(offset: number): Point {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1, offset };
  }

  private utf16Column(line: number, byteColumn: number): number {
    const start = this.lineStarts[line - 1];
    if (start === undefined) throw new NotConverted('position past the end');
    let map = this.byteMaps.get(line);
    if (map === null) return byteColumn;
    if (!map) {
      const end = line < this.lineStarts.length ? this.lineStarts[line] : this.text.length + 1;
      const text = this.text.slice(start, end);
      // eslint-disable-next-line no-control-regex
      if (/^[\x00-\x7f]*$/.test(text)) {
        this.byteMaps.set(line, null);
        return byteColumn;
      }
      map = new Int32Array(Buffer.byteLength(text) + 2);
      let bytes = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.codePointAt(i)!;
        const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        for (let b = 0; b < size; b++) map[bytes + b] = i;
        bytes += size;
        if (code > 0xffff) i++;
      }
      map[bytes] = text.length;
      map[bytes + 1] = text.length + 1;
      this.byteMaps.set(line, map);
    }
    return map[Math.min(byteColumn - 1, map.length - 1)] + 1;
  }
}

// Best-effort adapters from a candidate's own tree to mdast, so it can be diffed against micromark.
import { stripFrontmatter } from './parsers.mjs';

// Positions: mdast columns/offsets count UTF-16 code units, end is exclusive.
function lineIndex(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
const point = (starts, line, col16) => ({
  line,
  column: col16,
  offset: starts[line - 1] + col16 - 1,
});

// ---- yozora: already mdast-shaped; add the yaml node it cannot parse and shift the body.
export function yozoraToMdast(parse, text) {
  const body = stripFrontmatter(text);
  const head = text.slice(0, text.length - body.length);
  const tree = parse(body);
  if (!head) return tree;
  const dl = head.split('\n').length - 1,
    doff = head.length;
  const shift = (n) => {
    if (n.position)
      for (const k of ['start', 'end']) {
        n.position[k].line += dl;
        n.position[k].offset += doff;
      }
    (n.children || []).forEach(shift);
  };
  shift(tree);
  const fmEnd = head.length - 1; // closing '---' ends before the newline
  const fmLines = dl; // lines 1..dl hold the front matter
  tree.children.unshift({
    type: 'yaml',
    value: head.slice(4, head.length - 5),
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: fmLines, column: 4, offset: fmEnd },
    },
  });
  tree.position.start = { line: 1, column: 1, offset: 0 };
  return tree;
}

// ---- comrak: index-linked arena, sourcepos = (line, 1-based UTF-8 byte column), end inclusive.
export function comrakToMdast(parse, text, fixups = true) {
  const ast = parse(text);
  const starts = lineIndex(text);
  const lines = text.split('\n');
  const byteColToUtf16 = (line, bcol) => {
    // 1-based byte column -> 1-based UTF-16 column
    const s = lines[line - 1] ?? '';
    let bytes = 0,
      i = 0;
    while (i < s.length && bytes < bcol - 1) {
      const cp = s.codePointAt(i);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += cp > 0xffff ? 2 : 1;
    }
    return i + 1;
  };
  const pos = (sp) => {
    if (!sp) return undefined;
    const start = point(starts, sp.start.line, byteColToUtf16(sp.start.line, sp.start.column));
    const endCol = byteColToUtf16(sp.end.line, sp.end.column + 1); // inclusive -> exclusive
    return { start, end: point(starts, sp.end.line, endCol) };
  };
  const kids = (i) => {
    const out = [];
    for (let c = ast.nodes[i].first_child; c !== undefined; c = ast.nodes[c].next_sibling)
      out.push(c);
    return out;
  };
  const conv = (i, ctx = {}) => {
    const n = ast.nodes[i],
      v = n.data.value;
    const kind = typeof v === 'string' ? v : Object.keys(v)[0];
    const val = typeof v === 'string' ? undefined : v[kind];
    const node = { type: kind };
    const children = () =>
      mergeText(kids(i).map((c) => conv(c, kind === 'Table' ? { align: val.alignments } : ctx)));
    switch (kind) {
      case 'Document':
        Object.assign(node, { type: 'root', children: children() });
        break;
      case 'FrontMatter':
        Object.assign(node, {
          type: 'yaml',
          value: val.replace(/^---\n/, '').replace(/\n---\n*$/, ''),
        });
        break;
      case 'Heading':
        Object.assign(node, { type: 'heading', depth: val.level, children: children() });
        break;
      case 'Paragraph':
        Object.assign(node, { type: 'paragraph', children: children() });
        break;
      case 'Text':
        Object.assign(node, { type: 'text', value: val });
        break;
      case 'SoftBreak':
        Object.assign(node, { type: 'text', value: '\n' });
        break;
      case 'LineBreak':
        Object.assign(node, { type: 'break' });
        break;
      case 'Emph':
        Object.assign(node, { type: 'emphasis', children: children() });
        break;
      case 'Strong':
        Object.assign(node, { type: 'strong', children: children() });
        break;
      case 'Strikethrough':
        Object.assign(node, { type: 'delete', children: children() });
        break;
      case 'Code':
        Object.assign(node, { type: 'inlineCode', value: val.literal });
        break;
      case 'CodeBlock':
        Object.assign(node, {
          type: 'code',
          lang: val.info || null,
          meta: null,
          value: val.literal.replace(/\n$/, ''),
        });
        break;
      case 'Link':
        Object.assign(node, {
          type: 'link',
          title: val.title || null,
          url: val.url,
          children: children(),
        });
        break;
      case 'Image': {
        const c = children();
        Object.assign(node, {
          type: 'image',
          title: val.title || null,
          url: val.url,
          alt: c.map((x) => x.value ?? '').join(''),
        });
        break;
      }
      case 'BlockQuote':
        Object.assign(node, { type: 'blockquote', children: children() });
        break;
      case 'List':
        Object.assign(node, {
          type: 'list',
          ordered: val.list_type === 'Ordered',
          start: val.list_type === 'Ordered' ? val.start : null,
          spread: !val.tight,
          children: children(),
        });
        break;
      case 'Item':
      case 'TaskItem':
        Object.assign(node, {
          type: 'listItem',
          spread: false,
          checked: kind === 'TaskItem' ? !!val : null,
          children: children(),
        });
        break;
      case 'ThematicBreak':
        node.type = 'thematicBreak';
        break;
      case 'HtmlBlock':
      case 'HtmlInline':
        Object.assign(node, { type: 'html', value: typeof val === 'string' ? val : val.literal });
        break;
      case 'Table':
        Object.assign(node, {
          type: 'table',
          align: (val.alignments || []).map((a) => (a === 'None' ? null : a.toLowerCase())),
          children: children(),
        });
        break;
      case 'TableRow':
        Object.assign(node, { type: 'tableRow', children: children() });
        break;
      case 'TableCell':
        Object.assign(node, { type: 'tableCell', children: children() });
        break;
      default:
        Object.assign(node, { type: `comrak:${kind}`, children: children() });
    }
    const p = pos(n.data.sourcepos);
    if (p) node.position = p;
    return node;
  };
  const tree = conv(0);
  if (fixups) fixPositions(tree, text, starts);
  return tree;
}

// Corpus-fitted fixups for the three systematic position conventions where cmark-gfm and micromark
// disagree on this corpus (found with diff.mjs): root ends at end of file; list/listItem
// exclude the trailing line ending; tableCell starts at its leading pipe and the last cell
// includes the closing pipe.
function fixPositions(tree, text, starts) {
  const at = (offset) => {
    // offset -> point (binary search over line starts)
    let lo = 0,
      hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1, offset };
  };
  tree.position.end = at(text.length);
  (function walk(n) {
    if (n.type === 'list' || n.type === 'listItem') {
      let e = n.position.end.offset;
      while (e > n.position.start.offset && /\s/.test(text[e - 1])) e--;
      n.position.end = at(e);
    } else if (n.type === 'tableRow') {
      n.children.forEach((c, i) => {
        if (text[c.position.start.offset - 1] === '|')
          c.position.start = at(c.position.start.offset - 1);
        if (i === n.children.length - 1 && text[c.position.end.offset] === '|')
          c.position.end = at(c.position.end.offset + 1);
      });
    }
    (n.children || []).forEach(walk);
  })(tree);
}

// comrak splits text at soft breaks; mdast keeps one text node (what micromark does).
function mergeText(nodes) {
  const out = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'text' && n.type === 'text') {
      prev.value += n.value;
      if (prev.position && n.position)
        prev.position = { start: prev.position.start, end: n.position.end };
    } else out.push(n);
  }
  return out;
}

/**
 * A parsed YAML file that can say where any of its keys is (line:col), for positioned errors.
 * Hostile files (huge, deeply nested, alias bombs, not UTF-8) come back as positioned diagnostics,
 * quickly.
 */
import fs from 'node:fs';
import {
  LineCounter,
  parseDocument,
  visit,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  type Alias,
  type Document,
  type Node,
} from 'yaml';
import type { Diagnostic, SourcePosition } from '../../model/diagnostic.ts';
import { readTextFile } from './read-text-file.ts';

/** Course YAML holds structure and texts; anything larger is a mistake or an attack. */
export const yamlLimits = { bytes: 2 * 1024 * 1024, depth: 100, aliases: 100 };

export interface YamlFile {
  file: string;
  data: unknown;
  /** Position of the node at `path`, or of its deepest existing ancestor. */
  positionOf(path: (string | number)[]): SourcePosition;
  /** Position of the key of the entry at `path` (falls back to positionOf). */
  keyPositionOf(path: (string | number)[]): SourcePosition;
}

/**
 * Read and parse a YAML file; syntax errors and exceeded limits come back as diagnostics, not
 * exceptions.
 */
export function readYamlFile(
  file: string,
  displayName: string,
): { yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const read = readBoundedText(file, displayName);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  const parsed = parseYaml(read.text, displayName);
  const diagnostics = [...read.diagnostics, ...parsed.diagnostics];
  if (!parsed.doc) return { diagnostics };
  const { doc, lineCounter, data } = parsed;
  const positionOf = (path: (string | number)[]): SourcePosition => {
    const node = deepestNode(doc, path);
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { file: displayName, line: pos.line, column: pos.col };
  };
  const keyPositionOf = (path: (string | number)[]): SourcePosition => {
    const parent = path.length ? doc.getIn(path.slice(0, -1), true) : undefined;
    if (isMap(parent)) {
      const pair = parent.items.find(
        (p) => isScalar(p.key) && p.key.value === path[path.length - 1],
      );
      if (pair && isScalar(pair.key) && pair.key.range) {
        const pos = lineCounter.linePos(pair.key.range[0]);
        return { file: displayName, line: pos.line, column: pos.col };
      }
    }
    return positionOf(path);
  };
  return { yaml: { file: displayName, data: data ?? {}, positionOf, keyPositionOf }, diagnostics };
}

const syntaxFix =
  'Correct the YAML syntax at this position (indentation, quotes, a missing colon).';

function yamlError(
  file: string,
  message: string,
  pos: { line: number; col: number },
  fix = syntaxFix,
): Diagnostic {
  return {
    severity: 'error',
    ruleId: 'polycourse:yaml-syntax',
    message,
    file,
    line: pos.line,
    column: pos.col,
    fix,
  };
}

/**
 * The file's text, unless it is too large or too deeply nested to parse safely (both checked
 * cheaply).
 */
function readBoundedText(
  file: string,
  displayName: string,
): { text?: string; diagnostics: Diagnostic[] } {
  const size = fs.statSync(file).size;
  if (size > yamlLimits.bytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB`;
    return {
      diagnostics: [
        yamlError(
          displayName,
          `The file is ${mb(size)}; a course YAML file may have at most ${mb(yamlLimits.bytes)}`,
          { line: 1, col: 1 },
          'Split the course, or move long texts into MDX bodies.',
        ),
      ],
    };
  }
  const read = readTextFile(file, displayName);
  // The parser recurses once per level and slows down long before it overflows: refuse deep nesting
  // first.
  const tooDeep = excessiveNesting(read.text, yamlLimits.depth);
  if (tooDeep === undefined) return read;
  const fix = 'Flatten the structure: course YAML needs a few levels, not hundreds.';
  return {
    diagnostics: [
      ...read.diagnostics,
      yamlError(
        displayName,
        `Nested more than ${yamlLimits.depth} levels deep`,
        positionAt(read.text, tooDeep),
        fix,
      ),
    ],
  };
}

type ParsedYaml = {
  doc?: Document;
  lineCounter: LineCounter;
  data?: unknown;
  diagnostics: Diagnostic[];
};

/** file → its last text and what it parsed to, while a long-lived process keeps them. */
let parsedFiles: Map<string, { text: string; parsed: ParsedYaml }> | undefined;

/**
 * Keep each file's last parse in this process, for processes that read the same course again
 * and again (`polycourse dev`): a file whose text did not change is not parsed again. One entry per
 * file; callers get their own copy of the data.
 */
export function keepParsedYaml(): void {
  parsedFiles ??= new Map();
}

/** Parse `text` into a document and its plain data, or the positioned problems that stop it. */
function parseYaml(text: string, displayName: string): ParsedYaml {
  const kept = parsedFiles?.get(displayName);
  if (kept?.text === text) return { ...kept.parsed, data: structuredClone(kept.parsed.data) };
  const parsed = parseYamlText(text, displayName);
  parsedFiles?.set(displayName, {
    text,
    parsed: { ...parsed, data: structuredClone(parsed.data) },
  });
  return parsed;
}

function parseYamlText(text: string, displayName: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // uniqueKeys is checked with a Set (duplicateKeys): the parser's own check compares every key
  // with every other.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const found = [
    ...doc.errors.map((e) => ({ offset: e.pos[0], message: e.message.split('\n')[0] })),
    ...duplicateKeys(doc),
  ].sort((a, b) => a.offset - b.offset);
  if (found.length)
    return {
      lineCounter,
      diagnostics: found.map((e) =>
        yamlError(displayName, e.message, lineCounter.linePos(e.offset)),
      ),
    };
  const data = aliasedData(doc);
  if ('problem' in data) {
    const fix =
      'Write the texts out instead of repeating them through anchors and aliases (&name, *name).';
    return {
      lineCounter,
      diagnostics: [yamlError(displayName, data.problem, lineCounter.linePos(data.offset), fix)],
    };
  }
  return { doc, lineCounter, data: data.value, diagnostics: [] };
}

function deepestNode(doc: Document, path: (string | number)[]): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && (isMap(node) || isScalar(node) || 'range' in node)) {
      // For a key whose value is a map, point at the key's line rather than the first child.
      if (n > 0 && isMap(node)) {
        const parent = doc.getIn(path.slice(0, n - 1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[n - 1]);
          if (pair && isScalar(pair.key)) return pair.key;
        }
      }
      return node;
    }
  }
  return undefined;
}

/**
 * 1-based line and column of `offset` in `text` (the LineCounter's convention), before any parsing.
 */
function positionAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * Where the nesting of `text` first passes `limit`, by one linear scan: flow brackets outside
 * quotes, comments and block scalars, plus block levels (indentation, and compact `- - x` items on
 * one line). It can over-count a little (a plain text line that starts with "["), which the
 * generous limit absorbs.
 */
function excessiveNesting(text: string, limit: number): number | undefined {
  const n = text.length;
  const indents: number[] = [];
  let flow = 0;
  let blockScalarIndent = -1;
  const endOfLine = (from: number) => (text.indexOf('\n', from) + 1 || n + 1) - 1;
  for (let i = 0; i < n; i = endOfLine(i) + 1) {
    const indent = leadingSpaces(text, i);
    i += indent;
    const first = text[i];
    const blank = i >= n || first === '\n' || first === '\r' || first === '#';
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) continue;
    blockScalarIndent = -1;
    if (blank) continue;
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    let compact = 0;
    let nodeStart = true;
    while (i < n && text[i] !== '\n') {
      const c = text[i];
      const spaceAfter = i + 1 >= n || ' \t\r\n'.includes(text[i + 1]);
      if (c === ' ' || c === '\t' || c === '\r') i++;
      else if (c === '#' && ' \t'.includes(text[i - 1])) break;
      else if (nodeStart && (c === '"' || c === "'")) {
        i = skipQuoted(text, i);
        nodeStart = false;
      } else if ((c === '[' || c === '{') && (flow > 0 || nodeStart)) {
        flow++;
        if (indents.length + compact + flow > limit) return i;
        i++;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        nodeStart = false;
        i++;
      } else if (c === ',' && flow > 0) {
        nodeStart = true;
        i++;
      } else if ((c === '-' || c === '?' || c === ':') && spaceAfter) {
        if (c !== ':' && flow === 0 && nodeStart && indents.length + ++compact > limit) return i;
        nodeStart = true;
        i++;
      } else if (c === ':' && flow > 0) {
        nodeStart = true;
        i++;
      } else if ((c === '|' || c === '>') && nodeStart && flow === 0) {
        blockScalarIndent = indent;
        break;
      } else if ((c === '&' || c === '!') && nodeStart) {
        while (i < n && !' \t\r\n'.includes(text[i])) i++;
      } else {
        nodeStart = false;
        i++;
      }
    }
  }
  return undefined;
}

/** How many spaces the line at `start` begins with. */
function leadingSpaces(text: string, start: number): number {
  let i = start;
  while (text[i] === ' ') i++;
  return i - start;
}

/** Offset just after the quoted scalar that starts at `start` (which may span lines). */
function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (quote === "'" && text[i] === "'" && text[i + 1] === "'") i++;
    else if (text[i] === quote) return i + 1;
  }
  return text.length;
}

/** Keys written twice in one map (what the parser's `uniqueKeys` reports), found in linear time. */
function duplicateKeys(doc: Document): { offset: number; message: string }[] {
  const out: { offset: number; message: string }[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value))
          out.push({ offset: pair.key.range?.[0] ?? 0, message: 'Map keys must be unique' });
        seen.add(pair.key.value);
      }
    },
  });
  return out;
}

/**
 * The document as plain data, or where its aliases go wrong: too many of them (each is resolved by
 * a search, so thousands cost seconds), one whose anchor is missing, or a "billion laughs"
 * expansion.
 */
function aliasedData(doc: Document): { value: unknown } | { problem: string; offset: number } {
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_key, alias) => void aliases.push(alias) });
  if (aliases.length > yamlLimits.aliases) {
    const alias = aliases[yamlLimits.aliases];
    return {
      problem: `More than ${yamlLimits.aliases} aliases (*${alias.source} is one too many)`,
      offset: alias.range?.[0] ?? 0,
    };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: yamlLimits.aliases }) };
  } catch (error) {
    const sizes = new Map<Node, number>();
    /** How many values `node` stands for once its aliases are expanded (a cycle counts once). */
    const expanded = (node: unknown): number => {
      if (isPair(node)) return expanded(node.key) + expanded(node.value);
      if (isAlias(node)) {
        const source = node.resolve(doc);
        return source ? expanded(source) : 1;
      }
      if (!isCollection(node)) return 1;
      if (sizes.has(node)) return sizes.get(node)!;
      sizes.set(node, 1);
      const total = node.items.reduce((sum: number, item) => sum + expanded(item), 1);
      sizes.set(node, total);
      return total;
    };
    const missing = aliases.find((a) => !a.resolve(doc));
    if (missing)
      return {
        problem: `Alias *${missing.source} has no anchor &${missing.source} before it`,
        offset: missing.range?.[0] ?? 0,
      };
    const sized = aliases.map((alias) => ({ alias, size: expanded(alias) }));
    const worst = sized.reduce((a, b) => (b.size > a.size ? b : a), sized[0]);
    if (!worst) return { problem: (error as Error).message, offset: 0 };
    return {
      problem:
        `Alias *${worst.alias.source} expands to ${worst.size.toLocaleString('en')} ` +
        'values: aliases may repeat a part of the file, not multiply it',
      offset: worst.alias.range?.[0] ?? 0,
    };
  }
}

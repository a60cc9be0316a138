/** A parsed YAML file that can say where any of its keys is (line:col), for positioned errors. */
import fs from 'node:fs';
import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node } from 'yaml';
import type { Diagnostic, SourcePosition } from '../../model/diagnostic.ts';

export interface YamlFile {
  file: string;
  data: unknown;
  /** Position of the node at `path`, or of its deepest existing ancestor. */
  positionOf(path: (string | number)[]): SourcePosition;
  /** Position of the key of the entry at `path` (falls back to positionOf). */
  keyPositionOf(path: (string | number)[]): SourcePosition;
}

/** Read and parse a YAML file; syntax errors come back as diagnostics, not exceptions. */
export function readYamlFile(file: string, displayName: string): { yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const text = fs.readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      severity: 'error', ruleId: 'polycourse:yaml-syntax', message: e.message.split('\n')[0],
      file: displayName, line: pos.line, column: pos.col,
      fix: 'Correct the YAML syntax at this position (indentation, quotes, a missing colon).',
    };
  });
  if (diagnostics.length) return { diagnostics };
  const positionOf = (path: (string | number)[]): SourcePosition => {
    const node = deepestNode(doc, path);
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { file: displayName, line: pos.line, column: pos.col };
  };
  const keyPositionOf = (path: (string | number)[]): SourcePosition => {
    const parent = path.length ? doc.getIn(path.slice(0, -1), true) : undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
      if (pair && isScalar(pair.key) && pair.key.range) {
        const pos = lineCounter.linePos(pair.key.range[0]);
        return { file: displayName, line: pos.line, column: pos.col };
      }
    }
    return positionOf(path);
  };
  return { yaml: { file: displayName, data: doc.toJS() ?? {}, positionOf, keyPositionOf }, diagnostics };
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

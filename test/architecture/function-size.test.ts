/**
 * The build reads as a list of named phases and the files source as one small step per part of a
 * course: no function there grows past 60 lines (the architecture issue's bar). Counted with the
 * TypeScript parser, nested functions on their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const folders = ['compiler/pipeline', 'compiler/sources/files'];
const limit = 60;

function longFunctions(file: string, text = fs.readFileSync(path.join(root, file), 'utf8')) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const line = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
      const lines = line(node.end) - line(node.getStart()) + 1;
      const name = node.name?.getText(source) ?? '(anonymous)';
      if (lines > limit) out.push(`${file}:${line(node.getStart()) + 1} ${name}: ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('function size', () => {
  it(`no function in ${folders.join(', ')} is over ${limit} lines`, () => {
    const files = folders.flatMap((folder) =>
      (fs.readdirSync(path.join(root, folder), { recursive: true }) as string[])
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(folder, f)),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(
      files.flatMap((f) => longFunctions(f)),
      'split it into named steps',
    ).toEqual([]);
  });

  it('the count sees a long function', () => {
    const body = Array.from({ length: limit }, (_, i) => `  const x${i} = ${i};`).join('\n');
    expect(longFunctions('probe.ts', `function probe() {\n${body}\n}\n`)).toEqual([
      `probe.ts:1 probe: ${limit + 2} lines`,
    ]);
  });
});

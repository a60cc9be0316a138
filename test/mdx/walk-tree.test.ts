/**
 * walkTree replaces unist-util-visit in our plugins for speed; it must visit the same nodes in the
 * same order, with the same index and parent, on real trees (every body fixture, as mdast and as
 * hast), and keep the edit semantics our plugins rely on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import { visit } from 'unist-util-visit';
import type { Node, Parent } from 'unist';
import { walkTree } from '../../compiler/mdx/walk-tree.ts';

const casesDir = path.join(import.meta.dirname, 'fixtures');
const inputs = fs
  .readdirSync(casesDir)
  .flatMap((name) =>
    ['input.md', 'input.mdx']
      .map((file) => path.join(casesDir, name, file))
      .filter((file) => fs.existsSync(file)),
  );

type Seen = [Node, number | undefined, Parent | undefined];

function seenByVisit(tree: Node): Seen[] {
  const seen: Seen[] = [];
  visit(tree, (node, index, parent) => void seen.push([node, index, parent]));
  return seen;
}

function seenByWalk(tree: Node): Seen[] {
  const seen: Seen[] = [];
  walkTree(tree, (node, index, parent) => void seen.push([node, index, parent]));
  return seen;
}

describe('walkTree', () => {
  it('has body fixtures to walk', () => expect(inputs.length).toBeGreaterThan(20));

  it.each(inputs)('visits what unist-util-visit visits, in its order: %s', (file) => {
    const text = fs.readFileSync(file, 'utf8');
    const base = unified().use(remarkParse).use(remarkGfm);
    const processor = file.endsWith('.mdx') ? base.use(remarkMdx) : base;
    let mdast: Node;
    try {
      mdast = processor.runSync(processor.parse(text));
    } catch {
      return; // a fixture of a syntax error has no tree
    }
    const visited = seenByVisit(mdast);
    expect(seenByWalk(mdast)).toEqual(visited);
    // identity, not just equal shapes: the same node objects, index and parent objects
    seenByWalk(mdast).forEach(([node, , parent], i) => {
      expect(node).toBe(visited[i]![0]);
      expect(parent).toBe(visited[i]![2]);
    });
    const hast = unified()
      .use(remarkRehype)
      .runSync(structuredClone(mdast) as never);
    expect(seenByWalk(hast)).toEqual(seenByVisit(hast));
  });

  const tree = () => ({
    type: 'root',
    children: [
      { type: 'a', children: [{ type: 'leaf', value: 1 }] },
      { type: 'b', children: [{ type: 'leaf', value: 2 }] },
      { type: 'c' },
    ],
  });

  it('walks children a visitor adds, and the old children of a node it replaces', () => {
    const root = tree();
    const types: string[] = [];
    walkTree<Node & { children?: Node[] }, Parent>(root, (node, index, parent) => {
      types.push(node.type);
      if (node.type === 'a') node.children!.push({ type: 'added' });
      if (node.type === 'b') parent!.children[index!] = { type: 'replacement' } as Node;
    });
    expect(types).toEqual(['root', 'a', 'leaf', 'added', 'b', 'leaf', 'c']);
    expect(root.children[1]).toEqual({ type: 'replacement' });
  });

  it('skips a node’s children and goes on at the index its visitor returns', () => {
    const types: string[] = [];
    walkTree(tree(), (node: Node, index) => {
      types.push(node.type);
      if (node.type === 'a') return index! + 2; // skip a's leaf and b
    });
    expect(types).toEqual(['root', 'a', 'c']);
  });
});

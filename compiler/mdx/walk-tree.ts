/**
 * The one tree walk of our own plugins: every node of a unist tree (mdast or hast) depth-first in
 * document order, as `unist-util-visit` walks it.
 *
 * Written by hand, not taken from unist-util-visit, for speed: that walk defines a new named
 * function for every node it visits (`Object.defineProperty(visit, 'name', …)`, for readable stack
 * traces) and copies the list of ancestors for each node. In the profile of a cold build that was
 * 13% of a render worker's CPU (visit, its factory and the property writes; docs/benchmarks.md,
 * "The cold build against the floor"), most of it in our five walks per page. This one allocates
 * nothing per node.
 *
 * Semantics kept from unist-util-visit, which our plugins rely on:
 * - a node's children are read after its visitor returns, so children it adds are walked too;
 * - a node the visitor puts in its own place in the parent is not walked (its old children are);
 * - a visitor that returns a number skips the node's children and goes on at that index of the
 *   parent, as `[SKIP, index]` does.
 */
import type { Node, Parent } from 'unist';

/** What a visitor may return: nothing, or the parent's index to go on at (children skipped). */
export type WalkResult = number | undefined | void;

/** Calls `visitor` on every node under `tree` (the root included, without a parent). */
export function walkTree<N extends Node, P extends Parent = Parent>(
  tree: Node,
  visitor: (node: N, index: number | undefined, parent: P | undefined) => WalkResult,
): void {
  const visit = visitor as (node: Node, index?: number, parent?: Parent) => WalkResult;
  if (typeof visit(tree) === 'number') return;
  walkChildren(tree, visit);
}

function walkChildren(
  node: Node,
  visit: (node: Node, index?: number, parent?: Parent) => WalkResult,
): void {
  const children = (node as Partial<Parent>).children;
  if (!children) return;
  for (let index = 0; index < children.length;) {
    const child = children[index]!;
    const next = visit(child, index, node as Parent);
    if (typeof next === 'number') {
      index = next;
      continue;
    }
    walkChildren(child, visit);
    index++;
  }
}

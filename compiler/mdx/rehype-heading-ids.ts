/**
 * rehype plugin: every heading without an id gets one from its text, as GitHub makes them
 * (github-slugger: "Legal capacity" → `legal-capacity`, a repeat → `legal-capacity-1`), so a
 * section can be linked to.
 *
 * rehype-slug did this with the same slugger; it walked each page with unist-util-visit, which
 * costs more than the slugs themselves (walk-tree.ts says why), so the walk is ours.
 */
import GithubSlugger from 'github-slugger';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import type { Nodes, Root } from 'hast';
import { walkTree } from './walk-tree.ts';

export default function rehypeHeadingIds() {
  const slugs = new GithubSlugger();
  return (tree: Root) => {
    slugs.reset();
    walkTree<Nodes>(tree, (node) => {
      if (node.type !== 'element' || !headingRank(node) || node.properties.id) return;
      node.properties.id = slugs.slug(toString(node));
    });
  };
}

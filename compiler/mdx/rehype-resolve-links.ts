/**
 * rehype plugin: rewrites `polycourse:unit/<id>` and `polycourse:glossary#<id>` links to relative
 * URLs for the page being rendered, and links to sibling sources (`./<unit-id>.md`, `.mdx`) to
 * their pages. External links get rel="noopener"; relative links stay relative so a bundle works
 * from any path.
 */
import type { Nodes, Root } from 'hast';
import type { VFile } from 'vfile';
import { walkTree } from './walk-tree.ts';
import { reportProblem } from './report-problem.ts';

export interface LinkResolver {
  /** href of a unit page from `module-id/unit-id` or a bare unit id (current module first). */
  unitHref(ref: string): string | undefined;
  glossaryHref(termId: string): string;
}

/**
 * The resolver is the page (`file.data.page`); a body checked on its own keeps its links as
 * written.
 */
export default function rehypeResolveLinks() {
  return (tree: Root, file: VFile) => {
    const resolver = file.data.page;
    if (!resolver) return;
    walkTree<Nodes>(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'a') return;
      if (typeof node.properties.href !== 'string') return;
      const href = node.properties.href;
      if (href.startsWith('polycourse:unit/')) {
        node.properties.href = resolver.unitHref(href.slice('polycourse:unit/'.length));
      } else if (href.startsWith('polycourse:glossary#')) {
        node.properties.href = resolver.glossaryHref(href.slice('polycourse:glossary#'.length));
      } else if (/^https?:\/\//.test(href)) {
        node.properties.rel = ['noopener', 'noreferrer'];
      } else if (/^(\.\/)?[^/:#]+\.mdx?(#.*)?$/.test(href)) {
        const [target, hash] = href.replace(/^\.\//, '').split('#');
        const unitId = target.replace(/\.mdx?$/, '').replace(/\.[a-z]{2,3}(-[A-Za-z0-9]+)*$/, '');
        const resolved = resolver.unitHref(unitId);
        if (resolved) node.properties.href = hash ? `${resolved}#${hash}` : resolved;
        else
          reportProblem(file, node, {
            rule: 'unknown-unit',
            reason: `Link to ${href} names no unit of this course`,
            fix: 'Link to a unit by its id, e.g. [text](./unit-id.md).',
          });
      }
    });
  };
}

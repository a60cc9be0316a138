/**
 * rehype plugin: rewrites `polycourse:unit/<id>` and `polycourse:glossary#<id>` links to relative URLs
 * for the page being rendered, and links to sibling sources (`./<unit-id>.md`, `.mdx`) to their pages.
 * External links get rel="noopener"; relative links stay relative so a bundle works from any path.
 */
import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export interface LinkResolver {
  /** false: leave unit links as written (a body checked on its own, without its course) */
  checkReferences?: boolean;
  /** href of a unit page from `module-id/unit-id` or a bare unit id (current module first). */
  unitHref(ref: string): string | undefined;
  glossaryHref(termId: string): string;
}

export default function rehypeResolveLinks(resolver: LinkResolver) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
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
        else if (resolver.checkReferences !== false) {
          const m = file.message(`Link to ${href} names no unit of this course`, {
            place: node.position,
            ruleId: 'unknown-unit',
            source: 'polycourse',
          });
          m.fatal = true;
          m.note = 'Link to a unit by its id, e.g. [text](./unit-id.md).';
        }
      }
    });
  };
}

/**
 * rehype plugin: a task list item's checkbox gets its item's text as its name. GFM renders
 * `- [x] Text` as `<li class="task-list-item"><input type="checkbox" checked disabled> Text</li>`:
 * a checkbox without a label (axe `label`, critical), read out as "checkbox, checked" alone. The
 * checkbox and the inline content after it are wrapped in a `<label>`, up to the first block (a
 * nested list, a paragraph). Runs after sanitizing: the label is ours, not the author's.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { walkTree } from './walk-tree.ts';

const blocks = new Set(['ul', 'ol', 'p', 'div', 'blockquote', 'pre', 'table', 'figure']);

export default function rehypeTaskListLabels() {
  return (tree: Root) => {
    walkTree<Nodes>(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'li') return;
      if (!hasClass(node, 'task-list-item')) return;
      // a loose list puts the checkbox in the item's first paragraph
      const first = node.children.find((c) => c.type === 'element');
      const holder = first?.tagName === 'p' ? first : node;
      const at = holder.children.findIndex(
        (c) => c.type === 'element' && c.tagName === 'input' && c.properties.type === 'checkbox',
      );
      if (at < 0) return;
      let end = at + 1;
      while (end < holder.children.length && !isBlock(holder.children[end]!)) end++;
      const label: Element = {
        type: 'element',
        tagName: 'label',
        properties: {},
        children: holder.children.slice(at, end),
      };
      holder.children.splice(at, end - at, label);
    });
  };
}

const isBlock = (node: ElementContent) => node.type === 'element' && blocks.has(node.tagName);

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) ? value.includes(name) : value === name;
}

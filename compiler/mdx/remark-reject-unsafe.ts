/**
 * remark plugin: reports every construct an author may not use — MDX expressions, import/export,
 * raw HTML, `on*` attributes, non-literal attributes, `javascript:`/`data:` URLs — as a positioned
 * message with a rule id. It changes nothing; remark-polycourse-components handles what is allowed.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { walkTree } from './walk-tree.ts';
import { forbiddenElements } from './components.ts';
import { reportProblem } from './report-problem.ts';

const unsafeUrl = /^\s*(javascript|vbscript|data|file):/i;

/** True when a URL uses a scheme that can run code or smuggle content. */
export function isUnsafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside the scheme ("java\tscript:").
  return unsafeUrl.test(url.replace(/[\u0000-\u001f\u007f\s]+/g, ''));
}

export default function remarkRejectUnsafe() {
  return (tree: Root, file: VFile) => {
    walkTree<Nodes>(tree, (node) => {
      switch (node.type) {
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          reportProblem(file, node, {
            rule: 'mdx-expression',
            reason: `MDX expressions are not allowed: {${node.value.slice(0, 40)}}`,
            fix: 'Remove the braces; write the text literally (escape a literal brace as \\{).',
          });
          break;
        case 'mdxjsEsm':
          reportProblem(file, node, {
            rule: 'mdx-esm',
            reason: 'import and export are not allowed in course content',
            fix: 'Delete the import/export line; use the built-in components (docs/authoring.md).',
          });
          break;
        case 'html':
          reportProblem(file, node, {
            rule: 'raw-html',
            reason: `Raw HTML is not allowed: ${node.value.slice(0, 40)}`,
            fix: 'Use Markdown or one of the built-in components (docs/authoring.md).',
          });
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const name = node.name ?? '';
          if (forbiddenElements.has(name.toLowerCase())) {
            reportProblem(file, node, {
              rule: 'forbidden-element',
              reason: `<${name}> is not allowed in course content`,
              fix:
                'Remove it; course pages cannot run scripts, ' +
                'embed frames or carry their own styles.',
            });
          }
          for (const attr of node.attributes) {
            if (attr.type === 'mdxJsxExpressionAttribute') {
              reportProblem(file, node, {
                rule: 'non-literal-attribute',
                reason: `Spread attributes are not allowed on <${name}>: {${attr.value}}`,
                fix: 'Write each attribute as name="text".',
              });
              continue;
            }
            if (/^on/i.test(attr.name)) {
              reportProblem(file, node, {
                rule: 'event-attribute',
                reason: `Event handler attribute "${attr.name}" is not allowed on <${name}>`,
                fix: `Remove ${attr.name}; content cannot run scripts.`,
              });
            } else if (attr.value !== null && typeof attr.value === 'object') {
              reportProblem(file, node, {
                rule: 'non-literal-attribute',
                reason:
                  `Attribute "${attr.name}" on <${name}> ` +
                  'must be a literal string, not an expression',
                fix: `Write ${attr.name}="…" with plain text.`,
              });
            } else if (typeof attr.value === 'string' && isUnsafeUrl(attr.value)) {
              reportProblem(file, node, {
                rule: 'unsafe-url',
                reason:
                  `Unsafe URL in attribute "${attr.name}" on <${name}>: ` + attr.value.slice(0, 40),
                fix: 'Use an https:// link or a file under media/.',
              });
            }
          }
          break;
        }
        case 'link':
        case 'definition':
        case 'image':
          if (isUnsafeUrl(node.url)) {
            reportProblem(file, node, {
              rule: 'unsafe-url',
              reason: `Unsafe URL: ${node.url.slice(0, 40)}`,
              fix: 'Use an https:// link, a #heading or a file under media/.',
            });
          }
          break;
      }
    });
  };
}

/**
 * remark plugin: turns the allowed components (Callout, Figure, Term, link cards) into the elements
 * they render, and reports unknown components, unknown or missing attributes, unknown ids and
 * missing alt text. Links to units and the glossary become `polycourse:` URLs that
 * rehype-resolve-links makes relative to the page.
 */
import type { Image, Nodes, Paragraph, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Element, ElementContent } from 'hast';
import type { VFile } from 'vfile';
import type { Node } from 'unist';
import { walkTree } from './walk-tree.ts';
import { allowedComponents, forbiddenElements } from './components.ts';
import { isUnsafeUrl } from './remark-reject-unsafe.ts';
import { reportProblem } from './report-problem.ts';

type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;

const componentFor = (kind: string) =>
  Object.keys(allowedComponents).find((c) => allowedComponents[c].unitKind === kind);

/**
 * The page facts (course, locale, links) come from `file.data.page`; without them the plugin checks
 * syntax, safety and components alone, as the CMS field check asks.
 */
export default function remarkPolycourseComponents() {
  return (tree: Root, file: VFile) => {
    const page = file.data.page;
    // One walk for images and components: a component's images are visited after it, as its
    // children (Figure draws its own image from attributes, not children).
    walkTree<Nodes>(tree, (node) => {
      if (node.type === 'image') checkImage(node);
      else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
        checkComponent(node);
    });

    function checkImage(node: Image) {
      if (!node.alt || !node.alt.trim()) {
        reportProblem(file, node, {
          rule: 'missing-alt',
          reason: `Image ${node.url} has no alt text`,
          fix: 'Describe the image: ![what it shows](media/file.png).',
        });
      }
      const key = checkMedia(node, node.url);
      if (key) node.url = key;
    }

    /**
     * The media key of an image reference, or undefined (reported) when it is not a course media
     * file.
     */
    function checkMedia(node: Node, src: string): string | undefined {
      // unsafe URLs are remark-reject-unsafe's to report
      if (/^https:\/\//.test(src) || isUnsafeUrl(src)) return undefined;
      if (/^[a-z]+:/i.test(src) || src.startsWith('/')) {
        reportProblem(file, node, {
          rule: 'media-path',
          reason: `Image "${src}" must be a file of the course's media folder or an https:// URL`,
          fix: 'Put the image in the course\'s media/ folder and write src="media/<name>".',
        });
        return undefined;
      }
      if (!page) return undefined; // checked on its own: media are the course's to know
      const key = page.resolveMedia(src);
      if (!key)
        reportProblem(file, node, {
          rule: 'missing-media',
          reason: `Image not found: ${src}`,
          fix: `Add ${src} to the course's media folder or correct the path.`,
        });
      return key;
    }

    function checkComponent(node: JsxNode) {
      const name = node.name ?? '';
      const spec = allowedComponents[name];
      if (!spec) {
        if (!forbiddenElements.has(name.toLowerCase())) {
          reportProblem(file, node, {
            rule: 'unknown-component',
            reason: name ? `Unknown component <${name}>` : 'Fragments <></> are not allowed',
            fix: `Use one of: ${Object.keys(allowedComponents).join(', ')} (docs/authoring.md).`,
          });
        }
        return;
      }
      const attrs: Record<string, string> = {};
      // Attributes written but rejected by remark-reject-unsafe still count as present (no second
      // message).
      const written = new Set(
        node.attributes.map((a) => (a.type === 'mdxJsxAttribute' ? a.name : '')),
      );
      for (const attr of node.attributes) {
        if (
          attr.type !== 'mdxJsxAttribute' ||
          (attr.value !== null && typeof attr.value === 'object')
        )
          continue; // remark-reject-unsafe reports these
        if (/^on/i.test(attr.name)) continue;
        const rule = spec.attributes[attr.name];
        if (!rule) {
          reportProblem(file, node, {
            rule: 'unknown-attribute',
            reason: `<${name}> has no attribute "${attr.name}"`,
            fix: `Allowed: ${Object.keys(spec.attributes).join(', ') || 'none'}.`,
          });
          continue;
        }
        const value = attr.value ?? '';
        if (rule.values && !rule.values.includes(value)) {
          reportProblem(file, node, {
            rule: 'attribute-value',
            reason: `<${name} ${attr.name}="${value}"> is not allowed`,
            fix: `Use one of: ${rule.values.join(', ')}.`,
          });
        }
        attrs[attr.name] = value;
      }
      for (const [attrName, rule] of Object.entries(spec.attributes)) {
        if (
          rule.required &&
          !attrs[attrName]?.trim() &&
          !(written.has(attrName) && attrs[attrName] === undefined)
        ) {
          reportProblem(file, node, {
            rule: attrName === 'alt' ? 'missing-alt' : 'missing-attribute',
            reason: `<${name}> needs ${attrName}="…"`,
            fix:
              attrName === 'alt'
                ? 'Describe the image in this locale: alt="what it shows".'
                : `Add ${attrName}="…".`,
          });
        }
      }
      if (!spec.children && node.children.length) {
        reportProblem(file, node, {
          rule: 'unexpected-children',
          reason: `<${name}> takes no content`,
          fix: `Write it self-closing: <${name} … />.`,
        });
      }
      render(node, name, attrs);
    }

    function render(node: JsxNode, name: string, attrs: Record<string, string>) {
      const data = (node.data ??= {}) as Record<string, unknown>;
      switch (name) {
        case 'Callout': {
          const type = attrs.type ?? 'note';
          data.hName = 'aside';
          data.hProperties = { className: ['callout', `callout-${type}`], role: 'note' };
          const title = attrs.title || page?.t(`callout.${type}`) || type;
          const heading: Paragraph = {
            type: 'paragraph',
            data: { hProperties: { className: ['callout-title'] } },
            children: [{ type: 'strong', children: [{ type: 'text', value: title }] }],
          };
          (node.children as unknown[]).unshift(heading);
          break;
        }
        case 'Figure': {
          const key = attrs.src !== undefined ? checkMedia(node, attrs.src) : undefined;
          const children: ElementContent[] = [
            {
              type: 'element',
              tagName: 'img',
              properties: { src: key ?? attrs.src, alt: attrs.alt },
              children: [],
            },
          ];
          if (attrs.caption)
            children.push({
              type: 'element',
              tagName: 'figcaption',
              properties: {},
              children: [{ type: 'text', value: attrs.caption }],
            });
          data.hName = 'figure';
          data.hProperties = { className: ['figure'] };
          data.hChildren = children;
          break;
        }
        case 'Term': {
          if (!page) break; // checked on its own: terms are the course's to know
          const glossary = page.course.glossary;
          const term = glossary.find((g) => g.id === attrs.id);
          if (!term) {
            reportProblem(file, node, {
              rule: 'unknown-term',
              reason: `Unknown glossary term "${attrs.id}"`,
              fix:
                `Add "${attrs.id}" to glossary in course.yaml, ` +
                `or use one of: ${glossary.map((g) => g.id).join(', ')}.`,
            });
            break;
          }
          data.hName = 'a';
          data.hProperties = {
            className: ['term'],
            href: `polycourse:glossary#${term.id}`,
            title: page.text(term.definition),
          };
          break;
        }
        default: {
          if (!page) break; // checked on its own: units are the course's to know
          const found = page.findUnit(attrs.unit ?? '');
          const kind = allowedComponents[name].unitKind;
          if (!found) {
            reportProblem(file, node, {
              rule: 'unknown-unit',
              reason: `<${name} unit="${attrs.unit}"> names no unit of this course`,
              fix: 'Use the id of a unit from course.yaml.',
            });
            break;
          }
          const { module: foundModule, unit: foundUnit } = found;
          if (foundUnit.kind !== kind) {
            reportProblem(file, node, {
              rule: 'unit-kind',
              reason:
                `<${name} unit="${attrs.unit}">: ` +
                `that unit is a ${foundUnit.kind}, not a ${kind}`,
              fix:
                foundUnit.kind === 'lesson'
                  ? `Link a lesson with [text](./${foundUnit.id}.mdx).`
                  : `Use <${componentFor(foundUnit.kind)} unit="${foundUnit.id}" />.`,
            });
            break;
          }
          const card: Element = {
            type: 'element',
            tagName: 'a',
            properties: { href: `polycourse:unit/${foundModule.id}/${foundUnit.id}` },
            children: [
              {
                type: 'element',
                tagName: 'span',
                properties: { className: ['unit-card-kind'] },
                children: [{ type: 'text', value: page.t(`unit.kind.${foundUnit.kind}`) }],
              },
              { type: 'text', value: ' ' },
              {
                type: 'element',
                tagName: 'span',
                properties: { className: ['unit-card-title'] },
                children: [{ type: 'text', value: page.text(foundUnit.title) }],
              },
            ],
          };
          data.hName = node.type === 'mdxJsxFlowElement' ? 'p' : 'span';
          data.hProperties = { className: ['unit-card', `unit-card-${foundUnit.kind}`] };
          data.hChildren = [card];
        }
      }
    }
  };
}

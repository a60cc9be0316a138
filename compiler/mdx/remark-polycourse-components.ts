/**
 * remark plugin: turns the allowed components (Callout, Figure, Term, link cards) into the elements
 * they render, and reports unknown components, unknown or missing attributes, unknown ids and
 * missing alt text. Links to units and the glossary become `polycourse:` URLs that
 * rehype-resolve-links makes relative to the page.
 */
import type { Root, Paragraph, Image } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Element, ElementContent } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { allowedComponents, forbiddenElements } from './components.ts';
import { isUnsafeUrl } from './remark-reject-unsafe.ts';
import type { BodyContext } from './body-context.ts';

type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;

const componentFor = (kind: string) =>
  Object.keys(allowedComponents).find((c) => allowedComponents[c].unitKind === kind);

export default function remarkPolycourseComponents(ctx: BodyContext) {
  return (tree: Root, file: VFile) => {
    const fail = (
      node: { position?: JsxNode['position'] },
      reason: string,
      rule: string,
      fix: string,
    ) => {
      const m = file.message(reason, { place: node.position, ruleId: rule, source: 'polycourse' });
      m.fatal = true;
      m.note = fix;
    };

    visit(tree, 'image', (node: Image) => {
      if (!node.alt || !node.alt.trim()) {
        fail(
          node,
          `Image ${node.url} has no alt text`,
          'missing-alt',
          'Describe the image: ![what it shows](media/file.png).',
        );
      }
      const key = checkMedia(node, node.url);
      if (key) node.url = key;
    });

    /** The media key of an image reference, or undefined (reported) when it is not a course media file. */
    function checkMedia(node: { position?: JsxNode['position'] }, src: string): string | undefined {
      if (/^https:\/\//.test(src) || isUnsafeUrl(src)) return undefined; // unsafe URLs are remark-reject-unsafe's to report
      if (/^[a-z]+:/i.test(src) || src.startsWith('/')) {
        fail(
          node,
          `Image "${src}" must be a file of the course's media folder or an https:// URL`,
          'media-path',
          'Put the image in the course\'s media/ folder and write src="media/<name>".',
        );
        return undefined;
      }
      const key = ctx.resolveMedia(src);
      if (!key && ctx.checkReferences !== false)
        fail(
          node,
          `Image not found: ${src}`,
          'missing-media',
          `Add ${src} to the course's media folder or correct the path.`,
        );
      return key;
    }

    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const name = node.name ?? '';
      const spec = allowedComponents[name];
      if (!spec) {
        if (!forbiddenElements.has(name.toLowerCase())) {
          fail(
            node,
            name ? `Unknown component <${name}>` : 'Fragments <></> are not allowed',
            'unknown-component',
            `Use one of: ${Object.keys(allowedComponents).join(', ')} (docs/authoring.md).`,
          );
        }
        return;
      }
      const attrs: Record<string, string> = {};
      // Attributes written but rejected by remark-reject-unsafe still count as present (no second message).
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
          fail(
            node,
            `<${name}> has no attribute "${attr.name}"`,
            'unknown-attribute',
            `Allowed: ${Object.keys(spec.attributes).join(', ') || 'none'}.`,
          );
          continue;
        }
        const value = attr.value ?? '';
        if (rule.values && !rule.values.includes(value)) {
          fail(
            node,
            `<${name} ${attr.name}="${value}"> is not allowed`,
            'attribute-value',
            `Use one of: ${rule.values.join(', ')}.`,
          );
        }
        attrs[attr.name] = value;
      }
      for (const [attrName, rule] of Object.entries(spec.attributes)) {
        if (
          rule.required &&
          !attrs[attrName]?.trim() &&
          !(written.has(attrName) && attrs[attrName] === undefined)
        ) {
          fail(
            node,
            `<${name}> needs ${attrName}="…"`,
            attrName === 'alt' ? 'missing-alt' : 'missing-attribute',
            attrName === 'alt'
              ? 'Describe the image in this locale: alt="what it shows".'
              : `Add ${attrName}="…".`,
          );
        }
      }
      if (!spec.children && node.children.length) {
        fail(
          node,
          `<${name}> takes no content`,
          'unexpected-children',
          `Write it self-closing: <${name} … />.`,
        );
      }
      render(node, name, attrs);
    });

    function render(node: JsxNode, name: string, attrs: Record<string, string>) {
      const data = (node.data ??= {}) as Record<string, unknown>;
      switch (name) {
        case 'Callout': {
          const type = attrs.type ?? 'note';
          data.hName = 'aside';
          data.hProperties = { className: ['callout', `callout-${type}`], role: 'note' };
          const title = attrs.title || ctx.t(`callout.${type}`);
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
          const term = ctx.course.glossary.find((g) => g.id === attrs.id);
          if (!term) {
            if (ctx.checkReferences === false) break;
            fail(
              node,
              `Unknown glossary term "${attrs.id}"`,
              'unknown-term',
              `Add "${attrs.id}" to glossary in course.yaml, or use one of: ${ctx.course.glossary.map((g) => g.id).join(', ')}.`,
            );
            break;
          }
          data.hName = 'a';
          data.hProperties = {
            className: ['term'],
            href: `polycourse:glossary#${term.id}`,
            title: ctx.text(term.definition),
          };
          break;
        }
        default: {
          const found = ctx.findUnit(attrs.unit ?? '');
          const kind = allowedComponents[name].unitKind;
          if (!found) {
            if (ctx.checkReferences === false) break;
            fail(
              node,
              `<${name} unit="${attrs.unit}"> names no unit of this course`,
              'unknown-unit',
              'Use the id of a unit from course.yaml.',
            );
            break;
          }
          const { module: foundModule, unit: foundUnit } = found;
          if (foundUnit.kind !== kind) {
            fail(
              node,
              `<${name} unit="${attrs.unit}">: that unit is a ${foundUnit.kind}, not a ${kind}`,
              'unit-kind',
              foundUnit.kind === 'lesson'
                ? `Link a lesson with [text](./${foundUnit.id}.mdx).`
                : `Use <${componentFor(foundUnit.kind)} unit="${foundUnit.id}" />.`,
            );
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
                children: [{ type: 'text', value: ctx.t(`unit.kind.${foundUnit.kind}`) }],
              },
              { type: 'text', value: ' ' },
              {
                type: 'element',
                tagName: 'span',
                properties: { className: ['unit-card-title'] },
                children: [{ type: 'text', value: ctx.text(foundUnit.title) }],
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

/**
 * rehype plugin: turns `<img src="media/…">` into a `<picture>` with AVIF and WebP sources at
 * several widths and a fallback `<img>` with width, height, lazy loading and async decoding.
 * The variants come from the image stage (compiler/images), already built.
 */
import type { Root, Element, ElementContent, Nodes, Parents } from 'hast';
import type { VFile } from 'vfile';
import { walkTree } from './walk-tree.ts';
import type { ProcessedImage } from '../images/process-images.ts';

export interface ImageLookup {
  image(src: string): ProcessedImage | undefined;
  /** Path from the page to the bundle root of its locale, e.g. "../../". */
  toRoot: string;
}

/** The lookup is the page (`file.data.page`); a body checked on its own keeps its `<img>`. */
export default function rehypeResponsiveImages() {
  return (tree: Root, file: VFile) => {
    const lookup = file.data.page;
    if (!lookup) return;
    walkTree<Nodes, Parents>(tree, (node, index, parent) => {
      if (node.type !== 'element' || node.tagName !== 'img' || !parent || index === undefined)
        return;
      const src = String(node.properties.src ?? '');
      const image = lookup.image(src);
      if (!image) return;
      parent.children[index] = pictureElement(
        image,
        String(node.properties.alt ?? ''),
        lookup.toRoot,
      );
    });
  };
}

/** `<picture>` for a processed image; also used by templates (video posters). */
export function pictureElement(image: ProcessedImage, alt: string, toRoot: string): Element {
  const sizes = `(max-width: 48rem) 100vw, 48rem`;
  const srcset = (format: 'avif' | 'webp') =>
    image.variants
      .filter((v) => v.format === format)
      .map((v) => `${toRoot}${v.path} ${v.width}w`)
      .join(', ');
  const sources: ElementContent[] = (['avif', 'webp'] as const).map((format) => ({
    type: 'element',
    tagName: 'source',
    properties: { type: `image/${format}`, srcSet: srcset(format), sizes },
    children: [],
  }));
  const fallback = image.fallback;
  return {
    type: 'element',
    tagName: 'picture',
    properties: {},
    children: [
      ...sources,
      {
        type: 'element',
        tagName: 'img',
        properties: {
          src: `${toRoot}${fallback.path}`,
          alt,
          width: image.width,
          height: image.height,
          loading: 'lazy',
          decoding: 'async',
        },
        children: [],
      },
    ],
  };
}

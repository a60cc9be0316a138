/** rehype-sanitize schema: GitHub's defaults plus exactly what our components render. */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

const base = defaultSchema.attributes ?? {};
/**
 * GitHub's schema pins className values on some tags (e.g. only footnote classes on `a`); we set
 * our own.
 */
const withoutClassRule = (list: NonNullable<typeof base.a> = []) =>
  list.filter((a) => !(Array.isArray(a) && a[0] === 'className'));

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'aside',
    'figure',
    'figcaption',
    'picture',
    'source',
    'section',
  ],
  attributes: {
    ...base,
    '*': [...(base['*'] ?? []), 'className'],
    a: [...withoutClassRule(base.a), 'className', 'title', 'rel'],
    aside: ['role'],
    img: [...(base.img ?? []), 'width', 'height', 'loading', 'decoding', 'srcSet', 'sizes'],
    source: ['srcSet', 'type', 'sizes'],
  },
  // Ids come only from our own plugins (footnotes are prefixed by remark-rehype); authors cannot
  // set any.
  clobber: [],
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
};

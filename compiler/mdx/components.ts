/** The MDX components an author may use, with their attributes. Anything else is rejected. */
export interface ComponentSpec {
  attributes: Record<string, { required?: boolean; values?: string[] }>;
  /** true when the component wraps Markdown children */
  children: boolean;
  /** For link cards: the unit kind that `unit` must name. */
  unitKind?: 'video' | 'infosheet' | 'quiz' | 'challenge';
}

export const allowedComponents: Record<string, ComponentSpec> = {
  Callout: {
    attributes: { type: { values: ['note', 'tip', 'warning', 'important'] }, title: {} },
    children: true,
  },
  Figure: {
    attributes: { src: { required: true }, alt: { required: true }, caption: {} },
    children: false,
  },
  Term: { attributes: { id: { required: true } }, children: true },
  Video: { attributes: { unit: { required: true } }, children: false, unitKind: 'video' },
  InfoSheet: { attributes: { unit: { required: true } }, children: false, unitKind: 'infosheet' },
  Quiz: { attributes: { unit: { required: true } }, children: false, unitKind: 'quiz' },
  Challenge: { attributes: { unit: { required: true } }, children: false, unitKind: 'challenge' },
};

/** Raw HTML elements named in errors as forbidden rather than merely unknown. */
export const forbiddenElements = new Set([
  'script',
  'iframe',
  'style',
  'object',
  'embed',
  'form',
  'link',
  'meta',
  'base',
]);

/**
 * The machine translation seam: a provider (DeepL, LibreTranslate, an in-house service, the
 * offline `pseudo` one) gets segments whose placeholders are `<x id="n"/>` tags and returns one
 * draft per segment. `fillMachineDrafts` (fill-machine-drafts.ts) checks the drafts and stores
 * them marked `machine`: needing review, never approved.
 */
import { placeholder, placeholderPattern } from './segment-mdx.ts';

/** One text to translate, or its draft. */
export interface MachineSegment {
  /** the translation unit's id (a model path, `<path>:<n>` for a segment of a body) */
  id: string;
  /**
   * XML text content: each placeholder is an empty tag `<x id="n"/>` (keep every one, once, in a
   * place that suits the sentence), and `&`, `<`, `>` are written `&amp;`, `&lt;`, `&gt;`. Send
   * it with the service's XML or HTML tag handling on.
   */
  text: string;
}

export interface MachineRequest {
  /** BCP 47 tags, as the course writes them (`en`, `fr`, `pt-BR`) */
  sourceLocale: string;
  targetLocale: string;
  segments: MachineSegment[];
  /** aborted when the call has taken too long: hand it to `fetch` */
  signal: AbortSignal;
}

/** What a partner implements: `export default { name, translate }` in a module of their own. */
export interface MachineTranslator {
  /** shown in messages (`deepl`, `libretranslate`) */
  name: string;
  /** a draft for each segment, by id; a segment left out stays untranslated */
  translate(request: MachineRequest): Promise<MachineSegment[]>;
}

const tag = /<x\s+id\s*=\s*(?:"(\d+)"|'(\d+)')\s*\/?>(?:\s*<\/x>)?/g;
const entity = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A segment's text (placeholder marks) as a provider gets it. */
export function toProviderText(text: string): string {
  return text
    .split(placeholderPattern)
    .map((part, i) =>
      i % 2
        ? `<x id="${part}"/>`
        : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    )
    .join('');
}

/**
 * A provider's text back as segment text: tags (also as HTML tools rewrite them, `<x id="1"></x>`)
 * become placeholder marks, entities characters; marks and control characters the provider wrote
 * itself are dropped, so only a tag can stand for markup.
 */
export function fromProviderText(text: string): string {
  return text
    .replace(/[\uE000\uE001\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(tag, (_, a?: string, b?: string) => placeholder(Number(a ?? b)))
    .replace(entity, (whole, dec?: string, hex?: string, name?: string) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
      if (name) return named[name.toLowerCase()];
      const usable = code !== undefined && code > 0x1f && code <= 0x10ffff;
      return usable && code !== 0xe000 && code !== 0xe001 ? String.fromCodePoint(code) : whole;
    });
}

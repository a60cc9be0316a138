/**
 * A unit's context (unit-context.ts) as XLIFF markup that tools read besides the note: XLIFF 1.2
 * `<context-group>`, XLIFF 2.0 notes with a category and the Size and Length Restriction module.
 * Both stay valid against the OASIS schemas (test/translation/xliff-schemas.test.ts).
 */
import type { Document, Element } from '@xmldom/xmldom';
import type { TranslationUnit } from '../translation-units.ts';

/** XLIFF 2.0 Size and Length Restriction module. */
export const slrNamespace = 'urn:oasis:names:tc:xliff:sizerestriction:2.0';
const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';

/**
 * XLIFF 1.2: `<context-group purpose="location">` with the unit's place in words
 * (`x-location`), its page's address (`x-url`) and screenshot (`x-screenshot`) when known. Custom
 * context types take the `x-` prefix the schema allows; the group has no `name`, which the schema
 * wants unique in the whole file.
 */
export function appendContextGroup12(
  doc: Document,
  ns: string,
  tu: Element,
  unit: TranslationUnit,
) {
  if (!unit.context) return;
  const group = doc.createElementNS(ns, 'context-group');
  group.setAttribute('purpose', 'location');
  const contexts: [string, string | undefined][] = [
    ['x-location', unit.context.where],
    ['x-url', unit.context.url],
    ['x-screenshot', unit.context.screenshot],
  ];
  for (const [type, text] of contexts) {
    if (!text) continue;
    const context = doc.createElementNS(ns, 'context');
    context.setAttribute('context-type', type);
    context.appendChild(doc.createTextNode(text));
    group.appendChild(context);
  }
  tu.appendChild(group);
}

/** XLIFF 2.0: the page's address and screenshot as notes of their own category. */
export function appendContextNotes20(
  doc: Document,
  ns: string,
  notes: Element,
  unit: TranslationUnit,
) {
  const categorized: [string, string | undefined][] = [
    ['page', unit.context?.url],
    ['screenshot', unit.context?.screenshot],
  ];
  for (const [category, text] of categorized) {
    if (!text) continue;
    const note = doc.createElementNS(ns, 'note');
    note.setAttribute('category', category);
    note.appendChild(doc.createTextNode(text));
    notes.appendChild(note);
  }
}

/**
 * XLIFF 2.0: when a unit has a maximum length, declare the size profile on the file
 * (`<slr:profiles generalProfile="xliff:codepoints">`: sizes count Unicode code points) and bind
 * the module's namespace on the root. Call before the file's units are appended.
 */
export function declareSizeProfile20(doc: Document, file: Element, units: TranslationUnit[]) {
  if (!units.some((u) => u.maxLength)) return;
  doc.documentElement!.setAttributeNS(xmlnsNamespace, 'xmlns:slr', slrNamespace);
  const profiles = doc.createElementNS(slrNamespace, 'slr:profiles');
  profiles.setAttribute('generalProfile', 'xliff:codepoints');
  file.appendChild(profiles);
}

/** XLIFF 2.0: a unit's maximum length as `slr:sizeRestriction` (in the file's general profile). */
export function restrictSize20(u: Element, unit: TranslationUnit) {
  if (unit.maxLength) u.setAttributeNS(slrNamespace, 'slr:sizeRestriction', String(unit.maxLength));
}

/**
 * The course glossary for CAT tools: each term in the source locale and its translation per
 * locale, with its definition. TBX-Basic as TBX 2008 (`<martif>`, what translate-toolkit,
 * OmegaT, memoQ and MultiTerm read) or TBX v3 (ISO 30042:2019, DCA style), or RFC 4180 CSV.
 */
import type { Course } from '../model/course.ts';

export type GlossaryFormat = 'tbx' | 'tbx-v3' | 'csv';

/** One term: its id and, per locale (the source locale first), its term and definition. */
interface Entry {
  id: string;
  langs: { locale: string; term: string; definition?: string }[];
}

/**
 * The glossary's entries for the source locale and `locales`, skipping a locale where the term has
 * no translation (a CAT tool would take an empty term for one).
 */
function glossaryEntries(course: Course, locales: string[]): Entry[] {
  const all = [course.sourceLocale, ...locales.filter((l) => l !== course.sourceLocale)];
  return course.glossary.map((g) => ({
    id: g.id,
    langs: all.flatMap((locale) => {
      const term = g.term[locale]?.trim();
      const definition = g.definition[locale]?.trim() || undefined;
      return term ? [{ locale, term, definition }] : [];
    }),
  }));
}

/** XML text or attribute value; characters XML 1.0 cannot hold are left out. */
function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The element names of one TBX version: entry, language and term sections, and the frame. */
interface TbxShape {
  root: string;
  header: string;
  entry: string;
  lang: string;
  termGroup: string;
}

const tbx2008: TbxShape = {
  root: '<martif type="TBX-Basic" xml:lang="{lang}">',
  header: 'martifHeader',
  entry: 'termEntry',
  lang: 'langSet',
  termGroup: 'tig',
};

const tbxV3: TbxShape = {
  root: '<tbx type="TBX-Basic" style="dca" xml:lang="{lang}" xmlns="urn:iso:std:iso:30042:ed-2">',
  header: 'tbxHeader',
  entry: 'conceptEntry',
  lang: 'langSec',
  termGroup: 'termSec',
};

function writeTbx(course: Course, locales: string[], shape: TbxShape): string {
  const title = course.title[course.sourceLocale] ?? course.id;
  const entries = glossaryEntries(course, locales).map((e) => {
    const langs = e.langs.map((l) =>
      [
        `        <${shape.lang} xml:lang="${xmlText(l.locale)}">`,
        ...(l.definition
          ? [`          <descrip type="definition">${xmlText(l.definition)}</descrip>`]
          : []),
        `          <${shape.termGroup}><term>${xmlText(l.term)}</term></${shape.termGroup}>`,
        `        </${shape.lang}>`,
      ].join('\n'),
    );
    return [
      `      <${shape.entry} id="glossary.${xmlText(e.id)}">`,
      ...langs,
      `      </${shape.entry}>`,
    ].join('\n');
  });
  const rootName = /^<(\w+)/.exec(shape.root)![1];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    shape.root.replace('{lang}', xmlText(course.sourceLocale)),
    `  <${shape.header}>`,
    '    <fileDesc>',
    `      <titleStmt><title>${xmlText(`${title}: glossary`)}</title></titleStmt>`,
    `      <sourceDesc><p>${xmlText(`Polycourse course ${course.id}`)}</p></sourceDesc>`,
    '    </fileDesc>',
    `  </${shape.header}>`,
    '  <text>',
    '    <body>',
    ...entries,
    '    </body>',
    '  </text>',
    `</${rootName}>`,
    '',
  ].join('\n');
}

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * CSV: a header row of locale codes (the source locale first) and `definition` (the source
 * locale's), then a row per term; CRLF line ends. Two locales make the source, target, comment
 * columns OmegaT reads.
 */
function writeCsv(course: Course, locales: string[]): string {
  const all = [course.sourceLocale, ...locales.filter((l) => l !== course.sourceLocale)];
  const rows = [[...all, 'definition']];
  for (const e of glossaryEntries(course, locales)) {
    const byLocale = new Map(e.langs.map((l) => [l.locale, l]));
    const source = byLocale.get(course.sourceLocale);
    rows.push([...all.map((l) => byLocale.get(l)?.term ?? ''), source?.definition ?? '']);
  }
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/** The glossary of `course` for its source locale and `locales`, in `format`. */
export function exportGlossary(course: Course, locales: string[], format: GlossaryFormat): string {
  if (format === 'csv') return writeCsv(course, locales);
  return writeTbx(course, locales, format === 'tbx-v3' ? tbxV3 : tbx2008);
}

export const glossaryFormats: GlossaryFormat[] = ['tbx', 'tbx-v3', 'csv'];

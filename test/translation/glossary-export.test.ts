/**
 * Issue #16: the course glossary for CAT tools (`l10n glossary`). The TBX is well-formed
 * (xmllint) and translate-toolkit's TBX class reads back each term, its translations and its
 * definition; the TBX v3 file has the ISO 30042:2019 structure; the CSV parses back with
 * csv-parse, special characters and all.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { readCourse } from '../../compiler/sources/read-course.ts';
import { exportGlossary } from '../../compiler/translation/glossary-export.ts';
import { demoCourseDir } from '../helpers/demo-course.ts';
import { miniCourse, miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

const python = '/usr/bin/python3';
const toolkit =
  spawnSync(python, ['-c', 'from translate.storage import tbx'], { encoding: 'utf8' }).status === 0;
const xmllint = spawnSync('xmllint', ['--version']).status === 0;
// On CI the tools must be there (a skip would hide a missing install step).
const withToolkit = it.skipIf(!toolkit && !process.env.CI);
const withXmllint = it.skipIf(!xmllint && !process.env.CI);

const demo = readCourse(demoCourseDir).course!;

/** The glossary written by the CLI into a file. */
function glossaryFile(course: string, format: string, ...args: string[]): string {
  const file = path.join(tempDir(), `glossary.${format === 'csv' ? 'csv' : 'tbx'}`);
  const r = run('l10n', 'glossary', course, '--format', format, '--out', file, ...args);
  expect(r.status, r.stderr).toBe(0);
  return file;
}

/** A glossary with text that XML and CSV must escape: &, <, quotes, commas, a line break. */
function awkwardCourse() {
  const course = miniCourse();
  course.glossary = [
    {
      id: 'rights',
      term: { en: 'Rights & "duties" <UN>', fr: 'Droits, « devoirs »' },
      definition: { en: 'What is owed,\nand to whom; "both".' },
    },
  ];
  return course;
}

describe('l10n glossary --format tbx', () => {
  withXmllint('is well-formed XML, TBX-Basic', () => {
    const file = glossaryFile(demoCourseDir, 'tbx');
    const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
    expect(lint.status, lint.stderr).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/<martif type="TBX-Basic" xml:lang="en">/);
  });

  withToolkit('translate-toolkit reads every term, its translation and definition back', () => {
    const file = glossaryFile(demoCourseDir, 'tbx', '--locale', 'fr');
    const script = [
      'import sys, json',
      'from translate.storage import tbx',
      'store = tbx.tbxfile.parsefile(sys.argv[1])',
      'print(json.dumps([[u.getid(), u.source, u.target, u.getnotes("definition")]',
      '  for u in store.units]))',
    ].join('\n');
    const read = spawnSync(python, ['-c', script, file], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toEqual(
      demo.glossary.map((g) => [
        `glossary.${g.id}`,
        g.term.en,
        g.term.fr,
        `${g.definition.en}\n${g.definition.fr}`,
      ]),
    );
  });

  withToolkit('every locale of the course, each language under its own xml:lang', () => {
    const file = glossaryFile(demoCourseDir, 'tbx');
    const script = [
      'import sys, json',
      'from translate.storage import tbx',
      'from translate.misc.xml_helpers import getXMLlang',
      'store = tbx.tbxfile.parsefile(sys.argv[1])',
      'print(json.dumps([{getXMLlang(n): u.getNodeText(n) for n in u.getlanguageNodes()}',
      '  for u in store.units]))',
    ].join('\n');
    const read = spawnSync(python, ['-c', script, file], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toEqual(demo.glossary.map((g) => g.term));
    expect(Object.keys(demo.glossary[0].term)).toEqual(demo.locales);
  });

  withToolkit('escapes what XML must, and leaves out a locale without a translation', () => {
    const file = path.join(tempDir(), 'g.tbx');
    fs.writeFileSync(file, exportGlossary(awkwardCourse(), ['fr', 'ar'], 'tbx'));
    const script = [
      'import sys, json',
      'from translate.storage import tbx',
      'u = tbx.tbxfile.parsefile(sys.argv[1]).units[0]',
      'print(json.dumps([u.source, u.target, u.getnotes("definition"),',
      '  len(u.getlanguageNodes())]))',
    ].join('\n');
    const read = spawnSync(python, ['-c', script, file], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toEqual([
      'Rights & "duties" <UN>',
      'Droits, « devoirs »',
      'What is owed,\nand to whom; "both".',
      2,
    ]);
  });
});

describe('l10n glossary --format tbx-v3', () => {
  withXmllint('is well-formed TBX v3: tbx, conceptEntry, langSec, termSec, term', () => {
    const file = glossaryFile(demoCourseDir, 'tbx-v3', '--locale', 'fr,ar');
    const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
    expect(lint.status, lint.stderr).toBe(0);
    const doc = new DOMParser().parseFromString(fs.readFileSync(file, 'utf8'), 'text/xml');
    const root = doc.documentElement!;
    expect([root.localName, root.namespaceURI]).toEqual(['tbx', 'urn:iso:std:iso:30042:ed-2']);
    expect(root.getAttribute('type')).toBe('TBX-Basic');
    expect(root.getAttribute('style')).toBe('dca');
    expect(root.getAttribute('xml:lang')).toBe('en');
    const children = (e: Element, name: string) =>
      Array.from(e.childNodes).filter((n): n is Element => (n as Element).localName === name);
    const [body] = Array.from(doc.getElementsByTagName('body'));
    const entries = children(body, 'conceptEntry').map((entry) =>
      children(entry, 'langSec').map((lang) => [
        lang.getAttribute('xml:lang'),
        children(children(lang, 'termSec')[0], 'term')[0].textContent,
        children(lang, 'descrip')[0].getAttribute('type'),
      ]),
    );
    expect(entries).toEqual(
      demo.glossary.map((g) => ['en', 'fr', 'ar'].map((l) => [l, g.term[l], 'definition'])),
    );
  });
});

describe('l10n glossary --format csv', () => {
  it('parses back with csv-parse: a header of locales, a row per term', () => {
    const file = glossaryFile(demoCourseDir, 'csv', '--locale', 'fr,zh');
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\r\n')[0]).toBe('en,fr,zh,definition');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual(
      demo.glossary.map((g) => ({
        en: g.term.en,
        fr: g.term.fr,
        zh: g.term.zh,
        definition: g.definition.en,
      })),
    );
  });

  it('quotes commas, quotes and line breaks (RFC 4180), empty where a locale has none', () => {
    const text = exportGlossary(awkwardCourse(), ['fr', 'ar'], 'csv');
    expect(parse(text, { relax_column_count: false })).toEqual([
      ['en', 'fr', 'ar', 'definition'],
      ['Rights & "duties" <UN>', 'Droits, « devoirs »', '', 'What is owed,\nand to whom; "both".'],
    ]);
  });
});

describe('l10n glossary on the command line', () => {
  it('writes to stdout without --out, TBX by default', () => {
    const r = run('l10n', 'glossary', miniCourseDir, '--locale', 'ar');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('<term>اتفاقية حقوق الأشخاص ذوي الإعاقة</term>');
  });

  it('refuses an unknown format or locale as a usage error', () => {
    const format = run('l10n', 'glossary', miniCourseDir, '--format', 'xlsx');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format must be one of tbx, tbx-v3, csv');
    const locale = run('l10n', 'glossary', miniCourseDir, '--locale', 'de');
    expect(locale.status).toBe(2);
    expect(locale.stderr).toContain('the course has no locale de');
  });
});

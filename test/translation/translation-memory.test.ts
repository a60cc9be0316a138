/**
 * Issue #16, translation memory: approved translations of the courses beside a course pre-fill
 * its export (exact matches, as drafts that an unchanged import never approves) and are offered
 * as fuzzy matches (75 % and more); TMX 1.4b export and import, through translate-toolkit, and
 * hostile TMX files refused with what to fix.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMParser, type Element } from '@xmldom/xmldom';
import gettextParser from 'gettext-parser';
import { readCourse } from '../../compiler/sources/read-course.ts';
import { translationStatus } from '../../compiler/translation/translation-status.ts';
import { importTranslations } from '../../compiler/translation/import-translations.ts';
import {
  TranslationMemory,
  type MemoryEntry,
} from '../../compiler/translation/translation-memory.ts';
import { readTmx, writeTmx } from '../../compiler/translation/formats/tmx.ts';
import { readTmxFile } from '../../compiler/translation/read-translation-memory.ts';
import { placeholder } from '../../compiler/translation/segment-mdx.ts';
import { tempDir } from '../helpers/temp-course.ts';
import { courseIn, translateAndApprove } from '../helpers/approved-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const toolkit = spawnSync('po2tmx', ['--version'], { encoding: 'utf8' }).status === 0;
// On CI the tools must be there (a skip would hide a missing install step).
const withToolkit = it.skipIf(!toolkit && !process.env.CI);

const summary = 'modules.basics.summary';
const prompt = 'modules.basics.units.basics-quiz.questions.q1.prompt';
const firstBody = 'modules.basics.units.first-lesson.body';
const secondBody = 'modules.basics.units.second-lesson.body';

/**
 * A courses folder: `alpha`, all approved in French, and `beta`, untranslated but for its title,
 * whose summary is 80 % like alpha's, its questionnaire intro 60 % like it, and whose first
 * lesson says **rights** in italics.
 */
function coursesFolder() {
  const dir = tempDir();
  const alpha = courseIn(dir, 'alpha', [
    ['locales/en.yaml', 'summary: The first steps.', 'summary: Ask before you help.'],
  ]);
  translateAndApprove(alpha);
  const beta = courseIn(dir, 'beta', [
    ['locales/en.yaml', 'summary: The first steps.', 'summary: Ask before you act.'],
    ['locales/en.yaml', 'intro: No right or wrong answers.', 'intro: Wait before you go.'],
    ['modules/basics/first-lesson.en.mdx', 'has **rights**', 'has *rights*'],
  ]);
  fs.writeFileSync(path.join(beta, 'locales/fr.yaml'), 'title: Autre cours\n');
  return { dir, alpha, beta };
}

const exportOf = (course: string, format: string, ...more: string[]) => {
  const r = run('l10n', 'export', course, '--locale', 'fr', '--format', format, ...more);
  expect(r.status, r.stderr).toBe(0);
  return { text: r.stdout, stderr: r.stderr };
};

const frenchCounts = (course: string) =>
  translationStatus(readCourse(course).course!, ['fr']).fr.counts;

/** XLIFF 1.2 trans-units by id. */
function transUnits(xml: string): Map<string, Element> {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const units = Array.from(doc.getElementsByTagName('trans-unit')) as Element[];
  return new Map(units.map((u) => [u.getAttribute('id')!, u]));
}
const child = (el: Element, name: string) =>
  (Array.from(el.childNodes) as Element[]).find((n) => n.localName === name);
const altTrans = (el: Element) =>
  (Array.from(el.childNodes) as Element[]).filter((n) => n.localName === 'alt-trans');

describe('an export with the translation memory of the courses beside it', () => {
  it('XLIFF 1.2: exact matches pre-filled as drafts, fuzzy ones from 75 % offered', () => {
    const { beta } = coursesFolder();
    const { text, stderr } = exportOf(beta, 'xliff12');
    expect(stderr).toMatch(/fr: translation memory: \d+ unit\(s\) pre-filled/);
    const units = transUnits(text);

    const filled = units.get(prompt)!;
    const target = child(filled, 'target')!;
    expect(target.textContent).toBe('FR Pick b.');
    expect(target.getAttribute('state')).toBe('needs-review-translation');
    expect(target.getAttribute('state-qualifier')).toBe('exact-match');
    expect(filled.getAttribute('approved')).toBeNull();
    expect(child(filled, 'note')!.textContent).toContain(
      `Pre-filled from the translation memory (exact match, alpha: ${prompt})`,
    );

    const [fuzzy] = altTrans(units.get(summary)!);
    expect(fuzzy.getAttribute('match-quality')).toBe('80');
    expect(fuzzy.getAttribute('origin')).toBe(`alpha: ${summary}`);
    expect(child(fuzzy, 'source')!.textContent).toBe('Ask before you help.');
    expect(child(fuzzy, 'target')!.textContent).toBe('FR Ask before you help.');
    expect(child(units.get(summary)!, 'target')!.textContent).toBe('');
    // 60 % is not offered.
    const intro = altTrans(units.get('questionnaire.intro')!).map((a) => a.textContent);
    expect(intro.join()).not.toContain('Ask before you help.');
  });

  it('placeholders: other markup is not exact, and a body is pre-filled only whole', () => {
    const { beta } = coursesFolder();
    const units = transUnits(exportOf(beta, 'xliff12').text);
    // "has *rights*": the same words, its placeholders stand for other markup.
    const italic = units.get(`${firstBody}:2`)!;
    expect(child(italic, 'target')!.textContent).toBe('');
    const [offered] = altTrans(italic);
    expect(offered.getAttribute('match-quality')).toBe('99');
    const ph = Array.from(child(offered, 'source')!.getElementsByTagName('ph'));
    expect(ph.map((p) => p.textContent)).toContain('**');
    // The other segments of that body wait with it; the next body is pre-filled whole, with the
    // placeholders of the unit.
    expect(child(units.get(`${firstBody}:1`)!, 'target')!.textContent).toBe('');
    expect(child(units.get(`${firstBody}:1`)!, 'alt-trans')!.getAttribute('match-quality')).toBe(
      '100',
    );
    const second = child(units.get(`${secondBody}:1`)!, 'target')!;
    expect(second.getAttribute('state-qualifier')).toBe('exact-match');
    expect(second.textContent).toBe('FR Second');
  });

  it.each(['xliff12', 'xliff20', 'po'])(
    '%s imported unchanged: the pre-filled texts are drafts, nothing is approved',
    (format) => {
      const { beta } = coursesFolder();
      const { text } = exportOf(beta, format);
      if (format === 'xliff20') {
        expect(text).toMatch(/state="initial" subState="polycourse:tm:exact-match"><source>Pick b/);
        expect(text).toContain(
          '<note category="translation-memory">Translation memory, 80% match ' +
            `(alpha: ${summary}): Ask before you help. → FR Ask before you help.</note>`,
        );
      }
      if (format === 'po') {
        const entry = gettextParser.po.parse(text).translations[prompt]['Pick b.'];
        expect(entry.msgstr).toEqual(['FR Pick b.']);
        expect(entry.comments?.flag).toBe('fuzzy');
        expect(entry.comments?.extracted).toContain('Pre-filled from the translation memory');
        expect(text).toContain(
          `#. Translation memory, 80% match (alpha: ${summary}): ` +
            'Ask before you help. → FR Ask before you help.',
        );
      }
      const result = importTranslations(beta, text);
      expect(result.diagnostics).toEqual([]);
      const counts = frenchCounts(beta);
      expect(counts.approved).toBe(0);
      expect(counts.translated).toBe(1); // the title the course had
      expect(counts.stale).toBeGreaterThan(30);
      const status = translationStatus(readCourse(beta).course!, ['fr']).fr.fields;
      expect(status.find((f) => f.path === prompt)?.status).toBe('stale');
    },
  );

  it('--tm names the memory; --tm none uses none; a missing place is refused', () => {
    const { alpha, beta } = coursesFolder();
    const other = path.join(tempDir(), 'beta');
    fs.cpSync(beta, other, { recursive: true });
    const named = transUnits(exportOf(other, 'xliff12', '--tm', alpha).text);
    expect(child(named.get(prompt)!, 'target')!.textContent).toBe('FR Pick b.');
    const none = transUnits(exportOf(beta, 'xliff12', '--tm', 'none').text);
    expect(child(none.get(prompt)!, 'target')!.textContent).toBe('');
    const missing = run('l10n', 'export', beta, '--locale', 'fr', '--tm', '/nonexistent/x');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('/nonexistent/x');
    expect(missing.stderr).toContain('no such file or folder for --tm');
  });
});

describe('TranslationMemory.lookup', () => {
  const entry = (source: string, target: string, more: Partial<MemoryEntry> = {}): MemoryEntry => ({
    sourceLocale: 'en',
    targetLocale: 'fr',
    source,
    target,
    origin: { course: 'alpha', unit: 'u' },
    ...more,
  });
  const memory = new TranslationMemory([
    entry('Ask before you help.', 'Demandez avant d’aider.'),
    entry(
      `Everyone has ${placeholder(1)}rights${placeholder(2)}.`,
      `Tous ont des ${placeholder(1)}droits${placeholder(2)}.`,
      { codes: { 1: '**', 2: '**' } },
    ),
    entry(`Read ${placeholder(1)}this${placeholder(2)}.`, 'Lisez ceci.', {
      codes: { 1: '[', 2: '](x)' },
    }),
    entry('Hello.', 'Bonjour.', { sourceLocale: 'en-US', targetLocale: 'fr-FR' }),
  ]);

  it('offers 80 % and not 60 %, best first', () => {
    expect(memory.lookup('Ask before you act.', {}, 'en', 'fr').map((m) => m.score)).toEqual([80]);
    expect(memory.lookup('Wait before you go.', {}, 'en', 'fr')).toEqual([]);
    const [exact] = memory.lookup('Ask  before you help. ', {}, 'en', 'fr');
    expect(exact).toMatchObject({ score: 100, exact: true });
    // A CAT tool's en-US → fr-FR entries serve an en → fr export; other languages do not.
    expect(memory.lookup('Hello.', {}, 'en', 'fr')[0]?.entry.target).toBe('Bonjour.');
    expect(memory.lookup('Ask before you help.', {}, 'en', 'de')).toEqual([]);
  });

  it('an exact match has the same placeholders, standing for the same markup', () => {
    const text = `Everyone has ${placeholder(1)}rights${placeholder(2)}.`;
    expect(memory.lookup(text, { 1: '**', 2: '**' }, 'en', 'fr')[0]).toMatchObject({
      score: 100,
      exact: true,
    });
    expect(memory.lookup(text, { 1: '_', 2: '_' }, 'en', 'fr')[0]).toMatchObject({
      score: 99,
      exact: false,
    });
    // A target that dropped placeholders cannot stand for the unit's.
    const read = `Read ${placeholder(1)}this${placeholder(2)}.`;
    expect(memory.lookup(read, { 1: '[', 2: '](x)' }, 'en', 'fr')[0].exact).toBe(false);
  });
});

/** What a TMX file refused by `l10n tm import` prints, and that nothing was stored. */
function refusedImport(name: string, content: string | Buffer) {
  const dir = tempDir();
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const into = tempDir();
  const r = run('l10n', 'tm', 'import', file, '--into', into);
  expect(r.status, r.stdout).toBe(1);
  expect(r.stderr).toContain(file);
  expect(r.stderr).toContain('fix: ');
  expect(r.stderr).toContain('TMX refused; nothing was stored.');
  expect(fs.existsSync(path.join(into, 'translation-memory'))).toBe(false);
  return r.stderr;
}

const header =
  '<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" ' +
  'adminlang="en" srclang="en" datatype="plaintext"/>';
const tu = (lang = 'fr') =>
  '<tu><tuv xml:lang="en"><seg>Hello</seg></tuv>' +
  `<tuv xml:lang="${lang}"><seg>Salut</seg></tuv></tu>`;

describe('TMX', () => {
  withToolkit(
    'export → translate-toolkit reads and writes it → import → a new course is pre-filled',
    () => {
      const { alpha } = coursesFolder();
      const dir = tempDir();
      const tmx = path.join(dir, 'alpha-fr.tmx');
      const exported = run('l10n', 'tm', 'export', alpha, '--locale', 'fr', '--out', tmx);
      expect(exported.status, exported.stderr).toBe(0);
      const text = fs.readFileSync(tmx, 'utf8');
      expect(text).toMatch(/<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">/);
      const head = /<header [^>]*>/.exec(text)![0];
      for (const name of ['creationtool', 'creationtoolversion', 'o-tmf', 'adminlang', 'datatype'])
        expect(head).toContain(`${name}="`);
      expect(head).toContain('srclang="en"');
      expect(head).toContain('segtype="sentence"');
      const ours = readTmxFile(tmx);
      expect(ours.ok).toBe(true);
      const entries = ours.ok ? ours.entries : [];

      // translate-toolkit's TMX store reads every unit, placeholders as {n}, and writes its own.
      const script = [
        'import sys, json',
        'from translate.storage import tmx',
        'store = tmx.tmxfile.parsefile(sys.argv[1])',
        'out = tmx.tmxfile(sourcelanguage="en", targetlanguage="fr")',
        'for u in store.units: out.addtranslation(u.source, "en", u.target, "fr")',
        'open(sys.argv[2], "wb").write(bytes(out))',
        'print(json.dumps([[u.source, u.target] for u in store.units]))',
      ].join('\n');
      const tt = path.join(dir, 'toolkit.tmx');
      const py = spawnSync('/usr/bin/python3', ['-c', script, tmx, tt], { encoding: 'utf8' });
      expect(py.status, py.stderr).toBe(0);
      const read = JSON.parse(py.stdout) as [string, string][];
      expect(read.length).toBe(entries.length);
      expect(read).toContainEqual([
        'Everyone has {1}rights{2}. The {3}CRPD{4} says so.{5}',
        'FR Everyone has {1}rights{2}. The {3}CRPD{4} says so.{5}',
      ]);

      // Its file, imported into another courses folder, is what that folder's exports use.
      const courses = tempDir();
      const gamma = courseIn(courses, 'gamma');
      const imported = run('l10n', 'tm', 'import', tt, '--into', courses);
      expect(imported.status, imported.stderr).toBe(0);
      expect(imported.stdout).toContain(`${entries.length} entries (en → fr)`);
      const stored = readTmxFile(path.join(courses, 'translation-memory', 'toolkit.tmx'));
      const pairs = (list: MemoryEntry[]) => list.map((e) => [e.source, e.target]);
      expect(stored.ok && pairs(stored.entries)).toEqual(pairs(entries));
      const units = transUnits(exportOf(gamma, 'xliff12').text);
      const body = child(units.get(`${firstBody}:2`)!, 'target')!;
      expect(body.getAttribute('state-qualifier')).toBe('exact-match');
      expect(body.getElementsByTagName('ph')[0].textContent).toBe('**');
      expect(body.textContent).toContain('FR Everyone has **rights**');
      expect(child(units.get(prompt)!, 'note')!.textContent).toContain('toolkit.tmx');
    },
  );

  withToolkit("po2tmx's TMX of our PO imports", () => {
    const { alpha } = coursesFolder();
    const dir = tempDir();
    const po = path.join(dir, 'fr.po');
    const r = run('l10n', 'export', alpha, '--locale', 'fr', '--format', 'po', '--tm', 'none');
    fs.writeFileSync(po, r.stdout);
    const converted = spawnSync('po2tmx', ['-l', 'fr', po, path.join(dir, 'fr.tmx')], {
      encoding: 'utf8',
    });
    expect(converted.status, converted.stderr).toBe(0);
    const read = readTmxFile(path.join(dir, 'fr.tmx'));
    expect(read.ok && read.entries.length).toBeGreaterThan(50);
  });

  it('writes what it reads: locales, placeholders and their markup, origin', () => {
    const entry: MemoryEntry = {
      sourceLocale: 'en',
      targetLocale: 'ar',
      source: `A ${placeholder(1)}b${placeholder(2)} & <c>`,
      target: `أ ${placeholder(1)}ب${placeholder(2)}`,
      codes: { 1: '[', 2: '](./x.mdx)' },
      origin: { course: 'alpha', unit: 'modules.m.units.u.body:3' },
    };
    const read = readTmx(writeTmx([entry], { toolVersion: '1' }), 'x.tmx');
    expect(read).toEqual({ ok: true, entries: [entry] });
    const inline =
      `<tmx version="1.4">${header}<body><tu><tuv xml:lang="en-US"><seg>Go ` +
      '<bpt i="1" x="1">&lt;b&gt;</bpt>now<ept i="1">&lt;/b&gt;</ept></seg></tuv>' +
      '<tuv xml:lang="fr-FR"><seg><bpt i="1" x="1">&lt;b&gt;</bpt>Allez' +
      '<ept i="1">&lt;/b&gt;</ept>' +
      '</seg></tuv></tu></body></tmx>';
    const foreign = readTmx(inline, 'cat.tmx');
    expect(foreign.ok && foreign.entries[0]).toMatchObject({
      sourceLocale: 'en-US',
      targetLocale: 'fr-FR',
      source: `Go ${placeholder(1)}now${placeholder(2)}`,
      codes: { 1: '<b>', 2: '</b>' },
      origin: { file: 'cat.tmx' },
    });
  });

  it.each([
    [
      'no header',
      `<tmx version="1.4"><body>${tu()}</body></tmx>`,
      'the file has no <header>, which TMX requires',
    ],
    [
      'a bad xml:lang',
      `<tmx version="1.4">${header}<body>${tu()}${tu('fr_FR')}</body></tmx>`,
      '<tu> 2: xml:lang "fr_FR" is not a BCP 47 language tag',
    ],
    [
      'entity expansion',
      '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">' +
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
        `<tmx version="1.4">${header}<body><tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu>` +
        '</body></tmx>',
      'the file declares entities in its DOCTYPE',
    ],
    ['not TMX', '<xliff version="1.2"/>', 'not a TMX file: its root element is <xliff>'],
    ['not XML', '<tmx version="1.4"><header>', 'not well-formed XML'],
  ])('a TMX with %s is refused, naming the file and what to fix', (_, content, message) => {
    expect(refusedImport('hostile.tmx', content)).toContain(message);
  });

  it('a 10 MB TMX is refused before it is parsed, and --tm with it refuses the export', () => {
    const body = tu().repeat(Math.ceil((10 * 1024 * 1024) / tu().length));
    const big = `<tmx version="1.4">${header}<body>${body}</body></tmx>`;
    expect(refusedImport('big.tmx', big)).toMatch(
      /the file is 10\.0 MB; a TMX file may have at most 8\.0 MB/,
    );
    const { beta } = coursesFolder();
    const file = path.join(tempDir(), 'big.tmx');
    fs.writeFileSync(file, big);
    const r = run('l10n', 'export', beta, '--locale', 'fr', '--tm', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}  error  the file is 10.0 MB`);
  });
});

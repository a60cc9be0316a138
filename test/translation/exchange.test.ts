/**
 * XLIFF 1.2, XLIFF 2.0 and PO: export → edit → import round trips (fr, ar), stale units for
 * reviewers, and every refused import, each leaving the course untouched.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import gettextParser from 'gettext-parser';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import { importTranslations } from '../../compiler/translation/import-translations.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';
import { sha256 } from '../../compiler/model/fingerprint.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const exportFile = (course: string, locale: string, format: string) => {
  const r = run('l10n', 'export', course, '--locale', locale, '--format', format);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};
/** A fingerprint of every file of a course folder, to prove a refused import changed nothing. */
const snapshot = (dir: string) =>
  (fs.readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => `${f}:${sha256(fs.readFileSync(path.join(dir, f)))}`);

/** "Translate" an XLIFF file: every target = marker + source content (placeholders kept). */
function fillXliff(xml: string, marker: string, version: '1.2' | '2.0'): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const unitTag = version === '1.2' ? 'trans-unit' : 'segment';
  for (const unit of Array.from(doc.getElementsByTagName(unitTag)) as Element[]) {
    const source = unit.getElementsByTagName('source')[0];
    let target = unit.getElementsByTagName('target')[0];
    if (!target) {
      target = doc.createElementNS(source.namespaceURI, 'target');
      unit.appendChild(target);
    }
    // As a translation tool does: the target says it is translated now.
    (version === '1.2' ? target : unit).setAttribute('state', 'translated');
    if (version === '2.0') unit.removeAttribute('subState');
    while (target.firstChild) target.removeChild(target.firstChild);
    target.appendChild(doc.createTextNode(marker));
    for (let n = source.firstChild; n; n = n.nextSibling) target.appendChild(n.cloneNode(true));
  }
  return new XMLSerializer().serializeToString(doc);
}

describe('XLIFF and PO exchange', () => {
  it(
    'XLIFF 1.2 round trip for fr: markup kept, ' + 'the course builds with the new French texts',
    async () => {
      const course = copyCourse(miniCourseDir);
      const xliff = exportFile(course, 'fr', 'xliff12');
      expect(xliff).toContain(
        '<ph id="3">&lt;Term id="crpd"&gt;</ph>CRPD<ph id="4">&lt;/Term&gt;</ph>',
      );
      const file = path.join(tempDir(), 'fr.xlf');
      fs.writeFileSync(file, fillXliff(xliff, 'FR ', '1.2'));
      const r = run('l10n', 'import', course, file);
      // "FR …" draws QA warnings (a glossary term, a caption's length), never an error.
      expect(r.stderr).not.toContain('  error  ');
      expect(r.status).toBe(0);
      const body = fs.readFileSync(path.join(course, 'modules/basics/first-lesson.fr.mdx'), 'utf8');
      expect(body).toContain('## FR What rights are');
      expect(body).toContain(
        'FR Everyone has **rights**. The <Term id="crpd">CRPD</Term> says so.[^1]',
      );
      expect(body).toContain(
        '<Figure src="media/diagram.png" alt="FR A simple diagram" caption="FR A diagram." />',
      );
      const out = tempDir();
      const built = await buildCourse({ courseDir: course, outDir: out, locales: ['fr'] });
      expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // captions travel in the file too, cue by cue
      expect(built.coverage.fr.missing).toEqual([]);
      expect(fs.readFileSync(path.join(course, 'media/captions/intro-video.fr.vtt'), 'utf8')).toBe(
        'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nFR Hello and welcome.\n',
      );
      expect(
        fs.readFileSync(path.join(out, 'mini/fr/basics/first-lesson/index.html'), 'utf8'),
      ).toContain('<h1>FR First lesson</h1>');
      expect(
        JSON.parse(run('l10n', 'status', course, '--locale', 'fr', '--json').stdout).locales.fr
          .counts,
      ).toMatchObject({ missing: 0, stale: 0 });
    },
  );

  it('PO round trip for ar, and XLIFF 2.0 export/import', () => {
    const course = copyCourse(miniCourseDir);
    const poText = exportFile(course, 'ar', 'po');
    const data = gettextParser.po.parse(poText);
    expect(data.headers['X-Polycourse-Course']).toBe('mini');
    for (const [context, entries] of Object.entries(data.translations)) {
      if (context) for (const entry of Object.values(entries)) entry.msgstr = [`ع ${entry.msgid}`];
    }
    const file = path.join(tempDir(), 'ar.po');
    fs.writeFileSync(file, gettextParser.po.compile(data));
    expect(run('l10n', 'import', course, file).status).toBe(0);
    expect(fs.readFileSync(path.join(course, 'locales/ar.yaml'), 'utf8')).toContain(
      'title: ع Mini course',
    );
    expect(
      fs.readFileSync(path.join(course, 'modules/basics/second-lesson.ar.mdx'), 'utf8'),
    ).toContain('- ع one');

    const x2 = exportFile(course, 'fr', 'xliff20');
    expect(x2).toContain('<originalData><data id="d1">**</data>');
    const x2file = path.join(tempDir(), 'fr2.xlf');
    fs.writeFileSync(x2file, fillXliff(x2, 'FR2 ', '2.0'));
    expect(run('l10n', 'import', course, x2file).status).toBe(0);
    expect(
      fs.readFileSync(path.join(course, 'modules/basics/first-lesson.fr.mdx'), 'utf8'),
    ).toContain('FR2 Everyone has **rights**.');
  });

  it('marks stale units fuzzy in PO with the previous source, for a reviewer', () => {
    const course = copyCourse(miniCourseDir);
    expect(run('l10n', 'mark', course, '--locale', 'ar').status).toBe(0);
    editFile(
      path.join(course, 'locales/en.yaml'),
      'first-lesson: { title: First lesson }',
      'first-lesson: { title: The opening lesson }',
    );
    const poText = exportFile(course, 'ar', 'po');
    expect(poText).toMatch(
      new RegExp(
        '#, fuzzy\\n#\\| msgid "First lesson"\\n' +
          'msgctxt "modules\\.basics\\.units\\.first-lesson\\.title"\\n' +
          'msgid "The opening lesson"\\nmsgstr "الدرس الأول"',
      ),
    );
    expect(exportFile(course, 'ar', 'xliff12')).toContain(
      '<target state="needs-review-translation">الدرس الأول</target>',
    );
  });

  const refusals: [string, (xml: string) => string, RegExp][] = [
    [
      'an unknown unit id',
      (x) => x.replace('id="modules.basics.title"', 'id="modules.basics.titel"'),
      /modules\.basics\.titel \(fr\)  error  unknown unit id/,
    ],
    [
      'a broken placeholder',
      (x) =>
        x.replace(
          new RegExp(
            '(<trans-unit id="modules\\.basics\\.units\\.first-lesson\\.body:2"' +
              '[\\s\\S]*?<target[^>]*>[\\s\\S]*?)<ph id="3">[^<]*<\\/ph>',
          ),
          '$1',
        ),
      /body:2 \(fr\)  error  placeholder\(s\) \{3\} \(<Term id="crpd">\) missing/,
    ],
    [
      'a duplicated placeholder',
      (x) =>
        x.replace(
          /(<trans-unit id="modules\.basics\.units\.first-lesson\.body:4"[\s\S]*?<target[^>]*>)/,
          '$1<ph id="1">*</ph>',
        ),
      /body:4 \(fr\)  error  placeholder\(s\) \{1\} used more than once/,
    ],
    [
      'a target in the wrong locale',
      (x) => x.replace('target-language="fr"', 'target-language="de"'),
      /target language "de" is not a translation locale/,
    ],
    [
      'a file for another course',
      (x) => x.replace('original="mini"', 'original="other-course"'),
      /the file is for course "other-course", not "mini"/,
    ],
    [
      'a body that is not whole',
      (x) =>
        x.replace(
          new RegExp(
            '(<trans-unit id="modules\\.basics\\.units\\.second-lesson\\.body:3"' +
              '[\\s\\S]*?<target[^>]*>)[^<]*',
          ),
          '$1',
        ),
      /second-lesson\.body \(fr\)  error  1 of 4 segments of this body have no translation/,
    ],
    [
      'a translation that breaks MDX',
      (x) =>
        x.replace(
          new RegExp(
            '(<trans-unit id="modules\\.basics\\.units\\.second-lesson\\.body:2"' +
              '[\\s\\S]*?<target[^>]*>)FR ',
          ),
          '$1&lt;Oops ',
        ),
      /second-lesson\.body \(fr\)  error  the translated body is not valid MDX/,
    ],
    ['malformed XML', (x) => x.replace('</body>', ''), /not well-formed XML/],
  ];
  // One export for every refusal (exporting changes nothing); each import runs on its own copy.
  let translated: string | undefined;
  const translatedXliff = () =>
    (translated ??= fillXliff(
      exportFile(copyCourse(miniCourseDir), 'fr', 'xliff12'),
      'FR ',
      '1.2',
    ));
  for (const [name, damage, message] of refusals) {
    it(`refuses ${name}, with the unit and reason, and changes nothing`, () => {
      const course = copyCourse(miniCourseDir);
      const before = snapshot(course);
      const file = path.join(tempDir(), 'fr.xlf');
      fs.writeFileSync(file, damage(translatedXliff()));
      const r = run('l10n', 'import', course, file);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Import refused: \d+ problem\(s\); nothing was changed\./);
      expect(snapshot(course)).toEqual(before);
    });
  }

  it('refuses an unknown file format and a locale that does not match --locale', () => {
    const course = copyCourse(miniCourseDir);
    expect(importTranslations(course, 'just some text').diagnostics[0]).toMatchObject({
      ruleId: 'polycourse:import-format',
      message: expect.stringMatching(/unknown file format/),
    });
    const xliff = fillXliff(exportFile(course, 'fr', 'xliff12'), 'FR ', '1.2');
    expect(importTranslations(course, xliff, 'ar').diagnostics.map((p) => p.message)).toEqual([
      'the file\'s target language is "fr", not "ar" as asked',
    ]);
  });
});

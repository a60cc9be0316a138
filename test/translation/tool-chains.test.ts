/**
 * Issue #16: our exchange files through translate-toolkit (the Debian package; .ci/run installs
 * it), the way translators chain it: xliff2po reads translated units as translated (not fuzzy),
 * its XLIFF library reads our states, and po2xliff's XLIFF 1.1 of our PO imports back.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import gettextParser from 'gettext-parser';
import { readCourse } from '../../compiler/sources/read-course.ts';
import { translationUnits } from '../../compiler/translation/translation-units.ts';
import { translationStatus } from '../../compiler/translation/translation-status.ts';
import { exchangeFormats } from '../../compiler/translation/formats/index.ts';
import { importTranslations } from '../../compiler/translation/import-translations.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';

const toolkit = spawnSync('po2xliff', ['--version'], { encoding: 'utf8' }).status === 0;
// On CI the tools must be there (a skip would hide a missing install step).
const withToolkit = it.skipIf(!toolkit && !process.env.CI);

function exportText(course: string, locale: string, format: keyof typeof exchangeFormats) {
  const model = readCourse(course).course!;
  return exchangeFormats[format].write(
    { courseId: model.id, sourceLocale: model.sourceLocale, targetLocale: locale },
    translationUnits(model, locale),
  );
}

function tool(command: string, args: string[]) {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  expect(r.status, `${command}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** A French course: every unit translated ("FR …") through our own PO, then one source edited. */
function frenchCourse() {
  const course = copyCourse(miniCourseDir);
  const data = gettextParser.po.parse(exportText(course, 'fr', 'po'));
  for (const [context, entries] of Object.entries(data.translations))
    if (context) for (const entry of Object.values(entries)) entry.msgstr = [`FR ${entry.msgid}`];
  const result = importTranslations(course, gettextParser.po.compile(data).toString('utf8'));
  expect(result.diagnostics).toEqual([]);
  editFile(path.join(course, 'locales/en.yaml'), 'title: Basics', 'title: The basics');
  return course;
}

describe('translate-toolkit chains', () => {
  withToolkit(
    'xliff2po reads translated units as translated and only the stale one as fuzzy',
    () => {
      const course = frenchCourse();
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'fr.xlf'), exportText(course, 'fr', 'xliff12'));
      tool('xliff2po', [path.join(dir, 'fr.xlf'), path.join(dir, 'fr.po')]);
      const po = gettextParser.po.parse(fs.readFileSync(path.join(dir, 'fr.po'), 'utf8'));
      const entries = Object.values(po.translations)
        .flatMap((e) => Object.values(e))
        .filter((e) => e.msgid);
      const fuzzy = entries.filter((e) => e.comments?.flag?.includes('fuzzy')).map((e) => e.msgid);
      expect(fuzzy).toEqual(['The basics']);
      expect(entries.length).toBe(translationUnits(readCourse(course).course!, 'fr').length);
    },
  );

  withToolkit('its XLIFF library reads our states: approved, translated, needs review', () => {
    const course = frenchCourse();
    const file = path.join(tempDir(), 'fr.xlf');
    fs.writeFileSync(file, exportText(course, 'fr', 'xliff12'));
    const script = [
      'import sys, json',
      'from translate.storage import factory',
      'store = factory.getobject(sys.argv[1])',
      "print(json.dumps({u.xmlelement.get('id'): [u.isfuzzy(), u.istranslated(), u.get_state_n()]",
      '  for u in store.units if not u.isheader()}))',
    ].join('\n');
    const read = JSON.parse(tool('/usr/bin/python3', ['-c', script, file])) as Record<
      string,
      [boolean, boolean, number]
    >;
    expect(read['modules.basics.title'].slice(0, 2)).toEqual([true, false]);
    expect(read.title.slice(0, 2)).toEqual([false, true]);
    const fuzzy = Object.entries(read).filter(([, [isFuzzy]]) => isFuzzy);
    expect(fuzzy.map(([id]) => id)).toEqual(['modules.basics.title']);
  });

  withToolkit("po2xliff's XLIFF 1.1 of our PO imports back, units matched by their source", () => {
    const course = copyCourse(miniCourseDir);
    const dir = tempDir();
    const data = gettextParser.po.parse(exportText(course, 'fr', 'po'));
    for (const [context, entries] of Object.entries(data.translations))
      if (context) for (const entry of Object.values(entries)) entry.msgstr = [`TT ${entry.msgid}`];
    fs.writeFileSync(path.join(dir, 'fr.po'), gettextParser.po.compile(data));
    tool('po2xliff', [path.join(dir, 'fr.po'), path.join(dir, 'fr.xlf')]);
    const xliff = fs.readFileSync(path.join(dir, 'fr.xlf'), 'utf8');
    expect(xliff).toContain('version="1.1"');
    const result = importTranslations(course, xliff);
    expect(result.diagnostics).toEqual([]);
    expect(result.locale).toBe('fr');
    expect(
      fs.readFileSync(path.join(course, 'modules/basics/first-lesson.fr.mdx'), 'utf8'),
    ).toContain('TT Everyone has **rights**. The <Term id="crpd">CRPD</Term> says so.[^1]');
    const status = translationStatus(readCourse(course).course!, ['fr']).fr.counts;
    expect(status).toMatchObject({ stale: 0, missing: 0 });
  });
});

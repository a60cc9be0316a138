/**
 * Issue #16, context for translators: each unit's note names its module, unit and field in words,
 * links its page in the locale when the export knows where the course is published, gives a
 * maximum length where one applies (also as the formats' own markup), and names the screenshot of
 * its page when the export takes screenshots (Chromium).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import gettextParser from 'gettext-parser';
import { translationUnits } from '../../compiler/translation/translation-units.ts';
import { exchangeFormats } from '../../compiler/translation/formats/index.ts';
import { pagesWithUnits, screenshotNames } from '../../compiler/translation/unit-context.ts';
import { miniCourse, miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 300_000 });
const baseUrl = 'https://learn.example.org/mini/';
const lesson = 'modules.basics.units.first-lesson.body';
const cue = 'modules.basics.units.intro-video.captions:1';

describe('the context of each unit', () => {
  const course = miniCourse();
  const units = translationUnits(course, 'fr', { baseUrl });
  const unit = (id: string) => units.find((u) => u.id === id)!;

  it('names the module, unit and field in words, and links the page in the locale', () => {
    const segments = units.filter((u) => u.field === lesson).length;
    expect(unit(`${lesson}:2`).note.split('\n').slice(0, 2)).toEqual([
      `Module “Basics” › lesson “First lesson” › body, segment 2 of ${segments}.`,
      `Page: ${baseUrl}fr/basics/first-lesson/`,
    ]);
    expect(unit(`${lesson}:2`).context).toEqual({
      where: `Module “Basics” › lesson “First lesson” › body, segment 2 of ${segments}`,
      page: 'basics/first-lesson/index.html',
      url: `${baseUrl}fr/basics/first-lesson/`,
      screenshot: undefined,
    });
    const where = (id: string) => unit(id).context!.where;
    expect(where('title')).toBe('Course “Mini course” › title');
    expect(where('modules.basics.summary')).toBe('Module “Basics” › summary');
    expect(where('glossary.crpd.definition')).toBe('Glossary › entry “CRPD” › definition');
    expect(where('questionnaire.scale.1')).toBe(
      'Questionnaire “Views” › answer scale, point 2 of 3',
    );
    expect(where('questionnaire.items.v2')).toBe('Questionnaire “Views” › statement 2 of 2');
    expect(where('modules.basics.units.basics-quiz.questions.q1.options.b')).toBe(
      'Module “Basics” › quiz “Basics quiz” › question 1 of 5 › option b',
    );
    expect(where('modules.basics.units.basics-quiz.questions.q1.feedback.incorrect')).toBe(
      'Module “Basics” › quiz “Basics quiz” › question 1 of 5 › feedback when wrong',
    );
    expect(where(cue)).toBe('Module “Basics” › video “Intro video” › captions, cue 1 of 1');
    expect(unit('questionnaire.items.v2').context!.url).toBe(`${baseUrl}fr/questionnaire/pre/`);
    expect(unit('title').context!.url).toBe(`${baseUrl}fr/`);
    // Without --base-url there is no address to give.
    expect(translationUnits(course, 'fr')[0].note).not.toContain('Page:');
  });

  it('a maximum length is in the note and in each format’s own markup', () => {
    expect(unit(cue).maxLength).toBe(20);
    expect(unit(cue).note).toContain('\nMax length: 20\n');
    const meta = { courseId: 'mini', sourceLocale: 'en', targetLocale: 'fr' };
    const po = gettextParser.po.parse(exchangeFormats.po.write(meta, units));
    const entry = Object.values(po.translations[cue])[0];
    expect(entry.comments?.extracted?.split('\n').slice(0, 3)).toEqual([
      'Module “Basics” › video “Intro video” › captions, cue 1 of 1.',
      `Page: ${baseUrl}fr/basics/intro-video/`,
      'Max length: 20',
    ]);
    expect(entry.comments?.reference).toBe(`${baseUrl}fr/basics/intro-video/`);
    const text = exchangeFormats.po.write(meta, units);
    expect(text).toContain(`#: ${baseUrl}fr/basics/intro-video/\n#. Module “Basics”`);
    expect(text).toContain('#. Max length: 20\n');
    expect(exchangeFormats.xliff12.write(meta, units)).toMatch(
      new RegExp(`<trans-unit id="${cue}"[^>]* maxwidth="20" size-unit="char">`),
    );
    expect(exchangeFormats.xliff20.write(meta, units)).toMatch(
      new RegExp(`<unit id="${cue}" slr:sizeRestriction="20">`),
    );
  });
});

describe('screenshots for translators', () => {
  it('names one file per page, <module>-<unit>.png, two pages never one name', () => {
    const course = miniCourse();
    const names = screenshotNames(course);
    expect(names.get('basics/first-lesson/index.html')).toBe('basics-first-lesson.png');
    expect(names.get('basics/index.html')).toBe('basics.png');
    expect(names.get('index.html')).toBe('home.png');
    expect(names.get('glossary/index.html')).toBe('glossary.png');
    expect(pagesWithUnits(course)).toEqual([
      'index.html',
      'questionnaire/pre/index.html',
      'basics/index.html',
      ...course.modules[0].units.map((u) => `basics/${u.id}/index.html`),
      'glossary/index.html',
    ]);
    // A module named "home" would take the home page's name: it gets one of its own.
    const home = { ...course, modules: [{ ...course.modules[0], id: 'home' }] };
    expect(screenshotNames(home).get('home/index.html')).toBe('home-2.png');
  });

  it('l10n export --screenshots takes each page with units, and each note names its file', () => {
    const dir = path.join(tempDir(), 'shots');
    const out = path.join(tempDir(), 'fr.po');
    const r = run(
      'l10n',
      'export',
      miniCourseDir,
      '--locale',
      'fr',
      '--format',
      'po',
      '--out',
      out,
      '--screenshots',
      dir,
    );
    expect(r.status, r.stderr).toBe(0);
    // Progress and the count are on stderr, the file's name on stdout.
    expect(r.stderr).toMatch(/screenshots .*\(\d+\/10\)/);
    expect(r.stderr).toContain(`10 screenshots in ${dir}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(
      [...screenshotNames(miniCourse()).entries()]
        .filter(([page]) => pagesWithUnits(miniCourse()).includes(page))
        .map(([, file]) => file)
        .sort(),
    );
    for (const file of files)
      expect(fs.readFileSync(path.join(dir, file)).subarray(1, 4).toString(), file).toBe('PNG');
    const po = gettextParser.po.parse(fs.readFileSync(out, 'utf8'));
    const note = (id: string) => Object.values(po.translations[id])[0].comments?.extracted;
    expect(note(`${lesson}:1`)).toContain('\nScreenshot: basics-first-lesson.png\n');
    expect(note('title')).toContain('\nScreenshot: home.png\n');
  });

  it('--base-url and --screenshots belong to l10n export, and an address must be http(s)', () => {
    const status = run('l10n', 'status', miniCourseDir, '--screenshots', tempDir());
    expect(status.status).toBe(2);
    expect(status.stderr).toContain('--base-url and --screenshots are options of l10n export');
    const ftp = run('l10n', 'export', miniCourseDir, '--locale', 'fr', '--base-url', 'ftp://x/');
    expect(ftp.status).toBe(2);
    expect(ftp.stderr).toContain('--base-url must be the http(s) address');
  });
});

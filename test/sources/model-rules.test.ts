/**
 * Model rules that hold whatever the source: a course shaped the way the CMS source returns it
 * (which checks no id itself) is refused by the build with `polycourse:id-syntax` at a model path,
 * and nothing is written, not even outside the output folder its ids point at. A questionnaire's
 * consent version needs its text, from the CMS and from files, and survives the way back to files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '../../compiler/pipeline/build-course.ts';
import type { Course } from '../../compiler/model/course.ts';
import type { Diagnostic } from '../../compiler/model/diagnostic.ts';
import { findInvisibleCharacter } from '../../compiler/model/invisible-characters.ts';
import { validateCourse } from '../../compiler/model/validate-course.ts';
import { loadTheme } from '../../compiler/render/load-theme.ts';
import type { SourceResult } from '../../compiler/sources/source.ts';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { writeCourseFiles } from '../../compiler/targets/write-course-files.ts';
import { miniCourse, miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';

/** Build the mini course, changed by `mutate`, as a source without positions (like the CMS's). */
async function refused(mutate: (course: Course) => void): Promise<Diagnostic[]> {
  const course = miniCourse();
  mutate(course);
  const source: SourceResult = {
    course,
    diagnostics: [],
    locate: () => undefined,
    inputs: [],
    inputsHash: () => '',
  };
  const parent = tempDir();
  const out = path.join(parent, 'out');
  const result = await buildCourse({
    courseDir: '',
    outDir: out,
    source,
    cacheDir: path.join(parent, 'cache'),
  });
  expect(result.ok).toBe(false);
  expect(fs.readdirSync(parent)).toEqual([]); // no out/, no cache, and nothing beside them
  return result.diagnostics.filter((d) => d.severity === 'error');
}

const at = (d: Diagnostic) => `${d.path} ${d.ruleId}`;

describe('ids from any source are slugs', () => {
  it('every kind of id that is not a slug, each at its model path', async () => {
    const errors = await refused((course) => {
      const basics = course.modules[0];
      basics.id = 'Basics';
      basics.units[0].id = '../../lesson';
      const quiz = basics.units.find((u) => u.kind === 'quiz')!;
      quiz.questions[0].id = 'q 1';
      quiz.questions[1].options[1].id = 'b/c'; // b is not an answer: only the id rule fires
      quiz.questions.find((q) => q.type === 'matching')!.targets![0].id = 'Capacity';
      course.glossary[0].id = 'crpd.en';
      course.questionnaire!.id = '';
      course.questionnaire!.items[1].id = 'v2\u0000';
    });
    expect(errors.map(at)).toEqual([
      'modules.Basics polycourse:id-syntax',
      'modules.Basics.units.../../lesson polycourse:id-syntax',
      'modules.Basics.units.basics-quiz.questions.q 1 polycourse:id-syntax',
      'modules.Basics.units.basics-quiz.questions.q2.options.b/c polycourse:id-syntax',
      'modules.Basics.units.basics-quiz.questions.q5.targets.Capacity polycourse:id-syntax',
      'glossary.crpd.en polycourse:id-syntax',
      'questionnaire polycourse:id-syntax',
      'questionnaire.items.v2\u0000 polycourse:id-syntax',
    ]);
    expect(errors[1].message).toBe(
      'Unit id "../../lesson" is not a slug: ids name folders and files',
    );
    expect(
      errors.every((e) => /lowercase letters, digits and single dashes/.test(e.fix ?? '')),
    ).toBe(true);
  });

  it('a course id that climbs out of the output folder', async () => {
    const errors = await refused((course) => {
      course.id = '../escaped';
    });
    expect(errors.map(at)).toEqual(['id polycourse:id-syntax']);
  });

  it("captions for a locale that is not the course's, or not a language tag", async () => {
    const errors = await refused((course) => {
      const video = course.modules[0].units.find((u) => u.kind === 'video')!;
      if (video.kind !== 'video') throw new Error('fixture changed');
      video.captions.de = { ...video.captions.en };
      video.captions['../../x'] = { ...video.captions.en };
    });
    expect(errors.map(at)).toEqual([
      'modules.basics.units.intro-video.captions.de polycourse:unknown-locale',
      'modules.basics.units.intro-video.captions.../../x polycourse:locale-tag',
    ]);
  });

  it(
    'a video id used in another module (captions are named by it); ' + 'a lesson id may repeat',
    async () => {
      const errors = await refused((course) => {
        const basics = course.modules[0];
        course.modules.push({ ...basics, id: 'more', units: [basics.units[0], basics.units[2]] });
      });
      expect(errors.map(at)).toEqual([
        'modules.basics.units.intro-video polycourse:duplicate-id',
        'modules.more.units.intro-video polycourse:duplicate-id',
      ]);
      expect(errors[0].message).toBe(
        'Video id "intro-video" of module "basics" is also used in module "more"',
      );
    },
  );

  it('a theme name that is a path', async () => {
    const errors = await refused((course) => {
      course.theme = '../../etc';
    });
    expect(errors.map(at)).toEqual(['theme polycourse:id-syntax']);
  });

  it('a theme whose "extends" is a path', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'child'));
    fs.writeFileSync(
      path.join(root, 'child', 'theme.json'),
      '{ "extends": "../../elsewhere", "styles": [] }',
    );
    const loaded = await loadTheme('child', root);
    expect(loaded.theme).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.ruleId)).toEqual(['polycourse:id-syntax']);
    expect(loaded.diagnostics[0].message).toContain('"../../elsewhere" (from "extends" in');
  });

  it('the demo-shaped mini course passes every rule', () => {
    expect(validateCourse(miniCourse()).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('invisible characters', () => {
  it('are warned in any short text at its model path and locale', () => {
    const course = miniCourse();
    const quiz = course.modules[0].units.find((u) => u.kind === 'quiz')!;
    if (quiz.kind !== 'quiz') throw new Error('fixture changed');
    quiz.questions[0].options[0].text.fr = 'Option\u2060A';
    course.glossary[0].term.ar = '\u202Bاتفاقية\u202C';
    const warnings = validateCourse(course).filter(
      (d) => d.ruleId === 'polycourse:invisible-characters',
    );
    expect(warnings.map(at)).toEqual([
      'glossary.crpd.term.ar polycourse:invisible-characters',
      'modules.basics.units.basics-quiz.questions.q1.options.a.fr polycourse:invisible-characters',
    ]);
    expect(warnings.map((w) => w.severity)).toEqual(['warning', 'warning']);
  });

  it('leave alone what right-to-left and Indic scripts and space-less scripts need', () => {
    expect(findInvisibleCharacter('می\u200Cخواهم', 'fa')).toBeUndefined(); // ZWNJ
    expect(findInvisibleCharacter('क्\u200Dष', 'hi')).toBeUndefined(); // ZWJ
    expect(findInvisibleCharacter('\u200Fمرحبا\u200E', 'ar')).toBeUndefined(); // RLM, LRM
    // isolates (the pseudo-locale)
    expect(findInvisibleCharacter('\u2067⟦Ŧîŧľê⟧\u2069', 'en-XA')).toBeUndefined();
    expect(findInvisibleCharacter('สวัสดี\u200Bครับ', 'th')).toBeUndefined(); // Thai word break
    expect(findInvisibleCharacter('hello\u200Bworld', 'en')).toMatchObject({
      name: 'U+200B ZERO WIDTH SPACE',
      index: 5,
      reorders: false,
    });
    expect(findInvisibleCharacter('abc\u202Dfed', 'he')).toMatchObject({
      name: 'U+202D LEFT-TO-RIGHT OVERRIDE',
      reorders: true,
    });
    expect(findInvisibleCharacter('a\uFEFFb', 'fr')).toMatchObject({
      name: 'U+FEFF ZERO WIDTH NO-BREAK SPACE (BOM)',
    });
  });
});

describe('the questionnaire consent', () => {
  it('a consent version without a text in the source locale is refused (CMS shape)', async () => {
    const errors = await refused((course) => {
      course.questionnaire!.consent = { version: 'v2', text: { fr: 'Je partage mes réponses.' } };
    });
    expect(errors.map(at)).toEqual(['questionnaire.consent polycourse:questionnaire-consent']);
    expect(errors[0].message).toBe(
      'The questionnaire names consent version "v2" but has no consent text in en',
    );
    expect(validateCourse(miniCourse())).toEqual([]);
  });

  it('from files: version in course.yaml, text in the locale files, and back to files', () => {
    const dir = copyCourse(miniCourseDir);
    editFile(
      path.join(dir, 'course.yaml'),
      '  reversed: [v2]\n',
      '  reversed: [v2]\n  consent: v1\n',
    );
    const read = readCourseFromFiles(dir);
    const missing = read.diagnostics.filter((d) => d.severity === 'error');
    expect(missing.map((d) => `${path.basename(d.file ?? '')} ${d.ruleId}`)).toEqual([
      'en.yaml polycourse:missing-source-text',
    ]);
    expect(missing[0].message).toContain('questionnaire.consent');
    editFile(
      path.join(dir, 'locales/en.yaml'),
      '  items:\n',
      '  consent: I agree to share my answers.\n  items:\n',
    );
    const course = readCourseFromFiles(dir).course!;
    expect(course.questionnaire!.consent).toEqual({
      version: 'v1',
      text: { en: 'I agree to share my answers.' },
    });
    // Written back as files (the CMS export), the same again.
    const out = tempDir();
    writeCourseFiles(course, out);
    expect(readCourseFromFiles(out).course!.questionnaire!.consent).toEqual(
      course.questionnaire!.consent,
    );
  });
});

/**
 * Hostile MDX inside translation files: each construct the build refuses, written into one segment
 * of an otherwise complete XLIFF 1.2, XLIFF 2.0 or PO file, refuses the whole import, naming the
 * unit, the locale and the rule, and leaves the course folder byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTranslations } from '../../compiler/translation/import-translations.ts';
import { translationUnits } from '../../compiler/translation/translation-units.ts';
import { exchangeFormats } from '../../compiler/translation/formats/index.ts';
import { readCourseFromFiles } from '../../compiler/sources/files/read-course-from-files.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

/**
 * Every file of a course folder with its hash: a refused import must leave all of them as they
 * were.
 */
const snapshot = (dir: string) =>
  (fs.readdirSync(dir, { recursive: true }) as string[])
    .sort()
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map(
      (f) =>
        `${f}:${crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f)))
          .digest('hex')}`,
    );

/**
 * A complete French translation of `course` in `format`, with `targets` (unit id → text) instead of
 * "FR <source>".
 */
function translationFile(
  course: string,
  format: keyof typeof exchangeFormats,
  targets: Record<string, string>,
): string {
  const model = readCourseFromFiles(course).course!;
  const units = translationUnits(model, 'fr').filter((u) => !u.id.endsWith('.captions'));
  for (const id of Object.keys(targets))
    expect(
      units.map((u) => u.id),
      `unit ${id}`,
    ).toContain(id);
  const text = exchangeFormats[format].write(
    { courseId: model.id, sourceLocale: model.sourceLocale, targetLocale: 'fr' },
    units.map((u) => ({ ...u, target: targets[u.id] ?? `FR ${u.source}` })),
  );
  const file = path.join(tempDir(), `fr.${exchangeFormats[format].extension}`);
  fs.writeFileSync(file, text);
  return file;
}

const segment = 'modules.basics.units.second-lesson.body:2'; // "Plain text with a list:"
const hostile: [string, string, string][] = [
  ['a <script> element', '<script>alert(1)</script>', 'polycourse:forbidden-element'],
  ['an expression', 'Plain {alert(document.cookie)} text', 'polycourse:mdx-expression'],
  [
    'an onerror attribute',
    '<Figure src="media/diagram.png" alt="x" onerror="alert(1)" />',
    'polycourse:event-attribute',
  ],
  ['a javascript: link', 'See [this](javascript:alert(1))', 'polycourse:unsafe-url'],
  ['an unknown component', 'Plain <Evil /> text', 'polycourse:unknown-component'],
  ['a link to no unit of the course', 'See [this](./no-such-unit.mdx)', 'polycourse:unknown-unit'],
  [
    'an image that is not in the course',
    '![a picture](media/no-such-file.png)',
    'polycourse:missing-media',
  ],
  ['lists nested past the limit', `List:\n\n${'- '.repeat(40)}deep`, 'polycourse:mdx-too-deep'],
  ['a body past the size limit', `Long ${'text '.repeat(14_000)}`, 'polycourse:mdx-too-large'],
];

describe('importing a translation file with hostile MDX', () => {
  for (const format of ['xliff12', 'xliff20', 'po'] as const) {
    for (const [name, target, rule] of hostile) {
      it(`${format}: refuses ${name} (${rule}) and writes nothing`, () => {
        const course = copyCourse(miniCourseDir);
        const before = snapshot(course);
        const result = importTranslations(
          course,
          fs.readFileSync(translationFile(course, format, { [segment]: target }), 'utf8'),
        );
        expect(result.ok).toBe(false);
        expect(result.written).toEqual([]);
        expect(result.diagnostics).toContainEqual(
          expect.objectContaining({ path: segment, locale: 'fr', ruleId: rule }),
        );
        const problem = result.diagnostics.find((p) => p.ruleId === rule)!;
        expect(problem).toMatchObject({
          severity: 'error',
          file: 'modules/basics/second-lesson.fr.mdx',
          line: expect.any(Number),
          column: expect.any(Number),
          fix: expect.any(String),
        });
        expect(snapshot(course)).toEqual(before);
      });
    }
  }

  it('names every hostile segment of a file at once, in each body', () => {
    const course = copyCourse(miniCourseDir);
    const before = snapshot(course);
    const result = importTranslations(
      course,
      fs.readFileSync(
        translationFile(course, 'xliff12', {
          'modules.basics.units.first-lesson.body:1': '<script>x</script>',
          'modules.basics.units.first-lesson.body:12': '[a](javascript:x)',
          'modules.basics.units.basics-sheet.body:2': '<Evil />',
        }),
        'utf8',
      ),
    );
    expect(result.diagnostics.map((p) => `${p.path} ${p.locale} ${p.ruleId}`)).toEqual([
      'modules.basics.units.first-lesson.body:1 fr polycourse:forbidden-element',
      'modules.basics.units.first-lesson.body:12 fr polycourse:unsafe-url',
      'modules.basics.units.basics-sheet.body:2 fr polycourse:unknown-component',
    ]);
    expect(snapshot(course)).toEqual(before);
  });

  it(
    'the CLI exits 1 and names unit, locale and rule, in text and in --json; ' +
      'a clean file still imports',
    () => {
      const course = copyCourse(miniCourseDir);
      const before = snapshot(course);
      const file = translationFile(course, 'po', { [segment]: '<script>alert(1)</script>' });
      const text = run('l10n', 'import', course, file);
      expect(text.status).toBe(1);
      expect(text.stderr).toContain(
        `modules/basics/second-lesson.fr.mdx:3:1 ${segment} (fr)  error  ` +
          "the translation is refused by the build's body check: " +
          '<script> is not allowed in course content  [polycourse:forbidden-element]',
      );
      expect(text.stderr).toContain('see: docs/rules.md#forbidden-element');
      expect(text.stderr).toMatch(/Import refused: 1 problem\(s\); nothing was changed\./);
      const json = run('l10n', 'import', course, file, '--json');
      expect(json.status).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({
        ok: false,
        written: [],
        diagnostics: [
          {
            path: segment,
            locale: 'fr',
            ruleId: 'polycourse:forbidden-element',
            docs: 'docs/rules.md#forbidden-element',
            file: 'modules/basics/second-lesson.fr.mdx',
            line: 3,
            column: 1,
          },
        ],
      });
      expect(snapshot(course)).toEqual(before);

      const clean = run('l10n', 'import', course, translationFile(course, 'po', {}));
      // "FR …" draws QA warnings (a glossary term, a caption's length), never an error.
      expect(clean.stderr).not.toContain('  error  ');
      expect(clean.status).toBe(0);
      expect(
        fs.readFileSync(path.join(course, 'modules/basics/second-lesson.fr.mdx'), 'utf8'),
      ).toContain('FR Plain text with a list:');
    },
  );

  it(
    'a body of the course past the limits refuses the import and the export ' +
      'instead of hanging them',
    () => {
      const course = copyCourse(miniCourseDir);
      fs.writeFileSync(
        path.join(course, 'modules/basics/second-lesson.fr.mdx'),
        `${'- '.repeat(5000)}x\n`,
      );
      const before = snapshot(course);
      const started = Date.now();
      const result = importTranslations(
        course,
        fs.readFileSync(translationFile(copyCourse(miniCourseDir), 'xliff20', {}), 'utf8'),
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0].message).toMatch(
        new RegExp(
          'cannot be split into segments \\(Lists, block quotes and footnotes ' +
            'are nested more than 32 levels deep here\\)',
        ),
      );
      expect(snapshot(course)).toEqual(before);
      const exported = run('l10n', 'export', course, '--locale', 'fr', '--format', 'po');
      expect(exported.status).toBe(1);
      expect(exported.stderr).toContain(
        'error  a body of the course cannot be split into segments: ' +
          '1:65 Lists, block quotes and footnotes are nested more than 32 levels deep here  ' +
          '[polycourse:mdx-too-deep]',
      );
    },
  );
});

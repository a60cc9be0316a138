/**
 * Every rejected course (not body) problem: each names the rule, the file:line:col (or model path)
 * and a fix, all problems come in one run, and a failed build writes nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { buildCourse, validateCourseDir } from '../../compiler/pipeline/build-course.ts';
import type { Diagnostic } from '../../compiler/model/diagnostic.ts';
import { themesRoot } from '../../compiler/render/theme-folders.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse, editFile, tempDir } from '../helpers/temp-course.ts';

async function problems(
  mutate: (dir: string) => void,
  options: { locales?: string[] } = {},
): Promise<Diagnostic[]> {
  const dir = copyCourse(miniCourseDir);
  mutate(dir);
  const out = tempDir();
  const result = await buildCourse({ courseDir: dir, outDir: out, ...options });
  expect(result.ok).toBe(false);
  expect(fs.readdirSync(out).filter((f) => !f.startsWith('.cache'))).toEqual([]); // nothing written
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  for (const e of errors) {
    expect(e.fix, e.ruleId).toBeTruthy();
    expect(e.file ?? e.path, e.ruleId).toBeTruthy();
  }
  return errors;
}

const where = (d: Diagnostic) =>
  `${d.file ? `${path.basename(d.file)}:${d.line}:${d.column}` : d.path} ${d.ruleId}`;

describe('course rejections', () => {
  it('a folder without course.yaml', async () => {
    const result = await validateCourseDir(tempDir());
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['polycourse:missing-file']);
  });

  it('YAML syntax errors, with their position', async () => {
    const errors = await problems((dir) =>
      editFile(path.join(dir, 'locales/en.yaml'), 'title: Mini course', 'title: "Mini course'),
    );
    expect(errors[0]).toMatchObject({
      ruleId: 'polycourse:yaml-syntax',
      file: expect.stringMatching(/locales\/en\.yaml$/),
      line: expect.any(Number),
    });
  });

  it('unknown keys, bad kinds and bad ids in course.yaml, all in one run', async () => {
    const errors = await problems((dir) => {
      const file = path.join(dir, 'course.yaml');
      editFile(file, 'theme: default', 'theme: default\ncolour: blue');
      editFile(file, '{ id: second-lesson, kind: lesson }', '{ id: second-lesson, kind: podcast }');
      editFile(
        file,
        '{ id: basics-sheet, kind: infosheet }',
        '{ id: Basics_Sheet, kind: infosheet }',
      );
    });
    expect(errors.map(where)).toEqual([
      'course.yaml:16:36 polycourse:course-schema',
      'course.yaml:21:15 polycourse:course-schema',
      'course.yaml:1:1 polycourse:course-schema',
    ]);
    expect(errors[0].message).toMatch(/modules\.0\.units\.1\.kind/);
    expect(errors[2].message).toMatch(/colour/);
  });

  it('a text missing in the source locale points at the locale file', async () => {
    const errors = await problems((dir) =>
      editFile(
        path.join(dir, 'locales/en.yaml'),
        '      second-lesson: { title: Second lesson }\n',
        '      second-lesson: {}\n',
      ),
    );
    expect(errors.map(where)).toEqual(['en.yaml:18:7 polycourse:missing-source-text']);
    expect(errors[0].message).toContain('modules.basics.units.second-lesson.title');
  });

  it('a text that is not a string', async () => {
    const errors = await problems((dir) =>
      editFile(path.join(dir, 'locales/ar.yaml'), 'title: دورة مصغرة', 'title: [دورة, مصغرة]'),
    );
    expect(errors.map(where)).toEqual(['ar.yaml:1:8 polycourse:text-type']);
  });

  it('answer keys that name no option, and a single-choice question with two answers', async () => {
    const errors = await problems((dir) => {
      editFile(path.join(dir, 'course.yaml'), 'correct: [b] }', 'correct: [z] }');
      editFile(path.join(dir, 'course.yaml'), 'correct: [a, c] }', 'correct: [a, x] }');
      editFile(path.join(dir, 'course.yaml'), '{ id: q2, type: multiple', '{ id: q2, type: single');
    });
    expect(errors.map(where)).toEqual([
      'course.yaml:25:13 polycourse:answer-key',
      'course.yaml:26:13 polycourse:answer-key',
      'course.yaml:26:13 polycourse:answer-key',
    ]);
    expect(errors[0].message).toBe(
      'Question "q1": correct answer "z" is not one of its options [a, b]',
    );
  });

  it('duplicate unit ids', async () => {
    const errors = await problems((dir) =>
      editFile(
        path.join(dir, 'course.yaml'),
        '{ id: second-lesson, kind: lesson }',
        '{ id: first-lesson, kind: lesson }',
      ),
    );
    expect(errors.map((d) => d.ruleId)).toContain('polycourse:duplicate-id');
  });

  it('media that does not exist, a missing source body and an unknown theme', async () => {
    const errors = await problems((dir) => {
      editFile(path.join(dir, 'course.yaml'), 'src: media/clip.mp4', 'src: media/missing.mp4');
      editFile(path.join(dir, 'course.yaml'), 'theme: default', 'theme: neon');
      fs.rmSync(path.join(dir, 'modules/basics/basics-sheet.en.mdx'));
    });
    expect(errors.map(where)).toEqual([
      'course.yaml:18:14 polycourse:missing-media',
      'basics-sheet.en.mdx:undefined:undefined polycourse:missing-body',
      'course.yaml:4:8 polycourse:unknown-theme',
    ]);
    expect(errors[2].fix).toMatch(/default/);
  });

  it('invalid locale tags and a source locale that is not listed', async () => {
    const bad = await problems((dir) =>
      editFile(
        path.join(dir, 'course.yaml'),
        'locales: [en, ar, fr]',
        'locales: [en, ar, fr, "en_US!"]',
      ),
    );
    expect(bad.map((d) => d.ruleId)).toContain('polycourse:locale-tag');
    const source = await problems((dir) =>
      editFile(path.join(dir, 'course.yaml'), 'sourceLocale: en', 'sourceLocale: de'),
    );
    expect(source.map(where)).toEqual(['course.yaml:2:15 polycourse:source-locale']);
  });

  it('asking for a locale the course does not have', async () => {
    const errors = await problems(() => {}, { locales: ['de'] });
    expect(errors.map((d) => d.ruleId)).toEqual(['polycourse:unknown-locale']);
  });

  it('a damaged image and one above the pixel limit', async () => {
    const errors = await problems((dir) =>
      fs.writeFileSync(path.join(dir, 'media/diagram.png'), 'not a png'),
    );
    expect(errors.map((d) => d.ruleId)).toEqual(['polycourse:image']);
    expect(errors[0].message).toMatch(/media\/diagram\.png/);
  });

  // Pages render while new images encode: an image whose header reads (its files are named from
  // it) but whose pixels do not is found after the pages, and the build still publishes nothing.
  it('an image cut short, found while pages render: the earlier bundle stays', async () => {
    const dir = copyCourse(miniCourseDir);
    const out = tempDir();
    expect((await buildCourse({ courseDir: dir, outDir: out })).ok).toBe(true);
    const manifest = () => fs.readFileSync(path.join(out, 'mini/manifest.json'), 'utf8');
    const before = manifest();
    const png = path.join(dir, 'media/diagram.png');
    const bytes = fs.readFileSync(png);
    fs.writeFileSync(png, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await sharp(fs.readFileSync(png), { failOn: 'error' }).metadata()).width).toBe(640);
    const result = await buildCourse({ courseDir: dir, outDir: out });
    expect(result.ok).toBe(false);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.ruleId)).toEqual(['polycourse:image']);
    expect(errors[0].message).toMatch(/Cannot process image media\/diagram\.png: .*read error/);
    expect(errors[0].fix).toMatch(/Re-export the image/);
    expect(manifest()).toBe(before);
  });

  it('captions that are not WebVTT', async () => {
    const errors = await problems((dir) =>
      fs.writeFileSync(
        path.join(dir, 'media/captions/intro-video.ar.vtt'),
        '1\n00:00:00,000 --> 00:00:01,000\nمرحبا\n',
      ),
    );
    expect(errors.map(where)).toEqual(['intro-video.ar.vtt:1:1 polycourse:captions']);
  });

  it('WebVTT cues W3C’s validator refuses: each at its line and column, with the fix', async () => {
    const errors = await problems((dir) =>
      fs.writeFileSync(
        path.join(dir, 'media/captions/intro-video.ar.vtt'),
        'WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nمرحبا\n\n00:01,000 --> 00:04.000\nأهلا\n',
      ),
    );
    expect(errors.map(where)).toEqual([
      'intro-video.ar.vtt:3:30 polycourse:captions',
      'intro-video.ar.vtt:6:6 polycourse:captions',
    ]);
    expect(errors[0].message).toBe(
      'Captions are not valid WebVTT: End timestamp is not greater than start timestamp.',
    );
    expect(errors[1].fix).toMatch(/a dot before the milliseconds/);
  });

  it(
    'ordering and matching questions take their ' + 'answer from the structure, not from correct',
    async () => {
      const errors = await problems((dir) => {
        editFile(
          path.join(dir, 'course.yaml'),
          '{ id: q4, type: ordering, options: [first, second, third] }',
          '{ id: q4, type: ordering, options: [first, second, third], correct: [first] }',
        );
        editFile(
          path.join(dir, 'course.yaml'),
          'pairs: [[art12, capacity], [art19, community]]',
          'pairs: [[art12, capacity]]',
        );
        editFile(
          path.join(dir, 'course.yaml'),
          '{ id: q3, type: truefalse, correct: true }',
          '{ id: q3, type: truefalse }',
        );
      });
      expect(errors.map(where)).toEqual([
        'course.yaml:28:81 polycourse:answer-key',
        'course.yaml:27:13 polycourse:answer-key',
        'course.yaml:29:13 polycourse:answer-key',
      ]);
      expect(errors[0].message).toMatch(/answer comes from the order of options/);
      expect(errors[1].message).toBe('Question "q3" has no correct answer');
      expect(errors[2].message).toMatch(/at least two pairs/);
    },
  );

  it(
    'warns about keys no part of the course uses (a typo, ' + 'or a comma inside a flow map)',
    async () => {
      const dir = copyCourse(miniCourseDir);
      editFile(
        path.join(dir, 'locales/en.yaml'),
        'second-lesson: { title: Second lesson }',
        'second-lesson: { title: Second, shorter lesson }',
      );
      editFile(path.join(dir, 'locales/ar.yaml'), 'title: دورة مصغرة', 'titel: دورة مصغرة');
      const result = await validateCourseDir(dir);
      const warnings = result.diagnostics
        .filter((d) => d.ruleId === 'polycourse:unknown-key')
        .map(where);
      expect(warnings).toEqual([
        'en.yaml:18:39 polycourse:unknown-key',
        'ar.yaml:1:1 polycourse:unknown-key',
      ]);
    },
  );
});

/**
 * `lol: &a [...]` and seven lines that each repeat the previous one nine times: 9^8 values from 63
 * aliases.
 */
const billionLaughs = ['lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
  .concat(
    [...'bcdefgh'].map(
      (n, i) => `${n}${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`,
    ),
  )
  .join('\n');

describe(
  'hostile files (issue 9): ' + 'refused or warned at their position, quickly, never thrown',
  () => {
    it(
      'a YAML alias bomb in course.yaml or a locale ' + 'file is a yaml-syntax error at the alias',
      async () => {
        for (const file of ['course.yaml', 'locales/en.yaml']) {
          const started = performance.now();
          const errors = await problems((dir) =>
            fs.appendFileSync(path.join(dir, file), `\n${billionLaughs}\n`),
          );
          expect(performance.now() - started).toBeLessThan(5000);
          const lines = fs.readFileSync(path.join(miniCourseDir, file), 'utf8').split('\n').length;
          expect(errors.map(where)).toEqual([
            `${path.basename(file)}:${lines + 8}:9 polycourse:yaml-syntax`,
          ]);
          expect(errors[0].message).toMatch(/^Alias \*g expands to [\d,]+ values/);
        }
      },
    );

    it('the CLI reports an alias bomb as --json, exit 1, no stack trace', () => {
      const dir = copyCourse(miniCourseDir);
      fs.appendFileSync(path.join(dir, 'locales/en.yaml'), `\n${billionLaughs}\n`);
      const run = spawnSync(
        process.execPath,
        [path.resolve(import.meta.dirname, '../../bin/polycourse.mjs'), 'validate', dir, '--json'],
        { encoding: 'utf8' },
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.status).toBe(1);
      expect(JSON.parse(run.stdout).diagnostics).toEqual([
        expect.objectContaining({
          ruleId: 'polycourse:yaml-syntax',
          line: expect.any(Number),
          column: 9,
        }),
      ]);
    });

    it('YAML nested hundreds of levels deep is refused before parsing', async () => {
      const started = performance.now();
      const flow = await problems((dir) =>
        fs.appendFileSync(
          path.join(dir, 'locales/en.yaml'),
          `deep: ${'['.repeat(500_000)}${']'.repeat(500_000)}\n`,
        ),
      );
      const block = await problems((dir) =>
        fs.appendFileSync(path.join(dir, 'course.yaml'), `${'- '.repeat(200_000)}x\n`),
      );
      expect(performance.now() - started).toBeLessThan(5000);
      expect([...flow, ...block].map(where)).toEqual([
        'en.yaml:52:106 polycourse:yaml-syntax',
        'course.yaml:31:199 polycourse:yaml-syntax',
      ]);
      expect(flow[0].message).toBe('Nested more than 100 levels deep');
    });

    it('a YAML file over 2 MB is refused without being read', async () => {
      const errors = await problems((dir) =>
        fs.appendFileSync(path.join(dir, 'locales/fr.yaml'), `# ${'x'.repeat(2 * 1024 * 1024)}\n`),
      );
      expect(errors.map(where)).toEqual(['fr.yaml:1:1 polycourse:yaml-syntax']);
      expect(errors[0].message).toMatch(/at most 2 MB/);
    });

    it('a key written twice is still a yaml-syntax error at the second key', async () => {
      const errors = await problems((dir) =>
        editFile(
          path.join(dir, 'locales/en.yaml'),
          'description: A tiny course for tests.',
          'description: A tiny course for tests.\ntitle: Again',
        ),
      );
      expect(errors.map(where)).toEqual(['en.yaml:3:1 polycourse:yaml-syntax']);
    });

    it('a locale file that is not UTF-8 is a warning at the first bad byte', async () => {
      const dir = copyCourse(miniCourseDir);
      const file = path.join(dir, 'locales/fr.yaml');
      const latin1 = Buffer.from(
        fs.readFileSync(file, 'utf8').replace('title: Mini cours', 'title: Mini c\u00f4urs'),
        'latin1',
      );
      fs.writeFileSync(file, latin1);
      const result = await validateCourseDir(dir);
      expect(result.ok).toBe(true);
      const warnings = result.diagnostics.filter((d) => d.ruleId === 'polycourse:encoding');
      expect(warnings.map(where)).toEqual(['fr.yaml:1:14 polycourse:encoding']);
      expect(warnings[0].fix).toMatch(/UTF-8/);
    });

    it(
      'a video id used in another module, naming both; ' +
        'a lesson id repeated in another module builds',
      async () => {
        const addModule = (dir: string, unit: string) => {
          fs.appendFileSync(
            path.join(dir, 'course.yaml'),
            `  - id: more\n    units:\n      - { id: first-lesson, kind: lesson }\n${unit}`,
          );
          fs.appendFileSync(
            path.join(dir, 'locales/en.yaml'),
            '  more:\n    title: More\n    units:\n      first-lesson: { title: ' +
              'First lesson again }\n      intro-video: { title: Again, transcript: Again }\n',
          );
          fs.mkdirSync(path.join(dir, 'modules/more'));
          fs.writeFileSync(path.join(dir, 'modules/more/first-lesson.en.mdx'), 'Again.\n');
        };
        const errors = await problems((dir) =>
          addModule(dir, '      - { id: intro-video, kind: video, src: media/clip.mp4 }\n'),
        );
        expect(errors.map(where)).toEqual([
          'course.yaml:16:9 polycourse:duplicate-id',
          'course.yaml:34:9 polycourse:duplicate-id',
        ]);
        expect(errors[0].message).toBe(
          'Video id "intro-video" of module "basics" is also used in module "more"',
        );

        const dir = copyCourse(miniCourseDir);
        addModule(dir, '');
        const ok = await buildCourse({ courseDir: dir, outDir: tempDir() });
        expect(ok.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      },
    );

    it('a theme that is a path is refused before anything of it is loaded', async () => {
      const outside = tempDir('polycourse-theme-');
      fs.writeFileSync(path.join(outside, 'theme.json'), '{ "styles": [] }');
      fs.writeFileSync(
        path.join(outside, 'templates.ts'),
        '(globalThis as Record<string, unknown>).outsideThemeRan = true;\nexport {};\n',
      );
      const relative = path.relative(themesRoot, outside);
      const errors = await problems((dir) =>
        editFile(path.join(dir, 'course.yaml'), 'theme: default', `theme: ${relative}`),
      );
      expect(errors.map(where)).toEqual(['course.yaml:4:8 polycourse:id-syntax']);
      expect((globalThis as Record<string, unknown>).outsideThemeRan).toBeUndefined();
    });

    it(
      'bidi overrides and zero-width characters in titles: ' +
        'warned at their position, overrides stripped from the page',
      async () => {
        const dir = copyCourse(miniCourseDir);
        editFile(
          path.join(dir, 'locales/en.yaml'),
          'first-lesson: { title: First lesson }',
          'first-lesson: { title: "First \\u202Elesson" }',
        );
        editFile(path.join(dir, 'locales/en.yaml'), 'title: Basics', 'title: "Basics\\u200B"');
        // RLM and ZWNJ belong in Arabic and Persian text: no warning.
        editFile(
          path.join(dir, 'locales/ar.yaml'),
          'title: دورة مصغرة',
          'title: "دورة\\u200C مصغرة\\u200F"',
        );
        const out = tempDir();
        const result = await buildCourse({ courseDir: dir, outDir: out });
        expect(result.ok).toBe(true);
        const warnings = result.diagnostics.filter(
          (d) => d.ruleId === 'polycourse:invisible-characters',
        );
        expect(warnings.map(where)).toEqual([
          'en.yaml:14:12 polycourse:invisible-characters',
          'en.yaml:17:30 polycourse:invisible-characters',
        ]);
        expect(warnings[0].message).toMatch(/U\+200B ZERO WIDTH SPACE/);
        expect(warnings[1].message).toMatch(/U\+202E RIGHT-TO-LEFT OVERRIDE.*reorders/);
        const page = fs.readFileSync(
          path.join(out, 'mini/en/basics/first-lesson/index.html'),
          'utf8',
        );
        expect(page).toContain('<title>First lesson · Mini course</title>');
        expect(page).not.toContain('\u202E');
        expect(fs.readFileSync(path.join(out, 'mini/ar/index.html'), 'utf8')).toContain(
          'دورة\u200C مصغرة\u200F',
        );
      },
    );
  },
);

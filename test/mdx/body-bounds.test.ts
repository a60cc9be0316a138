/**
 * The limits a body is held to before it is parsed (compiler/mdx/check-body-bounds.ts): the
 * reported hostile bodies are refused at once with a position, the demo course is far inside every
 * limit, and the scan reads the text the way micromark does (escapes, paragraphs, line endings,
 * self-closing tags). The fixture cases reject-too-* in fixtures/ show each message through the
 * whole pipeline.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { bodyLimits, checkBodyBounds, type Options } from '../../compiler/mdx/check-body-bounds.ts';
import { checkBody } from '../../compiler/mdx/check-body.ts';
import { segmentMdx } from '../../compiler/translation/segment-mdx.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { copyCourse } from '../helpers/temp-course.ts';

const projectDir = path.resolve(import.meta.dirname, '../..');
const demoDir = path.join(projectDir, 'courses/rights-based-mental-health');

/** `line:col rule` of each limit `text` crosses. */
function crossed(text: string, options: Options = {}): string[] {
  const file = new VFile(text);
  checkBodyBounds(file, options);
  return file.messages.map((m) => `${m.line}:${m.column} polycourse:${m.ruleId}`);
}

const nestedList = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`).join('\n');

describe('body limits', () => {
  it('refuses the reported bodies at once, before parsing them', async () => {
    for (const [text, expected] of [
      [nestedList(700), ['196:136 polycourse:mdx-too-large']], // ~0.5 MB: 42 s in the CMS before
      // 154 s and a stack overflow in the CLI before
      [nestedList(1000), ['196:136 polycourse:mdx-too-large']],
      [
        `${'- '.repeat(5000)}x`,
        ['1:65 polycourse:mdx-too-deep', '1:2001 polycourse:mdx-too-large'],
      ], // 10 s and a stack overflow
      [`${'> '.repeat(5000)}x`, ['1:65 polycourse:mdx-too-deep']],
      ['<Callout type="note">\n'.repeat(1000), ['33:1 polycourse:mdx-too-deep']],
      ['{'.repeat(5000), ['1:257 polycourse:mdx-too-dense']],
      ['a] '.repeat(13_000), ['1:3002 polycourse:mdx-too-dense']], // 7 s at 16,000
      // 12,800 separate quotes took 56 s
      ['> x\n\n'.repeat(1050), ['2001:1 polycourse:mdx-too-large']],
    ] as const) {
      const started = performance.now();
      const problems = await checkBody(text, 'hostile.mdx');
      expect(performance.now() - started).toBeLessThan(1000);
      expect(problems.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(expected);
      for (const d of problems) {
        expect(d.file).toBe('hostile.mdx');
        expect(d.fix).toMatch(/\(Limits: docs\/authoring\.md#limits\.\)$/);
      }
    }
  });

  it('the demo course is far inside every limit (within a quarter of each)', () => {
    const quarter = Object.fromEntries(
      Object.entries(bodyLimits).map(([k, v]) => [k, Math.floor(v / 4)]),
    ) as Required<Options>;
    const bodies = (fs.readdirSync(demoDir, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.mdx'),
    );
    expect(bodies.length).toBeGreaterThan(50);
    for (const body of bodies)
      expect(crossed(fs.readFileSync(path.join(demoDir, body), 'utf8'), quarter), body).toEqual([]);
  });

  it('counts the way micromark reads: exactly at a limit passes, one past it does not', () => {
    expect(crossed('a'.repeat(40_000))).toEqual([]);
    expect(crossed('a'.repeat(40_001))).toEqual(['1:40001 polycourse:mdx-too-large']);
    expect(crossed('a\n'.repeat(1999))).toEqual([]); // 2,000 lines, the last one empty
    // \r alone ends a line too
    expect(crossed('a\r'.repeat(2000))).toEqual(['2001:1 polycourse:mdx-too-large']);
    expect(crossed('a\r\n'.repeat(2000))).toEqual(['2001:1 polycourse:mdx-too-large']);
    expect(crossed(nestedList(32))).toEqual([]);
    expect(crossed(nestedList(33))).toEqual(['33:65 polycourse:mdx-too-deep']);
    // footnotes are containers
    expect(crossed(`${'[^a]: '.repeat(33)}x`)).toEqual(['1:193 polycourse:mdx-too-deep']);
    expect(crossed('- x\n'.repeat(1000))).toEqual([]);
  });

  it(
    'counts the marks of each paragraph: a blank line or a bullet item starts a new one, ' +
      'an empty `*` line does not',
    () => {
      const marks = (n: number) => 'a]'.repeat(n);
      expect(crossed(`${marks(1000)}\n\n${marks(1000)}`)).toEqual([]);
      expect(crossed(`- ${marks(999)}\n- ${marks(999)}`)).toEqual([]);
      // `*` alone continues the paragraph (and is a mark)
      expect(crossed(`${marks(600)}\n*\n${marks(600)}`)).toEqual([
        '3:800 polycourse:mdx-too-dense',
      ]);
      expect(crossed(`${marks(600)}\n    - ${marks(600)}`)).toEqual([
        '2:808 polycourse:mdx-too-dense',
      ]); // indented: a continuation line
      expect(crossed(`${marks(1000)} \\* \\_ \\[`)).toEqual([]); // escaped marks are text
      expect(crossed(`${'\\{'.repeat(300)}`)).toEqual([]);
    },
  );

  it('self-closing components do not nest; closing tags unnest', () => {
    expect(crossed('<Figure src="media/x.png" alt="a > b" />\n'.repeat(100))).toEqual([]);
    expect(crossed('<Term id="x">word</Term> '.repeat(100))).toEqual([]);
    expect(crossed(`${'<Callout>'.repeat(32)}x${'</Callout>'.repeat(32)}`)).toEqual([]);
  });

  it(
    'segmenting a body for translation throws its first limit, ' +
      'positioned, instead of parsing it',
    () => {
      expect(() => segmentMdx(`${'- '.repeat(5000)}x`)).toThrow(
        expect.objectContaining({ line: 1, column: 65, ruleId: 'mdx-too-deep' }),
      );
    },
  );

  it(
    'a build with the pseudo-locale reports a hostile source body ' + 'instead of crashing',
    async () => {
      const { buildCourse } = await import('../../compiler/pipeline/build-course.ts');
      const course = copyCourse(miniCourseDir);
      fs.writeFileSync(
        path.join(course, 'modules/basics/first-lesson.en.mdx'),
        `${'- '.repeat(5000)}x\n`,
      );
      const result = await buildCourse({
        courseDir: course,
        outDir: copyCourse(miniCourseDir),
        pseudo: true,
      });
      expect(result.ok).toBe(false);
      expect(
        result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId),
      ).toContain('polycourse:mdx-too-deep');
    },
  );

  it(
    'polycourse validate reports a hostile body with file:line:col and exit code 1, ' +
      'in about a second',
    () => {
      const course = copyCourse(miniCourseDir);
      fs.writeFileSync(
        path.join(course, 'modules/basics/first-lesson.ar.mdx'),
        `${nestedList(1000)}\n`,
      );
      const started = Date.now();
      const r = spawnSync(process.execPath, ['bin/polycourse.mjs', 'validate', course, '--json'], {
        cwd: projectDir,
        encoding: 'utf8',
      });
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(r.status).toBe(1);
      const { diagnostics } = JSON.parse(r.stdout) as {
        diagnostics: {
          file?: string;
          line?: number;
          column?: number;
          ruleId: string;
          message: string;
        }[];
      };
      expect(diagnostics.filter((d) => d.ruleId.startsWith('polycourse:mdx-'))).toEqual([
        expect.objectContaining({
          file: expect.stringMatching(/modules\/basics\/first-lesson\.ar\.mdx$/),
          line: 196,
          column: 136,
          ruleId: 'polycourse:mdx-too-large',
          message:
            'This body has 1,009,890 characters; a body may have at most 40,000, which ends here',
        }),
      ]);
    },
  );
});

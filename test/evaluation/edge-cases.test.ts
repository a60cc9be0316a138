/**
 * The cases a real cohort brings (cohort-12 has each one; scipy's numbers for it are checked in
 * reference-values.test.ts) and every way a responses file is refused: what, file:line:col, and
 * the fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCsv, defaultSettings } from '../../compiler/evaluation/evaluate-cohort.ts';

const fixture = path.join(import.meta.dirname, '../fixtures/evaluation/cohort-12.csv');
const text = fs.readFileSync(fixture, 'utf8');
const settings = {
  ...defaultSettings,
  scale: { min: 1, max: 5 },
  reversed: ['q03'],
  by: ['cohort'],
};
const result = evaluateCsv(text, 'cohort-12.csv', settings).evaluation!.result;
const item = (id: string) => result.items.find((i) => i.item === id)!;

describe('edge cases (cohort-12)', () => {
  it('an item nobody changed: mean change 0, no test, no effect size, not in Holm', () => {
    expect(item('q07')).toMatchObject({
      n: 12,
      mean_change: 0,
      ci95: [0, 0],
      ttest: { t: null, df: 11, p: null },
      wilcoxon: { statistic: null, p: null, method: null, z: null, n_nonzero: 0 },
      dz: null,
      r: null,
      p_holm: null,
    });
  });

  it('a learner with pre only is counted as unmatched and left out', () => {
    expect(result).toMatchObject({ n: 12, unmatched: 1 });
    expect(text).toMatch(/^l13,pre,/m);
    expect(text).not.toMatch(/^l13,post,/m);
  });

  it('a missing answer: the item uses 11 learners, the total only the complete ones', () => {
    expect(item('q05').n).toBe(11);
    expect(item('q04').n).toBe(12);
    expect(result.overall.n).toBe(11);
  });

  it('the reversed item is flipped before anything else (v → 6 − v)', () => {
    const flipped = evaluateCsv(text, 'cohort-12.csv', {
      ...settings,
      reversed: [],
    }).evaluation!.result.items.find((i) => i.item === 'q03')!;
    expect(item('q03').mean_pre).toBeCloseTo(6 - flipped.mean_pre!, 12);
    expect(item('q03').mean_change).toBeCloseTo(-flipped.mean_change!, 12);
    expect(item('q03').wilcoxon.statistic).toBe(flipped.wilcoxon.statistic);
  });

  it('groups under the minimum are suppressed, with their size only', () => {
    expect(result.groups.cohort).toEqual({
      a: { n: 7, suppressed: true },
      b: { n: 5, suppressed: true },
    });
    const shown = evaluateCsv(text, 'cohort-12.csv', { ...settings, minGroup: 5 }).evaluation!
      .result.groups.cohort!;
    expect(shown.b).toMatchObject({ n: 5, unmatched: expect.any(Number) });
  });

  it('the total takes the exact distribution (11 distinct non-zero changes)', () => {
    expect(result.overall.wilcoxon.method).toBe('exact');
    expect(item('q01').wilcoxon.method).toBe('approx');
  });
});

describe('a cohort too small to test', () => {
  it('only "pre" answers so far: counts, no test, no error (a new course in the admin)', () => {
    const r = evaluateCsv('learner,phase,q01,q02\nl1,pre,1,2\nl2,pre,3,4\n', 'r.csv', {
      ...defaultSettings,
      scale: { min: 1, max: 5 },
    });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const result = r.evaluation!.result;
    expect(result.n).toBe(0);
    expect(result.items.map((i) => [i.item, i.wilcoxon.p, i.p_holm])).toEqual([
      ['q01', null, null],
      ['q02', null, null],
    ]);
  });
});

describe('a responses file is refused, saying where and how to fix it', () => {
  const refuse = (csv: string, more: Partial<typeof settings> = {}) => {
    const r = evaluateCsv(csv, 'r.csv', { ...defaultSettings, scale: { min: 1, max: 5 }, ...more });
    expect(r.evaluation).toBeUndefined();
    return r.diagnostics;
  };

  it('no learner column', () => {
    expect(refuse('id,phase,q01\nx,pre,1\n')).toEqual([
      expect.objectContaining({
        ruleId: 'polycourse:evaluation-csv',
        file: 'r.csv',
        line: 1,
        message: 'The header has no "learner" column',
        fix: expect.stringContaining('learner,phase'),
      }),
    ]);
  });

  it('a learner id longer than the CMS keeps (100 characters), at its cell', () => {
    const id = 'x'.repeat(101);
    expect(refuse(`learner,phase,q01\nl1,pre,1\n${id},post,2\n`)).toEqual([
      expect.objectContaining({
        line: 3,
        column: 1,
        message: 'A learner id of 101 characters (at most 100)',
      }),
    ]);
  });

  it('a phase other than pre or post, at its line and column', () => {
    expect(refuse('learner,phase,q01\nl1,pre,1\nl1,during,2\n')).toEqual([
      expect.objectContaining({
        line: 3,
        column: 4,
        message: 'Phase "during" is neither "pre" nor "post"',
      }),
    ]);
  });

  it('a second row for the same learner and phase names the first', () => {
    expect(refuse('learner,phase,q01\nl1,pre,1\nl1,post,2\nl1,pre,3\n')).toEqual([
      expect.objectContaining({
        line: 4,
        message: 'Learner "l1" has a second "pre" row (the first is on line 2)',
      }),
    ]);
  });

  it('an answer off the scale or not a whole number, at its cell', () => {
    const d = refuse('learner,phase,q01,q02\nl1,pre,1,7\nl1,post,2.5,3\n', {
      items: ['q01', 'q02'],
    });
    expect(d).toEqual([
      expect.objectContaining({
        line: 2,
        column: 10,
        message: 'Item q02: 7 is outside the scale 1–5',
      }),
      expect.objectContaining({
        line: 3,
        column: 9,
        message: 'Item q01: "2.5" is not a whole number',
      }),
    ]);
    expect(d[0]!.fix).toMatch(/--scale/);
  });

  it('an item the questionnaire names but the header lacks', () => {
    expect(refuse('learner,phase,q01\nl1,pre,1\n', { items: ['q01', 'q02'] })).toEqual([
      expect.objectContaining({
        line: 1,
        message: 'The header has no column for questionnaire item "q02"',
      }),
    ]);
  });

  it('a reversed item or grouping column that is not there', () => {
    const d = refuse('learner,phase,q01,locale\nl1,pre,1,en\nl1,post,2,en\n', {
      reversed: ['q09'],
      by: ['country'],
    });
    expect(d.map((x) => [x.ruleId, x.message])).toEqual([
      ['polycourse:evaluation-options', 'Reversed item "q09" is not one of the items (q01)'],
      ['polycourse:evaluation-options', 'There is no grouping column "country" (columns: locale)'],
    ]);
  });

  it('a CSV that does not parse (an unclosed quote) names its line', () => {
    const d = refuse('learner,phase,q01\nl1,pre,1\n"l2,post,2\n');
    expect(d).toEqual([
      expect.objectContaining({ ruleId: 'polycourse:evaluation-csv', line: expect.any(Number) }),
    ]);
    expect(d[0]!.message).toMatch(/^Not a readable CSV/);
  });

  it('an empty file', () => {
    expect(refuse('')).toEqual([
      expect.objectContaining({ line: 1, message: 'The file is empty' }),
    ]);
  });

  it('a numeric grouping column is a group when named in --by, an item otherwise', () => {
    const csv = 'learner,phase,q01,income\nl1,pre,1,2\nl1,post,2,2\n';
    const r = evaluateCsv(csv, 'r.csv', {
      ...defaultSettings,
      by: ['income'],
      scale: { min: 1, max: 5 },
    });
    expect(r.options?.items).toEqual(['q01']);
    const items = evaluateCsv(csv, 'r.csv', { ...defaultSettings, scale: { min: 1, max: 5 } });
    expect(items.options?.items).toEqual(['q01', 'income']);
  });
});

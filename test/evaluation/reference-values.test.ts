/**
 * Every number of `evaluateCsv` against references computed with scipy
 * (scripts/evaluation/reference.py; regenerate with scripts/evaluation/make-references.sh):
 * within 1e-9 (relative to the value's size above 1), p-values within 1e-6.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCsv } from '../../compiler/evaluation/evaluate-cohort.ts';
import { differences } from '../helpers/compare-numbers.ts';

const dir = path.join(import.meta.dirname, '../fixtures/evaluation');
const cases = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.options.json'))
  .map((f) => f.replace(/\.options\.json$/, ''));

describe('evaluation numbers match scipy', () => {
  it('has the fixtures (12, 240 and 5,000 learners, Pratt, exact, a zero without ties)', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'zero-no-ties',
        'cohort-12',
        'cohort-240',
        'cohort-240-pratt',
        'cohort-5000',
        'exact-small',
      ]),
    );
  });

  for (const name of cases) {
    it(name, () => {
      const options = JSON.parse(fs.readFileSync(path.join(dir, `${name}.options.json`), 'utf8'));
      const reference = JSON.parse(
        fs.readFileSync(path.join(dir, `${name}.reference.json`), 'utf8'),
      );
      const csv = path.join(dir, `${name.replace(/-pratt$/, '')}.csv`);
      const evaluated = evaluateCsv(fs.readFileSync(csv, 'utf8'), csv, {
        scale: options.scale,
        reversed: options.reversed,
        by: options.by,
        minGroup: options.minGroup,
        zeroMethod: options.zeroMethod,
        continuity: options.continuity,
      });
      expect(evaluated.diagnostics).toEqual([]);
      expect(differences(evaluated.evaluation!.result, reference)).toEqual([]);
    });
  }
});

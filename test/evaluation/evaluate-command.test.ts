/**
 * `polycourse evaluate` as a partner runs it: --json matches scipy's reference, --out writes a
 * report per course locale (read in real Chromium: charts, right-to-left, no axe violations, no
 * request leaves the folder), the CSV of the table, and exit codes 1 and 2 with the place to fix.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium } from '../helpers/browser.ts';
import { differences } from '../helpers/compare-numbers.ts';
import { tempDir } from '../helpers/temp-course.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/evaluation');
const bin = path.join(root, 'bin/polycourse.mjs');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, 'evaluate', ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('polycourse evaluate', () => {
  it('--json: the keys other tools read, equal to the scipy reference', () => {
    const r = run(
      path.join(fixtures, 'cohort-240.csv'),
      '--scale',
      '1-5',
      '--reversed',
      'q03,q06,q09,q12,q15,q17',
      '--by',
      'locale',
      '--by',
      'cohort',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    const reference = JSON.parse(
      fs.readFileSync(path.join(fixtures, 'cohort-240.reference.json'), 'utf8'),
    );
    expect(differences(result, reference)).toEqual([]);
    expect(Object.keys(result.items[0]).sort()).toEqual(
      expect.arrayContaining([
        'item',
        'n',
        'mean_pre',
        'mean_post',
        'mean_change_pct',
        'ci95',
        'ttest',
        'wilcoxon',
        'dz',
        'r',
        'p_holm',
      ]),
    );
    expect(result.groups.locale.sw).toEqual({ n: 8, suppressed: true });
  });

  it('without --json: a table on the terminal', () => {
    const r = run(path.join(fixtures, 'exact-small.csv'), '--scale', '1-11');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^9 paired learners, 0 unmatched/);
    expect(r.stdout).toMatch(/^q01 +9 /m);
    expect(r.stdout).toMatch(/^total +9 /m);
  });

  it('bad input: exit 1 with file:line:col; a bad flag: exit 2', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'r.csv');
    fs.writeFileSync(csv, 'learner,phase,q01\nl1,pre,1\nl1,later,2\n');
    const bad = run(csv, '--scale', '1-5');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('r.csv:3:4  error  Phase "later" is neither "pre" nor "post"');
    expect(bad.stderr).toContain('see: docs/rules.md#evaluation-csv');
    const json = run(csv, '--scale', '1-5', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      diagnostics: [{ line: 3, column: 4 }],
    });
    expect(run(csv, '--scale', 'five').code).toBe(2);
    expect(run(csv, '--zero-method', 'zsplit').code).toBe(2);
    expect(run(path.join(dir, 'absent.csv')).code).toBe(2);
  });
});

describe('the report folder (--out, the demo course questionnaire)', () => {
  let out: string;
  let browser: Browser;
  beforeAll(async () => {
    out = path.join(tempDir(), 'report');
    const r = run(
      path.join(fixtures, 'demo-course-responses.csv'),
      '--course',
      'courses/rights-based-mental-health',
      '--by',
      'locale',
      '--min-group',
      '6',
      '--out',
      out,
    );
    expect(r.stderr).toMatch(/^wrote 14 files/);
    expect(r.code).toBe(0);
    browser = await launchChromium();
  }, 60_000);
  afterAll(() => browser?.close());

  it('one page per course locale, items.csv and report.json', () => {
    expect(fs.readdirSync(out).sort()).toEqual(
      ['ar', 'de', 'el', 'es', 'hi', 'pt', 'ru', 'sw', 'uk', 'zh', 'fr']
        .map((l) => `${l}.html`)
        .concat(['index.html', 'items.csv', 'report.json'])
        .sort(),
    );
    const result = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(result.reversed).toEqual(['a03', 'a06', 'a09', 'a12', 'a15', 'a17']);
    const csv = fs.readFileSync(path.join(out, 'items.csv'), 'utf8').trim().split('\n');
    // header, 17 items + total, then 18 rows for each of the 4 locales (6 learners each)
    expect(csv).toHaveLength(1 + 18 + 4 * 18);
    const a01 = csv[1]!.split(',');
    expect(a01.slice(0, 4)).toEqual(['', '', 'a01', '24']);
    expect(Number(a01.at(-1))).toBe(result.items[0].p_holm);
  });

  for (const [file, lang, dir] of [
    ['index.html', 'en', 'ltr'],
    ['ar.html', 'ar', 'rtl'],
  ] as const) {
    it(`${file}: ${lang}, ${dir}, two charts, item texts, axe-clean, nothing fetched`, async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(path.join(out, file)).href);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.getAttribute('html', 'dir')).toBe(dir);
      expect(await page.locator('svg[role="img"]').count()).toBe(2);
      expect(await page.locator('.items li').count()).toBe(17);
      // the phone-sized page does not scroll sideways (wide tables scroll in their own region)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      expect(await axeViolations(page)).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      await page.close();
    }, 60_000);
  }
});

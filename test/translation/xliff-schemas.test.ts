/**
 * Issue #16: the XLIFF files `polycourse l10n export` writes are valid against the OASIS schemas
 * (XLIFF 1.2 strict; XLIFF 2.0 core plus the Size and Length Restriction module), with xmllint —
 * the demo course in French and Arabic, with the page addresses and maximum lengths — and a broken
 * file is not.
 */
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCourseDir } from '../helpers/demo-course.ts';
import { xmllintMissing } from '../helpers/scorm-schemas.ts';
import { validateXliff, xliffSchemaDir, type XliffVersion } from '../helpers/xliff-schemas.ts';
import { tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const baseUrl = 'https://learn.example.org/rights/';

const missing = xmllintMissing();
// On CI xmllint must be there (.ci/run installs libxml2-utils): a skip would hide a missing step.
const withXmllint = describe.skipIf(missing !== null && !process.env.CI);

/** The demo course exported by the CLI, as a translator gets it (once per locale and format). */
const exports = new Map<string, string>();
function exportDemo(locale: string, format: 'xliff12' | 'xliff20'): string {
  const key = `${locale}.${format}`;
  if (!exports.has(key)) exports.set(key, runExport(locale, format));
  return exports.get(key)!;
}

function runExport(locale: string, format: 'xliff12' | 'xliff20'): string {
  const out = path.join(tempDir(), `${locale}.xlf`);
  const args = ['--locale', locale, '--format', format, '--base-url', baseUrl, '--out', out];
  const run = spawnSync(process.execPath, [bin, 'l10n', 'export', demoCourseDir, ...args], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return fs.readFileSync(out, 'utf8');
}

/** The line of the first occurrence of `text`, 1-based. */
const lineOf = (xml: string, text: string) => xml.slice(0, xml.indexOf(text)).split('\n').length;

describe('the OASIS XLIFF schemas checked in', () => {
  // The files as OASIS published them (see test/fixtures/xliff-schemas/README.md): a changed byte
  // would validate against something else than the standard.
  const published: Record<string, string> = {
    '1.2/xliff-core-1.2-strict.xsd':
      '33ff003ac4c9540a7a041653b5118fd76487c8ceb43549031065b86831a8c173',
    '2.0/xliff_core_2.0.xsd': 'fb51193694c534b6e0483fefde138488c1e6069ec569e08284434cbeb175a2e4',
    '2.0/modules/size_restriction.xsd':
      '1794ba46413ef68092f2e106ba2b9bd00a11906d47ff98359b748b1daf4e77fa',
    '2.0/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd':
      '61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c',
  };
  it('are the published files, byte for byte', () => {
    for (const [file, sha] of Object.entries(published)) {
      const data = fs.readFileSync(path.join(xliffSchemaDir, file));
      expect(crypto.createHash('sha256').update(data).digest('hex'), file).toBe(sha);
    }
    // XLIFF 1.2 strict is the size OASIS lists for it (xliff/v1.2/os/).
    expect(fs.statSync(path.join(xliffSchemaDir, '1.2/xliff-core-1.2-strict.xsd')).size).toBe(
      105649,
    );
  });
});

withXmllint(`exports against the OASIS schemas (xmllint${missing ? `: ${missing}` : ''})`, () => {
  const cases: [string, 'xliff12' | 'xliff20', XliffVersion][] = [
    ['fr', 'xliff12', '1.2'],
    ['ar', 'xliff12', '1.2'],
    ['fr', 'xliff20', '2.0'],
    ['ar', 'xliff20', '2.0'],
  ];
  for (const [locale, format, version] of cases)
    it(`the demo course in ${locale}, XLIFF ${version}, with context and lengths, is valid`, () => {
      const xml = exportDemo(locale, format);
      const page = `${baseUrl}${locale}/recovery/recovery-in-brief/`;
      if (version === '1.2') {
        expect(xml).toMatch(
          /<trans-unit id="[^"]+captions:1"[^>]* maxwidth="\d+" size-unit="char"/,
        );
        expect(xml).toContain(`<context context-type="x-url">${page}</context>`);
        expect(xml).toContain(
          '<context context-type="x-location">Module “Recovery” › video “Recovery in brief” › ' +
            'captions, cue 1 of 4</context>',
        );
      } else {
        expect(xml).toContain('xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0"');
        expect(xml).toContain('<slr:profiles generalProfile="xliff:codepoints"/>');
        expect(xml).toMatch(/<unit id="[^"]+captions:1" slr:sizeRestriction="\d+">/);
        expect(xml).toContain(`<note category="page">${page}</note>`);
      }
      expect(validateXliff(xml, version)).toEqual({ ok: true, errors: [] });
    });

  it('a broken XLIFF 1.2 file is refused, on its line', () => {
    const xml = exportDemo('fr', 'xliff12').replace(
      '<target state="translated">',
      '<target state="done">',
    );
    const result = validateXliff(xml, '1.2');
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(
      new RegExp(`^file\\.xlf:${lineOf(xml, 'state="done"')}: .*'done'`, 'm'),
    );
  });

  it('a broken XLIFF 2.0 file is refused: core markup, and the size module too', () => {
    const xml = exportDemo('ar', 'xliff20');
    // A unit without its segment.
    const noSegment = xml.replace(/(<unit id="title">.*?)<segment.*?<\/segment>/s, '$1');
    expect(noSegment).not.toBe(xml);
    const core = validateXliff(noSegment, '2.0');
    expect(core.ok).toBe(false);
    expect(core.errors.join('\n')).toMatch(/Missing child element|not expected/);
    // The module's own markup is checked, not skipped as the core's wildcards would.
    const badProfile = xml.replace('generalProfile="xliff:codepoints"', 'maxChars="80"');
    const module = validateXliff(badProfile, '2.0');
    expect(module.ok).toBe(false);
    expect(module.errors.join('\n')).toMatch(/profiles.*'maxChars' is not allowed/);
  });
});

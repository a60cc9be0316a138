/**
 * Validate an XLIFF file against the OASIS schemas with xmllint (Debian's libxml2-utils), as
 * scorm-schemas.ts does for SCORM manifests. The schemas are checked in, byte for byte, under
 * test/fixtures/xliff-schemas/ (README.md there says where each comes from): XLIFF 1.2 strict, and
 * XLIFF 2.0 core with the Size and Length Restriction module.
 *
 * xmllint validates against the one schema given to `--schema`: for 2.0 that is a small wrapper in
 * a temp folder that only `xsd:import`s the core and the module (so `slr:` markup is checked, not
 * skipped as the core's lax wildcards would). XLIFF 1.2 imports xml.xsd from its W3C address: a
 * catalog in the temp folder maps it to the local copy, and `--nonet` holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateWithXmllint, type SchemaValidation } from './xmllint.ts';

export type XliffVersion = '1.2' | '2.0';

export const xliffSchemaDir = path.resolve(import.meta.dirname, '../fixtures/xliff-schemas');

const xmlXsd = path.join(xliffSchemaDir, '2.0/informativeCopiesOf3rdPartySchemas/w3c/xml.xsd');

/** Namespace → the official schema file for it, per version. */
export const xliffNamespaces: Record<XliffVersion, Record<string, string>> = {
  '1.2': { 'urn:oasis:names:tc:xliff:document:1.2': '1.2/xliff-core-1.2-strict.xsd' },
  '2.0': {
    'urn:oasis:names:tc:xliff:document:2.0': '2.0/xliff_core_2.0.xsd',
    'urn:oasis:names:tc:xliff:sizerestriction:2.0': '2.0/modules/size_restriction.xsd',
  },
};

/** xmllint's messages, each `file.xlf:LINE: element X: Schemas validity error : …` */
export type XliffValidation = SchemaValidation;

/** The wrapper schema: imports only; every definition comes from the OASIS files. */
function wrapperXsd(version: XliffVersion): string {
  const imports = Object.entries(xliffNamespaces[version]).map(
    ([ns, file]) =>
      `  <xsd:import namespace="${ns}" ` +
      `schemaLocation="${pathToFileURL(path.join(xliffSchemaDir, file)).href}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
    ...imports,
    '</xsd:schema>',
    '',
  ].join('\n');
}

/** An OASIS XML catalog that maps xml.xsd's W3C address to the local copy. */
function catalog(): string {
  return [
    '<?xml version="1.0"?>',
    '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">',
    `  <uri name="http://www.w3.org/2001/xml.xsd" uri="${pathToFileURL(xmlXsd).href}"/>`,
    `  <system systemId="http://www.w3.org/2001/xml.xsd" uri="${pathToFileURL(xmlXsd).href}"/>`,
    '</catalog>',
    '',
  ].join('\n');
}

/** Validate XLIFF text against the OASIS schemas of `version` (`xmllint --nonet --schema`). */
export function validateXliff(xml: string, version: XliffVersion): XliffValidation {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polycourse-xliff-'));
  try {
    const file = 'file.xlf';
    fs.writeFileSync(path.join(dir, file), xml);
    fs.writeFileSync(path.join(dir, 'catalog.xml'), catalog());
    fs.writeFileSync(path.join(dir, 'wrapper.xsd'), wrapperXsd(version));
    const run = validateWithXmllint(dir, 'wrapper.xsd', file, {
      catalog: path.join(dir, 'catalog.xml'),
    });
    // A warning on exit code 0 is a failure too.
    return { ok: run.ok && run.errors.length === 0, errors: run.errors };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

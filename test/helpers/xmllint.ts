/**
 * xmllint (Debian's libxml2-utils) as the schema checks run it (xliff-schemas.ts and
 * scorm-schemas.ts): `--noout --nonet --schema` on one file in a folder, stderr grouped into
 * messages.
 */
import { spawnSync } from 'node:child_process';

export interface SchemaValidation {
  ok: boolean;
  /** xmllint's messages, each `file:LINE: element X: Schemas validity error : …` and context. */
  errors: string[];
}

/** Why xmllint cannot run here, or null when it can. */
export function xmllintMissing(): string | null {
  const run = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (run.error) return `xmllint not found (apt-get install libxml2-utils): ${run.error.message}`;
  return null;
}

/**
 * Validate `file` against `schema`, both in `dir`. `catalog`: the XML catalog file for schemas
 * named by address (none: every schema must be local). Messages matching `ignore` are dropped.
 */
export function validateWithXmllint(
  dir: string,
  schema: string,
  file: string,
  options: { catalog?: string; ignore?: RegExp } = {},
): SchemaValidation {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, XML_CATALOG_FILES: options.catalog ?? '' },
  });
  if (run.error) throw new Error(`xmllint did not run: ${run.error.message}`);
  const errors = messages(run.stderr, file).filter((m) => !options.ignore?.test(m));
  const ok = run.status === 0;
  if (!ok && errors.length === 0) errors.push(`xmllint exited with ${run.status ?? run.signal}`);
  return { ok, errors };
}

/**
 * xmllint's stderr as messages: a `file:line:` line with its context and caret lines. The closing
 * `file validates` / `fails to validate` line is dropped: the exit code says it.
 */
function messages(stderr: string, file: string): string[] {
  const out: string[] = [];
  for (const line of stderr.split('\n')) {
    if (!line.trim() || line === `${file} validates` || line === `${file} fails to validate`)
      continue;
    if (/^\S+:\d+: /.test(line) || out.length === 0) out.push(line);
    else out[out.length - 1] += `\n${line}`;
  }
  return out;
}

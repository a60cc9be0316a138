/** Print diagnostics for people: errors first, grouped, with a one-line summary. */
import { docsLink, formatDiagnostic, type Diagnostic } from '../compiler/model/diagnostic.ts';

export function printDiagnostics(
  diagnostics: Diagnostic[],
  stream: NodeJS.WritableStream = process.stderr,
): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  for (const d of [...errors, ...warnings]) stream.write(`${formatDiagnostic(d)}\n`);
  if (diagnostics.length)
    stream.write(`${errors.length} error(s), ${warnings.length} warning(s)\n`);
}

/** `--json` output: the value, each diagnostic in it with the link to its rule's docs. */
export function printJson(value: unknown, stream: NodeJS.WritableStream = process.stdout): void {
  const withDocs = (key: string, v: unknown) =>
    v && typeof v === 'object' && 'ruleId' in v && 'severity' in v
      ? { ...v, docs: docsLink(String(v.ruleId)) }
      : v;
  stream.write(`${JSON.stringify(value, withDocs, 2)}\n`);
}

/** Print diagnostics for people: errors first, grouped, with a one-line summary. */
import { formatDiagnostic, type Diagnostic } from '../compiler/model/diagnostic.ts';

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

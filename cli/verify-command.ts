/** `polycourse verify <bundle-dir>`: the bundle against its manifest; problems as diagnostics. */
import { verifyBundle } from '../compiler/targets/static-bundle/verify-bundle.ts';
import { exitCodes } from './exit-codes.ts';
import { printDiagnostics, printJson } from './report-diagnostics.ts';

export async function verifyCommand(options: {
  bundleDir: string;
  json: boolean;
}): Promise<number> {
  const result = verifyBundle(options.bundleDir);
  if (options.json) printJson(result);
  else {
    printDiagnostics(result.diagnostics);
    process.stdout.write(
      result.ok
        ? `ok: ${result.checked} files match manifest.json\n`
        : `FAILED: ${result.diagnostics.length} problem(s) in ${result.checked} files\n`,
    );
  }
  return result.ok ? exitCodes.ok : exitCodes.invalid;
}

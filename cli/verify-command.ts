import { verifyBundle } from '../compiler/targets/static-bundle/verify-bundle.ts';
import { exitCodes } from './exit-codes.ts';

export async function verifyCommand(options: {
  bundleDir: string;
  json: boolean;
}): Promise<number> {
  const result = verifyBundle(options.bundleDir);
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    for (const p of result.problems) process.stderr.write(`${p.path}  ${p.problem}  ${p.detail}\n`);
    process.stdout.write(
      result.ok
        ? `ok: ${result.checked} files match manifest.json\n`
        : `FAILED: ${result.problems.length} problem(s) in ${result.checked} files\n`,
    );
  }
  return result.ok ? exitCodes.ok : exitCodes.invalid;
}

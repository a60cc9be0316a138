#!/usr/bin/env node
// The polycourse CLI. The compiler and themes are TypeScript; tsx loads them without a build step.
// Builds, validations and verifications run from a prebuilt bundle of the same sources instead when it
// is up to date (compiler/prebuilt/prebuilt.mjs: checked by content, rebuilt here when stale), which saves
// the loader's start-up. The CMS commands, and --from/--from-cms builds, always go through tsx.
const args = process.argv.slice(2);
const prebuiltCommands = new Set(['build', 'validate', 'verify']);
let main;
if (prebuiltCommands.has(args[0]) && !args.some((a) => a.startsWith('--from'))) {
  const { loadPrebuilt } = await import('../compiler/prebuilt/prebuilt.mjs');
  main = (await loadPrebuilt('main', { build: true }))?.main;
}
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(args);

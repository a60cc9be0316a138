#!/usr/bin/env node
// The polycourse CLI. The compiler and themes are TypeScript. Builds, validations, verifications
// and evaluations run from dist/, the esbuild bundle `npm run build` makes (npm install runs it),
// while it is current: built from exactly the sources on disk (bin/build-dist.mjs checks their
// content).
// Otherwise, and for the CMS commands and --from/--from-cms builds, tsx loads the sources
// themselves.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { currentDist } from './build-dist.mjs';

const args = process.argv.slice(2);
const builtCommands = new Set(['build', 'validate', 'verify', 'evaluate']);
const dist = builtCommands.has(args[0]) && !args.some((a) => a.startsWith('--from'));
const distDir = dist ? currentDist() : undefined;
let main;
if (distDir) ({ main } = await import(pathToFileURL(`${distDir}/main.mjs`).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(args, fileURLToPath(import.meta.url));

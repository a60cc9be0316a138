#!/usr/bin/env node
// The polycourse CLI. The compiler and themes are TypeScript; tsx loads them without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../compiler/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

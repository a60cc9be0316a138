// Start a TypeScript entry of the compiler from its sources: register tsx (resolved from this
// package, not the cwd), then load the file named by the first argument. Worker threads and child
// processes begin as plain JavaScript; entry-point.ts sends them here when no dist/ is built.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const file = process.argv[2];
if (!file) throw new Error('bin/run-typescript.mjs needs the TypeScript file to run');
register();
await import(pathToFileURL(file).href);

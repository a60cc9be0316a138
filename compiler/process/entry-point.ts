/**
 * Where a worker thread or child process of the compiler starts. In the built copy (`npm run build`
 * writes dist/; esbuild defines POLYCOURSE_BUNDLED there) its bundled entry, beside this code; from
 * the sources (tsx, vitest) `run-typescript.mjs` beside this file, which registers tsx and then
 * loads the TypeScript entry named in its argv. Decided when the code is built, not looked up at
 * run time.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

declare const POLYCOURSE_BUNDLED: boolean | undefined;

/**
 * The dist/ build folder this code was bundled into (its chunks sit side by side there, and the
 * build leaves this file's import.meta.url alone), or undefined when it runs from its sources.
 */
export const distDir: string | undefined =
  typeof POLYCOURSE_BUNDLED === 'boolean' && POLYCOURSE_BUNDLED
    ? path.dirname(fileURLToPath(import.meta.url))
    : undefined;

const runTypeScript = new URL('./run-typescript.mjs', import.meta.url);

/** The file to start and the arguments to give it, for entry `name` whose source is `source`. */
export function entryPoint(
  name: 'render-worker' | 'image-child',
  source: URL,
): {
  file: URL;
  argv: string[];
} {
  if (distDir) return { file: pathToFileURL(path.join(distDir, `${name}.mjs`)), argv: [] };
  return { file: runTypeScript, argv: [fileURLToPath(source)] };
}

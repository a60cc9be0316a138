// A worker thread that runs the compiler's body check (compiler/mdx/check-body.ts) for the CMS, so
// a slow body never holds the server's event loop. Plain JavaScript: it is loaded from its path on
// disk, outside the Next.js bundle, and loads the TypeScript compiler through tsx. Protocol:
// `{ id, text, file }` in, `{ id, problems }` or `{ id, error }` out; `{ ready: true }` once, when
// it can take work.
import { parentPort } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
const { checkBody } = await import('../../compiler/mdx/check-body.ts');
// builds the processor once, before the first real body
await checkBody('Warm *up*.', 'warm-up.mdx');

parentPort.on('message', async ({ id, text, file }) => {
  try {
    parentPort.postMessage({ id, problems: await checkBody(text, file) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });

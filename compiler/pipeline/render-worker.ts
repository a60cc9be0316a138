/**
 * Worker thread entry: ask the main thread for batches of pages, render them, report each one back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPageRenderer } from './page-renderer.ts';
import type { RenderJob, RenderSetup } from './render-job.ts';

const { setup } = workerData as { setup: RenderSetup };
const render = await createPageRenderer(setup);
parentPort!.on('message', async ({ jobs }: { jobs: RenderJob[] }) => {
  if (!jobs.length) {
    parentPort!.close();
    return;
  }
  for (const job of jobs) parentPort!.postMessage({ page: await render(job) });
  parentPort!.postMessage({ ready: true });
});
parentPort!.postMessage({ ready: true });

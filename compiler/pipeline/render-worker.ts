/**
 * Worker thread entry: ask the main thread for batches of pages, render them, report each one back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPageRenderer } from './page-renderer.ts';
import type { RenderJob, RenderSetup } from './render-job.ts';
import { reuseParsedCatalogs } from '../ui-strings/ui-catalog.ts';

const { setup } = workerData as { setup: RenderSetup };
reuseParsedCatalogs(setup.parsedCatalogs ?? []);
const render = await createPageRenderer(setup);
parentPort!.on('message', async ({ jobs }: { jobs: RenderJob[] }) => {
  if (!jobs.length) {
    parentPort!.close();
    return;
  }
  for (const job of jobs) {
    const { diagnostics } = await render(job);
    // The job without its body texts: the main thread has them, and copying them back cost 3% of a
    // worker's CPU (docs/benchmarks.md).
    const { body: _body, ...sent } = job;
    parentPort!.postMessage({ page: { job: sent, diagnostics } });
  }
  parentPort!.postMessage({ ready: true });
});
parentPort!.postMessage({ ready: true });

/**
 * Worker thread entry: ask the main thread for batches of pages, render them, report each batch
 * back with the request for the next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPageRenderer } from './page-renderer.ts';
import type { RenderedPage, RenderJob, RenderSetup } from './render-job.ts';
import { reuseParsedCatalogs } from '../ui-strings/ui-catalog.ts';

const { setup } = workerData as { setup: RenderSetup };
reuseParsedCatalogs(setup.parsedCatalogs ?? []);
const render = await createPageRenderer(setup);
parentPort!.on('message', async ({ jobs }: { jobs: RenderJob[] }) => {
  if (!jobs.length) {
    parentPort!.close();
    return;
  }
  const pages: RenderedPage[] = [];
  for (const job of jobs) {
    const { diagnostics } = await render(job);
    // The job without its body texts: the main thread has them, and copying them back cost 3% of a
    // worker's CPU (docs/benchmarks.md).
    const { body: _body, ...sent } = job;
    pages.push({ job: sent, diagnostics });
  }
  // One message per batch, which also asks for the next: a message per page cost 2% more.
  parentPort!.postMessage({ pages, ready: true });
});
parentPort!.postMessage({ ready: true });

/** Worker thread entry: render a share of the pages and report each one back. */
import { parentPort, workerData } from 'node:worker_threads';
import { createPageRenderer } from './page-renderer.ts';
import type { RenderJob, RenderSetup } from './render-pages.ts';

const { setup, jobs } = workerData as { setup: RenderSetup; jobs: RenderJob[] };
const render = await createPageRenderer(setup);
for (const job of jobs) parentPort!.postMessage({ page: await render(job) });
parentPort!.postMessage({ done: true });

/**
 * Render pages into the staging folder: in this thread for small jobs, else spread over worker
 * threads (one per core), each rendering an interleaved share of the pages. Same code path either
 * way.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Course } from '../model/course.ts';
import { entryPoint } from '../process/entry-point.ts';
import type { RenderedPage, RenderJob, RenderSetup } from './render-job.ts';

export type { RenderedPage, RenderJob, RenderSetup } from './render-job.ts';
export { createDirMaker } from './create-dir-maker.ts';

/**
 * Below this many pages, worker start-up costs more than it saves (POLYCOURSE_WORKER_THRESHOLD
 * overrides).
 */
const workerThreshold = () => Number(process.env.POLYCOURSE_WORKER_THRESHOLD ?? 150);

/**
 * The main thread renders too, and workers pull batches from one queue as soon as they are ready: a
 * worker needs about a second to load the compiler, during which the warm main thread keeps going.
 */
export async function renderPages(
  setup: RenderSetup,
  jobs: RenderJob[],
  onPage: (done: RenderedPage) => void,
  threads = defaultThreads(),
): Promise<void> {
  // Loaded on first use: the renderer brings the MDX stack, which commands that never render skip.
  const { createPageRenderer } = await import('./page-renderer.ts');
  const render = await createPageRenderer(setup);
  if (threads <= 1 || jobs.length < workerThreshold()) {
    for (const job of jobs) onPage(await render(job));
    return;
  }
  const queue = [...jobs];
  const take = (n: number) => queue.splice(0, n);
  const workers = Array.from({ length: threads - 1 }, () => runWorker(setup, take, onPage));
  for (let batch = take(4); batch.length; batch = take(4)) {
    for (const job of batch) onPage(await render(job));
    await new Promise((resolve) => setImmediate(resolve)); // let workers' requests for work through
  }
  await Promise.all(workers);
}

function defaultThreads(): number {
  const fromEnv = Number(process.env.POLYCOURSE_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, Math.min(os.availableParallelism(), 8));
}

function runWorker(
  setup: RenderSetup,
  take: (n: number) => RenderJob[],
  onPage: (done: RenderedPage) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // The worker starts from dist/ or through tsx (entry-point.ts). A bounded old generation makes
    // V8 collect instead of growing (a 1,200-page build stays under 512 MB); the bound grows with
    // the course, whose text every worker holds.
    const maxOldGenerationSizeMb = Math.max(
      160,
      Math.ceil(courseTextBytes(setup.course) / 1e6) * 6 + 96,
    );
    const entry = entryPoint('render-worker', new URL('./render-worker.ts', import.meta.url));
    const worker = new Worker(entry.file, {
      argv: entry.argv,
      workerData: { setup },
      resourceLimits: { maxOldGenerationSizeMb },
    });
    worker.on('message', (message: { page?: RenderedPage; ready?: true }) => {
      if (message.page) onPage(message.page);
      if (message.ready) {
        const jobs = take(16);
        worker.postMessage({ jobs });
        if (!jobs.length) resolve();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`render worker exited with code ${code}`)),
    );
  });
}

function courseTextBytes(course: Course): number {
  let bytes = 0;
  for (const m of course.modules) {
    for (const u of m.units) {
      if ('body' in u) for (const doc of Object.values(u.body)) bytes += doc.text.length * 2;
    }
  }
  return bytes;
}

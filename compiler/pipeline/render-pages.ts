/**
 * Render pages into the staging folder: in this thread for small jobs, else on worker threads (one
 * per core) that pull batches from one queue, each sent the course without its body texts and the
 * bodies with the jobs that render them. Same renderer either way (page-renderer.ts).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Course } from '../model/course.ts';
import { planPages, type PageSpec } from '../model/plan-pages.ts';
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
 * Workers pull batches from one queue as soon as they are ready; a worker needs about a second to
 * load the compiler, during which the warm main thread renders. Once one is ready the main thread
 * only hands out work: its heap, which has no bound, stays near what reading the course took,
 * while each worker's is bounded (#17: flat memory, measured in docs/benchmarks.md).
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
  if (threads < 1 || jobs.length < workerThreshold()) {
    for (const job of jobs) onPage(await render(job));
    return;
  }
  const queue = [...jobs];
  const take = (n: number) => queue.splice(0, n);
  // Workers hold the course without its body texts; each job brings the bodies it renders, so a
  // worker's memory does not grow with the course.
  const specs = planPages(setup.course);
  const shared = { ...setup, course: withoutBodyTexts(setup.course) };
  const takeWithBodies = (n: number) =>
    take(n).map((job) => withBodies(job, specs[job.page], setup));
  // A bounded old generation makes V8 collect instead of growing; the bound grows with what every
  // worker holds, the course without its bodies.
  const maxOldGenerationSizeMb = Math.max(
    160,
    Math.ceil(JSON.stringify(shared.course).length / 1e6) * 6 + 96,
  );
  let workerReady = false;
  const workers = Array.from({ length: threads }, () =>
    runWorker(shared, maxOldGenerationSizeMb, takeWithBodies, onPage, () => (workerReady = true)),
  );
  // POLYCOURSE_MAIN_THREAD_STARTS=0: every page from a worker (tests of what a worker is sent).
  const mainThreadStarts = process.env.POLYCOURSE_MAIN_THREAD_STARTS !== '0';
  while (mainThreadStarts && !workerReady) {
    const batch = take(4);
    if (!batch.length) break;
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
  maxOldGenerationSizeMb: number,
  take: (n: number) => RenderJob[],
  onPage: (done: RenderedPage) => void,
  onReady: () => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // The worker starts from dist/ or through tsx (entry-point.ts).
    const entry = entryPoint('render-worker', new URL('./render-worker.ts', import.meta.url));
    const worker = new Worker(entry.file, {
      argv: entry.argv,
      workerData: { setup },
      resourceLimits: { maxOldGenerationSizeMb },
    });
    worker.on('message', (message: { pages?: RenderedPage[]; ready?: true }) => {
      for (const page of message.pages ?? []) onPage(page);
      if (message.ready) {
        onReady();
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

/** The course with every body document's text left out (bodies travel with their jobs). */
function withoutBodyTexts(course: Course): Course {
  const modules = course.modules.map((m) => ({
    ...m,
    units: m.units.map((u) => ('body' in u ? { ...u, body: {} } : u)),
  }));
  return { ...course, modules };
}

/** The job with the body documents its page renders: its locale's and the source locale's. */
function withBodies(job: RenderJob, spec: PageSpec, setup: RenderSetup): RenderJob {
  if (spec.kind !== 'unit' || !('body' in spec.unit)) return job;
  const { body } = spec.unit;
  const { sourceLocale } = setup.course;
  const docs = Object.fromEntries(
    [job.locale, sourceLocale].filter((l) => body[l]).map((l) => [l, body[l]]),
  );
  return { ...job, body: docs };
}

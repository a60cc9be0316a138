/**
 * The body check of a CMS save, off the server's event loop: a few worker threads
 * (check-body-worker.mjs) run compiler/mdx/check-body.ts, each body within a time budget. A check
 * that runs past its budget is stopped (the worker is terminated and replaced) and the body
 * refused, so the server keeps answering other requests whatever a body holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../compiler/model/diagnostic.ts';

/**
 * How long one body may take to check: POLYCOURSE_MDX_CHECK_BUDGET_MS, else 5 s (about twice the
 * slowest body within the limits).
 */
export function checkBudgetMs(): number {
  const configured = Number(process.env.POLYCOURSE_MDX_CHECK_BUDGET_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 5000;
}

export type CheckOutcome =
  | { kind: 'checked'; problems: Diagnostic[] }
  | { kind: 'over-budget'; budgetMs: number }
  | { kind: 'failed'; reason: string };

/**
 * A worker may take this long to start (tsx compiles the compiler on first use); it is not the
 * body's budget.
 */
const startTimeoutMs = 120_000;
/** Workers checking at once; more saves wait for one. Idle workers are kept for the next save. */
const maxWorkers = Math.max(1, Math.min(2, os.availableParallelism() - 1));

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  exited: boolean;
}
const idle: Slot[] = [];
let running = 0;
const waiting: (() => void)[] = [];

/**
 * Where the worker's file is: beside this module when it runs from its source (tsx, tests), else in
 * the project the server runs from (POLYCOURSE_HOME, or the working folder). It is plain JavaScript
 * loaded from disk, not part of the Next.js bundle; the comments keep Turbopack from trying to
 * bundle it.
 */
function workerFile(): string {
  const name = 'check-body-worker.mjs';
  const here = typeof import.meta.dirname === 'string' ? import.meta.dirname : undefined;
  const home = process.env.POLYCOURSE_HOME;
  const candidates = [
    home && path.resolve(/* turbopackIgnore: true */ home, 'cms/hooks', name),
    here && path.join(/* turbopackIgnore: true */ here, name),
    path.resolve(/* turbopackIgnore: true */ process.cwd(), 'cms/hooks', name),
  ].filter((file): file is string => !!file);
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found)
    throw new Error(
      `Cannot find the MDX check worker (${candidates.join(', ')}): ` +
        'start the CMS from the project folder or set POLYCOURSE_HOME',
    );
  return found;
}

function startWorker(): Slot {
  // Memory is bounded too: a body that would need more fails its check instead of the server.
  const worker = new Worker(/* turbopackIgnore: true */ workerFile(), {
    resourceLimits: { maxOldGenerationSizeMb: 512, stackSizeMb: 8 },
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`the MDX check worker did not start within ${startTimeoutMs / 1000} s`)),
      startTimeoutMs,
    );
    const done = (error?: Error) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', done);
      worker.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = (m: { ready?: boolean }) => {
      if (m.ready) done();
    };
    const onExit = (code: number) =>
      done(new Error(`the MDX check worker stopped while starting (exit code ${code})`));
    worker.on('message', onMessage);
    worker.on('error', done);
    worker.on('exit', onExit);
  });
  ready.catch(() => worker.terminate());
  const slot: Slot = { worker, ready, exited: false };
  worker.once('exit', () => {
    slot.exited = true;
  });
  return slot;
}

/**
 * Start one worker before the first save needs it (the admin server calls this when Payload
 * starts), so that tsx's first compile of the compiler is not on a save's path. Idle, it keeps no
 * process alive.
 */
export function warmBodyChecker(): void {
  if (idle.length || running) return;
  const slot = startWorker();
  slot.ready.catch(() => {}); // a worker that cannot start is reported by the save that needs it
  slot.worker.unref();
  idle.push(slot);
}

/**
 * A worker for one check (an idle one, or a new one), or why none can start; the caller releases
 * it.
 */
async function takeSlot(): Promise<Slot | Error> {
  while (running >= maxWorkers) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  let slot = idle.pop();
  while (slot?.exited) slot = idle.pop();
  if (slot) return slot;
  try {
    return startWorker();
  } catch (error) {
    return error as Error;
  }
}

function releaseSlot(slot: Slot | undefined): void {
  running--;
  if (slot) {
    slot.worker.unref(); // an idle worker does not keep a CLI process (seeding, imports) alive
    idle.push(slot);
  }
  waiting.shift()?.();
}

let nextId = 0;

/** Check `text` in a worker within `budgetMs`; never throws for the body's content. */
export async function checkBodyInWorker(
  text: string,
  file: string,
  budgetMs = checkBudgetMs(),
): Promise<CheckOutcome> {
  const slot = await takeSlot();
  if (slot instanceof Error) {
    releaseSlot(undefined);
    return { kind: 'failed', reason: slot.message };
  }
  slot.worker.ref(); // a check in progress keeps the process alive until it answers
  try {
    await slot.ready;
  } catch (error) {
    releaseSlot(undefined);
    return { kind: 'failed', reason: (error as Error).message };
  }
  const id = ++nextId;
  return new Promise<CheckOutcome>((resolve) => {
    const { worker } = slot;
    const finish = (outcome: CheckOutcome, keep: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (!keep) void worker.terminate();
      releaseSlot(keep ? slot : undefined);
      resolve(outcome);
    };
    const onMessage = (m: { id?: number; problems?: Diagnostic[]; error?: string }) => {
      if (m.id !== id) return;
      finish(
        m.problems
          ? { kind: 'checked', problems: m.problems }
          : { kind: 'failed', reason: m.error ?? 'no answer' },
        true,
      );
    };
    const onError = (error: Error) => finish({ kind: 'failed', reason: error.message }, false);
    const onExit = (code: number) =>
      finish({ kind: 'failed', reason: `the MDX check worker stopped (exit code ${code})` }, false);
    const timer = setTimeout(() => finish({ kind: 'over-budget', budgetMs }, false), budgetMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, text, file });
  });
}

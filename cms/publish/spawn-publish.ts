/**
 * Start "Publish bundles" from the admin server: the job row is created here, the build runs in
 * another process, the server's warm publisher (`polycourse publish --serve`). The compiler
 * (workers, image child processes, esbuild) then stays out of the Next.js server bundle, a long
 * build neither blocks nor bloats the admin, and the publisher keeps Payload and the compiler
 * loaded between jobs: a publish after a one-lesson edit costs the build, not a process start. It
 * is started by the first publish, runs jobs one after another, and exits when unused for a while
 * or when the server goes (after the job under way).
 */
import type { ChildProcess } from 'node:child_process';
import type { Payload } from 'payload';
import { cliPath, spawnCli } from './cli.ts';
import type { DocId } from '../documents.ts';
import type { PackageName } from '../../compiler/targets/target-names.ts';
import type { PublishRequest } from './publish-course.ts';

interface Publisher {
  child: ChildProcess;
  /** Jobs sent and not yet reported finished. */
  jobs: Map<DocId, PublishRequest>;
}

/** Where the server keeps its publisher: one per process, whichever route bundle asks. */
const slot = Symbol.for('polycourse.publisher');
const registry = globalThis as { [slot]?: Publisher };

export async function spawnPublish(
  payload: Payload,
  courseId: string,
  options: { approvedOnly?: boolean; packages?: PackageName[] } = {},
): Promise<DocId> {
  cliPath(); // fail before creating a job row that nothing would finish
  const job = await payload.create({
    collection: 'publish-jobs',
    data: { courseId, state: 'running', done: 0, total: 0 },
  });
  send(payload, publisherFor(payload), { job: job.id, courseId, ...options }, true);
  return job.id;
}

function send(payload: Payload, publisher: Publisher, request: PublishRequest, retry: boolean) {
  publisher.jobs.set(request.job, request);
  publisher.child.send(request, (error) => {
    if (!error) return;
    // It went as this job was sent (unused, or recycled): a new one takes it.
    publisher.jobs.delete(request.job);
    if (retry) send(payload, publisherFor(payload), request, false);
    else void markInterrupted(payload, request.job, `it could not be sent (${error.message})`);
  });
}

/** Start the publisher if none runs: the next publish then finds it warm. */
export function readyPublisher(payload: Payload): void {
  publisherFor(payload);
}

function publisherFor(payload: Payload): Publisher {
  const running = registry[slot];
  if (running?.child.connected) return running;
  const child = spawnCli(['publish', '--serve'], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    detached: true,
  });
  const publisher: Publisher = { child, jobs: new Map() };
  child.on('message', (message: { finished?: DocId }) => {
    if (message?.finished !== undefined) publisher.jobs.delete(message.finished);
  });
  child.on('exit', (code, signal) => {
    if (registry[slot] === publisher) delete registry[slot];
    // Gone in good order (unused, or recycled after a job) as jobs were on their way: a new one
    // takes them.
    if (code === 0) {
      void resendUnfinished(payload, [...publisher.jobs.values()]);
      return;
    }
    // A crash before a job row was finished would leave it "running" for ever: mark it failed
    // (only if it is still running; the sweep of fail-orphaned-publish-jobs.ts covers a server
    // that died with it).
    for (const job of publisher.jobs.keys())
      void markInterrupted(
        payload,
        job,
        `the publish process stopped (${signal ?? `exit code ${code}`})`,
      );
  });
  child.on('error', () => {}); // a failed spawn also ends in 'exit'
  // Neither the process nor its channel keeps the server running.
  child.unref();
  (child.channel as { unref?: () => void } | undefined)?.unref?.();
  registry[slot] = publisher;
  return publisher;
}

/**
 * The jobs a publisher leaving in good order had not reported: sent to the next one, unless the
 * row says it finished them (its report lost as it went): a job is never built twice.
 */
async function resendUnfinished(payload: Payload, requests: PublishRequest[]): Promise<void> {
  for (const request of requests) {
    const row = await payload
      .findByID({ collection: 'publish-jobs', id: request.job, depth: 0 })
      .catch(() => undefined);
    if (row?.state === 'running') send(payload, publisherFor(payload), request, false);
  }
}

function markInterrupted(payload: Payload, job: DocId, why: string): Promise<unknown> {
  const message = `${why} before it finished; the last bundles are unchanged; publish again`;
  return payload
    .update({
      collection: 'publish-jobs',
      where: { and: [{ id: { equals: job } }, { state: { equals: 'running' } }] },
      data: {
        state: 'failed',
        diagnostics: [{ severity: 'error', ruleId: 'polycourse:publish-interrupted', message }],
      },
    })
    .catch(() => {});
}

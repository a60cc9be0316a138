/**
 * A publish whose process is gone (a crash, kill -9, the server stopped) would stay `running` for
 * ever and keep the Publish button disabled. A running job's process touches its row every few
 * seconds (its heartbeat, `updatedAt`); a running row left untouched longer than that belongs to no
 * process any more, on any machine sharing the database, and is marked failed. Its last bundles
 * were never replaced (the build is atomic), which the message says.
 */
import type { Payload } from 'payload';

/** How often a running publish touches its job row. */
export const publishHeartbeatMs = 5_000;
/** A running job untouched for this long has lost its process (several missed heartbeats). */
export const orphanedAfterMs = 20_000;

export const interruptedDiagnostic = {
  severity: 'error',
  ruleId: 'polycourse:publish-interrupted',
  message:
    'interrupted: the server stopped while this publish ran; ' +
    'the last bundles are unchanged; publish again',
} as const;

/** Mark failed every running job whose heartbeat stopped; returns how many. */
export async function failOrphanedPublishJobs(payload: Payload, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - orphanedAfterMs).toISOString();
  const { docs } = await payload.update({
    collection: 'publish-jobs',
    where: { and: [{ state: { equals: 'running' } }, { updatedAt: { less_than: cutoff } }] },
    data: { state: 'failed', diagnostics: [interruptedDiagnostic] },
    depth: 0,
  });
  for (const job of docs)
    payload.logger.warn(
      `Publish job ${job.id} (${job.courseId}) had lost its process: marked failed.`,
    );
  return docs.length;
}

/**
 * Sweep now and then every `publishHeartbeatMs * 2` while the server runs, so that a job killed
 * just before a restart is caught once its heartbeat is overdue. Returns the function that stops
 * the sweeps.
 */
export function watchOrphanedPublishJobs(payload: Payload): () => void {
  const sweep = () =>
    failOrphanedPublishJobs(payload).catch((error: Error) =>
      payload.logger.warn(`Could not check for interrupted publish jobs: ${error.message}`),
    );
  void sweep();
  const timer = setInterval(() => void sweep(), publishHeartbeatMs * 2);
  timer.unref();
  return () => clearInterval(timer);
}

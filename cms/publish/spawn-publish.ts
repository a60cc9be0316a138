/**
 * Start "Publish bundles" from the admin server: the job row is created here, the build runs in its
 * own process (`polycourse publish --job`). The compiler (workers, image child processes, esbuild)
 * then stays out of the Next.js server bundle, and a long build neither blocks nor bloats the
 * admin.
 */
import type { Payload } from 'payload';
import { cliPath, spawnCli } from './cli.ts';
import type { DocId } from '../documents.ts';
import type { PackageName } from '../../compiler/targets/target-names.ts';

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
  const child = spawnCli(
    [
      'publish',
      courseId,
      '--job',
      String(job.id),
      ...(options.approvedOnly ? ['--approved-only'] : []),
      ...(options.packages?.length ? ['--target', options.packages.join(',')] : []),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  child.on('exit', (code, signal) => {
    // A crash before the job row was finished would leave it "running" for ever: mark it failed
    // (only if it is still running; the sweep of fail-orphaned-publish-jobs.ts covers a server that
    // died with it).
    if (code === 0 || code === 1) return;
    const message =
      `the publish process stopped (${signal ?? `exit code ${code}`}) ` +
      'before it finished; the last bundles are unchanged; publish again';
    void payload
      .update({
        collection: 'publish-jobs',
        where: { and: [{ id: { equals: job.id } }, { state: { equals: 'running' } }] },
        data: {
          state: 'failed',
          diagnostics: [{ severity: 'error', ruleId: 'polycourse:publish-interrupted', message }],
        },
      })
      .catch(() => {});
  });
  child.unref();
  return job.id;
}

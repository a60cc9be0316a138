/**
 * Start "Publish bundles" from the admin server: the job row is created here, the build runs in its own
 * process (`polycourse publish --job`). The compiler (workers, image child processes, esbuild) then stays
 * out of the Next.js server bundle, and a long build neither blocks nor bloats the admin.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Payload } from 'payload';

/** The polycourse CLI: POLYCOURSE_HOME, or the project folder the server was started from. */
function cliPath(): string {
  const cli = path.resolve(process.env.POLYCOURSE_HOME ?? process.cwd(), 'bin/polycourse.mjs');
  if (!fs.existsSync(cli)) throw new Error(`Cannot find the polycourse CLI at ${cli}: start the CMS from the project folder or set POLYCOURSE_HOME.`);
  return cli;
}

export async function spawnPublish(payload: Payload, courseId: string): Promise<string | number> {
  const cli = cliPath();
  const job = await payload.create({ collection: 'publish-jobs', data: { courseId, state: 'running', done: 0, total: 0 } as never });
  const child = spawn(process.execPath, [cli, 'publish', courseId, '--job', String(job.id)], {
    cwd: path.dirname(path.dirname(cli)), env: process.env, stdio: ['ignore', 'ignore', 'inherit'], detached: true,
  });
  child.on('exit', (code) => {
    // A crash before the job row was finished would leave it "running" for ever: mark it failed.
    if (code === 0 || code === 1) return;
    void payload.update({ collection: 'publish-jobs', id: job.id, data: { state: 'failed', diagnostics: [{ severity: 'error', ruleId: 'polycourse:publish', message: `the publish process exited with code ${code}` }] } as never }).catch(() => {});
  });
  child.unref();
  return job.id;
}

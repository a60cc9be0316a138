/**
 * The polycourse CLI, run from the admin server in a child process: publishing and previews build
 * there, so the compiler (worker threads, image encoder, esbuild) stays out of the Next.js bundle.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** bin/polycourse.mjs under POLYCOURSE_HOME, or the project folder the server was started from. */
export function cliPath(): string {
  const cli = path.resolve(process.env.POLYCOURSE_HOME ?? process.cwd(), 'bin/polycourse.mjs');
  if (!fs.existsSync(cli))
    throw new Error(
      `Cannot find the polycourse CLI at ${cli}: start the ` +
        'CMS from the project folder or set POLYCOURSE_HOME.',
    );
  return cli;
}

export function spawnCli(args: string[], options: SpawnOptions = {}): ChildProcess {
  const cli = cliPath();
  return spawn(process.execPath, [cli, ...args], {
    cwd: path.dirname(path.dirname(cli)),
    env: process.env,
    ...options,
  });
}

/** Run the CLI to the end; resolves with its exit code and what it printed. */
export function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b) => {
      stdout += b;
    });
    child.stderr!.on('data', (b) => {
      stderr += b;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

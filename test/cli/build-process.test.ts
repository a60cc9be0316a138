/**
 * A build with work to do runs again in a child process started with V8's single-threaded collector
 * (cli/build-command.ts, `inGcTunedProcess`); a signal to the CLI stops the child and everything
 * it started. Watched through /proc, as a user's `ps` would see it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isAlive } from '../../compiler/process/is-alive.ts';
import { miniCourseDir } from '../helpers/mini-course.ts';
import { tempDir } from '../helpers/temp-course.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/polycourse.mjs');
const demoCourse = path.resolve(import.meta.dirname, '../../courses/rights-based-mental-health');
const hasProc = fs.existsSync('/proc/self/task');

const childrenOf = (pid: number): number[] => {
  try {
    const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return text.split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const descendantsOf = (pid: number): number[] =>
  childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)]);
const commandLineOf = (pid: number) =>
  fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
describe.skipIf(!hasProc)('the build process (Linux: read through /proc)', () => {
  it('a build with work runs again with --single-threaded-gc; SIGTERM stops it', async () => {
    const out = tempDir();
    const cli = spawn(process.execPath, [bin, 'build', demoCourse, '--out', out, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, POLYCOURSE_SINGLE_THREADED_GC: undefined },
    });
    let stderr = '';
    cli.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => cli.on('exit', resolve));
    // The stamp does not match (no build yet): the CLI starts the build again, with the flag.
    await expect.poll(() => childrenOf(cli.pid!).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const [child] = childrenOf(cli.pid!);
    // Between its fork and its exec a child still shows the parent's command line (seen on a
    // loaded CI machine): read it until the exec has happened.
    await expect
      .poll(() => commandLineOf(child), { timeout: 20_000 })
      .toContain('--single-threaded-gc');
    const args = commandLineOf(child);
    expect(args.slice(args.indexOf(bin))).toEqual([
      bin,
      'build',
      demoCourse,
      '--out',
      out,
      '--json',
      '--force',
    ]);
    // Let the build start its own helpers (render workers are threads; images a process).
    await vi
      .waitFor(() => expect(descendantsOf(cli.pid!).length).toBeGreaterThan(1), { timeout: 5_000 })
      .catch(() => {}); // not required: the signal is checked against whatever has started
    const started = descendantsOf(cli.pid!);
    cli.kill('SIGTERM');
    expect(await exited).toBe(143); // 128 + SIGTERM, the child's end passed on
    await expect.poll(() => started.filter(isAlive), { timeout: 15_000 }).toEqual([]);
    expect(stderr).not.toMatch(/Error/);
  }, 60_000);

  it('POLYCOURSE_SINGLE_THREADED_GC=0 and a no-change build stay in the first process', () => {
    const out = tempDir();
    const env = { ...process.env, POLYCOURSE_SINGLE_THREADED_GC: '0', NO_COLOR: '1' };
    // A tracer in the CLI process: it notes each process Node starts from it.
    const tracer = path.join(tempDir(), 'trace-spawns.cjs');
    const log = path.join(path.dirname(tracer), 'spawns.log');
    fs.writeFileSync(
      tracer,
      `const cp = require('node:child_process'); const fs = require('node:fs');
       const spawn = cp.spawn;
       cp.spawn = (file, args, ...rest) => {
         fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
         return spawn(file, args, ...rest);
       };`,
    );
    const build = (extraEnv: Record<string, string | undefined>) => {
      const args = ['build', miniCourseDir, '--out', out, ...(extraEnv.FORCE ? ['--force'] : [])];
      return spawnSync(process.execPath, ['--require', tracer, bin, ...args], {
        encoding: 'utf8',
        env: { ...env, ...extraEnv },
      });
    };
    const first = build({});
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Built \d+ pages/);
    const spawned = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');
    expect(spawned()).not.toMatch(/single-threaded-gc/);
    // Nothing to do: answered from the stamp, nothing started again even with the flag allowed.
    const again = build({ POLYCOURSE_SINGLE_THREADED_GC: undefined });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Up to date/);
    expect(spawned()).not.toMatch(/single-threaded-gc/);
    // The tracer sees it when it happens: asked to build anyway, with the flag allowed.
    const forced = build({ POLYCOURSE_SINGLE_THREADED_GC: undefined, FORCE: '1' });
    expect(forced.status).toBe(0);
    expect(spawned()).toMatch(
      /"--single-threaded-gc",".*bin\/polycourse\.mjs","build",.*"--force"/,
    );
  }, 120_000);
});

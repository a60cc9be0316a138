/**
 * `polycourse serve <dir>`: serve a folder of bundles until Ctrl+C. A port that cannot be used is
 * one line naming the port and `--port` (exit code 2), never a stack trace; `--json` prints the
 * outcome. What the server answers (ranges, 304s, compression) is in
 * compiler/targets/static-server.ts; whether to use it in production, in docs/hosting.md.
 */
import { startStaticServer, type StaticServer } from '../compiler/targets/static-server.ts';
import { exitCodes } from './exit-codes.ts';
import fs from 'node:fs';

export async function serveCommand(options: {
  dir: string;
  port: number;
  host: string;
  json?: boolean;
}): Promise<number> {
  const fail = (error: string, fix: string): number => {
    if (options.json)
      process.stdout.write(`${JSON.stringify({ ok: false, error, fix }, null, 2)}\n`);
    else process.stderr.write(`polycourse: ${error}; ${fix}\n`);
    return exitCodes.usage;
  };
  if (!fs.existsSync(options.dir))
    return fail(
      `${options.dir} does not exist`,
      `build first: polycourse build <course-dir> --out ${options.dir}`,
    );
  let server: StaticServer;
  try {
    server = await startStaticServer(options.dir, options.port, options.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${options.host}:${options.port}`;
    if (code === 'EADDRINUSE')
      return fail(
        `port ${options.port} is already in use (${where})`,
        'stop what uses it, or pick another port with --port <n> (--port 0 picks a free one)',
      );
    if (code === 'EACCES')
      return fail(
        `not allowed to listen on port ${options.port} (${where})`,
        'pick a port above 1023 with --port <n>',
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      return fail(
        `cannot listen on host ${options.host}`,
        'use an address of this machine with --host, e.g. 127.0.0.1 or 0.0.0.0',
      );
    throw error;
  }
  const courses = fs
    .readdirSync(options.dir)
    .filter((d) => fs.existsSync(`${options.dir}/${d}/manifest.json`));
  if (options.json) {
    const urls = courses.map((c) => `${server.url}${c}/`);
    process.stdout.write(`${JSON.stringify({ ok: true, url: server.url, courses: urls })}\n`);
  } else {
    process.stdout.write(`Serving ${options.dir} at ${server.url}\n`);
    for (const c of courses) process.stdout.write(`  ${server.url}${c}/\n`);
    if (!['127.0.0.1', 'localhost', '::1'].includes(options.host))
      process.stdout.write(
        'Open to the network over plain HTTP: for learners on the internet, put it behind ' +
          'HTTPS or use nginx (docs/hosting.md).\n',
      );
    process.stdout.write('Press Ctrl+C to stop.\n');
  }
  await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await server.close();
  return exitCodes.ok;
}

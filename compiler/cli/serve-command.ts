import { startStaticServer } from '../targets/static-server.ts';
import { exitCodes } from './exit-codes.ts';
import fs from 'node:fs';

export async function serveCommand(options: { dir: string; port: number; host: string }): Promise<number> {
  if (!fs.existsSync(options.dir)) {
    process.stderr.write(`polycourse: ${options.dir} does not exist; build first: polycourse build <course-dir> --out ${options.dir}\n`);
    return exitCodes.usage;
  }
  const server = await startStaticServer(options.dir, options.port, options.host);
  const courses = fs.readdirSync(options.dir).filter((d) => fs.existsSync(`${options.dir}/${d}/manifest.json`));
  process.stdout.write(`Serving ${options.dir} at ${server.url}\n`);
  for (const c of courses) process.stdout.write(`  ${server.url}${c}/\n`);
  process.stdout.write('Press Ctrl+C to stop.\n');
  await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await server.close();
  return exitCodes.ok;
}

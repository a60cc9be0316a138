/** The CMS as `npm start` runs it (`polycourse cms`): a real Next.js server on a free port, with its own data. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './temp-course.ts';

const projectDir = path.resolve(import.meta.dirname, '../..');

export interface CmsServer {
  url: string;
  bundlesDir: string;
  admin: { email: string; password: string };
  /** Everything the server printed (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** Start `polycourse cms --seed <course>` and wait until the seed course's bundles are published. */
export async function startCmsServer(seedCourseDir: string, courseId: string, timeoutMs = 480_000): Promise<CmsServer> {
  const data = tempDir();
  const port = await freePort();
  const admin = { email: 'admin@example.org', password: `pw-${Date.now()}-admin` };
  const bundlesDir = path.join(data, 'bundles');
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['bin/polycourse.mjs', 'cms', '--port', String(port), '--seed', seedCourseDir], {
    cwd: projectDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, DATABASE_URI: `file:${path.join(data, 'cms.db')}`, POLYCOURSE_MEDIA_DIR: path.join(data, 'media'),
      POLYCOURSE_BUNDLES_DIR: bundlesDir, POLYCOURSE_ADMIN_EMAIL: admin.email, POLYCOURSE_ADMIN_PASSWORD: admin.password,
      PAYLOAD_SECRET: 'test-secret-not-for-production', PAYLOAD_PUBLIC_SERVER_URL: `http://127.0.0.1:${port}`,
    },
  });
  child.stdout!.on('data', (b) => { output += b; });
  child.stderr!.on('data', (b) => { output += b; });
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { resolve(); }
  });
  const deadline = Date.now() + timeoutMs;
  const manifest = path.join(bundlesDir, courseId, 'manifest.json');
  while (!(fs.existsSync(manifest) && /Bundles published/.test(output))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`polycourse cms did not publish ${courseId} (exit ${child.exitCode}):\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url: `http://127.0.0.1:${port}`, bundlesDir, admin, output: () => output, stop };
}

/**
 * The CMS as `npm start` runs it (`polycourse cms`): a real Next.js server on a free port, with its
 * own data.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './temp-course.ts';

const projectDir = path.resolve(import.meta.dirname, '../..');

export interface CmsServer {
  url: string;
  bundlesDir: string;
  /**
   * The server's data folder (database, media, bundles): pass it as `dataDir` to start it again.
   */
  dataDir: string;
  port: number;
  admin: { email: string; password: string };
  /** Everything the server printed (stdout and stderr), for failure messages. */
  output(): string;
  /**
   * Stop the server's process group (SIGKILL: a crash; the publish processes it spawned run on).
   */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartCmsOptions {
  /**
   * false: no POLYCOURSE_ADMIN_EMAIL/PASSWORD, so an empty database has no user and the setup link
   * is printed.
   */
  withAdmin?: boolean;
  /** `--host` for the server; the returned url uses it unless it is a wildcard (0.0.0.0, ::). */
  host?: string;
  /**
   * The data folder of a stopped server, to start it again (and its port): then only wait until it
   * answers.
   */
  dataDir?: string;
  port?: number;
  /** The admin of that earlier server. */
  admin?: { email: string; password: string };
  /** More environment for the server. */
  env?: Record<string, string>;
}

/** A free TCP port on loopback, e.g. for a server whose URL must be known before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

/** Whether the server answers HTTP at `url` (any status). */
const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );

/**
 * Start `polycourse cms --seed <course>` and wait until the seed course's bundles are published
 * (or, with `dataDir`, a restart, until the server answers).
 */
export async function startCmsServer(
  seedCourseDir: string,
  courseId: string,
  timeoutMs = 480_000,
  options: StartCmsOptions = {},
): Promise<CmsServer> {
  const data = options.dataDir ?? tempDir();
  const port = options.port ?? (await freePort());
  const urlHost =
    !options.host || ['0.0.0.0', '::'].includes(options.host)
      ? '127.0.0.1'
      : options.host.includes(':')
        ? `[${options.host}]`
        : options.host;
  const url = `http://${urlHost}:${port}`;
  const admin = options.admin ?? { email: 'admin@example.org', password: `pw-${Date.now()}-admin` };
  const bundlesDir = path.join(data, 'bundles');
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'bin/polycourse.mjs',
      'cms',
      '--port',
      String(port),
      '--seed',
      seedCourseDir,
      ...(options.host ? ['--host', options.host] : []),
    ],
    {
      cwd: projectDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URI: `file:${path.join(data, 'cms.db')}`,
        POLYCOURSE_MEDIA_DIR: path.join(data, 'media'),
        POLYCOURSE_BUNDLES_DIR: bundlesDir,
        POLYCOURSE_ADMIN_EMAIL: admin.email,
        POLYCOURSE_ADMIN_PASSWORD: admin.password,
        PAYLOAD_SECRET: 'test-secret-not-for-production',
        PAYLOAD_PUBLIC_SERVER_URL: url,
        ...(options.withAdmin === false
          ? { POLYCOURSE_ADMIN_EMAIL: '', POLYCOURSE_ADMIN_PASSWORD: '' }
          : {}),
        ...options.env,
      },
    },
  );
  child.stdout!.on('data', (b) => {
    output += b;
  });
  child.stderr!.on('data', (b) => {
    output += b;
  });
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(-child.pid!, signal);
      } catch {
        resolve();
      }
    });
  const deadline = Date.now() + timeoutMs;
  const manifest = path.join(bundlesDir, courseId, 'manifest.json');
  const ready = async () =>
    options.dataDir
      ? /Polycourse CMS:/.test(output) && (await answers(`${url}/api/users/me`))
      : fs.existsSync(manifest) && /Bundles published/.test(output);
  while (!(await ready())) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(
        `polycourse cms did not ${options.dataDir ? 'start' : `publish ${courseId}`} ` +
          `(exit ${child.exitCode}):\n${output.slice(-4000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, bundlesDir, dataDir: data, port, admin, output: () => output, stop };
}

/** A JWT of the server's first admin, for API calls beside a browser test. */
export async function adminToken(cms: CmsServer): Promise<string> {
  const response = await fetch(`${cms.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(cms.admin),
  });
  const { token } = await response.json();
  if (!token) throw new Error(`admin login: ${response.status} ${cms.output().slice(-2000)}`);
  return token;
}

/**
 * The pid of the server's warm publisher (`polycourse publish --serve`), found by the database it
 * was given, if one runs.
 */
export function publisherPid(cms: CmsServer): number | undefined {
  const database = `DATABASE_URI=file:${path.join(cms.dataDir, 'cms.db')}`;
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.trim().endsWith('polycourse.mjs publish --serve'))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .find((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(database);
      } catch {
        return false; // gone since ps listed it
      }
    });
}

/**
 * `api(path, init)`: the server's REST API as the holder of `token`; the parsed answer, or an error
 * naming the request and what the server said.
 */
export function cmsApi(cms: CmsServer, token: string) {
  return async (p: string, init: RequestInit = {}) => {
    const response = await fetch(`${cms.url}/api/${p}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${p}: ${JSON.stringify(body)}`);
    return body;
  };
}

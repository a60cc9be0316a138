/**
 * `polycourse cms` (what `npm start` runs): the admin on http://localhost:3000/admin with nothing
 * else installed, listening on 127.0.0.1 unless a host is given. It builds the Next.js admin when
 * its sources changed, migrates the database (SQLite under data/ unless DATABASE_URI says
 * otherwise), creates the first admin or prints its one-time setup link, marks publishes
 * interrupted by a stop as failed, imports the demo course on first run, publishes its bundles, and
 * serves them at /bundles/.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Payload } from 'payload';
import { closeDatabase, defaultDatabaseUri } from '../cms/database-adapter.ts';
import { createSetupToken, setupTokenHashVariable } from '../cms/first-admin.ts';
import { spawnCli } from '../cms/publish/cli.ts';
import { watchOrphanedPublishJobs } from '../cms/publish/fail-orphaned-publish-jobs.ts';
import { isAlive } from '../compiler/process/is-alive.ts';

export interface StartOptions {
  port: number;
  /**
   * The interface the server listens on: '127.0.0.1' (this machine only) by default; '0.0.0.0' for
   * every one.
   */
  host?: string;
  /** Course folder imported when the CMS has no course yet (the demo course by default). */
  seedCourseDir: string;
  log: (line: string) => void;
}

const projectDir = path.resolve(import.meta.dirname, '..');
const cmsDir = path.join(projectDir, 'cms');
/**
 * The getPayload cache key of this process's Payload instance, which also answers the learner API
 * (serve-cms.ts): Next.js's bundle in the same process keeps its own under the default key.
 */
const payloadKey = 'polycourse-cli';
const nextBin = () => createRequire(import.meta.url).resolve('next/dist/bin/next');

/** Newest modification time under the folders the admin bundle is built from. */
function newestSourceTime(): number {
  let newest = 0;
  // The admin imports the compiler, the runtime's pure logic (runtime/logic) and the theme.
  for (const dir of [
    cmsDir,
    ...['compiler', 'runtime', 'themes'].map((d) => path.join(projectDir, d)),
  ]) {
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const full = path.join(entry.parentPath, entry.name);
      if (
        !entry.isFile() ||
        full.includes(`${path.sep}.next${path.sep}`) ||
        !/\.(tsx?|mjs|js|json|scss)$/.test(entry.name)
      )
        continue;
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

/**
 * Build the admin app (`next build cms`) unless a build newer than every source is already there.
 * A line every 15 s says it is still building (the first build takes minutes on a small machine,
 * and `next build` itself is silent for most of it).
 */
export async function ensureAdminBuilt(log: (line: string) => void): Promise<void> {
  const buildId = path.join(cmsDir, '.next', 'BUILD_ID');
  const fresh = () => fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > newestSourceTime();
  if (fresh()) return;
  const started = Date.now();
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
  // Two starts at once (two test files, two terminals) must not build into the same .next folder:
  // the second waits for the first one's build, then uses it.
  const lock = path.join(cmsDir, '.next-build.lock');
  let waited = 0;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readText(path.join(lock, 'pid')));
      if (owner && !isAlive(owner)) fs.rmSync(lock, { recursive: true, force: true });
      else {
        if (waited++ % 15 === 0)
          log(`Waiting for another start to finish building the admin app… (${elapsed()})`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
  try {
    fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    if (fresh()) return;
    log(
      'Building the admin app (next build cms): the first time takes a few minutes; ' +
        'later starts reuse it…',
    );
    const child = spawn(process.execPath, [nextBin(), 'build', cmsDir], {
      cwd: projectDir,
      stdio: ['ignore', 2, 2],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    const ticker = setInterval(() => log(`… still building the admin app (${elapsed()})`), 15_000);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (status) => resolve(status));
    }).finally(() => clearInterval(ticker));
    if (code !== 0)
      throw new Error(`next build cms failed (exit code ${code}); its output is above.`);
    log(`Admin app built in ${elapsed()}.`);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The server's session secret: PAYLOAD_SECRET, or one generated once per installation and kept in
 * data/.
 */
function sessionSecret(dataDir: string): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET;
  const file = path.join(dataDir, 'payload-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * Migrate, create the first admin (or say how), import the seed course when there is no course yet.
 * The Payload instance stays open: it watches for publish jobs that lost their process while the
 * server runs.
 */
async function prepareDatabase(
  options: StartOptions,
): Promise<{ payload: Payload; seeded?: string; users: number }> {
  const { getPayload } = await import('payload');
  const { polycourseConfig } = await import('../cms/payload.config.ts');
  // production: committed migrations run here
  const payload = await getPayload({ config: polycourseConfig(), key: payloadKey });
  try {
    const users = (await payload.count({ collection: 'users' })).totalDocs;
    if ((await payload.count({ collection: 'courses' })).totalDocs > 0) return { payload, users };
    const { readCourseFromFiles } =
      await import('../compiler/sources/files/read-course-from-files.ts');
    const source = readCourseFromFiles(options.seedCourseDir);
    if (!source.course)
      throw new Error(
        `The seed course ${options.seedCourseDir} is invalid: ` +
          `${source.diagnostics.map((d) => d.message).join('; ')}`,
      );
    const seedName = path.relative(projectDir, options.seedCourseDir) || options.seedCourseDir;
    options.log(`First run: importing ${seedName} into the CMS…`);
    const { importCourse } = await import('../cms/course-exchange/import-course.ts');
    const { createProgress } = await import('./progress-bar.ts');
    const progress = createProgress('importing', true);
    await importCourse(payload, source.course, (done, total, label) =>
      progress.update(done, total, label),
    ).finally(() => progress.stop());
    return { payload, seeded: source.course.id, users };
  } catch (error) {
    await payload.destroy();
    throw error;
  }
}

const anyInterface = new Set(['0.0.0.0', '::']);
const loopback = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * The URL browsers use when none is configured: localhost for a loopback or wildcard host, else the
 * host.
 */
function defaultServerUrl(host: string, port: number): string {
  const name =
    anyInterface.has(host) || loopback.has(host)
      ? 'localhost'
      : host.includes(':')
        ? `[${host}]`
        : host;
  return `http://${name}:${port}`;
}

/**
 * What an operator who opens the server to other machines must know: browsers act signed in only
 * from the configured URL (CSRF allow-list), and send the headers Payload's CSRF check needs
 * without an `Origin` (Sec-Fetch-Site) only to https or localhost, so plain http on another address
 * keeps nobody signed in.
 */
function listeningWarnings(host: string, configuredUrl: string | undefined): string[] {
  if (loopback.has(host)) return [];
  if (!configuredUrl)
    return [
      `Listening on ${host}: set PAYLOAD_PUBLIC_SERVER_URL to the https address ` +
        'browsers use; signed-in requests from any other address are refused (docs/cms.md).',
    ];
  const url = new URL(configuredUrl);
  if (url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    return [
      `PAYLOAD_PUBLIC_SERVER_URL is plain http on another address: browsers keep no ` +
        `admin session there (and passwords travel in clear). Serve the CMS over https ` +
        `(a reverse proxy) and set PAYLOAD_PUBLIC_SERVER_URL=https://… (docs/cms.md).`,
    ];
  }
  return [];
}

/**
 * Start the CMS and serve until SIGINT or SIGTERM; then close and end the process (it never
 * returns: see the end).
 */
export async function startCms(options: StartOptions): Promise<never> {
  const uri = process.env.DATABASE_URI ?? defaultDatabaseUri;
  const dataDir = path.resolve(projectDir, 'data');
  const host = options.host ?? '127.0.0.1';
  const configuredUrl = process.env.PAYLOAD_PUBLIC_SERVER_URL;
  // The first admin's one-time setup token: printed below, only its hash goes to the server.
  const setup = createSetupToken();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URI: uri,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: sessionSecret(dataDir),
    PORT: String(options.port),
    POLYCOURSE_HOME: projectDir, // where the server finds the CLI it runs
    PAYLOAD_PUBLIC_SERVER_URL: configuredUrl ?? defaultServerUrl(host, options.port),
    [setupTokenHashVariable]: setup.hash,
  };
  Object.assign(process.env, env);
  await ensureAdminBuilt(options.log);
  const { payload, seeded, users } = await prepareDatabase(options);
  const stopWatching = watchOrphanedPublishJobs(payload);

  // Next.js in this process, the learner API answered before it (serve-cms.ts).
  const { serveCms } = await import('../cms/serve-cms.ts');
  const cms = await serveCms({
    dir: cmsDir,
    host,
    port: options.port,
    config: Promise.resolve(payload.config),
    payloadKey,
  });
  const stopped = new Promise<void>((resolve) => {
    const stop = () => void cms.stop().finally(resolve);
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
  const base = env.PAYLOAD_PUBLIC_SERVER_URL;
  options.log(
    `\nPolycourse CMS: ${base}/admin  (listening on ` +
      `${host.includes(':') ? `[${host}]` : host}:${options.port}; ` +
      `database ${uri.replace(/\/\/[^@/]*@/, '//…@')})`,
  );
  for (const warning of listeningWarnings(host, configuredUrl)) options.log(warning);
  if (users === 0) {
    options.log(
      `No users yet: create the first admin with this ` +
        `one-time link (it works once, until the server stops):`,
    );
    options.log(`  ${base}/admin/create-first-user?token=${setup.token}`);
    options.log('  (or start with POLYCOURSE_ADMIN_EMAIL and POLYCOURSE_ADMIN_PASSWORD set)');
  } else if (process.env.POLYCOURSE_ADMIN_EMAIL) {
    options.log(
      `Log in as ${process.env.POLYCOURSE_ADMIN_EMAIL} ` +
        'with the password in POLYCOURSE_ADMIN_PASSWORD.',
    );
  } else {
    options.log('Log in with your account.');
  }
  if (seeded) {
    options.log(
      `Publishing the bundles of ${seeded} in the background; ` +
        `they appear at ${base}/bundles/${seeded}/ and on the course in the admin.`,
    );
    const publish = spawnCli(['publish', seeded], { stdio: ['ignore', 'inherit', 'inherit'] });
    publish.on('exit', (code) =>
      options.log(
        code === 0
          ? `Bundles published: ${base}/bundles/${seeded}/`
          : `Publishing ${seeded} failed (exit code ${code}); see the course in the admin.`,
      ),
    );
  }
  await stopped;
  stopWatching();
  await closeDatabase(payload);
  // Next.js's Payload instance (inside its bundle, in this process) keeps its database pool and
  // Redis connection open and has no way to close them from here: end the process, as `next start`
  // does on a signal, once this side is closed and the server no longer listens.
  process.exit(0);
}

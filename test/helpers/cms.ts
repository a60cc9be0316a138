/**
 * A Payload instance on a fresh real database: a SQLite file, or a PostgreSQL schema of its own.
 */
import path from 'node:path';
import pg from 'pg';
import { getPayload, type Payload } from 'payload';
import { polycourseConfig } from '../../cms/payload.config.ts';
import { databaseAdapter } from '../../cms/database-adapter.ts';
import { closeRedis } from '../../cms/learners/redis.ts';
import { tempDir } from './temp-course.ts';

export const postgresUri =
  process.env.POSTGRES_TEST_URI ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUri, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export const mongoUri = process.env.MONGODB_TEST_URI;

/**
 * Whether a database of this kind answers here; the reason when it does not (tests say it when they
 * skip).
 */
export async function databaseAvailable(
  kind: 'sqlite' | 'postgres' | 'mongodb',
): Promise<true | string> {
  if (kind === 'sqlite') return true;
  if (kind === 'postgres')
    return (await postgresAvailable()) || `no PostgreSQL server answers at ${postgresUri}`;
  if (!mongoUri)
    return 'MONGODB_TEST_URI is not set (no MongoDB server can be installed on this machine)';
  const net = await import('node:net');
  const { hostname, port } = new URL(mongoUri);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || 27017), hostname, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(`no MongoDB server answers at ${mongoUri}`));
  });
}

export async function startCms(
  kind: 'sqlite' | 'postgres' | 'mongodb',
  /**
   * PostgreSQL: join the schema of an instance already started (a second server process on the
   * same database); stopping the joining one leaves the schema to its owner. SQLite: open this
   * file, one another instance already made (a second instance in the same process).
   */
  options: { joinSchema?: string; sqliteFile?: string } = {},
): Promise<{ payload: Payload; schemaName: string; sqliteFile?: string; stop(): Promise<void> }> {
  const schemaName =
    options.joinSchema ?? `polycourse_test_${process.pid}_${Date.now().toString(36)}`;
  const sqliteFile =
    kind === 'sqlite' ? (options.sqliteFile ?? path.join(tempDir(), 'cms.db')) : undefined;
  const db =
    kind === 'sqlite'
      ? databaseAdapter(`file:${sqliteFile}`, { push: true })
      : kind === 'postgres'
        ? databaseAdapter(postgresUri, { schemaName, push: true })
        : databaseAdapter(`${mongoUri!.replace(/\/[^/]*$/, '')}/${schemaName}`);
  // Payload pushes a schema only when it differs from the last one pushed in this process: a
  // second fresh PostgreSQL schema would stay empty. Force the push of a fresh database; a joined
  // schema is there already.
  const forcePush = process.env.PAYLOAD_FORCE_DRIZZLE_PUSH;
  if (!options.joinSchema && !options.sqliteFile) process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true';
  const payload = await getPayload({
    config: polycourseConfig({
      db,
      secret: 'test-secret-not-for-production',
      mediaDir: path.join(tempDir(), 'media'),
    }),
    key:
      options.joinSchema || options.sqliteFile ? `${schemaName}-joined-${Date.now()}` : schemaName,
  }).finally(() => {
    if (forcePush === undefined) delete process.env.PAYLOAD_FORCE_DRIZZLE_PUSH;
    else process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = forcePush;
  });
  return {
    payload,
    schemaName,
    sqliteFile,
    async stop() {
      if (kind === 'postgres' && !options.joinSchema) {
        const client = new pg.Client({ connectionString: postgresUri });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
        await client.end();
      }
      await payload.destroy();
      await closeRedis(payload);
    },
  };
}

/**
 * DATABASE_URI picks the adapter: file: (SQLite, default, under data/), postgres:// (PostgreSQL),
 * mongodb:// (MongoDB).
 */
import path from 'node:path';
import type { DatabaseAdapterObj, Payload } from 'payload';
import { sqliteAdapter } from '@payloadcms/db-sqlite';
import { postgresAdapter } from '@payloadcms/db-postgres';
import { mongooseAdapter } from '@payloadcms/db-mongodb';
import { migrations as sqliteMigrations } from './migrations/sqlite/index.ts';
import { migrations as postgresMigrations } from './migrations/postgres/index.ts';
import { closeRedis } from './learners/redis.ts';

export const defaultDatabaseUri = 'file:./data/polycourse.db';

/** Committed migrations, one folder per SQL dialect (`payload migrate:create` writes them here). */
// Inside the Next.js server bundle import.meta.dirname is undefined; the server runs from the
// project folder.
export const cmsDir = import.meta.dirname ?? path.resolve('cms');
export const migrationDirs = {
  sqlite: path.join(cmsDir, 'migrations/sqlite'),
  postgres: path.join(cmsDir, 'migrations/postgres'),
};

export function databaseAdapter(
  uri = process.env.DATABASE_URI ?? defaultDatabaseUri,
  options: { schemaName?: string; push?: boolean } = {},
): DatabaseAdapterObj {
  // prodMigrations run on start in production (`NODE_ENV=production`), where Payload never pushes
  // schema.
  // SQLite: the admin server and the CLI processes it starts (publish, preview) share the file. WAL
  // lets readers and the writer work at once; the busy timeout makes a second writer wait instead
  // of failing.
  if (uri.startsWith('file:'))
    return sqliteAdapter({
      client: { url: uri },
      wal: true,
      busyTimeout: 10_000,
      push: options.push,
      migrationDir: migrationDirs.sqlite,
      prodMigrations: sqliteMigrations,
    });
  if (/^postgres(ql)?:\/\//.test(uri))
    return postgresAdapter({
      pool: { connectionString: uri },
      schemaName: options.schemaName,
      push: options.push,
      migrationDir: migrationDirs.postgres,
      prodMigrations: postgresMigrations,
    });
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://'))
    return mongooseAdapter({ url: uri });
  throw new Error(
    `DATABASE_URI "${uri}" is not supported: ` +
      'use file:./data/x.db (SQLite), postgres://… or mongodb://…',
  );
}

/**
 * Payload's destroy leaves PostgreSQL's pool open (@payloadcms/drizzle 3.90), and a failed
 * operation can leave a client checked out: either keeps a finished command (publish, import…)
 * running forever. End the pool; a client still out after 2 s is closed itself (pg's `_clients`).
 */
async function closePool(payload: Payload): Promise<void> {
  type Client = { end(): Promise<void> };
  const pool = (payload.db as { pool?: { end(): Promise<void>; _clients?: Client[] } }).pool;
  if (!pool) return;
  const ended = pool.end().then(
    () => true,
    () => true,
  );
  const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref());
  if (!(await Promise.race([ended, timer])))
    await Promise.all((pool._clients ?? []).map((c) => c.end().catch(() => {})));
}

/**
 * Close Payload, its database and its Redis connection (cms/learners/redis.ts) for good, so that
 * the process can exit (see closePool).
 */
export async function closeDatabase(payload: Payload): Promise<void> {
  await payload.destroy();
  await closePool(payload);
  await closeRedis(payload);
}

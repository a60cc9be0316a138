/**
 * The committed migrations build the whole schema on an empty database (no schema push), on SQLite
 * and on a fresh PostgreSQL database: what production runs on start.
 */
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { getPayload } from 'payload';
import { polycourseConfig } from '../../cms/payload.config.ts';
import { databaseAdapter } from '../../cms/database-adapter.ts';
import { databaseAvailable, postgresUri } from '../helpers/cms.ts';
import { tempDir } from '../helpers/temp-course.ts';

/**
 * Start as production does (prodMigrations run on start, nothing is pushed), then use the schema.
 */
async function migratedCrud(uri: string, key: string) {
  // NODE_ENV is read-only in Next's types
  const env = process.env as Record<string, string | undefined>;
  const nodeEnv = env.NODE_ENV;
  env.NODE_ENV = 'production';
  let payload;
  try {
    payload = await getPayload({
      config: polycourseConfig({
        db: databaseAdapter(uri),
        secret: 'test',
        mediaDir: path.join(tempDir(), 'media'),
      }),
      key,
    });
  } finally {
    env.NODE_ENV = nodeEnv;
  }
  try {
    const unit = await payload.create({
      collection: 'units',
      locale: 'en',
      data: { unitId: 'u', kind: 'lesson', title: 'Title', body: 'Text.' } as never,
    });
    await payload.update({
      collection: 'units',
      id: unit.id,
      locale: 'fr',
      data: { title: 'Titre' } as never,
    });
    const all = await payload.findByID({
      collection: 'units',
      id: unit.id,
      locale: 'all' as never,
    });
    expect((all as unknown as { title: unknown }).title).toEqual({ en: 'Title', fr: 'Titre' });
  } finally {
    await payload.destroy();
  }
}

describe('committed migrations', () => {
  it('create the schema on an empty SQLite file', async () => {
    await migratedCrud(`file:${path.join(tempDir(), 'migrated.db')}`, 'migrate-sqlite');
  }, 120_000);

  it('create the schema on an empty PostgreSQL database', async (ctx) => {
    const available = await databaseAvailable('postgres');
    if (available !== true) ctx.skip(available);
    const name = `polycourse_migrate_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: postgresUri });
    await admin.connect();
    // Databases of earlier runs are dropped here: this run's own is still held by Payload's pool,
    // which destroy() does not close, and forcing it would kill live connections of this process.
    const old = await admin.query(
      `SELECT datname FROM pg_database WHERE datname LIKE 'polycourse_migrate_%'`,
    );
    for (const row of old.rows)
      await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    await migratedCrud(postgresUri.replace(/\/[^/]*$/, `/${name}`), 'migrate-postgres');
  }, 120_000);
});

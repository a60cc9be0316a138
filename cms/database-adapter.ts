/** DATABASE_URI picks the adapter: file: (SQLite, default, under data/), postgres:// (PostgreSQL), mongodb:// (MongoDB). */
import type { DatabaseAdapterObj } from 'payload';
import { sqliteAdapter } from '@payloadcms/db-sqlite';
import { postgresAdapter } from '@payloadcms/db-postgres';
import { mongooseAdapter } from '@payloadcms/db-mongodb';

export const defaultDatabaseUri = 'file:./data/polycourse.db';

export function databaseAdapter(uri = process.env.DATABASE_URI ?? defaultDatabaseUri, options: { schemaName?: string; push?: boolean } = {}): DatabaseAdapterObj {
  if (uri.startsWith('file:')) return sqliteAdapter({ client: { url: uri }, push: options.push });
  if (/^postgres(ql)?:\/\//.test(uri)) return postgresAdapter({ pool: { connectionString: uri }, schemaName: options.schemaName, push: options.push });
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) return mongooseAdapter({ url: uri });
  throw new Error(`DATABASE_URI "${uri}" is not supported: use file:./data/x.db (SQLite), postgres://… or mongodb://…`);
}

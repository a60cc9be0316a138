/**
 * Prepared statements for the learner services' hottest queries (a learner's sign-in, an event
 * stored, a score read and written), on Payload's SQL adapters (SQLite, PostgreSQL).
 *
 * Why not Payload's adapter calls (`payload.db.create`, `findOne`, `updateOne`): each builds its
 * SQL through drizzle's relational layer on every call, and that building was a third of the
 * server's time on quiz attempts (docs/benchmarks.md, sixth run). A prepared statement is built
 * once per Payload instance and runs with new values; PostgreSQL also plans it once per
 * connection. Quiz attempts went from 336 to 833 requests/s (100,000 learners).
 *
 * The statements use the adapter's own drizzle instance and table objects (`payload.db.drizzle`,
 * `payload.db.tables`), so columns, defaults and value mapping (JSON, booleans, numbers, dates) are
 * the ones Payload reads and writes with. On MongoDB (no tables) `prepared` returns null and the
 * caller uses Payload's adapter calls.
 */
import type { Payload } from 'payload';

/** What is used here of Payload's drizzle adapters (@payloadcms/db-sqlite, db-postgres). */
export interface SqlAdapter {
  name: 'postgres' | 'sqlite';
  // drizzle's typed builders differ by dialect; both take the same calls made with them.
  drizzle: any;
  tables: Record<string, any>;
}

/** A prepared statement: the same call on both dialects' drivers. */
export interface Prepared<Values, Row = unknown> {
  execute(values: Values): Promise<Row[]>;
}

const built = new WeakMap<Payload, Map<string, unknown>>();

/**
 * The statement `name`, built by `build` the first time for this Payload instance (`build` gives
 * the name to drizzle's `.prepare(name)`: PostgreSQL's name for it on each connection; SQLite
 * ignores it); null where the database is not a SQL one.
 */
export function prepared<T>(
  payload: Payload,
  name: string,
  build: (db: SqlAdapter, name: string) => T,
): T | null {
  let byName = built.get(payload);
  if (!byName) built.set(payload, (byName = new Map()));
  if (!byName.has(name)) {
    const db = payload.db as unknown as Partial<SqlAdapter>;
    const sql = (db.name === 'postgres' || db.name === 'sqlite') && db.drizzle && db.tables;
    byName.set(name, sql ? build(db as SqlAdapter, name) : null);
  }
  return byName.get(name) as T | null;
}

/**
 * A PostgreSQL database of its own for a test or a benchmark, on the server of `postgresUri`
 * (created empty, dropped with its connections when done).
 */
import pg from 'pg';

/** Run one statement as the server's administrator (CREATE/DROP DATABASE). */
async function onServer(serverUri: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUri });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function scratchPostgresDatabase(serverUri: string, name: string) {
  await onServer(serverUri, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await onServer(serverUri, `CREATE DATABASE ${name}`);
  return {
    uri: serverUri.replace(/\/[^/]*$/, `/${name}`),
    drop: () => onServer(serverUri, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

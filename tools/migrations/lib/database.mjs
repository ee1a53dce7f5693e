// Connections to the clinic's database for the migration tools, from the URL Prisma migrates with.
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { poolConfigFromUrl } from '../../prisma-engine/postgres.mjs';
import { repoRoot } from './paths.mjs';

/**
 * The owner's database URL (MIGRATION_DATABASE_URL, else DATABASE_URL, as prisma.config.ts), or a
 * clear stop: these tools must never guess which database to change. An operator's .env counts,
 * as it does for prisma.config.ts; the environment wins over it.
 */
export function requireMigrationDatabaseUrl() {
  const dotEnv = path.join(repoRoot, '.env');
  if (!process.env.MIGRATION_DATABASE_URL && !process.env.DATABASE_URL && existsSync(dotEnv)) process.loadEnvFile(dotEnv);
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    console.error('MIGRATION_DATABASE_URL (or DATABASE_URL) is not set: it names the database to work on, as the owner of its tables.');
    process.exit(2);
  }
  return url;
}

/** A `pg` client on a Prisma URL (its ?schema= becomes the search_path, as the engine does). */
export async function withClient(url, work) {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The same server, another database. */
export function urlForDatabase(url, database) {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}

/** The database a URL names. */
export function databaseName(url) {
  return poolConfigFromUrl(url).database;
}

// Connection parameters libpq (pg_dump, pg_restore) understands; Prisma's own (schema,
// connection_limit, pgbouncer …) make libpq refuse the URL.
const LIBPQ_PARAMETERS = new Set(['sslmode', 'sslcert', 'sslkey', 'sslrootcert', 'sslcrl', 'sslpassword', 'connect_timeout', 'application_name', 'options', 'target_session_attrs', 'host', 'port']);

/**
 * A Prisma URL made fit for pg_dump and pg_restore: the password moves to PGPASSWORD so that it
 * never shows in the process list, and Prisma's ?schema= becomes the schema to dump.
 */
export function libpqTarget(url) {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.password = '';
  for (const key of [...parsed.searchParams.keys()]) if (!LIBPQ_PARAMETERS.has(key)) parsed.searchParams.delete(key);
  return { url: parsed.toString(), env: password ? { PGPASSWORD: password } : {}, schema };
}

// Which seed tier a database holds, and the guard every command that drops data goes through.
// Plain `pg`, no Prisma client: the migration tools (tools/migrations, tools/db) use it too.
import pg from 'pg';
import { SEED_ENVIRONMENTS, type SeedEnvironment } from '../seed/environments.js';

export interface DatabaseStanding {
  /** current_database(): what the confirmation must name. */
  database: string;
  /** host:port, for messages: two servers may hold databases of the same name. */
  server: string;
  /** The seeds' mark; null when no seed has marked the database (or it predates the mark). */
  environment: SeedEnvironment | null;
  /** Any table in the public schema: a database without one has nothing to lose. */
  holdsTables: boolean;
}

/** Where a database stands, read from the database itself. */
export async function readDatabaseStanding(url: string): Promise<DatabaseStanding> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ database: string; marked: boolean; tables: number }>(`
      SELECT current_database() AS database,
             to_regclass('public.database_environment') IS NOT NULL AS marked,
             (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')) AS tables`);
    const [{ database, marked, tables }] = rows;
    let environment: SeedEnvironment | null = null;
    if (marked) {
      const mark = await client.query<{ environment: string }>('SELECT environment FROM database_environment WHERE id = 1');
      const value = mark.rows[0]?.environment;
      environment = (SEED_ENVIRONMENTS as readonly string[]).includes(value ?? '') ? (value as SeedEnvironment) : null;
    }
    const { hostname, port } = new URL(url);
    return { database, server: `${hostname || 'localhost'}:${port || '5432'}`, environment, holdsTables: tables > 0 };
  } finally {
    await client.end();
  }
}

export const CONFIRMATION_PREFIX = '--i-know-this-is-';

/**
 * Splits `--i-know-this-is-<database>` off a command's arguments, so that the command's own
 * argument parser never sees it.
 */
export function takeConfirmation(argv: readonly string[]): { args: string[]; confirmation?: string } {
  const confirmations = argv.filter((arg) => arg.startsWith(CONFIRMATION_PREFIX));
  return {
    args: argv.filter((arg) => !arg.startsWith(CONFIRMATION_PREFIX)),
    confirmation: confirmations.at(-1)?.slice(CONFIRMATION_PREFIX.length),
  };
}

/** A destructive command stopped before it changed anything; the message says how to proceed. */
export class DestructiveCommandRefused extends Error {
  override readonly name = 'DestructiveCommandRefused';
}

/**
 * Lets a command that drops data run only on a development database (marked by the development
 * seed), on a database that holds no tables yet, or when the operator named the database with
 * `--i-know-this-is-<database>`. Throws DestructiveCommandRefused otherwise.
 */
export async function assertMayDestroyData(url: string, command: string, confirmation?: string): Promise<DatabaseStanding> {
  const standing = await readDatabaseStanding(url);
  if (standing.environment === 'development' || !standing.holdsTables) return standing;
  if (confirmation === standing.database) return standing;
  const what = standing.environment ? `is marked ${standing.environment}` : 'carries no environment mark (the development seed writes one)';
  const mismatch = confirmation === undefined ? '' : ` The confirmation names "${confirmation}", not "${standing.database}".`;
  throw new DestructiveCommandRefused(
    `${command} would drop data in database "${standing.database}" on ${standing.server}, which ${what}.${mismatch} ` +
      `Check DATABASE_URL; if you really mean this database, run the command again with ${CONFIRMATION_PREFIX}${standing.database}.`,
  );
}

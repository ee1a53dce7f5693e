// Prisma Migrate's history table, read with any SQL runner: plain `pg` in the tools, the Prisma
// client in the API (only its repositories touch Prisma).

export interface MigrationHistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Runs one SQL statement without parameters and resolves with its rows. */
export type RunQuery = <Row>(sql: string) => Promise<Row[]>;

// to_regclass follows the search_path, as Prisma does (?schema= in the URL).
const HISTORY_EXISTS = `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`;
const HISTORY = 'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at, migration_name';

/** Every row of _prisma_migrations, oldest first; none when the database was never migrated. */
export async function readMigrationHistory(run: RunQuery): Promise<MigrationHistoryRow[]> {
  const [{ exists }] = await run<{ exists: boolean }>(HISTORY_EXISTS);
  return exists ? run<MigrationHistoryRow>(HISTORY) : [];
}

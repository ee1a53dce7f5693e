// Prisma Migrate's history table, read and written as the schema engine does.

// The advisory lock the schema engine holds while it applies migrations (SELECT
// pg_advisory_lock(72707369)): holding it keeps a rollback and a deploy from interleaving.
export const PRISMA_MIGRATE_LOCK = 72707369;

/** Every row of _prisma_migrations, oldest first; empty when the database was never migrated. */
export async function readHistory(client) {
  const { rows: [{ exists }] } = await client.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`);
  if (!exists) return [];
  const { rows } = await client.query(
    'SELECT id, checksum, migration_name, started_at, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at, migration_name',
  );
  return rows;
}

/** Rows Prisma counts as applied: finished and not rolled back. */
export function appliedMigrations(history) {
  return history.filter((row) => row.finished_at && !row.rolled_back_at).sort((a, b) => a.migration_name.localeCompare(b.migration_name));
}

/** Rows Prisma counts as failed: started, never finished, not marked rolled back (P3009). */
export function failedMigrations(history) {
  return history.filter((row) => !row.finished_at && !row.rolled_back_at);
}

/**
 * What `prisma migrate resolve --rolled-back` writes, for a migration that finished: Prisma only
 * accepts that command for a failed migration (P3012), so the row is updated directly. A row
 * with rolled_back_at set no longer counts as applied, and `migrate deploy` applies the
 * migration again, with a new row, as it does after a resolved failure.
 */
export async function markRolledBack(client, id) {
  await client.query('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = $1', [id]);
}

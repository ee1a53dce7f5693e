// The schema state: the migrations the code carries against those the database has applied.
// Plain `pg` here (the migration tools and the seed use it); the API reads the history through
// its own Prisma client and calls compareMigrations (apps/api/src/health).
import pg from 'pg';
import { readMigrationHistory, type RunQuery } from './history.js';
import { codeMigrations } from './manifest.js';
import type { MigrationFile } from './migration-files.js';
import { compareMigrations, type SchemaState } from './schema-state.js';

export { type MigrationHistoryRow, readMigrationHistory, type RunQuery } from './history.js';
export { codeMigrations, MANIFEST_FILE, sourceMigrationsDir, writeMigrationManifest } from './manifest.js';
export { checksumsOf, type MigrationFile, matchesRecordedChecksum, readMigrationFolder } from './migration-files.js';
export { compareMigrations, describeSchemaState, type SchemaState } from './schema-state.js';

/**
 * The schema state of the database at `url`. `code` defaults to the migrations this build
 * carries; the migration tools pass the folder they are about to deploy.
 */
export async function readSchemaState(url: string, code?: readonly MigrationFile[]): Promise<SchemaState> {
  // Prisma's ?schema= names where _prisma_migrations lives; pg knows it only as the search_path.
  const schema = new URL(url).searchParams.get('schema');
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path="${schema.replaceAll('"', '""')}"` } : {}) });
  await client.connect();
  try {
    const run: RunQuery = async <Row>(sql: string) => (await client.query(sql)).rows as Row[];
    return compareMigrations(code ?? (await codeMigrations()), await readMigrationHistory(run));
  } finally {
    await client.end();
  }
}

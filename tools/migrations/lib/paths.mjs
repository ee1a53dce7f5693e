// Where the migration tools find the repository and its migrations.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const defaultMigrationsDir = path.join(repoRoot, 'libs/db/prisma/migrations');

/**
 * The schema the project started from. It was written before these rules: it has no down.sql
 * (its "down" would be an empty database, which is what a restore is for), its name predates the
 * verb rule, and its statements are history rather than a change to review. It is exempt from
 * the naming verb, the safety lint and the down.sql rule, never from the history rule.
 */
export const BASELINE_MIGRATION = '20240215120000_initial_schema';

/** Every folder of a migrations directory, sorted as Prisma applies them (by name). */
export async function listMigrationFolders(migrationsDir) {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

// Deploys refuse a database whose applied migrations no longer match their files: `prisma
// migrate deploy` itself says "No pending migrations" and exits 0 when a deployed migration.sql
// was edited, so the database and the code would quietly disagree about what was run.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadClinicDb } from './clinic-db.mjs';
import { repoRoot } from './paths.mjs';

export class EditedMigrationsRefused extends Error {
  name = 'EditedMigrationsRefused';
}

/**
 * The schema state of the database against the migrations folder about to be deployed; throws
 * EditedMigrationsRefused, naming each edited migration and the way out, when any applied one
 * differs from its file.
 */
export async function refuseEditedMigrations(url, migrationsDir) {
  const { checksumsOf, readMigrationFolder, readSchemaState } = await loadClinicDb('/migrations');
  const state = await readSchemaState(url, await readMigrationFolder(migrationsDir));
  if (state.checksumMismatches.length === 0) return state;
  const lines = await Promise.all(
    state.checksumMismatches.map(async (name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      const shown = path.relative(repoRoot, file).startsWith('..') ? file : path.relative(repoRoot, file);
      const [checksum] = checksumsOf(await readFile(file, 'utf8'));
      return (
        `  ${name}: ${shown} is not the file that was applied (its checksum differs from the one _prisma_migrations recorded).\n` +
        `    Put it back as it was deployed (git log -p -- ${shown} shows the edit) and make the change in a new migration.\n` +
        `    Only if a reviewer found the edit changes nothing the database holds (comments, spacing), record the file as applied:\n` +
        `    UPDATE _prisma_migrations SET checksum = '${checksum}' WHERE migration_name = '${name}' AND rolled_back_at IS NULL;`
      );
    }),
  );
  throw new EditedMigrationsRefused(
    `${state.checksumMismatches.length} applied migration(s) were edited after they were deployed; nothing was deployed:\n${lines.join('\n')}`,
  );
}

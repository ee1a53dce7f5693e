// The migrations a build of the code carries: each folder's name and the checksums Prisma would
// accept for its migration.sql.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface MigrationFile {
  /** The folder's name, `YYYYMMDDHHMMSS_description`: Prisma's migration_name. */
  name: string;
  /**
   * SHA-256 (hex) of migration.sql as written, then with its line endings switched: Prisma
   * accepts any of them, so that a checkout with other line endings (git on Windows) still matches.
   */
  checksums: string[];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The checksums Prisma's engine accepts for a script (its `script_matches_checksum`). */
export function checksumsOf(script: string): string[] {
  return [...new Set([sha256(script), sha256(script.replaceAll('\r\n', '\n')), sha256(script.replaceAll('\n', '\r\n'))])];
}

/**
 * Whether a checksum recorded in _prisma_migrations fits the file. Early engine versions wrote
 * each byte's hex without zero padding (prisma-engines#1887); Prisma still accepts those.
 */
export function matchesRecordedChecksum(file: MigrationFile, recorded: string): boolean {
  return file.checksums.some((checksum) => checksum === recorded || (recorded.length !== checksum.length && unpadded(checksum) === recorded));
}

function unpadded(checksum: string): string {
  return (checksum.match(/../g) ?? []).map((byte) => byte.replace(/^0/, '')).join('');
}

/** Every migration folder holding a migration.sql, sorted as Prisma applies them (by name). */
export async function readMigrationFolder(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    folders.map(async (name) => ({ name, checksums: checksumsOf(await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8')) })),
  );
}

// The migrations the code was built with. `nx run db:build` writes them into a manifest beside
// this module (dist/migrations/manifest.json), so that a built API knows its own migrations
// without the source tree: an image that carries only dist and node_modules, or a migrations
// folder changed after the build, cannot make it report another build's schema.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspaceRoot } from '../workspace.js';
import { type MigrationFile, readMigrationFolder } from './migration-files.js';

export const MANIFEST_FILE = 'manifest.json';

interface Manifest {
  migrations: MigrationFile[];
}

function manifestPath(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), MANIFEST_FILE);
}

/** libs/db/prisma/migrations in a checkout. */
export function sourceMigrationsDir(): string {
  return path.join(workspaceRoot(), 'libs/db/prisma/migrations');
}

/**
 * The built manifest; without one (code run from its sources: seeds through tsx, tests), the
 * migrations folder of the checkout, which is then what the code is.
 */
export async function codeMigrations(): Promise<MigrationFile[]> {
  const file = manifestPath();
  if (existsSync(file)) return (JSON.parse(await readFile(file, 'utf8')) as Manifest).migrations;
  return readMigrationFolder(sourceMigrationsDir());
}

/** Writes the manifest of a migrations folder (the build's last step: tools/db/write-migration-manifest.mjs). */
export async function writeMigrationManifest(migrationsDir = sourceMigrationsDir(), outFile = manifestPath()): Promise<number> {
  const manifest: Manifest = { migrations: await readMigrationFolder(migrationsDir) };
  await writeFile(outFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest.migrations.length;
}

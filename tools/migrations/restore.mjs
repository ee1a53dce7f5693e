#!/usr/bin/env node
// Restores a backup made by deploy-production (pg_dump --format=custom) into a named database.
//
//   MIGRATION_DATABASE_URL=<any database on the server> node tools/migrations/restore.mjs --dump <file> --database <name> [--force [--i-know-this-is-<name>]]
//   (DATABASE_URL when MIGRATION_DATABASE_URL is unset)
//   (nx run db:restore -- --dump <file> --database <name>)
//
// The database is created when it does not exist. An existing one that holds anything is left
// alone unless --force, which drops it (disconnecting its sessions) and creates it afresh; a
// database holding tables that is not marked development must also be named
// (--i-know-this-is-<name>), as for every command that drops data. A
// restore over existing objects would keep those the backup does not have, such as the tables
// of the migration being undone. The restore is one transaction: if it fails, the new database
// stays empty. Restoring into a new name, checking it, then pointing the API at it is the
// careful way; docs/migrations.md, "Restoring a backup", walks through it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { requireMigrationDatabaseUrl, urlForDatabase, withClient } from './lib/database.mjs';
import { assertMayDestroyData, isRefusal, takeConfirmation } from './lib/destructive-guard.mjs';
import { runPgTool } from './lib/pg-tools.mjs';

const { args, confirmation } = await takeConfirmation(process.argv.slice(2));
const { values: options } = parseArgs({
  args,
  options: {
    dump: { type: 'string' },
    database: { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const usage = 'usage: MIGRATION_DATABASE_URL=… node tools/migrations/restore.mjs --dump <file> --database <name> [--force [--i-know-this-is-<name>]]';
if (options.help) {
  console.log(usage);
  process.exit(0);
}
if (!options.dump || !options.database) {
  console.error(usage);
  process.exit(2);
}

const serverUrl = requireMigrationDatabaseUrl();
const dump = path.resolve(options.dump);
const target = options.database;
// CREATE and DROP DATABASE run from another database on the same server.
const maintenanceUrl = urlForDatabase(serverUrl, target === 'postgres' ? 'template1' : 'postgres');

/** Anything a restore could collide with: relations, enums or domains outside the system schemas. */
async function objectCount(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%')
           + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
               WHERE t.typtype IN ('e', 'd') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%') AS objects`);
    return Number(rows[0].objects);
  });
}

async function prepareDatabase() {
  const quoted = `"${target.replaceAll('"', '""')}"`;
  const exists = await withClient(maintenanceUrl, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [target])).rowCount > 0);
  if (exists) {
    const objects = await objectCount(urlForDatabase(serverUrl, target));
    if (objects === 0) return console.log(`restoring into the existing, empty database ${target}`);
    if (!options.force) {
      throw new Error(`database ${target} is not empty (${objects} objects): restore into a new name, or pass --force to drop and replace it`);
    }
    await assertMayDestroyData(urlForDatabase(serverUrl, target), 'nx run db:restore --force', confirmation);
    console.log(`--force: dropping database ${target} (${objects} objects) to replace it`);
    await withClient(maintenanceUrl, (client) => client.query(`DROP DATABASE ${quoted} WITH (FORCE)`));
  }
  await withClient(maintenanceUrl, (client) => client.query(`CREATE DATABASE ${quoted}`));
  console.log(`created database ${target}`);
}

async function main() {
  if (!existsSync(dump)) throw new Error(`no such dump: ${dump}`);
  if ((await runPgTool('pg_restore', ['--list', dump], { quiet: true })).code !== 0) {
    throw new Error(`${dump} is not a readable pg_dump archive (custom format)`);
  }
  await prepareDatabase();
  // --no-owner: the restored objects belong to whoever restores (the role that deploys and
  // serves), whatever role owned them where the dump was made.
  const restore = await runPgTool('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', dump], { url: urlForDatabase(serverUrl, target) });
  if (restore.code !== 0) throw new Error(`pg_restore failed (exit ${restore.code}); nothing was restored into ${target}`);
  console.log(`restored ${dump} into ${target}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(isRefusal(error) ? `restore refused: ${error.message}` : `restore refused or failed: ${error.message}`);
    process.exit(1);
  },
);

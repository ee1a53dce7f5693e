#!/usr/bin/env node
// The production release step: back the database up, then apply the pending migrations.
//
//   MIGRATION_DATABASE_URL=… [BACKUP_DIR=backups] node tools/migrations/deploy-production.mjs
//   (DATABASE_URL when MIGRATION_DATABASE_URL is unset)
//   (nx run db:migrate:production)
//
// 1. pg_dump --format=custom into BACKUP_DIR (default: backups/ at the repository root, which
//    git ignores). The dump is written under a .partial name, checked to be a readable archive
//    (pg_restore --list), then renamed: a file named *.dump is always a whole backup.
// 2. If the dump fails, nothing is deployed.
// 3. prisma migrate deploy: each migration one transaction, with lock_timeout (see docs/migrations.md).
// 4. Says where the dump is and how to restore it, whether the deploy worked or not.
// The dump holds patient data: it is created readable by its owner only; keep it off shared disks.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseName, libpqTarget, requireMigrationDatabaseUrl } from './lib/database.mjs';
import { repoRoot } from './lib/paths.mjs';
import { runPgTool } from './lib/pg-tools.mjs';
import { runPrismaCli } from './lib/prisma.mjs';

const { values: options } = parseArgs({
  options: {
    'backup-dir': { type: 'string', default: process.env.BACKUP_DIR || path.join(repoRoot, 'backups') },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log('usage: MIGRATION_DATABASE_URL=… [BACKUP_DIR=…] node tools/migrations/deploy-production.mjs [--backup-dir <dir>]');
  process.exit(0);
}

// Files and folders this process creates (the dump included: pg_dump inherits it) are private.
process.umask(0o077);

const url = requireMigrationDatabaseUrl();
const database = databaseName(url);

function utcStamp(date = new Date()) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

async function backUp() {
  const dir = path.resolve(options['backup-dir']);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${database}-${utcStamp()}.dump`);
  const partial = `${file}.partial`;
  const { schema } = libpqTarget(url);
  console.log(`backing up ${database} to ${file}`);
  const dump = await runPgTool('pg_dump', ['--format=custom', `--file=${partial}`, ...(schema ? [`--schema=${schema}`] : [])], { url });
  // A dump cut short (disk full, connection lost) is not a backup: its table of contents must read.
  const readable = dump.code === 0 && (await runPgTool('pg_restore', ['--list', partial], { quiet: true })).code === 0;
  if (!readable) {
    console.error(dump.code === 0 ? `pg_dump wrote ${partial}, but it does not read as an archive` : `pg_dump exited with code ${dump.code}`);
    await rm(partial, { force: true });
    return undefined;
  }
  await rename(partial, file);
  return file;
}

async function main() {
  const dump = await backUp();
  if (!dump) {
    console.error('the backup failed (see above): nothing was deployed');
    return 1;
  }
  console.log('backup complete; deploying migrations');
  const result = await runPrismaCli(['migrate', 'deploy'], { DATABASE_URL: url });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  const restore = `MIGRATION_DATABASE_URL=<server url> nx run db:restore -- --dump ${dump} --database <new database name>`;
  if (result.exitCode !== 0) {
    console.error(`\nthe deploy failed. The failing migration's transaction was rolled back and it is marked failed in _prisma_migrations.`);
    console.error(`Fix forward (docs/migrations.md, "A deploy failed"), or restore the backup taken just before:\n  ${dump}\n  ${restore}`);
    return 1;
  }
  console.log(`\ndeployed. The backup taken just before is ${dump}\nTo restore it: ${restore}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`deploy-production failed: ${error.message}`);
    process.exit(1);
  },
);

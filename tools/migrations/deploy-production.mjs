#!/usr/bin/env node
// The production release step: check, back up, then apply the pending migrations.
//
//   MIGRATION_DATABASE_URL=… [BACKUP_DIR=backups] node tools/migrations/deploy-production.mjs
//     [--backup-dir <dir>] [--require-durable-backup] [--config <prisma config file>]
//   (DATABASE_URL when MIGRATION_DATABASE_URL is unset)
//   (nx run db:migrate:production)
//
// 1. Refuses, changing nothing, when a migration the database applied no longer matches its
//    migration.sql (Prisma's deploy would not notice), and, with --require-durable-backup (the
//    release workflow), when the backup would not outlive the job: see lib/backup-target.mjs.
// 2. pg_dump --format=custom into BACKUP_DIR (default: backups/ at the repository root, which
//    git ignores). The dump is written under a .partial name, checked to be a readable archive
//    (pg_restore --list), then renamed: a file named *.dump is always a whole backup. With
//    BACKUP_S3_BUCKET it is then uploaded, and its size read back from the bucket.
// 3. If the backup fails, nothing is deployed.
// 4. prisma migrate deploy: each migration one transaction, with lock_timeout (see docs/migrations.md).
// 5. Says where the backup is and how to restore it, whether the deploy worked or not.
// The dump holds patient data: it is created readable by its owner only; keep it off shared disks.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { requireDurableTarget, s3Target, uploadBackup } from './lib/backup-target.mjs';
import { databaseName, libpqTarget, requireMigrationDatabaseUrl } from './lib/database.mjs';
import { EditedMigrationsRefused, refuseEditedMigrations } from './lib/edited-migrations.mjs';
import { repoRoot } from './lib/paths.mjs';
import { runPgTool } from './lib/pg-tools.mjs';
import { defaultPrismaConfig, prismaPaths } from './lib/prisma-config.mjs';
import { runPrismaCli } from './lib/prisma.mjs';

const { values: options } = parseArgs({
  options: {
    'backup-dir': { type: 'string' },
    'require-durable-backup': { type: 'boolean', default: false },
    config: { type: 'string', default: defaultPrismaConfig },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log('usage: MIGRATION_DATABASE_URL=… [BACKUP_DIR=…] [BACKUP_S3_BUCKET=…] node tools/migrations/deploy-production.mjs [--backup-dir <dir>] [--require-durable-backup] [--config <file>]');
  process.exit(0);
}

// Files and folders this process creates (the dump included: pg_dump inherits it) are private.
process.umask(0o077);

const url = requireMigrationDatabaseUrl();
const database = databaseName(url);
const chosenDir = options['backup-dir'] ?? process.env.BACKUP_DIR;
const backupDir = path.resolve(chosenDir || path.join(repoRoot, 'backups'));
const config = path.resolve(options.config);

class Refusal extends Error {}

function utcStamp(date = new Date()) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

async function backUp() {
  await mkdir(backupDir, { recursive: true });
  const file = path.join(backupDir, `${database}-${utcStamp()}.dump`);
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

/** The dump's copy that outlives this machine, when a bucket is configured; undefined otherwise. */
async function storeInBucket(dump) {
  const s3 = s3Target();
  if (!s3) return undefined;
  console.log(`uploading the backup to s3://${s3.bucket}/${s3.prefix}`);
  try {
    return await uploadBackup(dump, s3);
  } catch (error) {
    throw new Refusal(`the backup could not be stored in s3://${s3.bucket}/${s3.prefix} (${error.message}): nothing was deployed. The local dump is ${dump}`);
  }
}

async function main() {
  if (options['require-durable-backup']) {
    try {
      const target = requireDurableTarget(backupDir, { explicitDir: Boolean(chosenDir) });
      console.log(`durable backup target: ${target.kind === 's3' ? `s3://${target.s3.bucket}/${target.s3.prefix}` : target.dir}`);
    } catch (error) {
      throw new Refusal(error.message);
    }
  }
  await refuseEditedMigrations(url, (await prismaPaths(config)).migrations);

  const dump = await backUp();
  if (!dump) throw new Refusal('the backup failed (see above): nothing was deployed');
  const stored = await storeInBucket(dump);
  console.log(`backup complete${stored ? ` and stored at ${stored}` : ''}; deploying migrations`);

  const result = await runPrismaCli(['migrate', 'deploy', '--config', config], { DATABASE_URL: url });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  const fetch = stored ? `copy ${stored} to <file> with any S3 client, then ` : '';
  const restore = `${fetch}MIGRATION_DATABASE_URL=<server url> nx run db:restore -- --dump ${stored ? '<file>' : dump} --database <new database name>`;
  const where = stored ? `${stored} (and ${dump} on this machine)` : dump;
  if (result.exitCode !== 0) {
    console.error(`\nthe deploy failed. The failing migration's transaction was rolled back and it is marked failed in _prisma_migrations.`);
    console.error(`Fix forward (docs/migrations.md, "A deploy failed"), or restore the backup taken just before:\n  ${where}\n  ${restore}`);
    return 1;
  }
  console.log(`\ndeployed. The backup taken just before is ${where}\nTo restore it: ${restore}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof Refusal || error instanceof EditedMigrationsRefused) console.error(`deploy-production refused: ${error.message}`);
    else console.error(`deploy-production failed: ${error.message}`);
    process.exit(1);
  },
);

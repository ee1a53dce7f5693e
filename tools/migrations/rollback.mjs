#!/usr/bin/env node
// Rolls back the latest applied migration with its down.sql, and records it as rolled back so
// that the next `prisma migrate deploy` applies it again.
//
//   MIGRATION_DATABASE_URL=… node tools/migrations/rollback.mjs [--dry-run] [--force [--i-know-this-is-<database>]] [--migrations <dir>]
//   (DATABASE_URL when MIGRATION_DATABASE_URL is unset)
//   (nx run db:rollback [-- --dry-run | --force])
//
// It refuses, changing nothing, when: a migration is in a failed state; the latest applied
// migration has no down.sql, or its migration.sql is not the one that was applied; the database
// has drifted from its applied migrations; or the down.sql would drop or empty a table or column
// that holds data (unless --force; and --force on a database not marked development needs the
// database named: --i-know-this-is-<database>). The down.sql and the history update are one transaction
// (unless the down.sql holds CONCURRENTLY …, see rollBackStatementByStatement), taken under
// Prisma Migrate's own advisory lock so that a deploy cannot run in between. Afterwards it checks
// that the database is exactly the schema of the migrations before (exit 1 if not).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { needsNoTransaction, splitSqlStatements } from '../prisma-engine/split-sql.mjs';
import { requireMigrationDatabaseUrl, withClient } from './lib/database.mjs';
import { assertMayDestroyData, isRefusal, takeConfirmation } from './lib/destructive-guard.mjs';
import { dataAtRisk, findDestructiveStatements } from './lib/down-data-loss.mjs';
import { appliedMigrations, failedMigrations, markRolledBack, PRISMA_MIGRATE_LOCK, readHistory } from './lib/history-table.mjs';
import { defaultMigrationsDir } from './lib/paths.mjs';
import { diffDatabaseAgainst } from './lib/prisma.mjs';

const { args, confirmation } = await takeConfirmation(process.argv.slice(2));
const { values: options } = parseArgs({
  args,
  options: {
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    migrations: { type: 'string', default: defaultMigrationsDir },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log('usage: MIGRATION_DATABASE_URL=… node tools/migrations/rollback.mjs [--dry-run] [--force [--i-know-this-is-<database>]] [--migrations <dir>]');
  process.exit(0);
}

class Refusal extends Error {}

const url = requireMigrationDatabaseUrl();
const migrationsDir = path.resolve(options.migrations);
const lockTimeout = process.env.MIGRATION_LOCK_TIMEOUT || '10s';

async function planRollback(client) {
  const history = await readHistory(client);
  const failed = failedMigrations(history);
  if (failed.length) {
    throw new Refusal(`migration ${failed[0].migration_name} failed and is not resolved: recover from that first (docs/migrations.md, "A deploy failed")`);
  }
  const applied = appliedMigrations(history);
  const latest = applied.at(-1);
  if (!latest) throw new Refusal('no applied migration to roll back');
  const folder = path.join(migrationsDir, latest.migration_name);
  if (!existsSync(path.join(folder, 'migration.sql'))) {
    throw new Refusal(`${latest.migration_name} is applied but not in ${migrationsDir}: check out the code that deployed it`);
  }
  const checksum = createHash('sha256').update(await readFile(path.join(folder, 'migration.sql'))).digest('hex');
  if (checksum !== latest.checksum) {
    throw new Refusal(`${latest.migration_name}/migration.sql differs from what was applied (checksum): its down.sql cannot be trusted to undo it`);
  }
  if (!existsSync(path.join(folder, 'down.sql'))) {
    throw new Refusal(`${latest.migration_name} has no down.sql: restore a backup instead (nx run db:restore) or write a forward fix`);
  }
  const down = await readFile(path.join(folder, 'down.sql'), 'utf8');
  return { latest, down, appliedNames: applied.map((row) => row.migration_name) };
}

async function refuseOnDrift(appliedNames) {
  const diff = await diffDatabaseAgainst(appliedNames, migrationsDir, { DATABASE_URL: url });
  if (!diff.empty) {
    throw new Refusal(`the database differs from its applied migrations (drift); a down.sql written for the migrations may not fit it. The difference, as SQL from the migrations' schema to the database:\n${diff.script}`);
  }
}

/**
 * Refuses when the down.sql would destroy data, unless --force; lists what it would destroy.
 * Runs inside the rollback's transaction (or lock), so that what it counts is what the down meets.
 */
async function refuseDataLoss(client, plan) {
  const atRisk = await dataAtRisk(client, findDestructiveStatements(plan.down));
  for (const risk of atRisk) console.log(`${options.force ? 'will destroy' : 'would destroy'}: ${risk.description}`);
  if (atRisk.length && !options.force) {
    throw new Refusal('down.sql would destroy data (listed above). Back it up first, then run again with --force if that loss is intended');
  }
}

async function refuseIfHistoryMoved(client, plan) {
  // A deploy may have finished between the plan and the lock.
  const latestNow = appliedMigrations(await readHistory(client)).at(-1);
  if (latestNow?.id !== plan.latest.id) throw new Refusal('the migration history changed while preparing the rollback: run it again');
}

function setLockTimeout(client, scope) {
  return client.query(`SET ${scope} lock_timeout = '${lockTimeout.replaceAll("'", "''")}'`);
}

/** The down.sql and the history update, in one transaction, under the deploy lock. */
async function rollBackInTransaction(client, plan) {
  await client.query('BEGIN');
  try {
    await setLockTimeout(client, 'LOCAL');
    await client.query('SELECT pg_advisory_xact_lock($1)', [PRISMA_MIGRATE_LOCK]);
    await refuseIfHistoryMoved(client, plan);
    await refuseDataLoss(client, plan);
    if (options['dry-run']) {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query(plan.down);
    await markRolledBack(client, plan.latest.id);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * A down.sql holding what PostgreSQL refuses inside a transaction (DROP INDEX CONCURRENTLY …)
 * runs as the engine runs such a migration: statement by statement, under the same lock and
 * lock timeout, and the migration is marked rolled back only once every statement succeeded.
 * If one fails, the statements before it stay done: such a down.sql must be safe to run again
 * (IF EXISTS), and running the rollback again finishes it.
 */
async function rollBackStatementByStatement(client, plan) {
  await setLockTimeout(client, 'SESSION');
  await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
  try {
    await refuseIfHistoryMoved(client, plan);
    await refuseDataLoss(client, plan);
    if (options['dry-run']) return false;
    console.log('down.sql cannot run in one transaction (CONCURRENTLY …): running it statement by statement');
    for (const statement of splitSqlStatements(plan.down)) await client.query(statement);
    await markRolledBack(client, plan.latest.id);
    return true;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]);
  }
}

async function main() {
  // --force lets the down.sql destroy data: only where losing it is harmless, or named.
  if (options.force && !options['dry-run']) await assertMayDestroyData(url, 'nx run db:rollback --force', confirmation);
  const plan = await withClient(url, planRollback);
  console.log(`latest applied migration: ${plan.latest.migration_name}`);
  await refuseOnDrift(plan.appliedNames);
  const done = await withClient(url, (client) => (needsNoTransaction(plan.down) ? rollBackStatementByStatement : rollBackInTransaction)(client, plan));
  if (!done) {
    console.log(`dry run: nothing changed. ${plan.latest.migration_name}/down.sql would run:\n${plan.down}`);
    return 0;
  }
  console.log(`rolled back ${plan.latest.migration_name}: down.sql applied, marked rolled back (the next migrate deploy applies it again)`);

  // A down.sql that does not return exactly the previous schema leaves the database drifted;
  // say so now rather than at the next deploy.
  const after = await diffDatabaseAgainst(plan.appliedNames.slice(0, -1), migrationsDir, { DATABASE_URL: url });
  if (!after.empty) {
    console.error(`down.sql did not return the schema of the migrations before it; the remaining difference, as SQL:\n${after.script}`);
    return 1;
  }
  console.log('the database now matches the migrations before it');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof Refusal || isRefusal(error)) console.error(`rollback refused: ${error.message}`);
    else console.error(`rollback failed: ${error.message}`);
    process.exit(1);
  },
);

// rollback.mjs on scratch databases holding the baseline and synthetic migrations.
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createEmptyDatabase, dbEnv, query, runTool, scratchWithSynthetic, seedClinic, SYNTHETIC_MIGRATIONS } from './test-support.mjs';

const LAB_RESULTS = '20240301090000_create_lab_results';
const PREFERRED_NAME = '20240302090000_add_patient_preferred_name';
const LAB_STATUS = '20240303090000_add_lab_result_status';

/** A database with the baseline and the named synthetic migrations deployed; `work` gets both. */
async function withDeployed(names, work) {
  const db = await createEmptyDatabase();
  const scratch = await scratchWithSynthetic(names);
  try {
    const deployed = await scratch.prisma(['migrate', 'deploy'], db);
    assert.equal(deployed.exitCode, 0, deployed.stderr);
    const rollback = (...args) => runTool('rollback.mjs', ['--migrations', scratch.migrationsDir, ...args], dbEnv(db));
    await work({ db, scratch, rollback });
  } finally {
    await scratch.cleanup();
    await db.drop();
  }
}

const history = (db) => query(db, 'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations ORDER BY started_at, migration_name');
const hasColumn = async (db, table, column) => (await query(db, 'SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2', [table, column])).length === 1;

describe('rollback', () => {
  it('rolls back the latest migration, refusing while that destroys data unless --force', async () => {
    await withDeployed([LAB_RESULTS, PREFERRED_NAME], async ({ db, scratch, rollback }) => {
      await seedClinic(db);
      await query(db, `UPDATE patients SET "preferredName" = 'Mara' WHERE "firstName" = 'Amara'`);
      const before = await history(db);

      const refused = await rollback();
      assert.equal(refused.code, 1, refused.output);
      assert.match(refused.stdout, /would destroy: column patients.preferredName has a value in 1 row\(s\)/);
      assert.match(refused.stderr, /rollback refused: down.sql would destroy data/);
      assert.ok(await hasColumn(db, 'patients', 'preferredName'));
      assert.deepEqual(await history(db), before);

      const dryRun = await rollback('--dry-run', '--force');
      assert.equal(dryRun.code, 0, dryRun.output);
      assert.match(dryRun.stdout, /dry run: nothing changed/);
      assert.ok(await hasColumn(db, 'patients', 'preferredName'));
      assert.deepEqual(await history(db), before);

      // --force on a database not marked development: the guard asks for the database by name.
      const [{ name }] = await query(db, 'SELECT current_database() AS name');
      const unconfirmed = await rollback('--force');
      assert.equal(unconfirmed.code, 1, unconfirmed.output);
      assert.match(unconfirmed.stderr, /rollback refused: nx run db:rollback --force would drop data in database "[^"]+" on [^,]+, which carries no environment mark/);
      assert.ok(unconfirmed.stderr.includes(`--i-know-this-is-${name}`), unconfirmed.stderr);
      assert.ok(await hasColumn(db, 'patients', 'preferredName'));
      assert.deepEqual(await history(db), before);

      const forced = await rollback('--force', `--i-know-this-is-${name}`);
      assert.equal(forced.code, 0, forced.output);
      assert.match(forced.stdout, /will destroy: column patients.preferredName/);
      assert.match(forced.stdout, /the database now matches the migrations before it/);
      assert.ok(!(await hasColumn(db, 'patients', 'preferredName')));
      assert.deepEqual((await history(db)).at(-1), { migration_name: PREFERRED_NAME, finished: true, rolled_back: true });
      assert.equal((await query(db, 'SELECT count(*)::int AS n FROM patients'))[0].n, 3, 'only the column went');

      // Rolled back means "not applied": the next deploy applies it again, with a new history row.
      const again = await scratch.prisma(['migrate', 'deploy'], db);
      assert.equal(again.exitCode, 0, again.stderr);
      assert.ok(await hasColumn(db, 'patients', 'preferredName'));
      assert.deepEqual((await history(db)).at(-1), { migration_name: PREFERRED_NAME, finished: true, rolled_back: false });
    });
  });

  it('refuses without a down.sql, and when migration.sql is not what was applied', async () => {
    await withDeployed([LAB_RESULTS, PREFERRED_NAME], async ({ db, scratch, rollback }) => {
      const folder = path.join(scratch.migrationsDir, PREFERRED_NAME);
      await writeFile(path.join(folder, 'migration.sql'), 'ALTER TABLE "patients" ADD COLUMN "preferredName" TEXT;\n');
      const edited = await rollback();
      assert.equal(edited.code, 1, edited.output);
      assert.match(edited.stderr, /migration.sql differs from what was applied \(checksum\)/);

      await writeFile(path.join(folder, 'migration.sql'), SYNTHETIC_MIGRATIONS[PREFERRED_NAME].up);
      await rm(path.join(folder, 'down.sql'));
      const noDown = await rollback();
      assert.equal(noDown.code, 1, noDown.output);
      assert.match(noDown.stderr, /has no down.sql: restore a backup instead/);
      assert.ok(await hasColumn(db, 'patients', 'preferredName'));
    });
  });

  it('refuses when the database has drifted from its migrations', async () => {
    await withDeployed([LAB_RESULTS], async ({ db, rollback }) => {
      await query(db, 'ALTER TABLE "patients" ADD COLUMN "addedByHand" INTEGER');
      const result = await rollback();
      assert.equal(result.code, 1, result.output);
      assert.match(result.stderr, /the database differs from its applied migrations \(drift\)/);
      assert.match(result.stderr, /addedByHand/);
      assert.equal((await query(db, `SELECT to_regclass('lab_results') IS NOT NULL AS present`))[0].present, true);
    });
  });

  it('refuses while a migration is in a failed state', async () => {
    await withDeployed([LAB_RESULTS], async ({ db, scratch, rollback }) => {
      await scratch.addMigration('20240304090000_add_broken_thing', { up: 'ALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;\n', down: 'SELECT 1;\n' });
      const failed = await scratch.prisma(['migrate', 'deploy'], db);
      assert.notEqual(failed.exitCode, 0);
      const result = await rollback();
      assert.equal(result.code, 1, result.output);
      assert.match(result.stderr, /migration 20240304090000_add_broken_thing failed and is not resolved/);
    });
  });

  it('says so when a down.sql does not return the previous schema', async () => {
    await withDeployed([LAB_RESULTS, LAB_STATUS], async ({ scratch, rollback }) => {
      // This down.sql forgets the enum the migration created.
      await writeFile(path.join(scratch.migrationsDir, LAB_STATUS, 'down.sql'), 'ALTER TABLE "lab_results" DROP COLUMN "status";\n');
      const result = await rollback();
      assert.equal(result.code, 1, result.output);
      assert.match(result.stderr, /down.sql did not return the schema of the migrations before it/);
      assert.match(result.stderr, /LabResultStatus/);
    });
  });
});

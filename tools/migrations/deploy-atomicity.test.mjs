// Deploys that cannot half-happen: what `prisma migrate deploy` (nx run db:migrate, and the deploy
// step of db:migrate:production) leaves behind when a migration fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { createEmptyDatabase, query, scratchWithSynthetic, seedClinic, SERVER_ONLY } from './test-support.mjs';

const FAILING = '20240305090000_add_lab_result_units';
const LOCKED = '20240305090000_add_patient_pronouns';

async function withScratch(work) {
  const db = await createEmptyDatabase();
  const scratch = await scratchWithSynthetic(['20240301090000_create_lab_results']);
  try {
    const deployed = await scratch.prisma(['migrate', 'deploy'], db);
    assert.equal(deployed.exitCode, 0, deployed.stderr);
    await seedClinic(db);
    await work({ db, scratch });
  } finally {
    await scratch.cleanup();
    await db.drop();
  }
}

const historyRow = async (db, name) =>
  (await query(db, 'SELECT finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, logs FROM _prisma_migrations WHERE migration_name = $1 ORDER BY started_at DESC LIMIT 1', [name]))[0];

describe('a failing migration', () => {
  it('leaves no trace of its earlier statements when its last one fails, and is marked failed', async () => {
    await withScratch(async ({ db, scratch }) => {
      await scratch.addMigration(FAILING, {
        up: `CREATE TYPE "LabUnit" AS ENUM ('mg_dl', 'mmol_l');
CREATE TABLE "lab_units" ("code" "LabUnit" NOT NULL, CONSTRAINT "lab_units_pkey" PRIMARY KEY ("code"));
INSERT INTO "lab_units" ("code") VALUES ('mg_dl'), ('mmol_l');
ALTER TABLE "lab_results" ADD COLUMN "unit" "LabUnit";
UPDATE "patients" SET "address" = NULL;
-- The last statement fails: there is no such table.
UPDATE "lab_result_units" SET "unit" = 'mg_dl';
`,
        down: 'ALTER TABLE "lab_results" DROP COLUMN "unit";\nDROP TABLE "lab_units";\nDROP TYPE "LabUnit";\n',
      });
      const result = await scratch.prisma(['migrate', 'deploy'], db);
      assert.notEqual(result.exitCode, 0, 'the deploy reports the failure');
      assert.match(`${result.stdout}\n${result.stderr}`, /lab_result_units/);

      const [state] = await query(db, `SELECT to_regtype('"LabUnit"') AS type, to_regclass('lab_units') AS table,
        (SELECT count(*)::int FROM information_schema.columns WHERE table_name = 'lab_results' AND column_name = 'unit') AS unit_columns,
        (SELECT count(*)::int FROM patients WHERE address IS NOT NULL) AS addresses`);
      assert.deepEqual(state, { type: null, table: null, unit_columns: 0, addresses: 2 }, 'no statement of the migration took effect');

      const row = await historyRow(db, FAILING);
      assert.equal(row.finished, false, 'history marks it failed (started, not finished)');
      assert.equal(row.rolled_back, false);

      // Prisma now stops every deploy until someone resolves the failure (P3009).
      const next = await scratch.prisma(['migrate', 'deploy'], db);
      assert.notEqual(next.exitCode, 0);
      assert.match(`${next.stdout}\n${next.stderr}`, /P3009|failed migrations/);
    });
  });

  it('fails fast when it waits on a lock, then deploys once the lock is gone', { skip: SERVER_ONLY }, async () => {
    await withScratch(async ({ db, scratch }) => {
      await scratch.addMigration(LOCKED, {
        up: 'ALTER TABLE "patients" ADD COLUMN "pronouns" VARCHAR(255);\n',
        down: 'ALTER TABLE "patients" DROP COLUMN "pronouns";\n',
      });
      // A long transaction of the running API, reading patients: ALTER TABLE needs ACCESS EXCLUSIVE.
      const api = new pg.Client({ connectionString: db.url });
      await api.connect();
      try {
        await api.query('BEGIN');
        await api.query('SELECT count(*) FROM patients');
        const started = Date.now();
        const blocked = await scratch.prisma(['migrate', 'deploy'], db, { MIGRATION_LOCK_TIMEOUT: '2s' });
        const seconds = (Date.now() - started) / 1000;
        assert.notEqual(blocked.exitCode, 0);
        assert.match(`${blocked.stdout}\n${blocked.stderr}`, /lock timeout/i);
        assert.ok(seconds < 15, `gave up after ${seconds}s rather than waiting for the API's transaction`);
        assert.equal((await historyRow(db, LOCKED)).finished, false);
      } finally {
        await api.query('ROLLBACK');
        await api.end();
      }
      // The documented recovery once the cause is gone: mark it rolled back, deploy again.
      const resolved = await scratch.prisma(['migrate', 'resolve', '--rolled-back', LOCKED], db);
      assert.equal(resolved.exitCode, 0, resolved.stderr);
      const deployed = await scratch.prisma(['migrate', 'deploy'], db);
      assert.equal(deployed.exitCode, 0, deployed.stderr);
      assert.equal((await historyRow(db, LOCKED)).finished, true);
      assert.equal((await query(db, `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'patients' AND column_name = 'pronouns'`))[0].n, 1);
    });
  });
});

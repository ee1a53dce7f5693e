// The worked examples of docs/migrations.md, "Common scenarios", each on a scratch database that
// holds patients, on a temporary copy of the prisma folder: what Prisma generates, what we
// write instead where that is unsafe, and that the data survives.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { namingProblems } from './lib/naming.mjs';
import { listMigrationFolders } from './lib/paths.mjs';
import { lintMigrations } from './lib/safety-lint.mjs';
import { createTestDatabase, dbEnv, query, runTool, scratchPrisma, seedClinic } from './test-support.mjs';

const REVIEW = 'reviewed by Dana Reyes, reason:';

/** Statements only: comments, blank lines and runs of spaces removed. */
function statements(sql) {
  return sql
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('--'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A UTC migration timestamp a few seconds ago: later than every real migration, not in the future. */
function stamp(step) {
  return new Date(Date.now() - (10 - step) * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** Rewrites one model of schema.prisma; fails loudly when the model no longer reads as expected. */
function editModel(schema, model, edit) {
  const block = new RegExp(`model ${model} \\{[\\s\\S]*?\\n\\}`).exec(schema)?.[0];
  assert.ok(block, `model ${model} in schema.prisma`);
  const edited = edit(block);
  assert.notEqual(edited, block, `the edit of model ${model} applied`);
  return schema.replace(block, edited);
}

async function scenario(work) {
  const db = await createTestDatabase();
  const scratch = await scratchPrisma();
  const latestOnBase = (await listMigrationFolders(scratch.migrationsDir)).at(-1);
  try {
    await seedClinic(db);
    await work({
      db,
      scratch,
      /** What `prisma migrate dev --create-only` would write for the schema as it now is. */
      async generate() {
        const result = await scratch.prisma(['migrate', 'diff', '--from-migrations', scratch.migrationsDir, '--to-schema', scratch.schemaPath, '--script'], db);
        assert.equal(result.exitCode, 0, result.stderr);
        return result.stdout;
      },
      /** Adds a migration folder after checking it as check-migrations would. */
      async add(name, up, down) {
        assert.deepEqual(namingProblems(name, { latestOnBase }), [], name);
        await scratch.addMigration(name, { up, down });
        const lint = (await lintMigrations([path.join(scratch.migrationsDir, name, 'migration.sql')])).values().next().value;
        assert.deepEqual([...lint.open, ...lint.problems], [], `${name} passes the safety lint`);
      },
      async deploy() {
        const result = await scratch.prisma(['migrate', 'deploy'], db);
        assert.equal(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
      },
      /** The database the migrations built is exactly what schema.prisma describes (no drift). */
      async assertInSync() {
        const database = await scratch.prisma(['migrate', 'diff', '--from-config-datasource', '--to-schema', scratch.schemaPath, '--script', '--exit-code'], db);
        assert.equal(database.exitCode, 0, `database ≠ schema.prisma:\n${database.stdout}${database.stderr}`);
      },
    });
  } finally {
    await scratch.cleanup();
    await db.drop();
  }
}

const patients = (db, column) => query(db, `SELECT "firstName", "lastName", phone, "${column}" AS value FROM patients ORDER BY "firstName"`);

describe('common migration scenarios', () => {
  it('adds an optional column; every patient keeps their data', async () => {
    await scenario(async ({ db, scratch, generate, add, deploy, assertInSync }) => {
      const before = await query(db, 'SELECT id, "firstName", "lastName", phone FROM patients ORDER BY id');
      await scratch.writeSchema(editModel(await scratch.readSchema(), 'Patient', (model) => model.replace(/(\n\s+firstName\s[^\n]*)/, '$1\n  middleName String? @db.VarChar(255)')));

      const sql = await generate();
      assert.equal(statements(sql), 'ALTER TABLE "patients" ADD COLUMN "middleName" VARCHAR(255);');
      await add(`${stamp(0)}_add_patient_middle_name`, sql, 'ALTER TABLE "patients" DROP COLUMN "middleName";\n');
      await deploy();

      assert.deepEqual(await query(db, 'SELECT id, "firstName", "lastName", phone FROM patients ORDER BY id'), before);
      assert.deepEqual((await query(db, 'SELECT DISTINCT "middleName" FROM patients')).map((row) => row.middleName), [null]);
      await assertInSync();
    });
  });

  it('adds a required column in three migrations: optional, backfill, required', async () => {
    await scenario(async ({ db, scratch, generate, add, deploy, assertInSync }) => {
      const original = await scratch.readSchema();
      const withLanguage = (type) => editModel(original, 'Patient', (model) => model.replace(/(\n\s+phone\s[^\n]*)/, `$1\n  preferredLanguage ${type} @db.VarChar(35)`));

      // In one step, Prisma writes ADD COLUMN … NOT NULL: the lint stops it, and on a table with
      // patients PostgreSQL refuses it anyway.
      await scratch.writeSchema(withLanguage('String'));
      const oneStep = await generate();
      assert.equal(statements(oneStep), 'ALTER TABLE "patients" ADD COLUMN "preferredLanguage" VARCHAR(35) NOT NULL;');
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query('BEGIN');
        await assert.rejects(client.query(oneStep), { code: '23502' }); // "contains null values"
      } finally {
        await client.query('ROLLBACK');
        await client.end();
      }

      // 1. Optional. The release that ships it also writes the field for new patients.
      await scratch.writeSchema(withLanguage('String?'));
      const optional = await generate();
      assert.equal(statements(optional), 'ALTER TABLE "patients" ADD COLUMN "preferredLanguage" VARCHAR(35);');
      await add(`${stamp(0)}_add_patient_preferred_language`, optional, 'ALTER TABLE "patients" DROP COLUMN "preferredLanguage";\n');
      await deploy();
      await query(db, `INSERT INTO patients ("firstName", "lastName", "dateOfBirth", sex, phone, "emergencyContactName", "emergencyContactPhone", "preferredLanguage", "updatedAt")
        VALUES ('Lucía', 'Fernández', '1990-08-14', 'female', '555-0401', 'Pablo Fernández', '555-0402', 'es', now())`);

      // 2. Backfill: data only, so Prisma has nothing to generate; the SQL is ours.
      assert.equal(statements(await generate()), '');
      await add(
        `${stamp(1)}_update_patient_preferred_language_backfill`,
        `-- Patients registered before the field existed were all seen in English.\nUPDATE "patients" SET "preferredLanguage" = 'en' WHERE "preferredLanguage" IS NULL;\n`,
        `-- Nothing to undo: the column stays optional, and a backfilled 'en' cannot be told from a chosen one.\n`,
      );
      await deploy();

      // 3. Required, in a later release: SET NOT NULL scans the table under a lock that blocks
      // reads, and the previous release must already write the field (expand/contract), so it
      // carries two reviewed acknowledgements.
      await scratch.writeSchema(withLanguage('String'));
      const required = await generate();
      assert.equal(statements(required), 'ALTER TABLE "patients" ALTER COLUMN "preferredLanguage" SET NOT NULL;');
      await add(
        `${stamp(2)}_update_patient_preferred_language_required`,
        required.replace(
          'ALTER TABLE',
          `-- migration-safety: allow adding-not-nullable-field — ${REVIEW} patients holds a few thousand rows; the scan takes milliseconds\n` +
            `-- migration-safety: allow contract-required-column — reviewed by Dana Reyes, contracted in v2024.03.0, reason: every release since v2024.03.0 writes preferredLanguage for new patients\nALTER TABLE`,
        ),
        'ALTER TABLE "patients" ALTER COLUMN "preferredLanguage" DROP NOT NULL;\n',
      );
      await deploy();

      assert.deepEqual((await patients(db, 'preferredLanguage')).map((row) => [row.firstName, row.value]), [
        ['Amara', 'en'],
        ['Kai', 'en'],
        ['Lucía', 'es'],
        ['Tomás', 'en'],
      ]);
      await assertInSync();
    });
  });

  it('renames a field through @map: no migration, no data lost', async () => {
    await scenario(async ({ db, scratch, generate, assertInSync }) => {
      const before = await patients(db, 'address');
      const original = await scratch.readSchema();
      const renamed = (attributes) => editModel(original, 'Patient', (model) => model.replace(/\n(\s+)address(\s+)String\?\s+@db\.VarChar\(255\)/, `\n$1homeAddress String? ${attributes}@db.VarChar(255)`));

      // Renamed without @map, Prisma drops the column and its addresses, and adds an empty one.
      await scratch.writeSchema(renamed(''));
      const destructive = statements(await generate());
      assert.match(destructive, /ALTER TABLE "patients" DROP COLUMN "address", ADD COLUMN "homeAddress" VARCHAR\(255\);/);

      // With @map the code says homeAddress and the column stays "address": nothing to migrate.
      await scratch.writeSchema(renamed('@map("address") '));
      assert.equal(statements(await generate()), '');
      assert.deepEqual(await patients(db, 'address'), before);
      assert.equal(before.filter((row) => row.value).length, 2);
      await assertInSync();
    });
  });

  it("changes a column's type with an explicit cast, keeping every value", async () => {
    await scenario(async ({ db, scratch, generate, add, deploy, assertInSync }) => {
      const tomas = (await query(db, `SELECT id FROM patients WHERE "firstName" = 'Tomás'`))[0].id;
      await query(db, `INSERT INTO chronic_conditions ("patientId", "conditionName", status) VALUES ($1, 'Gout', 'Resolved '), ($1, 'Asthma', 'INACTIVE')`, [tomas]);
      const schema = editModel(await scratch.readSchema(), 'ChronicCondition', (model) =>
        model.replace(/\n(\s+)status(\s+)String\?\s+@default\("active"\)\s+@db\.VarChar\(255\)/, '\n$1status ConditionStatus? @default(active)'),
      );
      await scratch.writeSchema(schema.replace('model ChronicCondition {', 'enum ConditionStatus {\n  active\n  resolved\n  inactive\n}\n\nmodel ChronicCondition {'));

      // Prisma knows no cast from text to the enum: it would drop the column with every status.
      assert.match(statements(await generate()), /ALTER TABLE "chronic_conditions" DROP COLUMN "status", ADD COLUMN "status" "ConditionStatus" DEFAULT 'active';/);

      const name = `${stamp(0)}_update_condition_status_to_enum`;
      await add(
        name,
        `-- CreateEnum
CREATE TYPE "ConditionStatus" AS ENUM ('active', 'resolved', 'inactive');

-- AlterTable: converted in place, not dropped and re-added as Prisma generates. A value that is
-- not one of the enum's (after trimming and lower-casing) fails the cast, and with it the whole
-- migration: nothing changes until the data is mended.
ALTER TABLE "chronic_conditions" ALTER COLUMN "status" DROP DEFAULT;
-- migration-safety: allow changing-column-type — ${REVIEW} chronic_conditions holds a few rows per patient; the rewrite takes well under a second
-- migration-safety: allow contract-column-type — reviewed by Dana Reyes, contracted in v2024.05.0, reason: since v2024.05.0 the API writes only active, resolved or inactive, which the enum takes
ALTER TABLE "chronic_conditions" ALTER COLUMN "status" TYPE "ConditionStatus" USING lower(btrim("status"))::"ConditionStatus";
ALTER TABLE "chronic_conditions" ALTER COLUMN "status" SET DEFAULT 'active';
`,
        `ALTER TABLE "chronic_conditions" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "chronic_conditions" ALTER COLUMN "status" TYPE VARCHAR(255) USING "status"::text;
ALTER TABLE "chronic_conditions" ALTER COLUMN "status" SET DEFAULT 'active';
DROP TYPE "ConditionStatus";
`,
      );
      await deploy();
      const statuses = () => query(db, `SELECT "conditionName" AS condition, status::text AS status, pg_typeof(status)::text AS type FROM chronic_conditions ORDER BY 1`);
      assert.deepEqual(await statuses(), [
        { condition: 'Asthma', status: 'inactive', type: '"ConditionStatus"' },
        { condition: 'Gout', status: 'resolved', type: '"ConditionStatus"' },
        { condition: 'Hypertension', status: 'active', type: '"ConditionStatus"' },
      ]);
      await assertInSync();

      // Its down.sql takes the column back to text, values kept (in their normalised spelling).
      const rollback = await runTool('rollback.mjs', ['--migrations', scratch.migrationsDir], dbEnv(db));
      assert.equal(rollback.code, 0, rollback.output);
      assert.deepEqual(
        (await statuses()).map((row) => [row.status, row.type]),
        [['inactive', 'character varying'], ['resolved', 'character varying'], ['active', 'character varying']],
      );
    });
  });
});

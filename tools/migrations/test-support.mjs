// Helpers for the migration tools' tests: a scratch copy of the prisma folder with its own Prisma
// config, the tools run as an operator runs them, and SQL on a test database.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { withClient } from './lib/database.mjs';
import { BASELINE_MIGRATION, defaultMigrationsDir, listMigrationFolders, repoRoot } from './lib/paths.mjs';
import { runPrismaCli } from './lib/prisma.mjs';

import { testsUseServer } from '@clinic/db/testing';

export { createEmptyDatabase, createTestDatabase } from '@clinic/db/testing';

/** A real PostgreSQL server (DATABASE_URL), as opposed to the embedded PGlite. */
export const onServer = testsUseServer();
export const SERVER_ONLY = onServer ? false : 'needs a PostgreSQL server (set DATABASE_URL): the embedded PGlite has no pg_dump/pg_restore and one backend, so no second session';

// A plain object: a config outside the repository cannot import prisma/config, and needs nothing
// from it. Paths in a Prisma config are relative to the config file.
const CONFIG = `process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= ${JSON.stringify(path.join(repoRoot, 'tools/prisma-engine/schema-engine.mjs'))};
export default {
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL },
};
`;

/**
 * A temporary copy of libs/db/prisma (schema and migrations, or only the migrations named),
 * with a Prisma config that points at it. `prisma(args, db, env)` runs the CLI on it.
 */
export async function scratchPrisma({ only } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clinic-prisma-'));
  const migrationsDir = path.join(dir, 'prisma/migrations');
  const schemaPath = path.join(dir, 'prisma/schema.prisma');
  const configPath = path.join(dir, 'prisma.config.mjs');
  await mkdir(migrationsDir, { recursive: true });
  await cp(path.join(defaultMigrationsDir, '../schema.prisma'), schemaPath);
  await cp(path.join(defaultMigrationsDir, 'migration_lock.toml'), path.join(migrationsDir, 'migration_lock.toml'));
  for (const name of await listMigrationFolders(defaultMigrationsDir)) {
    if (!only || only.includes(name)) await cp(path.join(defaultMigrationsDir, name), path.join(migrationsDir, name), { recursive: true });
  }
  await writeFile(configPath, CONFIG);
  return {
    dir,
    migrationsDir,
    schemaPath,
    configPath,
    async addMigration(name, { up, down }) {
      await mkdir(path.join(migrationsDir, name), { recursive: true });
      await writeFile(path.join(migrationsDir, name, 'migration.sql'), up);
      if (down !== undefined) await writeFile(path.join(migrationsDir, name, 'down.sql'), down);
    },
    readSchema: () => readFile(schemaPath, 'utf8'),
    writeSchema: (text) => writeFile(schemaPath, text),
    prisma: (args, db, env = {}) => runPrismaCli([...args, '--config', configPath], { ...dbEnv(db), ...env }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The environment that points Prisma and the tools at a test database (as its owner) and its shadow. */
export function dbEnv(db) {
  const database = { DATABASE_URL: db.url, MIGRATION_DATABASE_URL: db.url };
  return db.shadowUrl ? { ...database, SHADOW_DATABASE_URL: db.shadowUrl } : database;
}

/** Runs one of tools/migrations/*.mjs as an operator would; resolves with its exit code and output. */
export function runTool(script, args = [], env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'tools/migrations', script), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` }));
  });
}

/** Rows of one query on a test database. */
export function query(db, text, params) {
  return withClient(db.url, async (client) => (await client.query(text, params)).rows);
}

/**
 * A few rows in several tables, in the initial schema's columns only (later migrations must give
 * new required columns a default, so these inserts keep working).
 */
export async function seedClinic(db) {
  await query(db, `
    WITH provider AS (
      INSERT INTO providers (email, "passwordHash", "firstName", "lastName", specialty, "updatedAt")
      VALUES ('grace.okafor@clinic.test', 'not-a-real-hash', 'Grace', 'Okafor', 'Family medicine', now()) RETURNING id
    ), patient AS (
      INSERT INTO patients ("firstName", "lastName", "dateOfBirth", sex, phone, email, address, "emergencyContactName", "emergencyContactPhone", "updatedAt")
      VALUES ('Amara', 'Nwosu', '1984-03-02', 'female', '555-0101', 'amara@example.test', '12 Elm St', 'Chidi Nwosu', '555-0102', now()),
             ('Tomás', 'Reyes', '1957-11-19', 'male', '555-0201', NULL, NULL, 'Lucía Reyes', '555-0202', now()),
             ('Kai', 'Lindqvist', '2011-06-30', 'other', '555-0301', 'kai@example.test', '4 Birch Rd', 'Sven Lindqvist', '555-0302', now())
      RETURNING id, "firstName"
    ), allergy AS (
      INSERT INTO allergies ("patientId", allergen, reaction, severity)
      SELECT id, 'Penicillin', 'Hives', 'moderate'::"AllergySeverity" FROM patient WHERE "firstName" IN ('Amara', 'Kai') RETURNING id
    ), condition AS (
      INSERT INTO chronic_conditions ("patientId", "conditionName", status)
      SELECT id, 'Hypertension', 'active' FROM patient WHERE "firstName" = 'Tomás' RETURNING id
    ), appointment AS (
      INSERT INTO appointments ("patientId", "providerId", "appointmentDate", "appointmentType", status, "updatedAt")
      -- One an hour: a provider's active appointments may not overlap.
      SELECT patient.id, provider.id, timestamp '2024-02-20 09:30' + (row_number() OVER ()) * interval '1 hour', 'follow_up', 'completed', now()
      FROM patient, provider RETURNING id
    ), record AS (
      INSERT INTO medical_records ("appointmentId", "chiefComplaint", diagnosis, "isDraft", "updatedAt")
      SELECT id, 'Headache', 'Tension headache', false, now() FROM appointment RETURNING id
    )
    INSERT INTO vital_signs ("appointmentId", "bloodPressureSystolic", "bloodPressureDiastolic", "heartRate", temperature)
    SELECT id, 128, 82, 71, 36.8 FROM appointment`);
}

/** Per table of the public schema: its row count and a checksum of every row's text. */
export async function tableFingerprints(db) {
  const tables = await query(db, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const fingerprints = {};
  for (const { tablename } of tables) {
    const [row] = await query(db, `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS checksum FROM "${tablename}" t`);
    fingerprints[tablename] = row;
  }
  return fingerprints;
}

/** Migrations of our own, each with its down.sql, to exercise the tools beyond the real history. */
export const SYNTHETIC_MIGRATIONS = {
  '20240301090000_create_lab_results': {
    up: `-- CreateTable
CREATE TABLE "lab_results" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patientId" UUID NOT NULL,
    "test" VARCHAR(255) NOT NULL,
    "value" DECIMAL(8,2),
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lab_results_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "lab_results_patientId_idx" ON "lab_results"("patientId");

-- AddForeignKey
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`,
    down: '-- Its index and foreign key go with it.\nDROP TABLE "lab_results";\n',
  },
  '20240302090000_add_patient_preferred_name': {
    up: 'ALTER TABLE "patients" ADD COLUMN "preferredName" VARCHAR(255);\n',
    down: 'ALTER TABLE "patients" DROP COLUMN "preferredName";\n',
  },
  '20240303090000_add_lab_result_status': {
    up: `-- CreateEnum
CREATE TYPE "LabResultStatus" AS ENUM ('pending', 'final', 'corrected');

-- AlterTable
ALTER TABLE "lab_results" ADD COLUMN "status" "LabResultStatus" NOT NULL DEFAULT 'pending';
`,
    down: 'ALTER TABLE "lab_results" DROP COLUMN "status";\nDROP TYPE "LabResultStatus";\n',
  },
};

/** A scratch prisma folder with the baseline and the synthetic migrations (or those named). */
export async function scratchWithSynthetic(names = Object.keys(SYNTHETIC_MIGRATIONS)) {
  const scratch = await scratchPrisma({ only: [BASELINE_MIGRATION] });
  for (const name of names) await scratch.addMigration(name, SYNTHETIC_MIGRATIONS[name]);
  return scratch;
}

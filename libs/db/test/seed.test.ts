// The seeds against a real database (PostgreSQL, or the embedded one without DATABASE_URL): each
// tier's content, refusals, and that a second run changes nothing at all.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '../src/index.js';
import {
  ANCHOR_DATE,
  DEVELOPMENT_ADMIN_EMAIL,
  DEVELOPMENT_PASSWORD,
  isDatabaseEmpty,
  SeedRefused,
  type SeedRefusalReason,
  type SeedSummary,
  seedDatabase,
  STAGING_ADMIN_EMAIL,
  verifyPassword,
} from '../src/seed/index.js';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { workspaceRoot } from '../src/workspace.js';

const SEEDED_TABLES = [
  'providers',
  'patients',
  'allergies',
  'chronic_conditions',
  'appointments',
  'medical_records',
  'vital_signs',
  'symptoms',
  'prescriptions',
];

const STRONG_PASSWORD = 'Granite-Orbit-Willow-83';

/** A suite's database, with a Prisma client for seeding and a pg client for checking. */
async function openSuiteDatabase(): Promise<{ database: TestDatabase; prisma: PrismaClient; sql: pg.Client }> {
  const database = await createTestDatabase();
  const prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 1 });
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  return { database, prisma, sql };
}

/** Row count and a checksum of every row's full content, per seeded table. */
async function tableFingerprints(sql: pg.Client): Promise<Record<string, string>> {
  const fingerprints: Record<string, string> = {};
  for (const table of SEEDED_TABLES) {
    const { rows } = await sql.query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) AS checksum FROM "${table}" t`,
    );
    fingerprints[table] = `${rows[0].rows} rows, md5 ${rows[0].checksum}`;
  }
  return fingerprints;
}

async function count(sql: pg.Client, query: string, values: unknown[] = []): Promise<number> {
  const { rows } = await sql.query(`SELECT count(*)::int AS n FROM (${query}) q`, values);
  return rows[0].n;
}

function refusedFor(reason: SeedRefusalReason): (error: unknown) => boolean {
  return (error) => error instanceof SeedRefused && error.reason === reason;
}

function noInsertions(summary: SeedSummary): void {
  assert.deepEqual(Object.values(summary.inserted), Array(SEEDED_TABLES.length).fill(0), JSON.stringify(summary.inserted));
}

/** Runs the CLI entry the way `prisma db seed` and `nx run db:seed` do. */
function runSeedCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const inherited = { ...process.env };
  for (const name of ['SEED_ENVIRONMENT', 'SEED_ADMIN_EMAIL', 'SEED_ADMIN_PASSWORD', 'SEED_STAGING_PASSWORD', 'MIGRATION_DATABASE_URL']) delete inherited[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'libs/db/prisma/seed.ts', ...args], {
      cwd: workspaceRoot(),
      env: { ...inherited, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the development seed', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let sql: pg.Client;
  let summary: SeedSummary;
  const progress: string[] = [];

  before(async () => {
    ({ database, prisma, sql } = await openSuiteDatabase());
    assert.equal(await isDatabaseEmpty(prisma), true);
    const started = performance.now();
    summary = await seedDatabase(prisma, 'development', { log: (line) => progress.push(line), env: {} });
    console.log(`development seed: ${Math.round(performance.now() - started)} ms`);
  });
  after(async () => {
    await sql?.end();
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('creates the documented clinic and reports its progress', async () => {
    assert.ok(summary.inserted.providers >= 5);
    assert.equal(summary.inserted.patients, 200);
    assert.equal(summary.inserted.appointments, 1000);
    assert.equal(await count(sql, 'SELECT 1 FROM patients'), 200);
    assert.equal(await count(sql, 'SELECT 1 FROM appointments'), 1000);
    for (const line of ['providers 6/6', 'patients 200/200', 'appointments 1000/1000']) assert.ok(progress.includes(line), line);
    assert.equal(await isDatabaseEmpty(prisma), false);
  });

  it('lets every development account sign in with the documented password', async () => {
    const { rows } = await sql.query('SELECT email, "passwordHash" FROM providers ORDER BY email');
    assert.ok(rows.some((row) => row.email === DEVELOPMENT_ADMIN_EMAIL));
    for (const row of rows) {
      assert.match(row.passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      assert.equal(await verifyPassword(row.passwordHash, DEVELOPMENT_PASSWORD), true, row.email);
    }
  });

  it('covers every appointment status and type', async () => {
    const statuses = await sql.query('SELECT DISTINCT status::text AS value FROM appointments ORDER BY 1');
    assert.deepEqual(
      statuses.rows.map((row) => row.value),
      ['cancelled', 'checked_in', 'completed', 'in_progress', 'no_show', 'scheduled'],
    );
    const types = await sql.query('SELECT DISTINCT "appointmentType"::text AS value FROM appointments ORDER BY 1');
    assert.deepEqual(
      types.rows.map((row) => row.value),
      ['follow_up', 'new_patient', 'routine_checkup', 'sick_visit', 'telehealth'],
    );
  });

  it('never books a clinician into two overlapping active appointments', async () => {
    const span = (a: string) =>
      `tsrange(${a}."appointmentDate", ${a}."appointmentDate" + make_interval(mins => coalesce(${a}."durationMinutes", 30)))`;
    const overlaps = await count(
      sql,
      `SELECT 1 FROM appointments a JOIN appointments b ON a."providerId" = b."providerId" AND a.id < b.id
       WHERE a.status NOT IN ('cancelled', 'no_show') AND b.status NOT IN ('cancelled', 'no_show')
         AND ${span('a')} && ${span('b')}`,
    );
    assert.equal(overlaps, 0);
  });

  it('places visits in time around the anchor date', async () => {
    const misplaced = await count(
      sql,
      `SELECT 1 FROM appointments
       WHERE (status IN ('completed', 'no_show', 'in_progress') AND "appointmentDate" > $1)
          OR (status = 'scheduled' AND "appointmentDate" <= $1)`,
      [ANCHOR_DATE],
    );
    assert.equal(misplaced, 0);
  });

  it('charts every completed visit with a record, vitals, symptoms and prescriptions', async () => {
    const completed = await count(sql, `SELECT 1 FROM appointments WHERE status = 'completed'`);
    assert.ok(completed > 300, `${completed} completed visits`);
    const incomplete = await count(
      sql,
      `SELECT 1 FROM appointments a
       LEFT JOIN medical_records m ON m."appointmentId" = a.id
       LEFT JOIN vital_signs v ON v."appointmentId" = a.id
       WHERE a.status = 'completed' AND (
         m.id IS NULL OR v.id IS NULL
         OR NOT EXISTS (SELECT 1 FROM symptoms s WHERE s."medicalRecordId" = m.id)
         OR NOT EXISTS (SELECT 1 FROM prescriptions p WHERE p."medicalRecordId" = m.id))`,
    );
    assert.equal(incomplete, 0);
    const signed = await count(
      sql,
      `SELECT 1 FROM medical_records m JOIN appointments a ON a.id = m."appointmentId" WHERE a.status = 'completed' AND NOT m."isDraft"`,
    );
    assert.ok(signed / completed > 0.9, `${signed} of ${completed} signed`);
    const chartedWithoutVisit = await count(
      sql,
      `SELECT 1 FROM medical_records m JOIN appointments a ON a.id = m."appointmentId" WHERE a.status NOT IN ('completed', 'in_progress')`,
    );
    assert.equal(chartedWithoutVisit, 0);
  });

  it('marks AI-scribed notes consistently, with items awaiting review only on drafts', async () => {
    const scribed = await count(sql, `SELECT 1 FROM medical_records WHERE "isAIGenerated"`);
    assert.ok(scribed > 0, 'some notes come from the AI scribe');
    // A scribed note has its transcript; a typed one has none. Its items are extracted, and only its.
    assert.equal(await count(sql, `SELECT 1 FROM medical_records WHERE "isAIGenerated" <> ("transcript" IS NOT NULL)`), 0);
    for (const table of ['symptoms', 'prescriptions']) {
      const mismatched = await count(sql, `SELECT 1 FROM ${table} e JOIN medical_records m ON m.id = e."medicalRecordId" WHERE e."isAIExtracted" <> m."isAIGenerated"`);
      assert.equal(mismatched, 0, `${table}: isAIExtracted follows the note's isAIGenerated`);
      // Pending only on unsigned drafts, and there every extracted item; typed items are accepted.
      const misplaced = await count(
        sql,
        `SELECT 1 FROM ${table} e JOIN medical_records m ON m.id = e."medicalRecordId"
         WHERE (e."reviewStatus" = 'pending') <> (e."isAIExtracted" AND m."isDraft" AND m."signedAt" IS NULL)`,
      );
      assert.equal(misplaced, 0, `${table}: pending exactly on the drafts' extracted items`);
      assert.equal(await count(sql, `SELECT 1 FROM ${table} WHERE "reviewStatus" NOT IN ('pending', 'accepted')`), 0);
    }
    // A signed note is never a draft, and the reverse.
    assert.equal(await count(sql, `SELECT 1 FROM medical_records WHERE "isDraft" = ("signedAt" IS NOT NULL)`), 0);
    const pendingDrafts = await count(
      sql,
      `SELECT DISTINCT m.id FROM medical_records m JOIN symptoms s ON s."medicalRecordId" = m.id WHERE s."reviewStatus" = 'pending'`,
    );
    assert.ok(pendingDrafts > 0, 'a newcomer finds drafts to review');
  });

  it('keeps vitals, symptoms and prescriptions within plausible bounds', async () => {
    const implausibleVitals = await count(
      sql,
      `SELECT 1 FROM vital_signs WHERE NOT (
         "bloodPressureSystolic" BETWEEN 80 AND 200 AND "bloodPressureDiastolic" BETWEEN 40 AND 120
         AND "bloodPressureDiastolic" < "bloodPressureSystolic" AND "heartRate" BETWEEN 40 AND 170
         AND temperature BETWEEN 35.5 AND 41 AND coalesce("respiratoryRate", 16) BETWEEN 10 AND 40
         AND coalesce("oxygenSaturation", 98) BETWEEN 88 AND 100 AND weight BETWEEN 7 AND 200
         AND height BETWEEN 65 AND 210 AND "painLevel" BETWEEN 0 AND 10
         AND abs(bmi - weight / ((height / 100) * (height / 100))) < 0.051)`,
    );
    assert.equal(implausibleVitals, 0);
    assert.equal(await count(sql, 'SELECT 1 FROM symptoms WHERE severity IS NULL OR severity NOT BETWEEN 1 AND 10'), 0);
    assert.equal(
      await count(
        sql,
        `SELECT 1 FROM prescriptions WHERE quantity IS NULL OR quantity <= 0 OR refills < 0
           OR strength = '' OR dosage = '' OR frequency = '' OR instructions = ''`,
      ),
      0,
    );
  });

  it('records a realistic variety of allergies and chronic conditions', async () => {
    const allergens = await sql.query('SELECT DISTINCT allergen FROM allergies');
    for (const expected of ['Penicillin', 'Sulfa drugs (sulfonamide antibiotics)', 'Peanuts', 'Latex']) {
      assert.ok(allergens.rows.some((row) => row.allergen === expected), expected);
    }
    assert.equal(await count(sql, 'SELECT DISTINCT severity FROM allergies WHERE severity IS NOT NULL'), 4);
    const conditions = await sql.query('SELECT DISTINCT "conditionName" AS name FROM chronic_conditions');
    for (const expected of ['Essential hypertension', 'Type 2 diabetes mellitus', 'Asthma']) {
      assert.ok(conditions.rows.some((row) => row.name === expected), expected);
    }
    assert.ok((await count(sql, 'SELECT DISTINCT status FROM chronic_conditions')) >= 3);
  });

  it('gives patients fictional phone numbers and example email domains', async () => {
    assert.equal(await count(sql, `SELECT 1 FROM patients WHERE phone !~ '555-01[0-9]{2}$' OR "emergencyContactPhone" !~ '555-01[0-9]{2}$'`), 0);
    assert.equal(await count(sql, `SELECT 1 FROM patients WHERE email IS NOT NULL AND email !~ '@example\\.(org|com|net)$'`), 0);
  });

  it('changes nothing when run a second time', async () => {
    const before = await tableFingerprints(sql);
    const started = performance.now();
    const second = await seedDatabase(prisma, 'development', { env: {} });
    console.log(`development seed, second run: ${Math.round(performance.now() - started)} ms`);
    noInsertions(second);
    assert.deepEqual(await tableFingerprints(sql), before);
  });
});

describe('the staging seed', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let sql: pg.Client;

  before(async () => {
    ({ database, prisma, sql } = await openSuiteDatabase());
  });
  after(async () => {
    await sql?.end();
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('seeds a minimal clinic through the CLI, printing progress', async () => {
    const result = await runSeedCli(['--environment', 'staging'], { DATABASE_URL: database.url });
    assert.equal(result.code, 0, result.stderr);
    for (const line of ['providers 3/3', 'patients 8/8']) assert.ok(result.stdout.split('\n').includes(line), result.stdout);
    const { rows } = await sql.query('SELECT email FROM providers ORDER BY email');
    assert.equal(rows.length, 3);
    assert.ok(rows.some((row) => row.email === STAGING_ADMIN_EMAIL));
    assert.equal(await count(sql, 'SELECT 1 FROM patients'), 8);
  });

  it('changes nothing when run a second time', async () => {
    const before = await tableFingerprints(sql);
    noInsertions(await seedDatabase(prisma, 'staging', { env: {} }));
    assert.deepEqual(await tableFingerprints(sql), before);
  });

  it('refuses a weak SEED_STAGING_PASSWORD', async () => {
    await assert.rejects(seedDatabase(prisma, 'staging', { env: { SEED_STAGING_PASSWORD: 'staging' } }), refusedFor('weak-staging-password'));
  });
});

describe('the production seed', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let sql: pg.Client;
  const adminEmail = 'director@clinic.example.org';

  before(async () => {
    ({ database, prisma, sql } = await openSuiteDatabase());
  });
  after(async () => {
    await sql?.end();
    await prisma?.$disconnect();
    await database?.drop();
  });

  async function assertNothingWritten(): Promise<void> {
    for (const [table, fingerprint] of Object.entries(await tableFingerprints(sql))) assert.match(fingerprint, /^0 rows/, table);
  }

  it('refuses without a password, writing nothing', async () => {
    await assert.rejects(seedDatabase(prisma, 'production', { env: { SEED_ADMIN_EMAIL: adminEmail } }), refusedFor('missing-admin-password'));
    await assertNothingWritten();
  });

  it('refuses without a usable email', async () => {
    await assert.rejects(seedDatabase(prisma, 'production', { env: { SEED_ADMIN_PASSWORD: STRONG_PASSWORD } }), refusedFor('missing-admin-email'));
    await assert.rejects(
      seedDatabase(prisma, 'production', { env: { SEED_ADMIN_EMAIL: 'director', SEED_ADMIN_PASSWORD: STRONG_PASSWORD } }),
      refusedFor('invalid-admin-email'),
    );
    await assertNothingWritten();
  });

  it('refuses weak passwords, the development password and obvious ones', async () => {
    for (const password of ['Sh0rt!pass', 'no-uppercase-here-7', 'NoSymbolsOrDigitsHere', DEVELOPMENT_PASSWORD, 'Password123!', 'ChangeMe123!']) {
      await assert.rejects(
        seedDatabase(prisma, 'production', { env: { SEED_ADMIN_EMAIL: adminEmail, SEED_ADMIN_PASSWORD: password } }),
        refusedFor('weak-admin-password'),
        password,
      );
    }
    await assertNothingWritten();
  });

  it('creates exactly one provider, whose argon2id hash verifies', async () => {
    const summary = await seedDatabase(prisma, 'production', {
      env: { SEED_ADMIN_EMAIL: ` ${adminEmail.toUpperCase()} `, SEED_ADMIN_PASSWORD: STRONG_PASSWORD },
    });
    assert.equal(summary.inserted.providers, 1);
    const { rows } = await sql.query('SELECT email, "passwordHash" FROM providers');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].email, adminEmail);
    assert.match(rows[0].passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(rows[0].passwordHash, STRONG_PASSWORD), true);
    for (const table of SEEDED_TABLES.filter((name) => name !== 'providers')) {
      assert.equal(await count(sql, `SELECT 1 FROM "${table}"`), 0, table);
    }
  });

  it('changes nothing when run again, even with another password', async () => {
    const before = await tableFingerprints(sql);
    noInsertions(await seedDatabase(prisma, 'production', { env: { SEED_ADMIN_EMAIL: adminEmail, SEED_ADMIN_PASSWORD: STRONG_PASSWORD } }));
    noInsertions(
      await seedDatabase(prisma, 'production', { env: { SEED_ADMIN_EMAIL: adminEmail, SEED_ADMIN_PASSWORD: 'Another-Strong-Pass-91' } }),
    );
    assert.deepEqual(await tableFingerprints(sql), before);
  });

  it('exits non-zero from the CLI with a one-line message when the password is missing', async () => {
    const result = await runSeedCli([], { DATABASE_URL: database.url, SEED_ENVIRONMENT: 'production', SEED_ADMIN_EMAIL: adminEmail });
    assert.notEqual(result.code, 0);
    assert.equal(result.stderr.trim(), 'seed refused: SEED_ADMIN_PASSWORD is not set: the production seed has no default password');
    assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /, 'no stack trace');
  });

  it('exits non-zero from the CLI for an unknown environment or a missing DATABASE_URL', async () => {
    const unknown = await runSeedCli(['--environment', 'prod'], { DATABASE_URL: database.url });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^seed refused: unknown seed environment "prod"/);
    const noDatabase = await runSeedCli([], { DATABASE_URL: '' });
    assert.equal(noDatabase.code, 1);
    assert.match(noDatabase.stderr, /^seed refused: DATABASE_URL is not set/);
  });
});

describe('seeding a database that is not migrated', () => {
  it('refuses an empty database in one line, naming the command that migrates it', async () => {
    const empty = await createEmptyDatabase();
    try {
      const result = await runSeedCli([], { DATABASE_URL: empty.url, SEED_ENVIRONMENT: 'staging' });
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.equal(result.stderr.trim(), 'seed refused: the database is not migrated: run nx run db:migrate first');
      assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      await empty.drop();
    }
  });

  it('refuses a database behind the code, naming the latest missing migration', async () => {
    const behind = await createTestDatabase();
    const sql = new pg.Client({ connectionString: behind.url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ name: string }>(
        `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations) RETURNING migration_name AS name`,
      );
      const result = await runSeedCli([], { DATABASE_URL: behind.url, SEED_ENVIRONMENT: 'staging' });
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.equal(result.stderr.trim(), `seed refused: 1 migration(s) are not applied (the latest ${rows[0].name}): run nx run db:migrate first`);
      assert.equal((await sql.query('SELECT count(*)::int AS n FROM providers')).rows[0].n, 0, 'nothing written');
    } finally {
      await sql.end();
      await behind.drop();
    }
  });
});

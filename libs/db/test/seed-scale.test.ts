// The scale seed on a small scale: which databases it refuses, what it writes, and that running it
// again adds nothing (and a larger count only tops up).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createPrismaClient } from '../src/index.js';
import { SeedRefused, type SeedRefusalReason, seedDatabase } from '../src/seed/index.js';
import { LONG_HISTORY_VISITS, scalePatientId, seedScale } from '../src/seed/scale/index.js';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../src/testing/index.js';

const PATIENTS = 300;

function refusedFor(reason: SeedRefusalReason): (error: unknown) => boolean {
  return (error) => error instanceof SeedRefused && error.reason === reason;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function one<T>(url: string, sql: string, values: unknown[] = []): Promise<T> {
  return withClient(url, async (client) => (await client.query(sql, values)).rows[0] as T);
}

describe('the scale seed refuses', () => {
  const databases: TestDatabase[] = [];
  after(async () => Promise.all(databases.map((database) => database.drop())));

  async function database(create: () => Promise<TestDatabase>): Promise<TestDatabase> {
    const created = await create();
    databases.push(created);
    return created;
  }

  it('a database without the migrations', async () => {
    const empty = await database(createEmptyDatabase);
    await assert.rejects(seedScale(empty.url, { patients: 10 }), refusedFor('unmigrated-database'));
  });

  it('a database marked staging, and one marked production', async () => {
    for (const [tier, env] of [
      ['staging', {}],
      ['production', { SEED_ADMIN_EMAIL: 'director@clinic.example.org', SEED_ADMIN_PASSWORD: 'Granite-Orbit-Willow-83' }],
    ] as const) {
      const marked = await database(createTestDatabase);
      const prisma = createPrismaClient({ databaseUrl: marked.url, poolSize: 1 });
      await seedDatabase(prisma, tier, { env });
      await prisma.$disconnect();
      await assert.rejects(seedScale(marked.url, { patients: 10 }), refusedFor('marked-for-another-environment'));
      assert.equal((await one<{ n: number }>(marked.url, 'SELECT count(*)::int AS n FROM patients WHERE id = $1', [scalePatientId(1)])).n, 0);
    }
  });

  it('an unmarked database that already holds a patient (a clinic seeded before the mark existed)', async () => {
    const clinic = await database(createTestDatabase);
    await withClient(clinic.url, (client) =>
      client.query(`INSERT INTO patients ("firstName", "lastName", "dateOfBirth", sex, phone, "emergencyContactName", "emergencyContactPhone", "updatedAt")
                    VALUES ('Ada', 'Quill', '1970-01-01', 'female', '555-0100', 'Bo Quill', '555-0101', now())`),
    );
    await assert.rejects(seedScale(clinic.url, { patients: 10 }), refusedFor('unmarked-database'));
    assert.equal((await one<{ n: number }>(clinic.url, 'SELECT count(*)::int AS n FROM patients')).n, 1);
    assert.equal((await one<{ n: number }>(clinic.url, 'SELECT count(*)::int AS n FROM database_environment')).n, 0);
  });

  it('a patient count that is not a positive whole number', async () => {
    await assert.rejects(seedScale('postgresql://unused', { patients: 0 }), refusedFor('invalid-patient-count'));
    await assert.rejects(seedScale('postgresql://unused', { patients: 2.5 }), refusedFor('invalid-patient-count'));
  });
});

describe('the scale seed on an empty, migrated database', () => {
  let database: TestDatabase;
  const lines: string[] = [];

  before(async () => {
    database = await createTestDatabase();
    await seedScale(database.url, { patients: PATIENTS, chunkSize: 120, log: (line) => lines.push(line) });
  });
  after(async () => database?.drop());

  it('marks the database development, with the development clinic in it', async () => {
    assert.equal((await one<{ environment: string }>(database.url, 'SELECT environment FROM database_environment')).environment, 'development');
    assert.equal((await one<{ n: number }>(database.url, `SELECT count(*)::int AS n FROM providers WHERE email LIKE '%@clinic.example.org'`)).n, 6);
  });

  it('shows its progress chunk by chunk', () => {
    assert.deepEqual(
      lines.filter((line) => line.startsWith('scale patients')).map((line) => line.split(' (')[0]),
      ['scale patients 120/300', 'scale patients 240/300', 'scale patients 300/300'],
    );
  });

  it('writes the patients with the ids scalePatientId names, and a register with variety', async () => {
    const ids = Array.from({ length: PATIENTS }, (_, index) => scalePatientId(index + 1));
    const stats = await one<Record<string, number>>(
      database.url,
      `SELECT count(*)::int AS patients,
              count(*) FILTER (WHERE "archivedAt" IS NOT NULL)::int AS archived,
              count(*) FILTER (WHERE "lastName" <> fold_for_search("lastName") AND lower("lastName") <> fold_for_search("lastName"))::int AS accented,
              count(DISTINCT "lastName")::int AS "lastNames",
              count(*) - count(DISTINCT "phone")::int AS "sharedPhones",
              count(*) - count(DISTINCT "dateOfBirth")::int AS "sharedBirthDates",
              count(*) FILTER (WHERE "phone" !~ '^\\(0\\d\\d\\) \\d{3}-\\d{4}$')::int AS "unexpectedPhones"
       FROM patients WHERE id = ANY ($1::uuid[])`,
      [ids],
    );
    assert.equal(stats.patients, PATIENTS);
    assert.ok(stats.archived! > 0, 'some archived patients');
    assert.ok(stats.accented! > 0, 'some accented last names');
    assert.ok(stats.lastNames! > 50, 'many last names');
    assert.ok(stats.sharedPhones! > 0, 'households share a phone');
    assert.ok(stats.sharedBirthDates! > 0, 'some patients share a date of birth');
    assert.equal(stats.unexpectedPhones, 0, 'every phone is in the fictional 0xx area codes');
  });

  it('gives patient 1 a long, signed history and one patient in fifty some visits', async () => {
    const longHistory = await one<Record<string, number>>(
      database.url,
      `SELECT count(*)::int AS visits, count(m.id)::int AS records, count(m."signedAt")::int AS signed
       FROM appointments a LEFT JOIN medical_records m ON m."appointmentId" = a.id WHERE a."patientId" = $1`,
      [scalePatientId(1)],
    );
    assert.equal(longHistory.visits, LONG_HISTORY_VISITS);
    assert.ok(longHistory.records! > LONG_HISTORY_VISITS / 2);
    assert.equal(longHistory.signed, longHistory.records, 'every scale note is signed');
    const visiting = await one<{ n: number }>(
      database.url,
      'SELECT count(DISTINCT "patientId")::int AS n FROM appointments WHERE "patientId" = ANY ($1::uuid[])',
      [Array.from({ length: PATIENTS - 1 }, (_, index) => scalePatientId(index + 2))],
    );
    assert.equal(visiting.n, PATIENTS / 50);
  });

  it('adds nothing when run again, and only the missing patients for a larger count', async () => {
    const again = await seedScale(database.url, { patients: PATIENTS });
    assert.deepEqual([again.existing, again.added], [PATIENTS, 0]);
    const larger = await seedScale(database.url, { patients: PATIENTS + 50, chunkSize: 1000 });
    assert.deepEqual([larger.existing, larger.added], [PATIENTS, 50]);
    assert.equal(
      (await one<{ n: number }>(database.url, 'SELECT count(*)::int AS n FROM patients WHERE id = ANY ($1::uuid[])', [
        Array.from({ length: PATIENTS + 50 }, (_, index) => scalePatientId(index + 1)),
      ])).n,
      PATIENTS + 50,
    );
  });
});

describe('the scale seed filling a table at least twice its size', () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database?.drop());

  it('sets the indexes of patients aside and builds them again, exactly as they were', async () => {
    const indexesOfPatients = () =>
      withClient(database.url, async (client) => (await client.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'patients' ORDER BY indexname`)).rows);
    const before = await indexesOfPatients();
    const lines: string[] = [];
    const summary = await seedScale(database.url, { patients: 250, chunkSize: 100, rebuildIndexesFrom: 1, log: (line) => lines.push(line) });
    assert.equal(summary.added, 250);
    assert.deepEqual(await indexesOfPatients(), before);
    assert.ok(lines.some((line) => /indexes of patients set aside/.test(line)), lines.join('\n'));
    assert.ok(lines.some((line) => /^index patients_name_order_idx rebuilt$/.test(line)), lines.join('\n'));
    const found = await one<{ n: number }>(database.url, `SELECT count(*)::int AS n FROM patients WHERE "lastName" = (SELECT "lastName" FROM patients WHERE id = $1)`, [scalePatientId(7)]);
    assert.ok(found.n >= 1);
  });

  it('leaves every page of patients all-visible, for index-only reads (its commits flushed before its VACUUM)', async () => {
    const pages = await one<{ relpages: number; relallvisible: number }>(database.url, `SELECT relpages, relallvisible FROM pg_class WHERE oid = 'patients'::regclass`);
    assert.ok(pages.relpages > 0);
    assert.equal(pages.relallvisible, pages.relpages);
  });
});

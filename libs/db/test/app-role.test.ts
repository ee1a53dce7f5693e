// The application role (clinic_app, migration 20261201060437_create_application_role) against a
// real database: what the API's connection may not do (change the schema, switch a trigger off,
// rewrite or empty the audit trail), what it must be able to do (every kind of row work the API
// does), and that the migration holds when the role already exists or is created by two
// databases of one server at the same time.
//
// The API's connection here is the one the API gets: a login in clinic_app on a server, and the
// role taken around each use on the embedded PostgreSQL (DbOptions.assumeRole).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { APPLICATION_ROLE, connectionPrivileges, createPrismaClient, deployMigrations, type PrismaClient } from '../src/index.js';
import { createEmptyDatabase, createTestDatabase, type TestDatabase, testsUseServer } from '../src/testing/index.js';
import { onServer } from '../src/testing/server.js';
import { workspaceRoot } from '../src/workspace.js';

const MIGRATION = '20261201060437_create_application_role';
const SERVER_ONLY = testsUseServer() ? false : 'needs a PostgreSQL server: PGlite is one session, logged in as its superuser';

/** PostgreSQL's own refusal for a missing privilege (42501), as Prisma reports a raw query's failure. */
const REFUSED = /42501|permission denied|must be owner/;

async function migrationSql(): Promise<string> {
  return readFile(path.join(workspaceRoot(), 'libs/db/prisma/migrations', MIGRATION, 'migration.sql'), 'utf8');
}

describe('the application role', () => {
  let database: TestDatabase;
  let app: PrismaClient;
  let owner: PrismaClient;
  before(async () => {
    database = await createTestDatabase();
    app = createPrismaClient(database.app);
    owner = createPrismaClient({ databaseUrl: database.url, poolSize: database.poolSize });
    // Something in the trail to protect.
    await owner.auditEvent.create({ data: { action: 'read', resourceType: 'patient', outcome: 'success' } });
  });
  after(async () => {
    await app.$disconnect();
    await owner.$disconnect();
    await database.drop();
  });

  const auditEventCount = () => owner.auditEvent.count();

  describe('cannot switch the audit trail off or rewrite it', () => {
    for (const [what, sql] of [
      ['disable its triggers', 'ALTER TABLE "audit_events" DISABLE TRIGGER ALL'],
      ['disable its append-only trigger', 'ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_append_only"'],
      ['turn every trigger off for the session', 'SET session_replication_role = replica'],
      ['update an event', `UPDATE "audit_events" SET "outcome" = 'denied'`],
      ['delete events', 'DELETE FROM "audit_events"'],
      ['truncate the table', 'TRUNCATE "audit_events"'],
      ['drop the table', 'DROP TABLE "audit_events"'],
      ['rewrite an amendment', `UPDATE "record_amendments" SET "text" = 'rewritten'`],
      ['delete an amendment', 'DELETE FROM "record_amendments"'],
    ]) {
      it(`may not ${what}`, async () => {
        const before = await auditEventCount();
        await assert.rejects(app.$executeRawUnsafe(sql), REFUSED);
        assert.equal(await auditEventCount(), before);
      });
    }

    it('still meets the triggers as the owner: the trail is append-only for every role', async () => {
      for (const sql of [`UPDATE "audit_events" SET "outcome" = 'denied'`, 'DELETE FROM "audit_events"', 'TRUNCATE "audit_events"']) {
        await assert.rejects(owner.$executeRawUnsafe(sql), /append-only/);
      }
    });
  });

  describe('cannot change the schema', () => {
    for (const [what, sql] of [
      ['alter a table', 'ALTER TABLE "patients" ADD COLUMN "shoe_size" INTEGER'],
      ['drop a table', 'DROP TABLE "patients"'],
      ['truncate a table', 'TRUNCATE "patients"'],
      ['drop a trigger', 'DROP TRIGGER "medical_records_signed_guard" ON "medical_records"'],
      ['create a table', 'CREATE TABLE "shadow_patients" ("id" UUID)'],
      ['delete patients (they are archived)', 'DELETE FROM "patients"'],
      ['write the migration history', `DELETE FROM "_prisma_migrations"`],
    ]) {
      it(`may not ${what}`, async () => {
        await assert.rejects(app.$executeRawUnsafe(sql), REFUSED);
      });
    }

    it('may not become the owner', { skip: SERVER_ONLY }, async () => {
      const [{ owner: tableOwner }] = await owner.$queryRawUnsafe<{ owner: string }[]>(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'patients'`);
      await assert.rejects(app.$executeRawUnsafe(`SET ROLE "${tableOwner}"`), REFUSED);
    });
  });

  it('reads the migration history (the readiness probe compares it with the code), and counts throttles', async () => {
    await app.$queryRawUnsafe('SELECT "migration_name", "checksum" FROM "_prisma_migrations"');
    await app.$executeRawUnsafe(`INSERT INTO "throttle_counters" ("key", "count", "windowEndsAt") VALUES ('role test', 1, now()) ON CONFLICT ("key") DO UPDATE SET "count" = "throttle_counters"."count" + 1`);
    await app.$executeRawUnsafe(`DELETE FROM "throttle_counters" WHERE "key" = 'role test'`);
  });

  it('does every kind of row work the API does', async () => {
    const provider = await app.provider.create({
      data: { email: `role-${randomBytes(4).toString('hex')}@clinic.test`, passwordHash: 'not-a-hash', firstName: 'Ada', lastName: 'Role' },
    });
    await app.provider.update({ where: { id: provider.id }, data: { specialty: 'Family medicine' } });
    const token = await app.refreshToken.create({
      data: { providerId: provider.id, familyId: provider.id, tokenHash: randomBytes(32).toString('hex'), expiresAt: new Date(Date.now() + 60_000) },
    });
    await app.refreshToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await app.refreshToken.deleteMany({ where: { id: token.id } });

    const patient = await app.patient.create({
      data: { firstName: 'Hélène', lastName: 'Roleson', dateOfBirth: new Date('1980-01-02'), sex: 'female', phone: '555-0100', emergencyContactName: 'Sam', emergencyContactPhone: '555-0101' },
    });
    await app.patient.update({ where: { id: patient.id }, data: { archivedAt: new Date() } });
    const allergy = await app.allergy.create({ data: { patientId: patient.id, allergen: 'Penicillin' } });
    await app.allergy.update({ where: { id: allergy.id }, data: { reaction: 'Hives' } });
    await app.allergy.delete({ where: { id: allergy.id } });
    const condition = await app.chronicCondition.create({ data: { patientId: patient.id, conditionName: 'Asthma' } });
    await app.chronicCondition.update({ where: { id: condition.id }, data: { status: 'resolved' } });
    await app.chronicCondition.delete({ where: { id: condition.id } });
    // Name search goes through the folding function the search indexes use.
    const found = await app.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "patients" WHERE fold_for_search("firstName" || ' ' || "lastName") LIKE '%helene%'`);
    assert.equal(found.length, 1);

    const appointment = await app.appointment.create({
      data: { patientId: patient.id, providerId: provider.id, appointmentDate: new Date('2030-01-02T09:00:00Z'), appointmentType: 'follow_up' },
    });
    await app.appointment.update({ where: { id: appointment.id }, data: { status: 'in_progress' } });
    // Vital signs are written with INSERT … ON CONFLICT DO UPDATE.
    for (const heartRate of [70, 72]) {
      await app.$executeRawUnsafe(
        `INSERT INTO "vital_signs" ("appointmentId", "heartRate") VALUES ($1::uuid, $2) ON CONFLICT ("appointmentId") DO UPDATE SET "heartRate" = EXCLUDED."heartRate"`,
        appointment.id,
        heartRate,
      );
    }
    const record = await app.medicalRecord.create({ data: { appointmentId: appointment.id, chiefComplaint: 'Cough' } });
    const symptom = await app.symptom.create({ data: { medicalRecordId: record.id, symptomName: 'Cough' } });
    await app.symptom.update({ where: { id: symptom.id }, data: { severity: 3 } });
    await app.symptom.delete({ where: { id: symptom.id } });
    const prescription = await app.prescription.create({
      data: { medicalRecordId: record.id, medicationName: 'Salbutamol', strength: '100 mcg', dosage: '2 puffs', frequency: 'as needed', instructions: 'Shake first' },
    });
    await app.prescription.update({ where: { id: prescription.id }, data: { refills: 1 } });
    await app.prescription.delete({ where: { id: prescription.id } });
    await app.$transaction([
      app.medicalRecord.update({ where: { id: record.id }, data: { isDraft: false, signedAt: new Date(), signedById: provider.id } }),
      app.recordAmendment.create({ data: { medicalRecordId: record.id, authorId: provider.id, reason: 'Typo', text: 'Cough, dry.' } }),
      app.auditEvent.create({ data: { actorId: provider.id, action: 'amend', resourceType: 'medical_record', resourceId: record.id, patientId: patient.id, outcome: 'success' } }),
    ]);
    assert.equal(await app.auditEvent.count({ where: { patientId: patient.id } }), 1);
  });

  it('gets the usual row rights on tables later migrations create, and no more', async () => {
    await owner.$executeRawUnsafe('CREATE TABLE "lab_results" ("id" SERIAL PRIMARY KEY, "value" TEXT)');
    await app.$executeRawUnsafe(`INSERT INTO "lab_results" ("value") VALUES ('4.2')`);
    await app.$executeRawUnsafe(`UPDATE "lab_results" SET "value" = '4.3'`);
    assert.deepEqual(await app.$queryRawUnsafe('SELECT "value" FROM "lab_results"'), [{ value: '4.3' }]);
    await app.$executeRawUnsafe('DELETE FROM "lab_results"');
    await assert.rejects(app.$executeRawUnsafe('TRUNCATE "lab_results"'), REFUSED);
    await assert.rejects(app.$executeRawUnsafe('ALTER TABLE "lab_results" ADD COLUMN "unit" TEXT'), REFUSED);
  });

  it('tells a login in the role from the owner', { skip: SERVER_ONLY }, async () => {
    assert.deepEqual(await connectionPrivileges(database.app.databaseUrl), {
      role: new URL(database.app.databaseUrl).username,
      superuser: false,
      ownsTables: false,
      applicationRole: true,
    });
    assert.equal((await connectionPrivileges(database.url)).ownsTables, true);
  });
});

describe('the migration that creates the role', () => {
  it('deploys where the role exists already (a DBA created it), and runs again without a change', async () => {
    const database = await createEmptyDatabase();
    try {
      // A server's role exists since this run's template was migrated; each PGlite is a cluster of its own.
      if (!testsUseServer()) await onServer(database.url, (client) => client.query(`CREATE ROLE ${APPLICATION_ROLE} NOLOGIN`));
      await deployMigrations(database.url);
      const grants = () =>
        onServer(database.url, async (client) => {
          const { rows } = await client.query(`SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) AS privileges
            FROM information_schema.role_table_grants WHERE grantee = $1 GROUP BY table_name ORDER BY table_name`, [APPLICATION_ROLE]);
          return rows;
        });
      const granted = await grants();
      assert.deepEqual(granted.find((row) => row.table_name === 'audit_events'), { table_name: 'audit_events', privileges: 'INSERT,SELECT' });
      assert.deepEqual(granted.find((row) => row.table_name === 'patients'), { table_name: 'patients', privileges: 'INSERT,SELECT,UPDATE' });
      await onServer(database.url, async (client) => client.query(await migrationSql()));
      assert.deepEqual(await grants(), granted);
    } finally {
      await database.drop();
    }
  });

  it('refuses a role that would hand the API its power back', async () => {
    const role = `clinic_app_bypass_${randomBytes(4).toString('hex')}`;
    const database = await createTestDatabase();
    try {
      await onServer(database.url, (client) => client.query(`CREATE ROLE ${role} NOLOGIN BYPASSRLS`));
      const sql = (await migrationSql()).replaceAll(APPLICATION_ROLE, role);
      await assert.rejects(onServer(database.url, (client) => client.query(sql)), /bypasses row security/);
    } finally {
      await database.drop();
      // A PGlite instance is a cluster of its own, gone with it.
      if (testsUseServer()) await onServer(process.env.DATABASE_URL!, (client) => client.query(`DROP ROLE IF EXISTS ${role}`));
    }
  });

  // Roles are server-wide: test runs migrating their templates at the same time race to create it.
  // The race is made certain here: the first transaction creates the role and waits; the others
  // then try to create it too, block on the first, and must carry on once it commits. A fresh role
  // name stands in for clinic_app, which exists on this server already.
  it('does not fail when several databases create the role at the same time', { skip: SERVER_ONLY }, async () => {
    const role = `clinic_app_race_${randomBytes(4).toString('hex')}`;
    const sql = (await migrationSql()).replaceAll(APPLICATION_ROLE, role);
    const databases = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    const clients = databases.map((database) => new pg.Client({ connectionString: database.url }));
    try {
      await Promise.all(clients.map((client) => client.connect()));
      const [first, ...others] = clients;
      const pids = await Promise.all(others.map(async (client) => (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid));
      await first!.query('BEGIN');
      await first!.query(sql);
      const racing = others.map(async (client) => {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query('COMMIT');
      });
      await waitUntilBlocked(first!, pids);
      await first!.query('COMMIT');
      await Promise.all(racing);
      for (const client of clients) {
        const { rows } = await client.query(`SELECT has_table_privilege($1, 'audit_events', 'INSERT') AS insert, has_table_privilege($1, 'audit_events', 'UPDATE') AS update`, [role]);
        assert.deepEqual(rows[0], { insert: true, update: false });
      }
    } finally {
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      await Promise.all(databases.map((database) => database.drop()));
      await onServer(process.env.DATABASE_URL!, (client) => client.query(`DROP ROLE IF EXISTS ${role}`));
    }
  });
});

/** Waits until every backend in `pids` waits on a lock (here: the first transaction's new role). */
async function waitUntilBlocked(client: pg.Client, pids: number[]): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await client.query(`SELECT count(*)::int AS blocked FROM pg_stat_activity WHERE pid = ANY($1) AND wait_event_type = 'Lock'`, [pids]);
    if (rows[0].blocked === pids.length) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the racing migrations never waited on the first one');
}

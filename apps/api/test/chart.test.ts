// GET /patients/:patientId/chart: the chart at a glance, for every role, without notes for staff,
// and in the same small number of queries for a patient with one visit or sixty.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PrismaClient, type PrismaService } from '@clinic/db';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { AuditRepository } from '../src/audit/audit.repository.js';
import { AuditTrail } from '../src/audit/audit-trail.js';
import { ChartService } from '../src/chart/chart.service.js';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';
import { VisitFixture } from './support/visits.js';

const DAY = 86_400_000;

describe('the chart', () => {
  let team: ClinicTeam;
  let api: TestApp;
  let accounts: AuthFixture;
  let visits: VisitFixture;
  let admin: SignedInProvider;
  let clinician: SignedInProvider;
  let staff: SignedInProvider;
  before(async () => {
    team = await startClinicTeam();
    ({ api, accounts, admin, clinician, staff } = team);
    visits = new VisitFixture(accounts.prisma);
  });
  after(async () => {
    await team.close();
  });

  const chartPath = (patientId: string) => `/api/v1/patients/${patientId}/chart`;

  /**
   * A patient with `count` past visits, one a week going back from yesterday: each with a signed
   * record, a symptom, vitals and a prescription written on the day.
   */
  async function patientWithHistory(count: number): Promise<{ patientId: string; appointmentIds: string[] }> {
    const prisma = accounts.prisma;
    const patientId = await visits.patient();
    const provider = await accounts.createProvider({ role: 'clinician' });
    await prisma.allergy.create({ data: { patientId, allergen: 'Penicillin' } });
    await prisma.chronicCondition.createMany({
      data: [
        { patientId, conditionName: 'Hypertension', status: 'active' },
        { patientId, conditionName: 'Asthma', status: 'resolved' },
      ],
    });
    const appointmentIds: string[] = [];
    for (let week = 0; week < count; week += 1) {
      const date = new Date(Date.now() - DAY - week * 7 * DAY);
      const appointment = await prisma.appointment.create({
        data: { patientId, providerId: provider.id, appointmentDate: date, appointmentType: 'follow_up', status: 'completed', reasonForVisit: `Visit ${week}` },
      });
      appointmentIds.push(appointment.id);
      const record = await prisma.medicalRecord.create({
        data: { appointmentId: appointment.id, chiefComplaint: `Complaint ${week}`, diagnosis: `Diagnosis ${week}` },
      });
      await prisma.symptom.create({ data: { medicalRecordId: record.id, symptomName: 'Headache', severity: 3 } });
      await prisma.prescription.create({
        data: { medicalRecordId: record.id, medicationName: `Medication ${week}`, strength: '5 mg', dosage: '1', frequency: 'daily', instructions: 'x', indication: 'why', createdAt: date },
      });
      await prisma.vitalSigns.create({ data: { appointmentId: appointment.id, heartRate: 60 + week, recordedAt: date } });
      await prisma.medicalRecord.update({ where: { id: record.id }, data: { isDraft: false, signedAt: date, signedById: provider.id } });
    }
    return { patientId, appointmentIds };
  }

  it('shows demographics, allergies, active conditions, the last 10 visits, the latest vitals and 90 days of prescriptions', async () => {
    const { patientId, appointmentIds } = await patientWithHistory(20);
    const response = await api.http().get(chartPath(patientId)).set(bearer(clinician.accessToken)).expect(200);
    const chart = response.body;
    assert.match(response.headers.etag ?? '', /^".+"$/);
    assert.equal(chart.patient.id, patientId);
    assert.deepEqual(chart.allergies.map((allergy: { allergen: string }) => allergy.allergen), ['Penicillin']);
    assert.deepEqual(chart.activeConditions.map((condition: { conditionName: string }) => condition.conditionName), ['Hypertension']);
    assert.deepEqual(chart.recentAppointments.map((visit: { id: string }) => visit.id), appointmentIds.slice(0, 10));
    assert.equal(chart.recentAppointments[0].record.chiefComplaint, 'Complaint 0');
    assert.equal(chart.recentAppointments[0].record.diagnosis, 'Diagnosis 0');
    assert.equal(chart.recentAppointments[0].record.isDraft, false);
    assert.equal(chart.latestVitals.appointmentId, appointmentIds[0]);
    assert.equal(chart.latestVitals.heartRate, 60);
    // Weekly visits from yesterday back: those of the last 90 days are weeks 0 to 12.
    assert.deepEqual(
      chart.recentPrescriptions.map((prescription: { medicationName: string }) => prescription.medicationName),
      Array.from({ length: 13 }, (_, week) => `Medication ${week}`),
    );
    assert.equal(chart.recentPrescriptions[0].indication, 'why');
    assert.equal(chart.includesNotes, true);

    const asAdmin = await api.http().get(chartPath(patientId)).set(bearer(admin.accessToken)).expect(200);
    assert.deepEqual(asAdmin.body, chart);
  });

  it('gives staff the chart without notes', async () => {
    const { patientId } = await patientWithHistory(2);
    const { body } = await api.http().get(chartPath(patientId)).set(bearer(staff.accessToken)).expect(200);
    assert.equal(body.includesNotes, false);
    assert.equal(body.recentAppointments.length, 2);
    const record = body.recentAppointments[0].record;
    assert.deepEqual(Object.keys(record).sort(), ['id', 'isDraft', 'signedAt']);
    assert.equal(body.recentPrescriptions[0].indication, undefined);
    assert.equal(body.recentPrescriptions[0].overrideReason, undefined);
    assert.ok(!JSON.stringify(body).includes('Complaint') && !JSON.stringify(body).includes('Diagnosis'));
    assert.equal(body.allergies.length, 1);
  });

  it('answers a new patient with an empty chart, 404 for an absent one, 400 for a malformed id, 401 without a token', async () => {
    const patientId = await visits.patient();
    const { body } = await api.http().get(chartPath(patientId)).set(bearer(staff.accessToken)).expect(200);
    assert.deepEqual(
      { ...body, patient: undefined },
      { patient: undefined, allergies: [], activeConditions: [], recentAppointments: [], latestVitals: null, recentPrescriptions: [], includesNotes: false },
    );
    await api.http().get(chartPath(randomUUID())).set(bearer(clinician.accessToken)).expect(404);
    const malformed = await api.http().get(chartPath('not-a-uuid')).set(bearer(clinician.accessToken)).expect(400);
    assert.equal(malformed.body.errors[0].field, 'patientId');
    await api.http().get(chartPath(patientId)).expect(401);
  });

  it("takes vital signs and prescriptions by the patient of their visit, whatever a statement writes as their patient", async () => {
    // The chart reads both by their own patientId column, which the database derives from the visit
    // (migration 20261202115000): no statement can make one patient's vitals show on another's chart.
    const prisma = accounts.prisma;
    const first = await patientWithHistory(2);
    const second = await patientWithHistory(1);
    const patientOf = async (appointmentId: string) => {
      const [row] = await prisma.$queryRaw<{ vitals: string; prescription: string }[]>`
        SELECT v."patientId"::text AS "vitals", p."patientId"::text AS "prescription"
        FROM "vital_signs" v JOIN "medical_records" r ON r."appointmentId" = v."appointmentId" JOIN "prescriptions" p ON p."medicalRecordId" = r."id"
        WHERE v."appointmentId" = ${appointmentId}::uuid`;
      return row;
    };
    const latestVisit = first.appointmentIds[0]!;
    assert.deepEqual(await patientOf(latestVisit), { vitals: first.patientId, prescription: first.patientId });

    // Written wrong on purpose (the record is signed: an update of nothing but that column passes the guard), kept right.
    await prisma.$executeRaw`UPDATE "vital_signs" SET "patientId" = ${second.patientId}::uuid WHERE "appointmentId" = ${latestVisit}::uuid`;
    await prisma.$executeRaw`UPDATE "prescriptions" SET "patientId" = NULL WHERE "medicalRecordId" IN (SELECT "id" FROM "medical_records" WHERE "appointmentId" = ${latestVisit}::uuid)`;
    assert.deepEqual(await patientOf(latestVisit), { vitals: first.patientId, prescription: first.patientId });
    // Anything else under a signed record is still refused.
    await assert.rejects(prisma.$executeRaw`UPDATE "vital_signs" SET "heartRate" = 99 WHERE "appointmentId" = ${latestVisit}::uuid`, /signed/);

    // The visit given to the other patient: its vitals and prescription follow it, and so do the charts.
    await prisma.$executeRaw`UPDATE "appointments" SET "patientId" = ${second.patientId}::uuid WHERE "id" = ${latestVisit}::uuid`;
    assert.deepEqual(await patientOf(latestVisit), { vitals: second.patientId, prescription: second.patientId });
    const secondChart = (await api.http().get(chartPath(second.patientId)).set(bearer(clinician.accessToken)).expect(200)).body;
    // Its own visit was recorded a moment after the one it was given: still the latest.
    assert.equal(secondChart.latestVitals.appointmentId, second.appointmentIds[0]);
    assert.deepEqual(secondChart.recentPrescriptions.map((prescription: { medicationName: string }) => prescription.medicationName), ['Medication 0', 'Medication 0']);
    const firstChart = (await api.http().get(chartPath(first.patientId)).set(bearer(clinician.accessToken)).expect(200)).body;
    assert.equal(firstChart.latestVitals.appointmentId, first.appointmentIds[1]);
    assert.deepEqual(firstChart.recentPrescriptions.map((prescription: { medicationName: string }) => prescription.medicationName), ['Medication 1']);
  });

  it('reads a chart and writes its audit event in one statement, for one visit as for sixty', async (t) => {
    // Counted at the driver: every statement Prisma sends goes through pg.Pool#query (the
    // adapter's non-transactional path), so wrapping it counts exactly the SQL sent to PostgreSQL.
    const pool = new pg.Pool({ connectionString: api.database.url, max: 1 });
    let statements = 0;
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      statements += 1;
      return query(...args);
    };
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      const trail = new AuditTrail(new AuditRepository(prisma as unknown as PrismaService));
      const chart = api.app.get(ChartService);
      const countFor = async (patientId: string) => {
        statements = 0;
        const rows = await trail.readRecorded(chart.chartParts(patientId, new Date()), { action: 'read', resourceType: 'chart', resourceId: patientId, patientId }, 'patient');
        assert.ok(rows.patient);
        return { statements, visits: rows.recentVisits.length };
      };
      const short = await patientWithHistory(1);
      const long = await patientWithHistory(60);
      await countFor(short.patientId); // the first query of a client also connects; not counted below
      const few = await countFor(short.patientId);
      const many = await countFor(long.patientId);
      assert.equal(few.visits, 1);
      assert.equal(many.visits, 10);
      assert.equal(many.statements, few.statements, `${many.statements} statements for 60 visits, ${few.statements} for one`);
      assert.equal(few.statements, 1, `${few.statements} statements`);
      t.diagnostic(`chart: ${few.statements} statements for 1 visit, ${many.statements} for 60`);
    } finally {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    }
  });
});

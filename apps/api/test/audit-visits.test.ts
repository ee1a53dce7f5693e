// The audit trail of the schedule and the visit: what appointments and vital signs record for each
// request (ids only), that refused preconditions (409, 412) record nothing, that unknown ids leave
// a failed event, and that a change whose event cannot be written is rolled back.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AppointmentStatus } from '@clinic/db';
import { AppointmentsRepository } from '../src/appointments/appointments.repository.js';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { startClinicTeam, type ClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';
import { insertPatient } from './support/visits.js';

const VITALS = { bloodPressureSystolic: 124, bloodPressureDiastolic: 80, heartRate: 70, temperature: 36.7, weight: 70, height: 172 };

interface EventShape {
  action: string;
  outcome: string;
  resourceType: string;
  resourceId: string | null;
  patientId: string | null;
  patientIds: string[];
}

describe('audit trail of appointments and vital signs', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  let team: ClinicTeam;
  /** A clinician used only by the scripted visit, so its events are exactly the visit's. */
  let visitClinician: SignedInProvider;
  /** A clinician used only by the refusal and failure tests. */
  let otherClinician: SignedInProvider;

  before(async () => {
    team = await startClinicTeam();
    ({ api, accounts } = team);
    visitClinician = await accounts.signedIn({ role: 'clinician' });
    otherClinician = await accounts.signedIn({ role: 'clinician' });
  });
  after(() => team.close());

  const eventsOf = async (actorId: string): Promise<EventShape[]> =>
    (await accounts.prisma.auditEvent.findMany({ where: { actorId, resourceType: { not: 'session' } }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] })).map(
      ({ action, outcome, resourceType, resourceId, patientId, patientIds }) => ({ action, outcome, resourceType, resourceId, patientId, patientIds }),
    );
  const eventCount = () => accounts.prisma.auditEvent.count();

  let nextHour = 0;
  const slot = () => new Date(Date.UTC(2032, 2, 1, 8) + nextHour++ * 3_600_000);

  const newPatient = () => insertPatient(accounts.prisma, { firstName: 'Odile', lastName: 'Marrowgate', dateOfBirth: '1975-06-21', phone: '555-010-0900', emergencyContactName: 'Tam Marrowgate', emergencyContactPhone: '555-010-0901' });

  /** An appointment written straight into the database: it records nothing. */
  async function newAppointment(patientId: string, providerId: string, status: AppointmentStatus = 'scheduled'): Promise<string> {
    const { id } = await accounts.prisma.appointment.create({ data: { patientId, providerId, appointmentDate: slot(), appointmentType: 'follow_up', status } });
    return id;
  }

  describe('a scripted visit', () => {
    let patientId: string;
    let otherPatientId: string;
    let appointmentId: string;
    let vitalsId: string;

    before(async () => {
      const as = () => bearer(visitClinician.accessToken);
      patientId = await newPatient();
      otherPatientId = await newPatient();
      // On the clinician's schedule already: another visit of the same patient, and one of another patient.
      await newAppointment(patientId, visitClinician.id);
      await newAppointment(otherPatientId, visitClinician.id);

      const booked = await api
        .http()
        .post('/api/v1/appointments')
        .set(as())
        .send({ patientId, providerId: visitClinician.id, appointmentDate: slot().toISOString(), appointmentType: 'routine_checkup' })
        .expect(201);
      appointmentId = booked.body.id;
      const read = await api.http().get(`/api/v1/appointments/${appointmentId}`).set(as()).expect(200);
      const list = await api.http().get('/api/v1/appointments').query({ providerId: visitClinician.id }).set(as()).expect(200);
      assert.equal(list.body.data.length, 3);
      await api.http().patch(`/api/v1/appointments/${appointmentId}`).set(as()).set('If-Match', read.headers.etag!).send({ durationMinutes: 40 }).expect(200);
      await api.http().post(`/api/v1/appointments/${appointmentId}/check-in`).set(as()).expect(200);
      await api.http().post(`/api/v1/appointments/${appointmentId}/start`).set(as()).expect(200);
      const created = await api.http().put(`/api/v1/appointments/${appointmentId}/vitals`).set(as()).send(VITALS).expect(201);
      vitalsId = created.body.id;
      await api
        .http()
        .put(`/api/v1/appointments/${appointmentId}/vitals`)
        .set(as())
        .set('If-Match', created.headers.etag!)
        .send({ ...VITALS, heartRate: 74 })
        .expect(200);
      await api.http().get(`/api/v1/appointments/${appointmentId}/vitals`).set(as()).expect(200);
      const history = await api.http().get(`/api/v1/patients/${patientId}/vitals`).set(as()).expect(200);
      assert.equal(history.body.data.length, 1);
      await api.http().post(`/api/v1/appointments/${appointmentId}/complete`).set(as()).expect(200);
    });

    it('leaves exactly one event per request, changes as create/update, reads as read, the list as one search', async () => {
      const events = await eventsOf(visitClinician.id);
      const search = events[2]!;
      assert.deepEqual([...search.patientIds].sort(), [patientId, otherPatientId].sort(), 'the distinct patients on the page');
      const appointment = (action: string) => ({ action, outcome: 'success', resourceType: 'appointment', resourceId: appointmentId, patientId, patientIds: [] });
      const vitals = (action: string) => ({ action, outcome: 'success', resourceType: 'vital_signs', resourceId: vitalsId, patientId, patientIds: [] });
      assert.deepEqual(events, [
        appointment('create'),
        appointment('read'),
        { action: 'search', outcome: 'success', resourceType: 'appointment', resourceId: null, patientId: null, patientIds: search.patientIds },
        appointment('update'), // reschedule
        appointment('update'), // check-in
        appointment('update'), // start
        vitals('create'),
        vitals('update'),
        vitals('read'),
        { action: 'read', outcome: 'success', resourceType: 'vital_signs', resourceId: null, patientId, patientIds: [patientId] },
        appointment('update'), // complete
      ]);
    });

    it('holds no names, phones or reasons', async () => {
      const rows = await accounts.prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM "audit_events"');
      const text = JSON.stringify(rows);
      for (const value of ['Odile', 'Marrowgate', '555-010-0900', '555-010-0901', 'Tam']) assert.ok(!text.includes(value), `the trail holds ${value}`);
    });
  });

  describe('refusals record nothing', () => {
    const as = () => bearer(otherClinician.accessToken);

    it('a status move from the wrong status (409)', async () => {
      const id = await newAppointment(await newPatient(), otherClinician.id, 'completed');
      const before = await eventCount();
      await api.http().post(`/api/v1/appointments/${id}/check-in`).set(as()).expect(409);
      await api.http().post(`/api/v1/appointments/${id}/start`).set(as()).expect(409);
      await api.http().patch(`/api/v1/appointments/${id}`).set(as()).send({ durationMinutes: 45 }).expect(409);
      assert.equal(await eventCount(), before);
    });

    it('a reschedule with a stale If-Match (412)', async () => {
      const id = await newAppointment(await newPatient(), otherClinician.id);
      const read = await api.http().get(`/api/v1/appointments/${id}`).set(as()).expect(200);
      await api.http().patch(`/api/v1/appointments/${id}`).set(as()).send({ durationMinutes: 20 }).expect(200);
      const before = await eventCount();
      await api.http().patch(`/api/v1/appointments/${id}`).set(as()).set('If-Match', read.headers.etag!).send({ durationMinutes: 25 }).expect(412);
      assert.equal(await eventCount(), before);
    });

    it('a vital signs PUT with a stale If-Match (412), or for a cancelled visit (409)', async () => {
      const patientId = await newPatient();
      const id = await newAppointment(patientId, otherClinician.id, 'checked_in');
      const first = await api.http().put(`/api/v1/appointments/${id}/vitals`).set(as()).send(VITALS).expect(201);
      await api.http().put(`/api/v1/appointments/${id}/vitals`).set(as()).send({ ...VITALS, heartRate: 90 }).expect(200);
      const cancelled = await newAppointment(patientId, otherClinician.id, 'cancelled');
      const before = await eventCount();
      await api.http().put(`/api/v1/appointments/${id}/vitals`).set(as()).set('If-Match', first.headers.etag!).send(VITALS).expect(412);
      await api.http().put(`/api/v1/appointments/${cancelled}/vitals`).set(as()).send(VITALS).expect(409);
      assert.equal(await eventCount(), before);
    });

    it('a lost race in the repository (the appointment already moved)', async () => {
      const id = await newAppointment(await newPatient(), otherClinician.id, 'in_progress');
      const before = await eventCount();
      assert.equal(await api.app.get(AppointmentsRepository).moveStatus(id, ['scheduled'], 'checked_in'), null);
      assert.equal(await eventCount(), before);
    });
  });

  describe('unknown ids', () => {
    it('leave a failed event of the attempted action, naming the id', async () => {
      const caller = await accounts.signedIn({ role: 'clinician' });
      const as = () => bearer(caller.accessToken);
      const missing = randomUUID();
      const missingPatient = randomUUID();
      const patientId = await newPatient();
      const withoutVitals = await newAppointment(patientId, caller.id, 'checked_in');
      await api.http().get(`/api/v1/appointments/${missing}`).set(as()).expect(404);
      await api.http().patch(`/api/v1/appointments/${missing}`).set(as()).send({ durationMinutes: 45 }).expect(404);
      await api.http().post(`/api/v1/appointments/${missing}/cancel`).set(as()).expect(404);
      await api.http().get(`/api/v1/appointments/${missing}/vitals`).set(as()).expect(404);
      await api.http().put(`/api/v1/appointments/${missing}/vitals`).set(as()).send(VITALS).expect(404);
      await api.http().get(`/api/v1/appointments/${withoutVitals}/vitals`).set(as()).expect(404);
      await api.http().get(`/api/v1/patients/${missingPatient}/vitals`).set(as()).expect(404);
      const failedAppointment = (action: string) => ({ action, outcome: 'failed', resourceType: 'appointment', resourceId: missing, patientId: null, patientIds: [] });
      assert.deepEqual(await eventsOf(caller.id), [
        failedAppointment('read'),
        failedAppointment('update'),
        failedAppointment('update'),
        failedAppointment('read'),
        failedAppointment('create'),
        { action: 'read', outcome: 'failed', resourceType: 'vital_signs', resourceId: null, patientId, patientIds: [] },
        { action: 'read', outcome: 'failed', resourceType: 'vital_signs', resourceId: null, patientId: missingPatient, patientIds: [] },
      ]);
    });
  });

  describe('when the trail cannot be written', () => {
    it('rolls back the booking, the move and the vital signs with their events (500)', async () => {
      const as = () => bearer(otherClinician.accessToken);
      const patientId = await newPatient();
      const id = await newAppointment(patientId, otherClinician.id);
      const appointments = await accounts.prisma.appointment.count();
      const before = await eventCount();
      // Only this suite's own database: every insert into the trail fails while the trigger exists.
      await accounts.prisma.$executeRawUnsafe(`CREATE FUNCTION "test_refuse_audit"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'trail unavailable'; END; $$`);
      await accounts.prisma.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_audit" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "test_refuse_audit"()`);
      try {
        await api
          .http()
          .post('/api/v1/appointments')
          .set(as())
          .send({ patientId, providerId: otherClinician.id, appointmentDate: slot().toISOString(), appointmentType: 'follow_up' })
          .expect(500);
        await api.http().post(`/api/v1/appointments/${id}/check-in`).set(as()).expect(500);
        await api.http().put(`/api/v1/appointments/${id}/vitals`).set(as()).send(VITALS).expect(500);
        await api.http().get(`/api/v1/appointments/${id}`).set(as()).expect(500);
      } finally {
        await accounts.prisma.$executeRawUnsafe('DROP TRIGGER "test_refuse_audit" ON "audit_events"');
        await accounts.prisma.$executeRawUnsafe('DROP FUNCTION "test_refuse_audit"()');
      }
      assert.equal(await accounts.prisma.appointment.count(), appointments);
      assert.equal((await accounts.prisma.appointment.findUniqueOrThrow({ where: { id } })).status, 'scheduled');
      assert.equal(await accounts.prisma.vitalSigns.count({ where: { appointmentId: id } }), 0);
      assert.equal(await eventCount(), before);
    });
  });
});

// Vital signs: one set per appointment (PUT creates or replaces), every value within its
// physiological range, bmi computed by the server only; a patient's history for trends.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AppointmentStatus } from '@clinic/db';
import { AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { insertPatient } from './support/visits.js';

type Json = Record<string, unknown>;

const FULL_SET = {
  bloodPressureSystolic: 128,
  bloodPressureDiastolic: 82,
  heartRate: 72,
  temperature: 36.8,
  respiratoryRate: 16,
  oxygenSaturation: 98,
  weight: 72.5,
  height: 175,
  painLevel: 2,
};

describe('vital signs', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  let admin: SignedInProvider;
  let clinician: SignedInProvider;
  let staff: SignedInProvider;
  before(async () => {
    api = await startTestApp();
    accounts = new AuthFixture(api);
    admin = await accounts.signedIn({ role: 'admin' });
    clinician = await accounts.signedIn({ role: 'clinician' });
    staff = await accounts.signedIn({ role: 'staff' });
  });
  after(async () => {
    await accounts.close();
    await api.close();
  });

  const asClinician = () => bearer(clinician.accessToken);
  const asStaff = () => bearer(staff.accessToken);
  const asAdmin = () => bearer(admin.accessToken);
  const vitalsCount = () => accounts.prisma.vitalSigns.count();

  let nextHour = 0;
  const newPatient = () => insertPatient(accounts.prisma, { firstName: 'Vera', lastName: 'Puls', dateOfBirth: '1968-09-03', phone: '555-010-0800', emergencyContactName: 'Ida Puls', emergencyContactPhone: '555-010-0801' });

  async function newAppointment(status: AppointmentStatus = 'checked_in', patientId?: string): Promise<string> {
    const { id } = await accounts.prisma.appointment.create({
      data: {
        patientId: patientId ?? (await newPatient()),
        providerId: clinician.id,
        appointmentDate: new Date(Date.UTC(2031, 0, 1, 8) + nextHour++ * 3_600_000),
        appointmentType: 'routine_checkup',
        status,
      },
    });
    return id;
  }

  const put = (appointmentId: string, body: Json, auth = asStaff()) => api.http().put(`/api/v1/appointments/${appointmentId}/vitals`).set(auth).send(body);

  describe('PUT /api/v1/appointments/:id/vitals', () => {
    it('records a set (201), computes bmi, returns decimals as numbers, then replaces it whole (200)', async () => {
      const appointmentId = await newAppointment();
      const created = await put(appointmentId, FULL_SET).expect(201);
      assert.deepEqual({ ...created.body, id: undefined, recordedAt: undefined }, { ...FULL_SET, id: undefined, appointmentId, bmi: 23.7, recordedAt: undefined });
      assert.equal(typeof created.body.temperature, 'number');
      assert.match(created.body.recordedAt, /^\d{4}-\d{2}-\d{2}T.*Z$/);
      assert.ok(Math.abs(Date.parse(created.body.recordedAt) - Date.now()) < 60_000, 'recordedAt is now, in UTC');
      assert.match(created.headers.etag ?? '', /^".+"$/);

      const replaced = await put(appointmentId, { heartRate: 88, weight: 0.3, height: 20 }, asClinician()).expect(200);
      assert.equal(replaced.body.id, created.body.id);
      assert.equal(replaced.body.heartRate, 88);
      assert.equal(replaced.body.bloodPressureSystolic, null, 'a replaced set keeps nothing of the old one');
      assert.equal(replaced.body.bmi, 7.5);
      assert.equal(await accounts.prisma.vitalSigns.count({ where: { appointmentId } }), 1);

      const noBmi = await put(appointmentId, { weight: 80 }).expect(200);
      assert.equal(noBmi.body.bmi, null, 'no bmi without a height');
    });

    it('accepts every range boundary', async () => {
      const appointmentId = await newAppointment();
      const low = { bloodPressureSystolic: 50, bloodPressureDiastolic: 20, heartRate: 20, temperature: 30, respiratoryRate: 4, oxygenSaturation: 50, weight: 0.3, painLevel: 0 };
      const high = { bloodPressureSystolic: 260, bloodPressureDiastolic: 180, heartRate: 250, temperature: 45, respiratoryRate: 80, oxygenSaturation: 100, weight: 500, height: 272, painLevel: 10 };
      await put(appointmentId, low).expect(201);
      const response = await put(appointmentId, high).expect(200);
      assert.equal(response.body.bmi, 67.6);
    });

    it('refuses out-of-range values, wrong types, unknown fields and a client bmi (400), writing nothing', async () => {
      const appointmentId = await newAppointment();
      const before = await vitalsCount();
      const invalid: [Json, string][] = [
        [{ bmi: 23.7 }, 'bmi'],
        [{ ...FULL_SET, bmi: 23.7 }, 'bmi'],
        [{ ...FULL_SET, glucose: 5 }, 'glucose'],
        [{ ...FULL_SET, heartRate: '72' }, 'heartRate'],
        [{ ...FULL_SET, heartRate: 72.5 }, 'heartRate'],
        [{ ...FULL_SET, bloodPressureSystolic: 49 }, 'bloodPressureSystolic'],
        [{ ...FULL_SET, bloodPressureSystolic: 261 }, 'bloodPressureSystolic'],
        [{ ...FULL_SET, bloodPressureDiastolic: 19 }, 'bloodPressureDiastolic'],
        [{ bloodPressureSystolic: 250, bloodPressureDiastolic: 181 }, 'bloodPressureDiastolic'],
        [{ ...FULL_SET, bloodPressureDiastolic: 128 }, 'bloodPressureDiastolic'],
        [{ ...FULL_SET, bloodPressureDiastolic: 140 }, 'bloodPressureDiastolic'],
        [{ bloodPressureSystolic: 120 }, 'bloodPressureSystolic'],
        [{ bloodPressureDiastolic: 80 }, 'bloodPressureDiastolic'],
        [{ ...FULL_SET, heartRate: 19 }, 'heartRate'],
        [{ ...FULL_SET, heartRate: 251 }, 'heartRate'],
        [{ ...FULL_SET, temperature: 29.9 }, 'temperature'],
        [{ ...FULL_SET, temperature: 98.6 }, 'temperature'],
        [{ ...FULL_SET, temperature: 36.85 }, 'temperature'],
        [{ ...FULL_SET, respiratoryRate: 3 }, 'respiratoryRate'],
        [{ ...FULL_SET, respiratoryRate: 81 }, 'respiratoryRate'],
        [{ ...FULL_SET, oxygenSaturation: 49 }, 'oxygenSaturation'],
        [{ ...FULL_SET, oxygenSaturation: 101 }, 'oxygenSaturation'],
        [{ ...FULL_SET, weight: 0.2 }, 'weight'],
        [{ ...FULL_SET, weight: 501 }, 'weight'],
        [{ ...FULL_SET, weight: 72.555 }, 'weight'],
        [{ ...FULL_SET, height: 19 }, 'height'],
        [{ ...FULL_SET, height: 273 }, 'height'],
        [{ ...FULL_SET, painLevel: -1 }, 'painLevel'],
        [{ ...FULL_SET, painLevel: 11 }, 'painLevel'],
        [{ ...FULL_SET, painLevel: 'none' }, 'painLevel'],
      ];
      for (const [body, field] of invalid) {
        const response = await put(appointmentId, body).expect(400);
        assert.ok(response.body.errors?.some((error: { field: string }) => error.field === field), `${field}: ${JSON.stringify(response.body)}`);
      }
      const empty = await put(appointmentId, {}).expect(400);
      assert.match(empty.body.message, /at least one measurement/);
      const allNull = await put(appointmentId, { heartRate: null }).expect(400);
      assert.match(allNull.body.message, /at least one measurement/);
      const implausible = await put(appointmentId, { weight: 500, height: 20 }).expect(400);
      assert.match(implausible.body.message, /BMI of 12500.*check the units/);
      assert.equal(await vitalsCount(), before);
    });

    it('refuses a cancelled or no-show appointment (409), and honours If-Match (412)', async () => {
      for (const status of ['cancelled', 'no_show'] as const) {
        const response = await put(await newAppointment(status), FULL_SET).expect(409);
        assert.match(response.body.message, /Cannot record vital signs/);
      }
      const appointmentId = await newAppointment();
      await put(appointmentId, FULL_SET).set('If-Match', '"nothing-yet"').expect(412);
      const first = await put(appointmentId, FULL_SET).expect(201);
      await put(appointmentId, { ...FULL_SET, heartRate: 90 }).set('If-Match', first.headers.etag!).expect(200);
      await put(appointmentId, { ...FULL_SET, heartRate: 60 }).set('If-Match', first.headers.etag!).expect(412);
      const current = await api.http().get(`/api/v1/appointments/${appointmentId}/vitals`).set(asStaff()).expect(200);
      assert.equal(current.body.heartRate, 90);
    });

    it('answers 404 for an absent appointment, 400 for a malformed id, 403 for admins, 401 without a token', async () => {
      const before = await vitalsCount();
      await put(randomUUID(), FULL_SET).expect(404);
      await put('not-a-uuid', FULL_SET).expect(400);
      const appointmentId = await newAppointment();
      await put(appointmentId, FULL_SET, asAdmin()).expect(403);
      await api.http().put(`/api/v1/appointments/${appointmentId}/vitals`).send(FULL_SET).expect(401);
      assert.equal(await vitalsCount(), before);
    });
  });

  describe('GET /api/v1/appointments/:id/vitals', () => {
    it('returns the set with an ETag to every role', async () => {
      const appointmentId = await newAppointment();
      const recorded = await put(appointmentId, FULL_SET).expect(201);
      for (const auth of [asStaff(), asClinician(), asAdmin()]) {
        const response = await api.http().get(`/api/v1/appointments/${appointmentId}/vitals`).set(auth).expect(200);
        assert.deepEqual(response.body, recorded.body);
        assert.equal(response.headers.etag, recorded.headers.etag);
      }
    });

    it('answers 404 without a set or an appointment, 400 for a malformed id, 401 without a token', async () => {
      const none = await api.http().get(`/api/v1/appointments/${await newAppointment()}/vitals`).set(asStaff()).expect(404);
      assert.match(none.body.message, /No vital signs/);
      const absent = await api.http().get(`/api/v1/appointments/${randomUUID()}/vitals`).set(asStaff()).expect(404);
      assert.equal(absent.body.message, 'Appointment not found');
      await api.http().get('/api/v1/appointments/42/vitals').set(asStaff()).expect(400);
      await api.http().get(`/api/v1/appointments/${randomUUID()}/vitals`).expect(401);
    });
  });

  describe('GET /api/v1/patients/:patientId/vitals', () => {
    it("pages through the patient's sets newest first, and only that patient's, for every role", async () => {
      const patientId = await newPatient();
      const recorded: string[] = [];
      for (const heartRate of [60, 65, 70, 75, 80]) {
        recorded.push((await put(await newAppointment('checked_in', patientId), { heartRate }).expect(201)).body.id);
      }
      await put(await newAppointment(), { heartRate: 99 }).expect(201); // another patient's
      for (const auth of [asStaff(), asClinician(), asAdmin()]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const response: { body: { data: { id: string }[]; nextCursor: string | null } } = await api
            .http()
            .get(`/api/v1/patients/${patientId}/vitals?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
            .set(auth)
            .expect(200);
          seen.push(...response.body.data.map((row) => row.id));
          cursor = response.body.nextCursor;
        } while (cursor);
        assert.deepEqual(seen, [...recorded].reverse());
      }
      const replaced = await put(await newAppointment('checked_in', patientId), { heartRate: 50 }).expect(201);
      const first = await api.http().get(`/api/v1/patients/${patientId}/vitals?limit=1`).set(asStaff()).expect(200);
      assert.equal(first.body.data[0].id, replaced.body.id);
    });

    it('answers 404 for an absent patient, 400 for a malformed id, limit or cursor, 401 without a token', async () => {
      await api.http().get(`/api/v1/patients/${randomUUID()}/vitals`).set(asStaff()).expect(404);
      const malformed = await api.http().get('/api/v1/patients/nope/vitals').set(asStaff()).expect(400);
      assert.equal(malformed.body.errors[0].field, 'patientId');
      const patientId = await newPatient();
      await api.http().get(`/api/v1/patients/${patientId}/vitals?limit=0`).set(asStaff()).expect(400);
      await api.http().get(`/api/v1/patients/${patientId}/vitals?cursor=WyJ4IiwieSJd`).set(asStaff()).expect(400);
      await api.http().get(`/api/v1/patients/${patientId}/vitals`).expect(401);
    });
  });
});

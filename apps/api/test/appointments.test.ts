// Appointments: booking, the schedule's reads, moving a scheduled visit, and the status moves.
// The database itself refuses two overlapping active appointments of one provider; the status
// moves are conditional updates, so concurrent clients get one 200 and 409s.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AppointmentStatus } from '@clinic/db';
import { AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { insertPatient } from './support/visits.js';

type Json = Record<string, unknown>;

const STATUSES: AppointmentStatus[] = ['scheduled', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show'];
const ACTIONS = ['check-in', 'start', 'complete', 'cancel', 'no-show'] as const;
/** The contract's table: action → [statuses it starts from, status it ends in]. */
const MOVES: Record<(typeof ACTIONS)[number], [AppointmentStatus[], AppointmentStatus]> = {
  'check-in': [['scheduled'], 'checked_in'],
  start: [['checked_in'], 'in_progress'],
  complete: [['in_progress'], 'completed'],
  cancel: [['scheduled', 'checked_in'], 'cancelled'],
  'no-show': [['scheduled'], 'no_show'],
};

describe('appointments', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  let admin: SignedInProvider;
  let clinician: SignedInProvider;
  let staff: SignedInProvider;
  let patientId: string;
  before(async () => {
    api = await startTestApp();
    accounts = new AuthFixture(api);
    admin = await accounts.signedIn({ role: 'admin' });
    clinician = await accounts.signedIn({ role: 'clinician' });
    staff = await accounts.signedIn({ role: 'staff' });
    patientId = await newPatient();
  });
  after(async () => {
    await accounts.close();
    await api.close();
  });

  const asClinician = () => bearer(clinician.accessToken);
  const asStaff = () => bearer(staff.accessToken);
  const asAdmin = () => bearer(admin.accessToken);
  const appointmentCount = () => accounts.prisma.appointment.count();

  // Every call gets its own hour, far in the future, so tests never collide by accident.
  let nextHour = 0;
  const slot = () => new Date(Date.UTC(2031, 0, 1, 8) + nextHour++ * 3_600_000);

  const newPatient = (archived = false) => insertPatient(accounts.prisma, { firstName: 'Rosa', lastName: 'Termin', dateOfBirth: '1975-02-11', phone: '555-010-0700', emergencyContactName: 'Karl Termin', emergencyContactPhone: '555-010-0701', archived });

  async function newClinician(): Promise<string> {
    return (await accounts.createProvider({ role: 'clinician' })).id;
  }

  /** An appointment written straight into the database, in any status. */
  async function seedAppointment(status: AppointmentStatus = 'scheduled', providerId?: string): Promise<string> {
    const { id } = await accounts.prisma.appointment.create({
      data: { patientId, providerId: providerId ?? (await newClinician()), appointmentDate: slot(), appointmentType: 'follow_up', status },
    });
    return id;
  }

  function booking(body: Json = {}): Json {
    return { patientId, providerId: clinician.id, appointmentDate: slot().toISOString(), appointmentType: 'follow_up', ...body };
  }

  async function book(body: Json = {}) {
    const response = await api.http().post('/api/v1/appointments').set(asStaff()).send(booking(body)).expect(201);
    return response.body as Json & { id: string };
  }

  describe('POST /api/v1/appointments', () => {
    it('books for staff and clinicians, with defaults and an ETag', async () => {
      const at = slot();
      const response = await api
        .http()
        .post('/api/v1/appointments')
        .set(asStaff())
        .send({ patientId, providerId: clinician.id, appointmentDate: at.toISOString(), appointmentType: 'new_patient', reasonForVisit: ' First visit ' })
        .expect(201);
      assert.deepEqual(
        { ...response.body, id: undefined, createdAt: undefined, updatedAt: undefined },
        {
          id: undefined,
          patientId,
          providerId: clinician.id,
          appointmentDate: at.toISOString(),
          appointmentType: 'new_patient',
          reasonForVisit: 'First visit',
          durationMinutes: 30,
          status: 'scheduled',
          createdAt: undefined,
          updatedAt: undefined,
        },
      );
      assert.match(response.headers.etag ?? '', /^".+"$/);

      // An offset is honoured: 10:30+02:00 is 08:30Z.
      const offset = await api
        .http()
        .post('/api/v1/appointments')
        .set(asClinician())
        .send(booking({ appointmentDate: '2031-06-01T10:30:00+02:00', durationMinutes: 45, providerId: admin.id }))
        .expect(201);
      assert.equal(offset.body.appointmentDate, '2031-06-01T08:30:00.000Z');
      assert.equal(offset.body.durationMinutes, 45);
      assert.equal(offset.body.reasonForVisit, null);
    });

    it('is refused to admins (403) and without a token (401), writing nothing', async () => {
      const before = await appointmentCount();
      await api.http().post('/api/v1/appointments').set(asAdmin()).send(booking()).expect(403);
      await api.http().post('/api/v1/appointments').send(booking()).expect(401);
      assert.equal(await appointmentCount(), before);
    });

    it('refuses invalid bookings with the field named, writing nothing', async () => {
      const before = await appointmentCount();
      const invalid: [Json, string][] = [
        [{ status: 'completed' }, 'status'],
        [{ bmi: 1 }, 'bmi'],
        [{ patientId: 'not-a-uuid' }, 'patientId'],
        [{ providerId: 42 }, 'providerId'],
        [{ appointmentDate: '2031-13-01T10:00:00Z' }, 'appointmentDate'],
        [{ appointmentDate: '2031-02-30T10:00:00Z' }, 'appointmentDate'],
        [{ appointmentDate: '2031-03-01T10:00:00' }, 'appointmentDate'],
        [{ appointmentDate: 'tomorrow' }, 'appointmentDate'],
        [{ appointmentDate: 1_900_000_000_000 }, 'appointmentDate'],
        [{ appointmentType: 'surgery' }, 'appointmentType'],
        [{ appointmentType: undefined }, 'appointmentType'],
        [{ durationMinutes: 4 }, 'durationMinutes'],
        [{ durationMinutes: 481 }, 'durationMinutes'],
        [{ durationMinutes: 30.5 }, 'durationMinutes'],
        [{ durationMinutes: '30' }, 'durationMinutes'],
        [{ reasonForVisit: '  ' }, 'reasonForVisit'],
        [{ reasonForVisit: 'x'.repeat(256) }, 'reasonForVisit'],
      ];
      for (const [body, field] of invalid) {
        const response = await api.http().post('/api/v1/appointments').set(asStaff()).send(booking(body)).expect(400);
        assert.ok(response.body.errors.some((error: { field: string }) => error.field === field), `${field}: ${JSON.stringify(response.body)}`);
      }
      assert.equal(await appointmentCount(), before);
    });

    it('answers 404 for an unknown patient or provider, 400 for a staff or deactivated provider, 409 for an archived patient', async () => {
      const before = await appointmentCount();
      const unknownPatientId = randomUUID();
      const noPatient = await api.http().post('/api/v1/appointments').set(asStaff()).send(booking({ patientId: unknownPatientId })).expect(404);
      assert.equal(noPatient.body.message, 'Patient not found');
      const noProvider = await api.http().post('/api/v1/appointments').set(asStaff()).send(booking({ providerId: randomUUID() })).expect(404);
      assert.equal(noProvider.body.message, 'Provider not found');
      // Both attempts are failed creations in the trail, under the patient named.
      const failed = await accounts.prisma.auditEvent.findMany({ where: { actorId: staff.id, action: 'create', resourceType: 'appointment', outcome: 'failed' } });
      assert.ok(failed.some((event) => event.patientId === unknownPatientId), JSON.stringify(failed));
      assert.ok(failed.some((event) => event.patientId === patientId), JSON.stringify(failed));
      const staffProvider = await api.http().post('/api/v1/appointments').set(asStaff()).send(booking({ providerId: staff.id })).expect(400);
      assert.match(staffProvider.body.message, /staff/);
      const inactive = await accounts.createProvider({ role: 'clinician', isActive: false });
      const deactivated = await api.http().post('/api/v1/appointments').set(asStaff()).send(booking({ providerId: inactive.id })).expect(400);
      assert.match(deactivated.body.message, /deactivated/);
      const archived = await api.http().post('/api/v1/appointments').set(asStaff()).send(booking({ patientId: await newPatient(true) })).expect(409);
      assert.match(archived.body.message, /archived/);
      assert.equal(await appointmentCount(), before);
    });
  });

  describe('one provider, one patient at a time', () => {
    it('refuses an overlapping active booking (409) but takes back-to-back ones, other providers, and freed slots', async () => {
      const providerId = await newClinician();
      const at = slot();
      const minutes = (n: number) => new Date(at.getTime() + n * 60_000).toISOString();
      const first = await book({ providerId, appointmentDate: at.toISOString(), durationMinutes: 30 });
      const overlap = await api.http().post('/api/v1/appointments').set(asStaff()).send(booking({ providerId, appointmentDate: minutes(15) })).expect(409);
      assert.match(overlap.body.message, /already has an active appointment that overlaps/);
      await api.http().post('/api/v1/appointments').set(asStaff()).send(booking({ providerId, appointmentDate: minutes(-20), durationMinutes: 25 })).expect(409);
      await book({ providerId, appointmentDate: minutes(30) }); // starts when the first ends
      await book({ providerId, appointmentDate: minutes(-10), durationMinutes: 10 }); // ends when the first starts
      await book({ providerId: await newClinician(), appointmentDate: at.toISOString() });

      await api.http().post(`/api/v1/appointments/${first.id}/cancel`).set(asStaff()).expect(200);
      await book({ providerId, appointmentDate: at.toISOString() });
    });

    it('lets exactly one of two racing bookings for the same slot through', async () => {
      const providerId = await newClinician();
      const body = booking({ providerId });
      const before = await appointmentCount();
      const answers = await Promise.all([0, 1].map(() => api.http().post('/api/v1/appointments').set(asStaff()).send(body)));
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 409]);
      assert.equal(await appointmentCount(), before + 1);
    });

    it('is enforced by the database itself: a direct INSERT of an overlapping active appointment fails', async () => {
      const providerId = await newClinician();
      const at = slot();
      await accounts.prisma.appointment.create({ data: { patientId, providerId, appointmentDate: at, appointmentType: 'follow_up', durationMinutes: 60 } });
      const insert = (status: AppointmentStatus) =>
        accounts.prisma.$executeRaw`INSERT INTO "appointments" ("patientId", "providerId", "appointmentDate", "appointmentType", "status", "updatedAt")
          VALUES (${patientId}::uuid, ${providerId}::uuid, ${new Date(at.getTime() + 30 * 60_000)}, 'sick_visit', ${status}::"AppointmentStatus", now())`;
      await assert.rejects(insert('scheduled'), /23P01|appointments_provider_no_overlap/);
      await assert.rejects(insert('in_progress'), /23P01|appointments_provider_no_overlap/);
      // Cancelled and no-show appointments hold no slot.
      assert.equal(await insert('cancelled'), 1);
      assert.equal(await insert('no_show'), 1);
    });
  });

  describe('GET /api/v1/appointments', () => {
    it('filters by provider, patient, time window and status, for every role', async () => {
      const providerId = await newClinician();
      const otherPatient = await newPatient();
      const a = await book({ providerId, appointmentDate: '2032-03-01T09:00:00Z' });
      const b = await book({ providerId, appointmentDate: '2032-03-01T10:00:00Z', patientId: otherPatient });
      const c = await book({ providerId, appointmentDate: '2032-03-02T09:00:00Z' });
      await api.http().post(`/api/v1/appointments/${c.id}/check-in`).set(asStaff()).expect(200);
      await book({ appointmentDate: '2032-03-01T09:00:00Z', providerId: await newClinician() });

      const ids = async (query: string, auth = asStaff()) =>
        ((await api.http().get(`/api/v1/appointments?${query}`).set(auth).expect(200)).body.data as { id: string }[]).map((row) => row.id);
      for (const auth of [asStaff(), asClinician(), asAdmin()]) assert.deepEqual(await ids(`providerId=${providerId}`, auth), [a.id, b.id, c.id]);
      assert.deepEqual(await ids(`providerId=${providerId}&patientId=${otherPatient}`), [b.id]);
      assert.deepEqual(await ids(`providerId=${providerId}&from=2032-03-01T09:30:00Z&to=2032-03-02T09:00:00Z`), [b.id]);
      assert.deepEqual(await ids(`providerId=${providerId}&from=2032-03-01T10:00:00%2B01:00`), [a.id, b.id, c.id]);
      assert.deepEqual(await ids(`providerId=${providerId}&status=checked_in`), [c.id]);
      assert.deepEqual(await ids(`patientId=${otherPatient}`), [b.id]);
    });

    it('pages through every appointment exactly once, by appointmentDate then id', async () => {
      const providerId = await newClinician();
      const booked: string[] = [];
      for (const hour of [12, 9, 15, 10, 11]) booked.push((await book({ providerId, appointmentDate: `2033-01-01T${String(hour).padStart(2, "0")}:00:00Z` })).id);
      const expected = [booked[1], booked[3], booked[4], booked[0], booked[2]];
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: { data: { id: string }[]; nextCursor: string | null } } = await api
          .http()
          .get(`/api/v1/appointments?providerId=${providerId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(asClinician())
          .expect(200);
        assert.ok(response.body.data.length <= 2);
        seen.push(...response.body.data.map((row) => row.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, expected);
    });

    it('refuses malformed filters, limits and cursors (400) and anonymous callers (401)', async () => {
      for (const query of ['providerId=nope', 'patientId=1', 'from=2032-13-01T00:00:00Z', 'to=yesterday', 'status=done', 'limit=0', 'limit=201', 'cursor=***', 'cursor=eyJhIjoxfQ', 'color=red']) {
        await api.http().get(`/api/v1/appointments?${query}`).set(asStaff()).expect(400);
      }
      await api.http().get('/api/v1/appointments').expect(401);
    });
  });

  describe('GET /api/v1/appointments/:id', () => {
    it('returns the appointment with an ETag to every role', async () => {
      const booked = await book();
      for (const auth of [asStaff(), asClinician(), asAdmin()]) {
        const response = await api.http().get(`/api/v1/appointments/${booked.id}`).set(auth).expect(200);
        assert.deepEqual(response.body, booked);
        assert.match(response.headers.etag ?? '', /^".+"$/);
      }
    });

    it('answers 404 for an absent appointment, 400 for a malformed id, 401 without a token', async () => {
      const absent = await api.http().get(`/api/v1/appointments/${randomUUID()}`).set(asStaff()).expect(404);
      assert.equal(absent.body.message, 'Appointment not found');
      const malformed = await api.http().get('/api/v1/appointments/not-a-uuid').set(asStaff()).expect(400);
      assert.equal(malformed.body.errors[0].field, 'id');
      await api.http().get(`/api/v1/appointments/${randomUUID()}`).expect(401);
    });
  });

  describe('PATCH /api/v1/appointments/:id', () => {
    it('moves the time, length and type of a scheduled appointment, honouring If-Match', async () => {
      const booked = await book();
      const { headers } = await api.http().get(`/api/v1/appointments/${booked.id}`).set(asStaff()).expect(200);
      const to = slot().toISOString();
      const moved = await api
        .http()
        .patch(`/api/v1/appointments/${booked.id}`)
        .set(asStaff())
        .set('If-Match', headers.etag!)
        .send({ appointmentDate: to, durationMinutes: 60, appointmentType: 'sick_visit' })
        .expect(200);
      assert.equal(moved.body.appointmentDate, to);
      assert.equal(moved.body.durationMinutes, 60);
      assert.equal(moved.body.appointmentType, 'sick_visit');
      assert.equal(moved.body.reasonForVisit, booked.reasonForVisit);
      assert.notEqual(moved.headers.etag, headers.etag);

      // The first ETag is stale now.
      const stale = await api.http().patch(`/api/v1/appointments/${booked.id}`).set(asClinician()).set('If-Match', headers.etag!).send({ durationMinutes: 20 }).expect(412);
      assert.equal(stale.body.statusCode, 412);
      const unchanged = await api.http().get(`/api/v1/appointments/${booked.id}`).set(asStaff()).expect(200);
      assert.equal(unchanged.body.durationMinutes, 60);
    });

    it('refuses other fields and invalid values (400), changing nothing', async () => {
      const booked = await book();
      for (const [body, field] of [
        [{ status: 'cancelled' }, 'status'],
        [{ patientId: randomUUID() }, 'patientId'],
        [{ providerId: randomUUID() }, 'providerId'],
        [{ reasonForVisit: 'other' }, 'reasonForVisit'],
        [{ appointmentDate: '2031-01-01' }, 'appointmentDate'],
        [{ appointmentDate: null }, 'appointmentDate'],
        [{ durationMinutes: 500 }, 'durationMinutes'],
        [{ appointmentType: 'x' }, 'appointmentType'],
      ] as [Json, string][]) {
        const response = await api.http().patch(`/api/v1/appointments/${booked.id}`).set(asStaff()).send(body).expect(400);
        assert.ok(response.body.errors.some((error: { field: string }) => error.field === field), `${field}: ${JSON.stringify(response.body)}`);
      }
      const after = await api.http().get(`/api/v1/appointments/${booked.id}`).set(asStaff()).expect(200);
      assert.deepEqual(after.body, booked);
    });

    it('answers 409 once the appointment is not scheduled, or when the new time overlaps', async () => {
      for (const status of STATUSES.filter((one) => one !== 'scheduled')) {
        const id = await seedAppointment(status);
        const response = await api.http().patch(`/api/v1/appointments/${id}`).set(asStaff()).send({ durationMinutes: 45 }).expect(409);
        assert.match(response.body.message, /Only a scheduled appointment can be changed/);
      }
      const providerId = await newClinician();
      const first = await book({ providerId });
      const second = await book({ providerId });
      const clash = await api.http().patch(`/api/v1/appointments/${second.id}`).set(asStaff()).send({ appointmentDate: first.appointmentDate }).expect(409);
      assert.match(clash.body.message, /overlaps/);
    });

    it('answers 404, 400 for a malformed id, 403 for admins, 401 without a token', async () => {
      const booked = await book();
      await api.http().patch(`/api/v1/appointments/${randomUUID()}`).set(asStaff()).send({ durationMinutes: 45 }).expect(404);
      await api.http().patch('/api/v1/appointments/123').set(asStaff()).send({ durationMinutes: 45 }).expect(400);
      await api.http().patch(`/api/v1/appointments/${booked.id}`).set(asAdmin()).send({ durationMinutes: 45 }).expect(403);
      await api.http().patch(`/api/v1/appointments/${booked.id}`).send({ durationMinutes: 45 }).expect(401);
      const after = await api.http().get(`/api/v1/appointments/${booked.id}`).set(asStaff()).expect(200);
      assert.equal(after.body.durationMinutes, 30);
    });
  });

  describe('status moves', () => {
    for (const action of ACTIONS) {
      for (const from of STATUSES) {
        const [sources, target] = MOVES[action];
        const allowed = sources.includes(from);
        it(`${action} from ${from}: ${allowed ? `200, now ${target}` : '409, unchanged'}`, async () => {
          const id = await seedAppointment(from);
          const response = await api.http().post(`/api/v1/appointments/${id}/${action}`).set(asClinician());
          const stored = await accounts.prisma.appointment.findUniqueOrThrow({ where: { id } });
          if (allowed) {
            assert.equal(response.status, 200, JSON.stringify(response.body));
            assert.equal(response.body.status, target);
            assert.equal(stored.status, target);
          } else {
            assert.equal(response.status, 409, JSON.stringify(response.body));
            assert.match(response.body.message, new RegExp(`that is ${from.replace('_', ' ')}$`));
            assert.equal(stored.status, from);
          }
        });
      }
    }

    it('walks a visit from booking to completion', async () => {
      const { id } = await book();
      for (const [action, status, auth] of [
        ['check-in', 'checked_in', asStaff()],
        ['start', 'in_progress', asClinician()],
        ['complete', 'completed', asClinician()],
      ] as const) {
        const response = await api.http().post(`/api/v1/appointments/${id}/${action}`).set(auth).expect(200);
        assert.equal(response.body.status, status);
        assert.match(response.headers.etag ?? '', /^".+"$/);
      }
    });

    it('lets staff check in, cancel and mark no-shows, but not start or complete; admins none (403)', async () => {
      for (const action of ['check-in', 'cancel', 'no-show']) {
        await api.http().post(`/api/v1/appointments/${await seedAppointment('scheduled')}/${action}`).set(asStaff()).expect(200);
      }
      const checkedIn = await seedAppointment('checked_in');
      await api.http().post(`/api/v1/appointments/${checkedIn}/start`).set(asStaff()).expect(403);
      const inProgress = await seedAppointment('in_progress');
      await api.http().post(`/api/v1/appointments/${inProgress}/complete`).set(asStaff()).expect(403);
      const scheduled = await seedAppointment('scheduled');
      for (const action of ACTIONS) await api.http().post(`/api/v1/appointments/${scheduled}/${action}`).set(asAdmin()).expect(403);
      assert.equal((await accounts.prisma.appointment.findUniqueOrThrow({ where: { id: checkedIn } })).status, 'checked_in');
      assert.equal((await accounts.prisma.appointment.findUniqueOrThrow({ where: { id: inProgress } })).status, 'in_progress');
      assert.equal((await accounts.prisma.appointment.findUniqueOrThrow({ where: { id: scheduled } })).status, 'scheduled');
    });

    it('answers 404 for an absent appointment, 400 for a malformed id, 401 without a token', async () => {
      for (const action of ACTIONS) {
        await api.http().post(`/api/v1/appointments/${randomUUID()}/${action}`).set(asClinician()).expect(404);
        await api.http().post(`/api/v1/appointments/nope/${action}`).set(asClinician()).expect(400);
        await api.http().post(`/api/v1/appointments/${randomUUID()}/${action}`).expect(401);
      }
    });

    it('lets exactly one of two simultaneous presses of the same button win', async () => {
      for (const [action, from] of [['check-in', 'scheduled'], ['cancel', 'checked_in'], ['start', 'checked_in']] as const) {
        const id = await seedAppointment(from);
        const answers = await Promise.all([0, 1].map(() => api.http().post(`/api/v1/appointments/${id}/${action}`).set(asClinician())));
        assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 409], action);
      }
      // Check-in racing cancel: one of them, never both.
      const id = await seedAppointment('scheduled');
      const [checkIn, cancel] = await Promise.all([
        api.http().post(`/api/v1/appointments/${id}/check-in`).set(asStaff()),
        api.http().post(`/api/v1/appointments/${id}/cancel`).set(asStaff()),
      ]);
      const stored = await accounts.prisma.appointment.findUniqueOrThrow({ where: { id } });
      if (checkIn.status === 200 && cancel.status === 200) assert.equal(stored.status, 'cancelled'); // check-in then cancel is a legal sequence
      else assert.deepEqual([checkIn.status, cancel.status].sort(), [200, 409]);
    });
  });
});

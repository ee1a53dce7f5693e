// Idempotency-Key on creations (patients, appointments) through the real app and database: a retry
// with the same key and body answers with the first creation and creates nothing; another body
// gets 409; a malformed key 400; concurrent requests with one key create one row; keys are per
// provider and route, and expire after 24 hours; no key behaves as before.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { IDEMPOTENCY_KEY_LIFETIME_MS } from '../src/common/idempotency/idempotent-creations.js';
import { bearer, type AuthFixture, type SignedInProvider } from './support/auth.js';
import { startClinicTeam, type ClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';

type Json = Record<string, unknown>;

function patientBody(overrides: Json = {}): Json {
  return {
    firstName: 'Ilse',
    lastName: 'Retryable',
    dateOfBirth: '1984-03-02',
    sex: 'female',
    phone: '(555) 010-0301',
    emergencyContactName: 'Jon Retryable',
    emergencyContactPhone: '555.010.0302',
    ...overrides,
  };
}

describe('Idempotency-Key on creations', () => {
  let team: ClinicTeam;
  let api: TestApp;
  let accounts: AuthFixture;
  let staff: SignedInProvider;
  let clinician: SignedInProvider;
  before(async () => {
    team = await startClinicTeam();
    ({ api, accounts, staff, clinician } = team);
  });
  after(() => team.close());

  const asStaff = () => bearer(staff.accessToken);
  const patientsNamed = (lastName: string) => accounts.prisma.patient.count({ where: { lastName } });
  const createEvents = (resourceId: string) => accounts.prisma.auditEvent.count({ where: { action: 'create', resourceId } });
  const register = (body: Json, key?: string, as: Json = asStaff()) => {
    const request = api.http().post('/api/v1/patients').set(as as Record<string, string>);
    return (key === undefined ? request : request.set('Idempotency-Key', key)).send(body);
  };

  describe('POST /api/v1/patients', () => {
    it('answers a retry with the first registration (201, Idempotent-Replayed) and registers once', async () => {
      const key = randomUUID();
      const body = patientBody({ lastName: 'Replayed' });
      const first = await register(body, key).expect(201);
      assert.equal(first.headers['idempotent-replayed'], undefined);
      // The same body with its fields in another order is the same request.
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const again = await register(reordered, key).expect(201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.body, first.body);
      assert.equal(again.headers.etag, first.headers.etag);
      assert.equal(await patientsNamed('Replayed'), 1);
      assert.equal(await createEvents(first.body.id), 1, 'one create event');
      // The replay showed the record: it is recorded as a read.
      assert.equal(await accounts.prisma.auditEvent.count({ where: { action: 'read', resourceId: first.body.id, actorId: staff.id } }), 1);
    });

    it('refuses the same key with another body (409), creating nothing', async () => {
      const key = randomUUID();
      await register(patientBody({ lastName: 'Reused' }), key).expect(201);
      const refused = await register(patientBody({ lastName: 'Reused', firstName: 'Other' }), key).expect(409);
      assert.equal(refused.body.code, 'conflict');
      assert.match(refused.body.message, /Idempotency-Key/);
      assert.equal(await patientsNamed('Reused'), 1);
    });

    it('refuses a malformed key (400) before anything is written', async () => {
      for (const key of ['x'.repeat(256), 'caf\u00e9', 'tab\tinside']) {
        const refused = await register(patientBody({ lastName: 'Malformed' }), key).expect(400);
        assert.equal(refused.body.code, 'invalid_input');
      }
      assert.equal(await patientsNamed('Malformed'), 0);
      // One to 255 printable characters are fine.
      await register(patientBody({ lastName: 'Malformed' }), 'x'.repeat(255)).expect(201);
      await register(patientBody({ lastName: 'Malformed' }), '!').expect(201);
    });

    it('keeps 401 and 403 before the key is looked at', async () => {
      await api.http().post('/api/v1/patients').set('Idempotency-Key', randomUUID()).send(patientBody()).expect(401);
      await api.http().post('/api/v1/patients').set('Idempotency-Key', 'caf\u00e9').send(patientBody()).expect(401);
    });

    it('without a key, registers each time as before', async () => {
      await register(patientBody({ lastName: 'Keyless' })).expect(201);
      await register(patientBody({ lastName: 'Keyless' })).expect(201);
      assert.equal(await patientsNamed('Keyless'), 2);
    });

    it('creates once when requests with one key arrive together', async () => {
      const key = randomUUID();
      const body = patientBody({ lastName: 'Concurrent' });
      const answers = await Promise.all(Array.from({ length: 6 }, () => register(body, key)));
      assert.deepEqual(
        answers.map((answer) => answer.status),
        answers.map(() => 201),
        JSON.stringify(answers.map((answer) => answer.body)),
      );
      assert.equal(new Set(answers.map((answer) => answer.body.id)).size, 1);
      assert.equal(answers.filter((answer) => answer.headers['idempotent-replayed'] !== 'true').length, 1);
      assert.equal(await patientsNamed('Concurrent'), 1);
      assert.equal(await accounts.prisma.idempotencyKey.count({ where: { key } }), 1);
    });

    it('scopes a key to its provider: another provider with the same key creates its own', async () => {
      const key = randomUUID();
      await register(patientBody({ lastName: 'Scoped' }), key).expect(201);
      await register(patientBody({ lastName: 'Scoped' }), key, bearer(clinician.accessToken)).expect(201);
      assert.equal(await patientsNamed('Scoped'), 2);
    });

    it('forgets a key after 24 hours: the request creates again, and the old key is replaced', async () => {
      const key = randomUUID();
      const first = await register(patientBody({ lastName: 'Expired' }), key).expect(201);
      await accounts.prisma.idempotencyKey.updateMany({ where: { key }, data: { createdAt: new Date(Date.now() - IDEMPOTENCY_KEY_LIFETIME_MS - 1_000) } });
      const second = await register(patientBody({ lastName: 'Expired' }), key).expect(201);
      assert.notEqual(second.body.id, first.body.id);
      assert.equal(second.headers['idempotent-replayed'], undefined);
      const rows = await accounts.prisma.idempotencyKey.findMany({ where: { key } });
      assert.deepEqual(rows.map((row) => row.resourceId), [second.body.id]);
    });

    it('leaves no key when the creation is refused, so a corrected retry creates', async () => {
      const key = randomUUID();
      await register(patientBody({ lastName: 'Corrected', dateOfBirth: 'not a date' }), key).expect(400);
      assert.equal(await accounts.prisma.idempotencyKey.count({ where: { key } }), 0);
      await register(patientBody({ lastName: 'Corrected' }), key).expect(201);
    });
  });

  describe('POST /api/v1/appointments', () => {
    let patientId: string;
    let nextSlot = Date.UTC(2032, 0, 5, 8, 0);
    const slot = () => new Date((nextSlot += 3_600_000)).toISOString();
    before(async () => {
      patientId = (await register(patientBody({ lastName: 'Booked' })).expect(201)).body.id;
    });
    const book = (body: Json, key?: string) => {
      const request = api.http().post('/api/v1/appointments').set(asStaff());
      return (key === undefined ? request : request.set('Idempotency-Key', key)).send(body);
    };
    const appointmentsOf = () => accounts.prisma.appointment.count({ where: { patientId } });

    it('answers a retry with the first booking and books once; another body gets 409; a bad key 400', async () => {
      const key = randomUUID();
      const body = { patientId, providerId: clinician.id, appointmentDate: slot(), appointmentType: 'follow_up' };
      const before = await appointmentsOf();
      const first = await book(body, key).expect(201);
      const again = await book(body, key).expect(201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.body, first.body);
      assert.equal(await appointmentsOf(), before + 1);
      await book({ ...body, appointmentDate: slot() }, key).expect(409);
      await book({ ...body, appointmentDate: slot() }, '').expect(400);
      assert.equal(await appointmentsOf(), before + 1);
    });

    it('keys are per route: the key of a patient registration does not answer a booking', async () => {
      const key = randomUUID();
      await register(patientBody({ lastName: 'PerRoute' }), key).expect(201);
      const booked = await book({ patientId, providerId: clinician.id, appointmentDate: slot(), appointmentType: 'follow_up' }, key).expect(201);
      assert.equal(booked.body.patientId, patientId);
    });

    it('creates one booking when requests with one key arrive together', async () => {
      const key = randomUUID();
      const body = { patientId, providerId: clinician.id, appointmentDate: slot(), appointmentType: 'follow_up' };
      const before = await appointmentsOf();
      const answers = await Promise.all(Array.from({ length: 4 }, () => book(body, key)));
      assert.deepEqual(answers.map((answer) => answer.status), [201, 201, 201, 201], JSON.stringify(answers.map((answer) => answer.body)));
      assert.equal(new Set(answers.map((answer) => answer.body.id)).size, 1);
      assert.equal(await appointmentsOf(), before + 1);
    });
  });
});

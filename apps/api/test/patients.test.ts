// Patients' demographics through the real app and database: registering, reading with an ETag,
// updating with If-Match, archiving. Search has its own suite (patients-search.test.ts).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PatientsRepository } from '../src/patients/patients.repository.js';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { startClinicTeam, type ClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';

const MALFORMED_IDS = ['not-a-uuid', '12345', '3f2b8c1e-6a4d-4e5f-9b7a-1c2d3e4f5a6'];

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function patientBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    firstName: 'Odile',
    lastName: 'Exemplaire',
    dateOfBirth: '1979-08-21',
    sex: 'female',
    phone: '(555) 010-0101',
    email: 'odile.exemplaire@example.org',
    address: '1 Sample Row, Exampletown',
    emergencyContactName: 'Paul Exemplaire',
    emergencyContactPhone: '555.010.0102',
    emergencyContactRelationship: 'brother',
    ...overrides,
  };
}

describe('patients', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  let admin: SignedInProvider;
  let clinician: SignedInProvider;
  let staff: SignedInProvider;
  let team: ClinicTeam;
  before(async () => {
    team = await startClinicTeam();
    ({ api, accounts, admin, clinician, staff } = team);
  });
  after(() => team.close());

  const asStaff = () => bearer(staff.accessToken);
  const patientCount = () => accounts.prisma.patient.count();
  const storedPatient = (id: string) => accounts.prisma.patient.findUniqueOrThrow({ where: { id } });

  async function registerPatient(overrides: Record<string, unknown> = {}) {
    const response = await api.http().post('/api/v1/patients').set(asStaff()).send(patientBody(overrides)).expect(201);
    return response.body as Record<string, string | null> & { id: string };
  }

  /** Posts a body that must be refused with 400 naming `field`, and checks that nothing was written. */
  async function assertRegistrationRefused(body: Record<string, unknown>, field: string) {
    const before = await patientCount();
    const response = await api.http().post('/api/v1/patients').set(asStaff()).send(body).expect(400);
    assert.equal(response.body.statusCode, 400);
    assert.ok(
      response.body.errors.some((error: { field: string }) => error.field === field),
      `expected an error on ${field}, got ${JSON.stringify(response.body.errors)}`,
    );
    assert.equal(await patientCount(), before);
  }

  describe('POST /api/v1/patients', () => {
    it('registers a patient and answers the stored demographics with an ETag', async () => {
      const response = await api
        .http()
        .post('/api/v1/patients')
        .set(asStaff())
        .send(patientBody({ firstName: '  Odile ', email: null, address: undefined }))
        .expect(201);
      const patient = response.body;
      assert.match(patient.id, /^[0-9a-f-]{36}$/);
      assert.deepEqual(
        { ...patient, id: undefined, createdAt: undefined, updatedAt: undefined },
        {
          ...patientBody({ email: null, address: null }),
          archivedAt: null,
          id: undefined,
          createdAt: undefined,
          updatedAt: undefined,
        },
      );
      assert.match(patient.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.match(response.headers.etag ?? '', /^".+"$/);
      const stored = await storedPatient(patient.id);
      assert.equal(stored.firstName, 'Odile');
      assert.equal(stored.dateOfBirth.toISOString(), '1979-08-21T00:00:00.000Z');
    });

    it('is open to clinicians and admins as well as staff', async () => {
      for (const provider of [clinician, admin]) {
        await api.http().post('/api/v1/patients').set(bearer(provider.accessToken)).send(patientBody()).expect(201);
      }
    });

    it('accepts a baby born today', async () => {
      await registerPatient({ dateOfBirth: isoDay(0) });
    });

    it('refuses unknown fields, writing nothing', async () => {
      await assertRegistrationRefused(patientBody({ bloodType: 'O+' }), 'bloodType');
      await assertRegistrationRefused(patientBody({ archivedAt: new Date().toISOString() }), 'archivedAt');
    });

    it('refuses values of the wrong type', async () => {
      await assertRegistrationRefused(patientBody({ dateOfBirth: 19790821 }), 'dateOfBirth');
      await assertRegistrationRefused(patientBody({ firstName: ['Odile'] }), 'firstName');
      await assertRegistrationRefused(patientBody({ phone: 5550100101 }), 'phone');
      await assertRegistrationRefused(patientBody({ sex: 'unknown' }), 'sex');
    });

    it('refuses a date of birth in the future, impossible or malformed', async () => {
      await assertRegistrationRefused(patientBody({ dateOfBirth: isoDay(2) }), 'dateOfBirth');
      await assertRegistrationRefused(patientBody({ dateOfBirth: '2001-02-30' }), 'dateOfBirth');
      await assertRegistrationRefused(patientBody({ dateOfBirth: '21/08/1979' }), 'dateOfBirth');
      await assertRegistrationRefused(patientBody({ dateOfBirth: '1879-08-21' }), 'dateOfBirth');
    });

    it('refuses empty or blank names', async () => {
      await assertRegistrationRefused(patientBody({ firstName: '' }), 'firstName');
      await assertRegistrationRefused(patientBody({ lastName: '   ' }), 'lastName');
      await assertRegistrationRefused(patientBody({ emergencyContactName: '\t' }), 'emergencyContactName');
      await assertRegistrationRefused(patientBody({ lastName: undefined }), 'lastName');
    });

    it('refuses phones without digits and malformed emails', async () => {
      await assertRegistrationRefused(patientBody({ phone: 'call the front desk' }), 'phone');
      await assertRegistrationRefused(patientBody({ phone: '(---) ---' }), 'phone');
      await assertRegistrationRefused(patientBody({ emergencyContactPhone: 'none' }), 'emergencyContactPhone');
      await assertRegistrationRefused(patientBody({ email: 'odile.exemplaire' }), 'email');
    });

    it('lists every problem of a body at once', async () => {
      const response = await api.http().post('/api/v1/patients').set(asStaff()).send(patientBody({ firstName: ' ', phone: 'x', sex: 'x' })).expect(400);
      const fields = response.body.errors.map((error: { field: string }) => error.field).sort();
      assert.deepEqual(fields, ['firstName', 'phone', 'sex']);
    });

    it('answers 401 without a valid access token, writing nothing', async () => {
      const before = await patientCount();
      const missing = await api.http().post('/api/v1/patients').send(patientBody()).expect(401);
      assert.equal(missing.body.error, 'Unauthorized');
      await api.http().post('/api/v1/patients').set(bearer('not-a-token')).send(patientBody()).expect(401);
      assert.equal(await patientCount(), before);
    });
  });

  describe('GET /api/v1/patients/:id', () => {
    it('answers the patient with a stable ETag, to every role', async () => {
      const patient = await registerPatient();
      const first = await api.http().get(`/api/v1/patients/${patient.id}`).set(asStaff()).expect(200);
      assert.deepEqual(first.body, patient);
      for (const provider of [clinician, admin]) {
        const again = await api.http().get(`/api/v1/patients/${patient.id}`).set(bearer(provider.accessToken)).expect(200);
        assert.equal(again.headers.etag, first.headers.etag);
      }
    });

    it('answers 404 for an id no patient has', async () => {
      const response = await api.http().get(`/api/v1/patients/${randomUUID()}`).set(asStaff()).expect(404);
      assert.equal(response.body.message, 'Patient not found');
    });

    it('answers 400 for a malformed id', async () => {
      for (const id of MALFORMED_IDS) {
        const response = await api.http().get(`/api/v1/patients/${id}`).set(asStaff()).expect(400);
        assert.deepEqual(response.body.errors, [{ field: 'id', messages: ['id must be a UUID'] }]);
      }
    });

    it('answers 401 without a token', async () => {
      const patient = await registerPatient();
      await api.http().get(`/api/v1/patients/${patient.id}`).expect(401);
    });
  });

  describe('PATCH /api/v1/patients/:id', () => {
    it('changes only the fields sent; null clears an optional one; the ETag changes', async () => {
      const patient = await registerPatient();
      const read = await api.http().get(`/api/v1/patients/${patient.id}`).set(asStaff()).expect(200);
      const response = await api
        .http()
        .patch(`/api/v1/patients/${patient.id}`)
        .set(asStaff())
        .set('If-Match', read.headers.etag)
        .send({ lastName: 'Exemplaire-Modèle', email: null, dateOfBirth: '1979-08-22' })
        .expect(200);
      assert.equal(response.body.lastName, 'Exemplaire-Modèle');
      assert.equal(response.body.email, null);
      assert.equal(response.body.dateOfBirth, '1979-08-22');
      assert.equal(response.body.firstName, patient.firstName);
      assert.equal(response.body.phone, patient.phone);
      assert.ok(response.body.updatedAt > patient.updatedAt!);
      assert.notEqual(response.headers.etag, read.headers.etag);
      const again = await api.http().get(`/api/v1/patients/${patient.id}`).set(asStaff()).expect(200);
      assert.equal(again.headers.etag, response.headers.etag);
      assert.deepEqual(again.body, response.body);
    });

    it('answers 412 to a stale If-Match and keeps the newer version', async () => {
      const patient = await registerPatient();
      const read = await api.http().get(`/api/v1/patients/${patient.id}`).set(asStaff()).expect(200);
      await api.http().patch(`/api/v1/patients/${patient.id}`).set(bearer(clinician.accessToken)).set('If-Match', read.headers.etag).send({ phone: '555-010-0199' }).expect(200);
      const stale = await api.http().patch(`/api/v1/patients/${patient.id}`).set(asStaff()).set('If-Match', read.headers.etag).send({ phone: '555-010-0100' }).expect(412);
      assert.equal(stale.body.statusCode, 412);
      assert.equal((await storedPatient(patient.id)).phone, '555-010-0199');
    });

    it('never writes over a change made between its read and its write', async () => {
      // The window between the service's read and its write is too short to hit over HTTP, so
      // the repository is handed the version read before someone else's change.
      const patient = await registerPatient();
      const repository = api.app.get(PatientsRepository);
      const readEarlier = (await repository.findPatient(patient.id))!;
      await api.http().patch(`/api/v1/patients/${patient.id}`).set(asStaff()).send({ phone: '555-010-0111' }).expect(200);
      assert.equal(await repository.updatePatient(readEarlier, { phone: '555-010-0222' }), null);
      assert.equal((await storedPatient(patient.id)).phone, '555-010-0111');
    });

    it('updates without If-Match, or with If-Match: *', async () => {
      const patient = await registerPatient();
      await api.http().patch(`/api/v1/patients/${patient.id}`).set(asStaff()).send({ address: '2 Sample Row' }).expect(200);
      const response = await api.http().patch(`/api/v1/patients/${patient.id}`).set(asStaff()).set('If-Match', '*').send({ address: '3 Sample Row' }).expect(200);
      assert.equal(response.body.address, '3 Sample Row');
    });

    it('changes nothing for an empty body', async () => {
      const patient = await registerPatient();
      const response = await api.http().patch(`/api/v1/patients/${patient.id}`).set(asStaff()).send({}).expect(200);
      assert.deepEqual(response.body, patient);
    });

    it('refuses invalid changes and leaves the patient as it was', async () => {
      const patient = await registerPatient();
      const before = await storedPatient(patient.id);
      const invalid: [Record<string, unknown>, string][] = [
        [{ nickname: 'Odi' }, 'nickname'],
        [{ firstName: null }, 'firstName'],
        [{ lastName: '  ' }, 'lastName'],
        [{ dateOfBirth: isoDay(3) }, 'dateOfBirth'],
        [{ phone: 'ask reception' }, 'phone'],
        [{ sex: 'F' }, 'sex'],
        [{ emergencyContactPhone: 12 }, 'emergencyContactPhone'],
        [{ archivedAt: null }, 'archivedAt'],
      ];
      for (const [body, field] of invalid) {
        const response = await api.http().patch(`/api/v1/patients/${patient.id}`).set(asStaff()).send(body).expect(400);
        assert.ok(response.body.errors.some((error: { field: string }) => error.field === field), JSON.stringify(response.body));
      }
      assert.deepEqual(await storedPatient(patient.id), before);
    });

    it('answers 404 for an absent patient and 400 for a malformed id', async () => {
      await api.http().patch(`/api/v1/patients/${randomUUID()}`).set(asStaff()).send({ address: 'x' }).expect(404);
      await api.http().patch('/api/v1/patients/42').set(asStaff()).send({ address: 'x' }).expect(400);
    });

    it('answers 401 without a token', async () => {
      const patient = await registerPatient();
      await api.http().patch(`/api/v1/patients/${patient.id}`).send({ address: 'x' }).expect(401);
      assert.equal((await storedPatient(patient.id)).address, patient.address);
    });
  });

  describe('DELETE /api/v1/patients/:id', () => {
    it('archives: the chart stays readable and whole, and archiving again changes nothing', async () => {
      const patient = await registerPatient();
      await accounts.prisma.allergy.create({ data: { patientId: patient.id, allergen: 'Latex' } });
      await api.http().delete(`/api/v1/patients/${patient.id}`).set(asStaff()).expect(204);

      const archived = await api.http().get(`/api/v1/patients/${patient.id}`).set(asStaff()).expect(200);
      assert.match(archived.body.archivedAt, /^\d{4}-\d{2}-\d{2}T/);
      assert.equal(await accounts.prisma.allergy.count({ where: { patientId: patient.id } }), 1);

      await api.http().delete(`/api/v1/patients/${patient.id}`).set(bearer(clinician.accessToken)).expect(204);
      const again = await api.http().get(`/api/v1/patients/${patient.id}`).set(asStaff()).expect(200);
      assert.equal(again.body.archivedAt, archived.body.archivedAt);
      assert.equal(again.headers.etag, archived.headers.etag);
    });

    it('answers 404 for an absent patient, 400 for a malformed id, 401 without a token', async () => {
      await api.http().delete(`/api/v1/patients/${randomUUID()}`).set(asStaff()).expect(404);
      await api.http().delete('/api/v1/patients/not-a-uuid').set(asStaff()).expect(400);
      const patient = await registerPatient();
      await api.http().delete(`/api/v1/patients/${patient.id}`).expect(401);
      assert.equal((await storedPatient(patient.id)).archivedAt, null);
    });
  });

  it('documents every patient route with each answer it can give', async () => {
    const { body } = await api.http().get('/docs-json').expect(200);
    const operation = (path: string, method: string) => body.paths[path][method] as { responses: Record<string, unknown> };
    const expected: [string, string, string[]][] = [
      ['/api/v1/patients', 'get', ['200', '400', '401', '403', '503']],
      ['/api/v1/patients', 'post', ['201', '400', '401', '403', '409', '503']],
      ['/api/v1/patients/{id}', 'get', ['200', '400', '401', '403', '404', '503']],
      ['/api/v1/patients/{id}', 'patch', ['200', '400', '401', '403', '404', '412', '503']],
      ['/api/v1/patients/{id}', 'delete', ['204', '400', '401', '403', '404', '503']],
    ];
    for (const [path, method, codes] of expected) {
      assert.deepEqual(Object.keys(operation(path, method).responses).sort(), codes, `${method} ${path}`);
    }
    assert.ok(body.paths['/api/v1/patients/{id}'].get.responses['200'].headers.ETag);
  });
});

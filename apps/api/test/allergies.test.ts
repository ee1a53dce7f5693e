// Allergies on a patient's chart: staff read them, clinicians and admins record, correct and
// remove them; an allergy is only ever reached through its own patient.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AllergiesRepository } from '../src/patients/allergies/allergies.repository.js';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { startClinicTeam, type ClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';
import { insertPatient } from './support/visits.js';

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('allergies', () => {
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

  const asClinician = () => bearer(clinician.accessToken);
  const asStaff = () => bearer(staff.accessToken);
  const allergyCount = () => accounts.prisma.allergy.count();

  const newPatient = () => insertPatient(accounts.prisma, { firstName: 'Ilse', lastName: 'Probant', dateOfBirth: '1990-05-20', phone: '555-010-0400', emergencyContactName: 'Otto Probant', emergencyContactPhone: '555-010-0401' });

  async function recordAllergy(patientId: string, body: Record<string, unknown> = {}) {
    const response = await api
      .http()
      .post(`/api/v1/patients/${patientId}/allergies`)
      .set(asClinician())
      .send({ allergen: 'Penicillin', reaction: 'Hives', severity: 'moderate', onsetDate: '2015-06-01', ...body })
      .expect(201);
    return response.body as { id: string; [field: string]: unknown };
  }

  describe('POST /api/v1/patients/:id/allergies', () => {
    it('records an allergy for clinicians and admins, with an ETag', async () => {
      const patientId = await newPatient();
      const response = await api
        .http()
        .post(`/api/v1/patients/${patientId}/allergies`)
        .set(asClinician())
        .send({ allergen: ' Peanuts ', reaction: 'Anaphylaxis', severity: 'life_threatening', onsetDate: '1995-01-10' })
        .expect(201);
      assert.deepEqual(
        { ...response.body, id: undefined, createdAt: undefined },
        { id: undefined, patientId, allergen: 'Peanuts', reaction: 'Anaphylaxis', severity: 'life_threatening', onsetDate: '1995-01-10', createdAt: undefined },
      );
      assert.match(response.body.createdAt, /^\d{4}-\d{2}-\d{2}T.*Z$/);
      assert.match(response.headers.etag ?? '', /^".+"$/);

      const minimal = await api.http().post(`/api/v1/patients/${patientId}/allergies`).set(bearer(admin.accessToken)).send({ allergen: 'Latex' }).expect(201);
      assert.equal(minimal.body.severity, null);
      assert.equal(minimal.body.onsetDate, null);
      assert.equal(minimal.body.reaction, null);
    });

    it('is refused to staff (403), writing nothing', async () => {
      const patientId = await newPatient();
      const before = await allergyCount();
      const response = await api.http().post(`/api/v1/patients/${patientId}/allergies`).set(asStaff()).send({ allergen: 'Latex' }).expect(403);
      assert.equal(response.body.statusCode, 403);
      assert.equal(await allergyCount(), before);
    });

    it('refuses invalid allergies, writing nothing', async () => {
      const patientId = await newPatient();
      const before = await allergyCount();
      const invalid: [Record<string, unknown>, string][] = [
        [{ allergen: 'Latex', severity: 'deadly' }, 'severity'],
        [{ allergen: 'Latex', onsetDate: isoDay(2) }, 'onsetDate'],
        [{ allergen: 'Latex', onsetDate: '2015-13-01' }, 'onsetDate'],
        [{ allergen: '   ' }, 'allergen'],
        [{ allergen: 42 }, 'allergen'],
        [{ reaction: 'Hives' }, 'allergen'],
        [{ allergen: 'Latex', verifiedBy: 'someone' }, 'verifiedBy'],
        [{ allergen: 'Latex', patientId: randomUUID() }, 'patientId'],
      ];
      for (const [body, field] of invalid) {
        const response = await api.http().post(`/api/v1/patients/${patientId}/allergies`).set(asClinician()).send(body).expect(400);
        assert.ok(response.body.errors.some((error: { field: string }) => error.field === field), JSON.stringify(response.body));
      }
      const beforeBirth = await api.http().post(`/api/v1/patients/${patientId}/allergies`).set(asClinician()).send({ allergen: 'Latex', onsetDate: '1989-01-01' }).expect(400);
      assert.match(beforeBirth.body.message, /onsetDate must not be before the patient's date of birth/);
      assert.equal(await allergyCount(), before);
    });

    it('answers 404 for an absent patient, 400 for a malformed id, 401 without a token', async () => {
      await api.http().post(`/api/v1/patients/${randomUUID()}/allergies`).set(asClinician()).send({ allergen: 'Latex' }).expect(404);
      await api.http().post('/api/v1/patients/not-a-uuid/allergies').set(asClinician()).send({ allergen: 'Latex' }).expect(400);
      await api.http().post(`/api/v1/patients/${await newPatient()}/allergies`).send({ allergen: 'Latex' }).expect(401);
    });
  });

  describe('GET /api/v1/patients/:id/allergies', () => {
    it('lists the patient\'s allergies to every role, and only that patient\'s', async () => {
      const patientId = await newPatient();
      const other = await newPatient();
      const penicillin = await recordAllergy(patientId);
      await recordAllergy(other, { allergen: 'Sulfa drugs' });
      for (const provider of [staff, clinician, admin]) {
        const response = await api.http().get(`/api/v1/patients/${patientId}/allergies`).set(bearer(provider.accessToken)).expect(200);
        assert.deepEqual(response.body, { data: [penicillin], nextCursor: null });
      }
    });

    it('pages through every allergy exactly once, in the order recorded', async () => {
      const patientId = await newPatient();
      const recorded: string[] = [];
      for (const allergen of ['Latex', 'Peanuts', 'Shellfish', 'Aspirin', 'Codeine']) recorded.push((await recordAllergy(patientId, { allergen })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: { data: { id: string }[]; nextCursor: string | null } } = await api
          .http()
          .get(`/api/v1/patients/${patientId}/allergies`)
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(asStaff())
          .expect(200);
        assert.ok(response.body.data.length <= 2);
        seen.push(...response.body.data.map((allergy) => allergy.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      // Two allergies recorded within the same millisecond are ordered by id.
      const expected = await accounts.prisma.allergy.findMany({ where: { patientId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
      assert.deepEqual(seen, expected.map((row) => row.id));
      assert.deepEqual([...seen].sort(), [...recorded].sort());
    });

    it('answers 404 for an absent patient, 400 for a malformed id or cursor, 401 without a token', async () => {
      await api.http().get(`/api/v1/patients/${randomUUID()}/allergies`).set(asStaff()).expect(404);
      await api.http().get('/api/v1/patients/123/allergies').set(asStaff()).expect(400);
      const patientId = await newPatient();
      await api.http().get(`/api/v1/patients/${patientId}/allergies`).query({ cursor: 'bad cursor!' }).set(asStaff()).expect(400);
      await api.http().get(`/api/v1/patients/${patientId}/allergies`).query({ cursor: Buffer.from('["x","y"]').toString('base64url') }).set(asStaff()).expect(400);
      await api.http().get(`/api/v1/patients/${patientId}/allergies`).query({ limit: 500 }).set(asStaff()).expect(400);
      await api.http().get(`/api/v1/patients/${patientId}/allergies`).expect(401);
    });
  });

  describe('GET /api/v1/patients/:id/allergies/:allergyId', () => {
    it('answers one allergy with an ETag', async () => {
      const patientId = await newPatient();
      const allergy = await recordAllergy(patientId);
      const response = await api.http().get(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(asStaff()).expect(200);
      assert.deepEqual(response.body, allergy);
      assert.match(response.headers.etag ?? '', /^".+"$/);
    });

    it("answers 404 for another patient's allergy, and 400 for a malformed allergyId", async () => {
      const [patientId, other] = [await newPatient(), await newPatient()];
      const allergy = await recordAllergy(other);
      const response = await api.http().get(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(asStaff()).expect(404);
      assert.equal(response.body.message, 'Allergy not found on this patient');
      await api.http().get(`/api/v1/patients/${patientId}/allergies/${randomUUID()}`).set(asStaff()).expect(404);
      await api.http().get(`/api/v1/patients/${randomUUID()}/allergies/${allergy.id}`).set(asStaff()).expect(404);
      const malformed = await api.http().get(`/api/v1/patients/${patientId}/allergies/nope`).set(asStaff()).expect(400);
      assert.equal(malformed.body.errors[0].field, 'allergyId');
    });
  });

  describe('PATCH /api/v1/patients/:id/allergies/:allergyId', () => {
    it('corrects the fields sent; null clears an optional one', async () => {
      const patientId = await newPatient();
      const allergy = await recordAllergy(patientId);
      const response = await api
        .http()
        .patch(`/api/v1/patients/${patientId}/allergies/${allergy.id}`)
        .set(asClinician())
        .send({ severity: 'severe', reaction: null })
        .expect(200);
      assert.deepEqual(response.body, { ...allergy, severity: 'severe', reaction: null });
      assert.match(response.headers.etag ?? '', /^".+"$/);

      const sparse = await recordAllergy(patientId, { allergen: 'Latex', reaction: undefined, severity: undefined, onsetDate: undefined });
      const filled = await api
        .http()
        .patch(`/api/v1/patients/${patientId}/allergies/${sparse.id}`)
        .set(asClinician())
        .send({ reaction: 'Contact dermatitis', onsetDate: '2020-02-29' })
        .expect(200);
      assert.deepEqual(filled.body, { ...sparse, reaction: 'Contact dermatitis', onsetDate: '2020-02-29' });
    });

    it('answers 412 to a stale If-Match and keeps the newer version', async () => {
      const patientId = await newPatient();
      const allergy = await recordAllergy(patientId);
      const read = await api.http().get(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(asClinician()).expect(200);
      await api.http().patch(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(bearer(admin.accessToken)).set('If-Match', read.headers.etag).send({ severity: 'mild' }).expect(200);
      await api.http().patch(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(asClinician()).set('If-Match', read.headers.etag).send({ severity: 'severe' }).expect(412);
      assert.equal((await accounts.prisma.allergy.findUniqueOrThrow({ where: { id: allergy.id } })).severity, 'mild');
    });

    it('never writes over a change made between its read and its write', async () => {
      const patientId = await newPatient();
      const allergy = await recordAllergy(patientId, { reaction: undefined });
      const repository = api.app.get(AllergiesRepository);
      const readEarlier = (await repository.table.find(patientId, allergy.id))!;
      await api.http().patch(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(asClinician()).send({ reaction: 'Wheezing' }).expect(200);
      assert.equal(await repository.table.update(readEarlier, { severity: 'mild' }, { patientId }), null);
      const stored = await accounts.prisma.allergy.findUniqueOrThrow({ where: { id: allergy.id } });
      assert.deepEqual([stored.reaction, stored.severity], ['Wheezing', 'moderate']);
    });

    it('refuses staff (403), invalid input (400) and other patients\' allergies (404), changing nothing', async () => {
      const [patientId, other] = [await newPatient(), await newPatient()];
      const allergy = await recordAllergy(patientId);
      const stored = () => accounts.prisma.allergy.findUniqueOrThrow({ where: { id: allergy.id } });
      const before = await stored();
      await api.http().patch(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(asStaff()).send({ severity: 'mild' }).expect(403);
      for (const body of [{ severity: 'fatal' }, { allergen: null }, { allergen: '' }, { onsetDate: isoDay(5) }, { onsetDate: '1989-12-31' }, { id: randomUUID() }]) {
        await api.http().patch(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(asClinician()).send(body).expect(400);
      }
      await api.http().patch(`/api/v1/patients/${other}/allergies/${allergy.id}`).set(asClinician()).send({ severity: 'mild' }).expect(404);
      await api.http().patch(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).send({ severity: 'mild' }).expect(401);
      assert.deepEqual(await stored(), before);
    });
  });

  describe('DELETE /api/v1/patients/:id/allergies/:allergyId', () => {
    it('removes the allergy for clinicians', async () => {
      const patientId = await newPatient();
      const allergy = await recordAllergy(patientId);
      await api.http().delete(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(asClinician()).expect(204);
      await api.http().get(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(asClinician()).expect(404);
      await api.http().delete(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(asClinician()).expect(404);
    });

    it('refuses staff (403), other patients\' allergies (404), malformed ids (400) and anonymous callers (401)', async () => {
      const [patientId, other] = [await newPatient(), await newPatient()];
      const allergy = await recordAllergy(patientId);
      const before = await allergyCount();
      await api.http().delete(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).set(asStaff()).expect(403);
      await api.http().delete(`/api/v1/patients/${other}/allergies/${allergy.id}`).set(asClinician()).expect(404);
      await api.http().delete(`/api/v1/patients/${patientId}/allergies/not-a-uuid`).set(asClinician()).expect(400);
      await api.http().delete(`/api/v1/patients/${patientId}/allergies/${allergy.id}`).expect(401);
      assert.equal(await allergyCount(), before);
    });
  });

  it('documents every allergy route with each answer it can give', async () => {
    const { body } = await api.http().get('/docs-json').expect(200);
    const codes = (path: string, method: string) => Object.keys(body.paths[path][method].responses).sort();
    assert.deepEqual(codes('/api/v1/patients/{id}/allergies', 'get'), ['200', '400', '401', '403', '404', '503']);
    assert.deepEqual(codes('/api/v1/patients/{id}/allergies', 'post'), ['201', '400', '401', '403', '404', '503']);
    assert.deepEqual(codes('/api/v1/patients/{id}/allergies/{allergyId}', 'patch'), ['200', '400', '401', '403', '404', '412', '503']);
    assert.deepEqual(codes('/api/v1/patients/{id}/allergies/{allergyId}', 'delete'), ['204', '400', '401', '403', '404', '503']);
  });
});

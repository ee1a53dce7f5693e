// Chronic conditions on a patient's chart: staff read them, clinicians and admins record, update
// and remove them; a condition is only ever reached through its own patient.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { startClinicTeam, type ClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';
import { insertPatient } from './support/visits.js';

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('chronic conditions', () => {
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
  const conditionCount = () => accounts.prisma.chronicCondition.count();

  const newPatient = () => insertPatient(accounts.prisma, { firstName: 'Teodor', lastName: 'Modellsson', dateOfBirth: '1958-09-03', sex: 'male', phone: '555-010-0500', emergencyContactName: 'Greta Modellsson', emergencyContactPhone: '555-010-0501' });

  async function recordCondition(patientId: string, body: Record<string, unknown> = {}) {
    const response = await api
      .http()
      .post(`/api/v1/patients/${patientId}/conditions`)
      .set(asClinician())
      .send({ conditionName: 'Essential hypertension', diagnosisDate: '2012-04-12', notes: 'Home readings twice a week', ...body })
      .expect(201);
    return response.body as { id: string; [field: string]: unknown };
  }

  describe('POST /api/v1/patients/:id/conditions', () => {
    it('records a condition, active unless said otherwise, with an ETag', async () => {
      const patientId = await newPatient();
      const response = await api
        .http()
        .post(`/api/v1/patients/${patientId}/conditions`)
        .set(asClinician())
        .send({ conditionName: 'Type 2 diabetes mellitus', diagnosisDate: '2010-11-02' })
        .expect(201);
      assert.deepEqual(
        { ...response.body, id: undefined, createdAt: undefined },
        { id: undefined, patientId, conditionName: 'Type 2 diabetes mellitus', diagnosisDate: '2010-11-02', status: 'active', notes: null, createdAt: undefined },
      );
      assert.match(response.headers.etag ?? '', /^".+"$/);
      const controlled = await api
        .http()
        .post(`/api/v1/patients/${patientId}/conditions`)
        .set(bearer(admin.accessToken))
        .send({ conditionName: 'Asthma', status: 'controlled' })
        .expect(201);
      assert.equal(controlled.body.status, 'controlled');
      assert.equal(controlled.body.diagnosisDate, null);
    });

    it('is refused to staff (403), writing nothing', async () => {
      const patientId = await newPatient();
      const before = await conditionCount();
      await api.http().post(`/api/v1/patients/${patientId}/conditions`).set(asStaff()).send({ conditionName: 'Asthma' }).expect(403);
      assert.equal(await conditionCount(), before);
    });

    it('refuses invalid conditions, writing nothing', async () => {
      const patientId = await newPatient();
      const before = await conditionCount();
      const invalid: [Record<string, unknown>, string][] = [
        [{ conditionName: 'Asthma', status: 'cured' }, 'status'],
        [{ conditionName: 'Asthma', status: null }, 'status'],
        [{ conditionName: 'Asthma', diagnosisDate: isoDay(2) }, 'diagnosisDate'],
        [{ conditionName: 'Asthma', diagnosisDate: '2012-04-31' }, 'diagnosisDate'],
        [{ conditionName: '  ' }, 'conditionName'],
        [{ conditionName: true }, 'conditionName'],
        [{ conditionName: 'Asthma', icd10: 'J45' }, 'icd10'],
        [{ conditionName: 'Asthma', notes: 'x'.repeat(10_001) }, 'notes'],
      ];
      for (const [body, field] of invalid) {
        const response = await api.http().post(`/api/v1/patients/${patientId}/conditions`).set(asClinician()).send(body).expect(400);
        assert.ok(response.body.errors.some((error: { field: string }) => error.field === field), JSON.stringify(response.body));
      }
      const beforeBirth = await api.http().post(`/api/v1/patients/${patientId}/conditions`).set(asClinician()).send({ conditionName: 'Asthma', diagnosisDate: '1958-09-02' }).expect(400);
      assert.match(beforeBirth.body.message, /diagnosisDate must not be before the patient's date of birth/);
      assert.equal(await conditionCount(), before);
    });

    it('answers 404 for an absent patient, 400 for a malformed id, 401 without a token', async () => {
      await api.http().post(`/api/v1/patients/${randomUUID()}/conditions`).set(asClinician()).send({ conditionName: 'Asthma' }).expect(404);
      await api.http().post('/api/v1/patients/x/conditions').set(asClinician()).send({ conditionName: 'Asthma' }).expect(400);
      await api.http().post(`/api/v1/patients/${await newPatient()}/conditions`).send({ conditionName: 'Asthma' }).expect(401);
    });
  });

  describe('GET /api/v1/patients/:id/conditions', () => {
    it("lists the patient's conditions to every role, filtered by status if asked", async () => {
      const patientId = await newPatient();
      const hypertension = await recordCondition(patientId);
      const asthma = await recordCondition(patientId, { conditionName: 'Asthma', status: 'resolved', diagnosisDate: null, notes: null });
      await recordCondition(await newPatient(), { conditionName: 'Gout' });
      for (const provider of [staff, clinician, admin]) {
        const response = await api.http().get(`/api/v1/patients/${patientId}/conditions`).set(bearer(provider.accessToken)).expect(200);
        assert.deepEqual(new Set(response.body.data), new Set([hypertension, asthma]));
        assert.equal(response.body.nextCursor, null);
      }
      const resolved = await api.http().get(`/api/v1/patients/${patientId}/conditions`).query({ status: 'resolved' }).set(asStaff()).expect(200);
      assert.deepEqual(resolved.body, { data: [asthma], nextCursor: null });
      await api.http().get(`/api/v1/patients/${patientId}/conditions`).query({ status: 'gone' }).set(asStaff()).expect(400);
    });

    it('pages through every condition exactly once', async () => {
      const patientId = await newPatient();
      const recorded: string[] = [];
      for (const conditionName of ['Asthma', 'Gout', 'Hypothyroidism', 'Osteoarthritis', 'Migraine']) recorded.push((await recordCondition(patientId, { conditionName })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: { data: { id: string }[]; nextCursor: string | null } } = await api
          .http()
          .get(`/api/v1/patients/${patientId}/conditions`)
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(asStaff())
          .expect(200);
        seen.push(...response.body.data.map((condition) => condition.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      const expected = await accounts.prisma.chronicCondition.findMany({ where: { patientId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
      assert.deepEqual(seen, expected.map((row) => row.id));
      assert.deepEqual([...seen].sort(), [...recorded].sort());
    });

    it('answers 404 for an absent patient, 400 for a malformed id or cursor, 401 without a token', async () => {
      await api.http().get(`/api/v1/patients/${randomUUID()}/conditions`).set(asStaff()).expect(404);
      await api.http().get('/api/v1/patients/123/conditions').set(asStaff()).expect(400);
      const patientId = await newPatient();
      await api.http().get(`/api/v1/patients/${patientId}/conditions`).query({ cursor: Buffer.from('[1]').toString('base64url') }).set(asStaff()).expect(400);
      await api.http().get(`/api/v1/patients/${patientId}/conditions`).expect(401);
    });
  });

  describe('GET /api/v1/patients/:id/conditions/:conditionId', () => {
    it("answers one condition with an ETag, and 404 through another patient's path", async () => {
      const [patientId, other] = [await newPatient(), await newPatient()];
      const condition = await recordCondition(patientId);
      const response = await api.http().get(`/api/v1/patients/${patientId}/conditions/${condition.id}`).set(asStaff()).expect(200);
      assert.deepEqual(response.body, condition);
      assert.match(response.headers.etag ?? '', /^".+"$/);
      const elsewhere = await api.http().get(`/api/v1/patients/${other}/conditions/${condition.id}`).set(asStaff()).expect(404);
      assert.equal(elsewhere.body.message, 'Condition not found on this patient');
      const malformed = await api.http().get(`/api/v1/patients/${patientId}/conditions/42`).set(asStaff()).expect(400);
      assert.equal(malformed.body.errors[0].field, 'conditionId');
    });
  });

  describe('PATCH /api/v1/patients/:id/conditions/:conditionId', () => {
    it('updates the fields sent; null clears an optional one', async () => {
      const patientId = await newPatient();
      const condition = await recordCondition(patientId);
      const response = await api
        .http()
        .patch(`/api/v1/patients/${patientId}/conditions/${condition.id}`)
        .set(asClinician())
        .send({ status: 'in_remission', notes: null, diagnosisDate: null })
        .expect(200);
      assert.deepEqual(response.body, { ...condition, status: 'in_remission', notes: null, diagnosisDate: null });
      const again = await api
        .http()
        .patch(`/api/v1/patients/${patientId}/conditions/${condition.id}`)
        .set(bearer(admin.accessToken))
        .send({ diagnosisDate: '2013-01-01' })
        .expect(200);
      assert.equal(again.body.diagnosisDate, '2013-01-01');
    });

    it('answers 412 to a stale If-Match and keeps the newer version', async () => {
      const patientId = await newPatient();
      const condition = await recordCondition(patientId);
      const read = await api.http().get(`/api/v1/patients/${patientId}/conditions/${condition.id}`).set(asClinician()).expect(200);
      await api.http().patch(`/api/v1/patients/${patientId}/conditions/${condition.id}`).set(bearer(admin.accessToken)).set('If-Match', read.headers.etag).send({ status: 'controlled' }).expect(200);
      await api.http().patch(`/api/v1/patients/${patientId}/conditions/${condition.id}`).set(asClinician()).set('If-Match', read.headers.etag).send({ status: 'resolved' }).expect(412);
      assert.equal((await accounts.prisma.chronicCondition.findUniqueOrThrow({ where: { id: condition.id } })).status, 'controlled');
    });

    it("refuses staff (403), invalid input (400) and other patients' conditions (404), changing nothing", async () => {
      const [patientId, other] = [await newPatient(), await newPatient()];
      const condition = await recordCondition(patientId);
      const stored = () => accounts.prisma.chronicCondition.findUniqueOrThrow({ where: { id: condition.id } });
      const before = await stored();
      await api.http().patch(`/api/v1/patients/${patientId}/conditions/${condition.id}`).set(asStaff()).send({ status: 'resolved' }).expect(403);
      for (const body of [{ status: 'better' }, { status: null }, { conditionName: null }, { diagnosisDate: isoDay(4) }, { diagnosisDate: '1950-01-01' }, { createdAt: new Date().toISOString() }]) {
        await api.http().patch(`/api/v1/patients/${patientId}/conditions/${condition.id}`).set(asClinician()).send(body).expect(400);
      }
      await api.http().patch(`/api/v1/patients/${other}/conditions/${condition.id}`).set(asClinician()).send({ status: 'resolved' }).expect(404);
      await api.http().patch(`/api/v1/patients/${patientId}/conditions/${condition.id}`).send({ status: 'resolved' }).expect(401);
      assert.deepEqual(await stored(), before);
    });
  });

  describe('DELETE /api/v1/patients/:id/conditions/:conditionId', () => {
    it('removes the condition for clinicians', async () => {
      const patientId = await newPatient();
      const condition = await recordCondition(patientId);
      await api.http().delete(`/api/v1/patients/${patientId}/conditions/${condition.id}`).set(asClinician()).expect(204);
      await api.http().get(`/api/v1/patients/${patientId}/conditions/${condition.id}`).set(asClinician()).expect(404);
    });

    it("refuses staff (403), other patients' conditions (404), malformed ids (400) and anonymous callers (401)", async () => {
      const [patientId, other] = [await newPatient(), await newPatient()];
      const condition = await recordCondition(patientId);
      const before = await conditionCount();
      await api.http().delete(`/api/v1/patients/${patientId}/conditions/${condition.id}`).set(asStaff()).expect(403);
      await api.http().delete(`/api/v1/patients/${other}/conditions/${condition.id}`).set(asClinician()).expect(404);
      await api.http().delete(`/api/v1/patients/${patientId}/conditions/zzz`).set(asClinician()).expect(400);
      await api.http().delete(`/api/v1/patients/${patientId}/conditions/${condition.id}`).expect(401);
      assert.equal(await conditionCount(), before);
    });
  });

  it('documents every condition route with each answer it can give', async () => {
    const { body } = await api.http().get('/docs-json').expect(200);
    const codes = (path: string, method: string) => Object.keys(body.paths[path][method].responses).sort();
    assert.deepEqual(codes('/api/v1/patients/{id}/conditions', 'get'), ['200', '400', '401', '403', '404', '503']);
    assert.deepEqual(codes('/api/v1/patients/{id}/conditions', 'post'), ['201', '400', '401', '403', '404', '503']);
    assert.deepEqual(codes('/api/v1/patients/{id}/conditions/{conditionId}', 'patch'), ['200', '400', '401', '403', '404', '412', '503']);
    assert.deepEqual(codes('/api/v1/patients/{id}/conditions/{conditionId}', 'delete'), ['204', '400', '401', '403', '404', '503']);
  });
});

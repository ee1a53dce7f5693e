// Symptoms of a visit note: clinicians add, correct and remove them while the record is a draft;
// admins read; staff get nothing. A symptom is only ever reached through its own record.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { RecordSigned } from '../src/records/records.errors.js';
import { SymptomsRepository } from '../src/records/symptoms/symptoms.repository.js';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';
import { VisitFixture } from './support/visits.js';

describe('symptoms', () => {
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

  const asClinician = () => bearer(clinician.accessToken);
  const symptomsPath = (recordId: string) => `/api/v1/records/${recordId}/symptoms`;
  const symptomCount = () => accounts.prisma.symptom.count();

  async function draftRecord(): Promise<string> {
    return visits.draft(await visits.visit(await visits.patient(), clinician.id));
  }

  async function addSymptom(recordId: string, body: Record<string, unknown> = {}) {
    const response = await api
      .http()
      .post(symptomsPath(recordId))
      .set(asClinician())
      .send({ symptomName: 'Sore throat', bodySite: 'Throat', severity: 6, duration: '3 days', ...body })
      .expect(201);
    return response.body as { id: string; [field: string]: unknown };
  }

  describe('POST /api/v1/records/:recordId/symptoms', () => {
    it('adds a symptom to a draft, with an ETag', async () => {
      const recordId = await draftRecord();
      const response = await api.http().post(symptomsPath(recordId)).set(asClinician()).send({ symptomName: ' Fever ', severity: 10 }).expect(201);
      assert.deepEqual(
        { ...response.body, id: undefined, createdAt: undefined },
        { id: undefined, createdAt: undefined, medicalRecordId: recordId, symptomName: 'Fever', bodySite: null, severity: 10, duration: null, notes: null, isAIExtracted: false, reviewStatus: 'accepted' },
      );
      assert.match(response.headers.etag ?? '', /^".+"$/);
    });

    it('refuses invalid symptoms, writing nothing', async () => {
      const recordId = await draftRecord();
      const before = await symptomCount();
      const invalid: [Record<string, unknown>, string][] = [
        [{ symptomName: 'Fever', severity: 0 }, 'severity'],
        [{ symptomName: 'Fever', severity: 11 }, 'severity'],
        [{ symptomName: 'Fever', severity: 5.5 }, 'severity'],
        [{ symptomName: 'Fever', severity: '5' }, 'severity'],
        [{ severity: 5 }, 'symptomName'],
        [{ symptomName: '  ' }, 'symptomName'],
        [{ symptomName: 'Fever', isAIExtracted: true }, 'isAIExtracted'],
        [{ symptomName: 'Fever', medicalRecordId: randomUUID() }, 'medicalRecordId'],
      ];
      for (const [body, field] of invalid) {
        const response = await api.http().post(symptomsPath(recordId)).set(asClinician()).send(body).expect(400);
        assert.ok(response.body.errors.some((error: { field: string }) => error.field === field), JSON.stringify(response.body));
      }
      await api.http().post(symptomsPath('nope')).set(asClinician()).send({ symptomName: 'Fever' }).expect(400);
      assert.equal(await symptomCount(), before);
    });

    it('answers 409 under a signed record, 404 for an absent record, 401, 403 to staff and admins', async () => {
      const recordId = await draftRecord();
      await visits.sign(recordId, clinician.id);
      const signed = await api.http().post(symptomsPath(recordId)).set(asClinician()).send({ symptomName: 'Fever' }).expect(409);
      assert.match(signed.body.message, /signed/);
      await api.http().post(symptomsPath(randomUUID())).set(asClinician()).send({ symptomName: 'Fever' }).expect(404);
      const draft = await draftRecord();
      await api.http().post(symptomsPath(draft)).send({ symptomName: 'Fever' }).expect(401);
      await api.http().post(symptomsPath(draft)).set(bearer(staff.accessToken)).send({ symptomName: 'Fever' }).expect(403);
      await api.http().post(symptomsPath(draft)).set(bearer(admin.accessToken)).send({ symptomName: 'Fever' }).expect(403);
      assert.equal(await accounts.prisma.symptom.count({ where: { medicalRecordId: { in: [recordId, draft] } } }), 0);
    });
  });

  describe('GET /api/v1/records/:recordId/symptoms', () => {
    it("lists the record's symptoms, and only that record's, to clinicians and admins; pages them", async () => {
      const recordId = await draftRecord();
      const other = await draftRecord();
      const added = [await addSymptom(recordId), await addSymptom(recordId, { symptomName: 'Fever' }), await addSymptom(recordId, { symptomName: 'Cough' })];
      await addSymptom(other);
      for (const reader of [clinician, admin]) {
        const response = await api.http().get(symptomsPath(recordId)).set(bearer(reader.accessToken)).expect(200);
        assert.deepEqual(new Set(response.body.data.map((symptom: { id: string }) => symptom.id)), new Set(added.map((symptom) => symptom.id)));
        assert.equal(response.body.nextCursor, null);
      }
      const first = await api.http().get(symptomsPath(recordId)).query({ limit: 2 }).set(asClinician()).expect(200);
      assert.equal(first.body.data.length, 2);
      const second = await api.http().get(symptomsPath(recordId)).query({ limit: 2, cursor: first.body.nextCursor }).set(asClinician()).expect(200);
      assert.equal(second.body.data.length, 1);
      assert.equal(second.body.nextCursor, null);
    });

    it('answers 403 to staff, 401, 404 for an absent record, 400 for a malformed id or limit', async () => {
      const recordId = await draftRecord();
      await api.http().get(symptomsPath(recordId)).set(bearer(staff.accessToken)).expect(403);
      await api.http().get(symptomsPath(recordId)).expect(401);
      await api.http().get(symptomsPath(randomUUID())).set(asClinician()).expect(404);
      await api.http().get(symptomsPath('x')).set(asClinician()).expect(400);
      await api.http().get(symptomsPath(recordId)).query({ limit: 0 }).set(asClinician()).expect(400);
    });
  });

  describe('PATCH /api/v1/records/:recordId/symptoms/:symptomId', () => {
    it('corrects the fields sent; null clears an optional one; If-Match is honoured', async () => {
      const recordId = await draftRecord();
      const symptom = await addSymptom(recordId);
      const response = await api.http().patch(`${symptomsPath(recordId)}/${symptom.id}`).set(asClinician()).send({ severity: 8, bodySite: null }).expect(200);
      assert.deepEqual(response.body, { ...symptom, severity: 8, bodySite: null });
      await api.http().patch(`${symptomsPath(recordId)}/${symptom.id}`).set(asClinician()).set('If-Match', response.headers.etag!).send({ notes: 'Worse at night' }).expect(200);
      await api.http().patch(`${symptomsPath(recordId)}/${symptom.id}`).set(asClinician()).set('If-Match', response.headers.etag!).send({ severity: 2 }).expect(412);
    });

    it("answers 404 for another record's symptom, 409 on a signed record, 400 for invalid input, 403, 401", async () => {
      const recordId = await draftRecord();
      const other = await draftRecord();
      const symptom = await addSymptom(other);
      const foreign = await api.http().patch(`${symptomsPath(recordId)}/${symptom.id}`).set(asClinician()).send({ severity: 2 }).expect(404);
      assert.equal(foreign.body.message, 'Symptom not found on this record');
      await api.http().patch(`${symptomsPath(other)}/${symptom.id}`).set(asClinician()).send({ severity: 12 }).expect(400);
      await api.http().patch(`${symptomsPath(other)}/${symptom.id}`).set(asClinician()).send({ symptomName: null }).expect(400);
      await api.http().patch(`${symptomsPath(other)}/not-a-uuid`).set(asClinician()).send({ severity: 2 }).expect(400);
      await api.http().patch(`${symptomsPath(other)}/${symptom.id}`).set(bearer(staff.accessToken)).send({ severity: 2 }).expect(403);
      await api.http().patch(`${symptomsPath(other)}/${symptom.id}`).send({ severity: 2 }).expect(401);
      await visits.sign(other, clinician.id);
      await api.http().patch(`${symptomsPath(other)}/${symptom.id}`).set(asClinician()).send({ severity: 2 }).expect(409);
      assert.equal((await accounts.prisma.symptom.findUniqueOrThrow({ where: { id: symptom.id } })).severity, 6);
    });
  });

  describe('DELETE /api/v1/records/:recordId/symptoms/:symptomId', () => {
    it("removes a draft's symptom; 404 through another record or twice; 409 once signed", async () => {
      const recordId = await draftRecord();
      const other = await draftRecord();
      const symptom = await addSymptom(recordId);
      await api.http().delete(`${symptomsPath(other)}/${symptom.id}`).set(asClinician()).expect(404);
      await api.http().delete(`${symptomsPath(recordId)}/${symptom.id}`).set(bearer(admin.accessToken)).expect(403);
      await api.http().delete(`${symptomsPath(recordId)}/${symptom.id}`).expect(401);
      await api.http().delete(`${symptomsPath(recordId)}/${symptom.id}`).set(asClinician()).expect(204);
      await api.http().delete(`${symptomsPath(recordId)}/${symptom.id}`).set(asClinician()).expect(404);

      const kept = await addSymptom(other);
      await visits.sign(other, clinician.id);
      await api.http().delete(`${symptomsPath(other)}/${kept.id}`).set(asClinician()).expect(409);
      assert.equal(await accounts.prisma.symptom.count({ where: { id: kept.id } }), 1);
    });
  });

  describe('a write that races a signing', () => {
    it("answers 409, not 500, when the database's guard refuses it", async () => {
      // The service saw a draft; the record was signed before the write reached the database.
      const recordId = await draftRecord();
      const symptom = await addSymptom(recordId);
      await visits.sign(recordId, clinician.id);
      const repository = api.app.get(SymptomsRepository);
      const row = await accounts.prisma.symptom.findUniqueOrThrow({ where: { id: symptom.id } });
      const change = { patientId: (await visits.patientOfRecord(recordId))! };
      await assert.rejects(repository.table.create({ medicalRecordId: recordId, symptomName: 'Late' }, change), RecordSigned);
      await assert.rejects(repository.table.update(row, { severity: 1 }, change), RecordSigned);
      await assert.rejects(repository.table.delete(recordId, symptom.id, change), RecordSigned);
    });
  });
});

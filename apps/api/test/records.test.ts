// A visit's medical record: clinicians write the draft and sign it; a signed record never changes
// again (refused by the API, and by the database itself), and corrections are amendments that
// keep the original. Admins read; staff get nothing here.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';
import { VisitFixture } from './support/visits.js';

const NOTE = {
  chiefComplaint: 'Sore throat for three days',
  historyOfPresentIllness: 'Fever since Monday.',
  physicalExamNotes: 'Tonsillar exudate.',
  diagnosis: 'Streptococcal pharyngitis',
  diagnosisNotes: 'Rapid strep positive.',
  treatmentPlan: 'Antibiotics for 10 days.',
  followUpInstructions: 'Return if not better in 3 days.',
  patientEducation: 'Finish the course.',
};

describe('medical records', () => {
  let team: ClinicTeam;
  let api: TestApp;
  let accounts: AuthFixture;
  let visits: VisitFixture;
  let sql: pg.Client;
  let admin: SignedInProvider;
  let clinician: SignedInProvider;
  let staff: SignedInProvider;
  before(async () => {
    team = await startClinicTeam();
    ({ api, accounts, admin, clinician, staff } = team);
    visits = new VisitFixture(accounts.prisma);
    sql = new pg.Client({ connectionString: api.database.url });
    await sql.connect();
  });
  after(async () => {
    await sql.end();
    await team.close();
  });

  const asClinician = () => bearer(clinician.accessToken);
  const recordPath = (appointmentId: string) => `/api/v1/appointments/${appointmentId}/record`;
  const newVisit = async (status?: 'completed' | 'in_progress' | 'cancelled') => visits.visit(await visits.patient(), clinician.id, { status });

  async function writeDraft(appointmentId: string, body: Record<string, unknown> = NOTE) {
    return (await api.http().put(recordPath(appointmentId)).set(asClinician()).send(body).expect(200)).body;
  }

  async function signedVisit(): Promise<{ appointmentId: string; recordId: string }> {
    const appointmentId = await newVisit('completed');
    const record = await writeDraft(appointmentId);
    await api.http().post(`${recordPath(appointmentId)}/sign`).set(asClinician()).expect(200);
    return { appointmentId, recordId: record.id };
  }

  describe('PUT /api/v1/appointments/:appointmentId/record', () => {
    it('creates the draft, then replaces its whole text, with an ETag', async () => {
      const appointmentId = await newVisit();
      const created = await api.http().put(recordPath(appointmentId)).set(asClinician()).send(NOTE).expect(200);
      assert.equal(created.body.appointmentId, appointmentId);
      assert.equal(created.body.isDraft, true);
      assert.equal(created.body.signedAt, null);
      assert.equal(created.body.isAIGenerated, false);
      assert.deepEqual(created.body.amendments, []);
      for (const [field, value] of Object.entries(NOTE)) assert.equal(created.body[field], value);
      assert.match(created.headers.etag ?? '', /^".+"$/);

      const replaced = await api.http().put(recordPath(appointmentId)).set(asClinician()).send({ chiefComplaint: 'Cough' }).expect(200);
      assert.equal(replaced.body.id, created.body.id);
      assert.equal(replaced.body.chiefComplaint, 'Cough');
      assert.equal(replaced.body.diagnosis, null, 'PUT replaces: a field left out is empty');
      assert.equal(await accounts.prisma.medicalRecord.count({ where: { appointmentId } }), 1);
    });

    it('refuses invalid bodies and client-owned fields (mass assignment), writing nothing', async () => {
      const appointmentId = await newVisit();
      const invalid: [Record<string, unknown>, string][] = [
        [{ isDraft: false }, 'isDraft'],
        [{ signedAt: new Date().toISOString() }, 'signedAt'],
        [{ signedById: clinician.id }, 'signedById'],
        [{ isAIGenerated: true }, 'isAIGenerated'],
        [{ transcript: 'Patient: …' }, 'transcript'],
        [{ audioFileUrl: 'https://example.org/a.mp3' }, 'audioFileUrl'],
        [{ chiefComplaint: 42 }, 'chiefComplaint'],
        [{ chiefComplaint: 'x'.repeat(256) }, 'chiefComplaint'],
        [{ diagnosis: '   ' }, 'diagnosis'],
        [{ favouriteColour: 'blue' }, 'favouriteColour'],
      ];
      for (const [body, field] of invalid) {
        const response = await api.http().put(recordPath(appointmentId)).set(asClinician()).send(body).expect(400);
        assert.ok(response.body.errors.some((error: { field: string }) => error.field === field), JSON.stringify(response.body));
      }
      assert.equal(await accounts.prisma.medicalRecord.count({ where: { appointmentId } }), 0);
      const malformed = await api.http().put(recordPath('not-a-uuid')).set(asClinician()).send(NOTE).expect(400);
      assert.equal(malformed.body.errors[0].field, 'appointmentId');
    });

    it('answers 401 without a token, 403 to staff and admins, 404 for an absent appointment', async () => {
      const appointmentId = await newVisit();
      await api.http().put(recordPath(appointmentId)).send(NOTE).expect(401);
      await api.http().put(recordPath(appointmentId)).set(bearer(staff.accessToken)).send(NOTE).expect(403);
      await api.http().put(recordPath(appointmentId)).set(bearer(admin.accessToken)).send(NOTE).expect(403);
      await api.http().put(recordPath(randomUUID())).set(asClinician()).send(NOTE).expect(404);
      assert.equal(await accounts.prisma.medicalRecord.count({ where: { appointmentId } }), 0);
    });

    it('refuses a note for a cancelled visit (409)', async () => {
      const appointmentId = await newVisit('cancelled');
      const response = await api.http().put(recordPath(appointmentId)).set(asClinician()).send(NOTE).expect(409);
      assert.match(response.body.message, /cancelled/);
    });

    it('honours If-Match: the current ETag passes, a stale one is refused (412)', async () => {
      const appointmentId = await newVisit();
      await writeDraft(appointmentId);
      const read = await api.http().get(recordPath(appointmentId)).set(asClinician()).expect(200);
      const etag = read.headers.etag!;
      await api.http().put(recordPath(appointmentId)).set(asClinician()).set('If-Match', etag).send({ ...NOTE, diagnosis: 'Viral pharyngitis' }).expect(200);
      const stale = await api.http().put(recordPath(appointmentId)).set(asClinician()).set('If-Match', etag).send(NOTE).expect(412);
      assert.equal(stale.body.statusCode, 412);
      assert.equal((await api.http().get(recordPath(appointmentId)).set(asClinician()).expect(200)).body.diagnosis, 'Viral pharyngitis');
      // If-Match naming a version of a record that does not exist yet.
      await api.http().put(recordPath(await newVisit())).set(asClinician()).set('If-Match', etag).send(NOTE).expect(412);
    });
  });

  describe('GET /api/v1/appointments/:appointmentId/record', () => {
    it('answers clinicians and admins, with an ETag; 403 to staff, 401 without a token', async () => {
      const appointmentId = await newVisit();
      const written = await writeDraft(appointmentId);
      for (const reader of [clinician, admin]) {
        const response = await api.http().get(recordPath(appointmentId)).set(bearer(reader.accessToken)).expect(200);
        assert.deepEqual(response.body, written);
        assert.match(response.headers.etag ?? '', /^".+"$/);
      }
      await api.http().get(recordPath(appointmentId)).set(bearer(staff.accessToken)).expect(403);
      await api.http().get(recordPath(appointmentId)).expect(401);
    });

    it('answers 404 for an absent appointment or a visit without a record, 400 for a malformed id', async () => {
      await api.http().get(recordPath(randomUUID())).set(asClinician()).expect(404);
      const none = await api.http().get(recordPath(await newVisit())).set(asClinician()).expect(404);
      assert.equal(none.body.message, 'Medical record not found');
      await api.http().get(recordPath('123')).set(asClinician()).expect(400);
    });
  });

  describe('POST /api/v1/appointments/:appointmentId/record/sign', () => {
    it('signs the draft: isDraft false, signedAt, signedById the signer', async () => {
      const appointmentId = await newVisit('completed');
      await writeDraft(appointmentId);
      const response = await api.http().post(`${recordPath(appointmentId)}/sign`).set(asClinician()).expect(200);
      assert.equal(response.body.isDraft, false);
      assert.equal(response.body.signedById, clinician.id);
      assert.ok(Math.abs(Date.parse(response.body.signedAt) - Date.now()) < 60_000);
      assert.match(response.headers.etag ?? '', /^".+"$/);
    });

    it('refuses to sign twice (409), and refuses every later edit through the API (409)', async () => {
      const { appointmentId } = await signedVisit();
      const before = (await api.http().get(recordPath(appointmentId)).set(asClinician()).expect(200)).body;
      const again = await api.http().post(`${recordPath(appointmentId)}/sign`).set(asClinician()).expect(409);
      assert.match(again.body.message, /signed/);
      const edit = await api.http().put(recordPath(appointmentId)).set(asClinician()).send({ ...NOTE, diagnosis: 'Something else' }).expect(409);
      assert.match(edit.body.message, /amendment/);
      assert.deepEqual((await api.http().get(recordPath(appointmentId)).set(asClinician()).expect(200)).body, before);
    });

    it('answers 404 without a record, 412 on a stale If-Match, 403 to staff and admins, 401 without a token', async () => {
      await api.http().post(`${recordPath(await newVisit())}/sign`).set(asClinician()).expect(404);
      await api.http().post(`${recordPath(randomUUID())}/sign`).set(asClinician()).expect(404);
      await api.http().post(`${recordPath('nope')}/sign`).set(asClinician()).expect(400);
      const appointmentId = await newVisit();
      await writeDraft(appointmentId);
      await api.http().post(`${recordPath(appointmentId)}/sign`).set(asClinician()).set('If-Match', '"stale"').expect(412);
      await api.http().post(`${recordPath(appointmentId)}/sign`).set(bearer(staff.accessToken)).expect(403);
      await api.http().post(`${recordPath(appointmentId)}/sign`).set(bearer(admin.accessToken)).expect(403);
      await api.http().post(`${recordPath(appointmentId)}/sign`).expect(401);
      assert.equal((await api.http().get(recordPath(appointmentId)).set(asClinician()).expect(200)).body.isDraft, true);
    });
  });

  describe('the database guards signed records', () => {
    it('refuses a direct SQL UPDATE or DELETE of a signed record', async () => {
      const { recordId } = await signedVisit();
      await assert.rejects(sql.query(`UPDATE medical_records SET diagnosis = 'tampered' WHERE id = $1`, [recordId]), /signed/);
      await assert.rejects(sql.query(`UPDATE medical_records SET "isDraft" = true, "signedAt" = NULL WHERE id = $1`, [recordId]), /signed/);
      await assert.rejects(sql.query('DELETE FROM medical_records WHERE id = $1', [recordId]), /signed/);
      const { rows } = await sql.query('SELECT diagnosis, "isDraft" FROM medical_records WHERE id = $1', [recordId]);
      assert.deepEqual(rows, [{ diagnosis: NOTE.diagnosis, isDraft: false }]);
    });

    it("refuses direct SQL on a signed record's symptoms and prescriptions, and new ones under it", async () => {
      const appointmentId = await newVisit('completed');
      const { id: recordId } = await writeDraft(appointmentId);
      const symptom = await sql.query(`INSERT INTO symptoms ("medicalRecordId", "symptomName") VALUES ($1, 'Fever') RETURNING id`, [recordId]);
      const prescription = await sql.query(
        `INSERT INTO prescriptions ("medicalRecordId", "medicationName", strength, dosage, frequency, instructions)
         VALUES ($1, 'Cetirizine', '10 mg', '1 tablet', 'daily', 'At night') RETURNING id`,
        [recordId],
      );
      await api.http().post(`${recordPath(appointmentId)}/sign`).set(asClinician()).expect(200);
      const symptomId = symptom.rows[0].id;
      const prescriptionId = prescription.rows[0].id;
      await assert.rejects(sql.query(`UPDATE symptoms SET severity = 9 WHERE id = $1`, [symptomId]), /signed/);
      await assert.rejects(sql.query('DELETE FROM symptoms WHERE id = $1', [symptomId]), /signed/);
      await assert.rejects(sql.query(`INSERT INTO symptoms ("medicalRecordId", "symptomName") VALUES ($1, 'Cough')`, [recordId]), /signed/);
      await assert.rejects(sql.query(`UPDATE prescriptions SET refills = 5 WHERE id = $1`, [prescriptionId]), /signed/);
      await assert.rejects(sql.query('DELETE FROM prescriptions WHERE id = $1', [prescriptionId]), /signed/);
      await assert.rejects(
        sql.query(
          `INSERT INTO prescriptions ("medicalRecordId", "medicationName", strength, dosage, frequency, instructions)
           VALUES ($1, 'Ibuprofen', '200 mg', '1 tablet', 'as needed', 'With food')`,
          [recordId],
        ),
        /signed/,
      );
      // Moving a draft's symptom under the signed record is refused too.
      const draftRecord = await writeDraft(await newVisit());
      const moved = await sql.query(`INSERT INTO symptoms ("medicalRecordId", "symptomName") VALUES ($1, 'Rash') RETURNING id`, [draftRecord.id]);
      await assert.rejects(sql.query(`UPDATE symptoms SET "medicalRecordId" = $1 WHERE id = $2`, [recordId, moved.rows[0].id]), /signed/);
      const counts = await sql.query('SELECT (SELECT count(*) FROM symptoms WHERE "medicalRecordId" = $1)::int AS s, (SELECT count(*) FROM prescriptions WHERE "medicalRecordId" = $1)::int AS p', [recordId]);
      assert.deepEqual(counts.rows[0], { s: 1, p: 1 });
    });

    it('refuses deleting the appointment or patient of a signed record (the cascade reaches the guard)', async () => {
      const { appointmentId } = await signedVisit();
      await assert.rejects(sql.query('DELETE FROM appointments WHERE id = $1', [appointmentId]), /signed/);
      const { rows } = await sql.query('SELECT "patientId" FROM appointments WHERE id = $1', [appointmentId]);
      await assert.rejects(sql.query('DELETE FROM patients WHERE id = $1', [rows[0].patientId]), /signed/);
    });

    it('still lets drafts, their symptoms and prescriptions change, and a draft visit be deleted', async () => {
      const appointmentId = await newVisit();
      const { id: recordId } = await writeDraft(appointmentId);
      await sql.query(`INSERT INTO symptoms ("medicalRecordId", "symptomName") VALUES ($1, 'Fever')`, [recordId]);
      await sql.query(`UPDATE medical_records SET diagnosis = 'Flu' WHERE id = $1`, [recordId]);
      await sql.query('DELETE FROM appointments WHERE id = $1', [appointmentId]);
      assert.equal((await sql.query('SELECT 1 FROM medical_records WHERE id = $1', [recordId])).rowCount, 0);
    });
  });

  describe('POST /api/v1/appointments/:appointmentId/record/amendments', () => {
    it('amends a signed record, keeping the original text; the record lists its amendments', async () => {
      const { appointmentId, recordId } = await signedVisit();
      const original = (await api.http().get(recordPath(appointmentId)).set(asClinician()).expect(200)).body;
      const response = await api
        .http()
        .post(`${recordPath(appointmentId)}/amendments`)
        .set(asClinician())
        .send({ reason: 'Wrong diagnosis recorded', text: 'Diagnosis is viral pharyngitis; strep test was negative.' })
        .expect(201);
      assert.equal(response.body.medicalRecordId, recordId);
      assert.equal(response.body.authorId, clinician.id);
      assert.equal(response.body.reason, 'Wrong diagnosis recorded');
      await api.http().post(`${recordPath(appointmentId)}/amendments`).set(asClinician()).send({ reason: 'Typo', text: 'Second note.' }).expect(201);

      const read = (await api.http().get(recordPath(appointmentId)).set(bearer(admin.accessToken)).expect(200)).body;
      assert.deepEqual({ ...read, amendments: [] }, { ...original, amendments: [] }, 'the signed record itself is unchanged');
      assert.deepEqual(read.amendments.map((amendment: { reason: string }) => amendment.reason), ['Wrong diagnosis recorded', 'Typo']);
      assert.equal(read.diagnosis, NOTE.diagnosis);
    });

    it('refuses an amendment of a draft (409), and amendments are append-only in the database', async () => {
      const appointmentId = await newVisit();
      await writeDraft(appointmentId);
      const draft = await api.http().post(`${recordPath(appointmentId)}/amendments`).set(asClinician()).send({ reason: 'x', text: 'y' }).expect(409);
      assert.match(draft.body.message, /draft/);

      const signed = await signedVisit();
      const amendment = await api.http().post(`${recordPath(signed.appointmentId)}/amendments`).set(asClinician()).send({ reason: 'Typo', text: 'Left, not right.' }).expect(201);
      await assert.rejects(sql.query(`UPDATE record_amendments SET text = 'rewritten' WHERE id = $1`, [amendment.body.id]), /cannot be changed/);
      await assert.rejects(sql.query('DELETE FROM record_amendments WHERE id = $1', [amendment.body.id]), /cannot be changed/);
    });

    it('answers 400 for invalid bodies, 401, 403 to staff and admins, 404 without a record', async () => {
      const { appointmentId, recordId } = await signedVisit();
      const path = `${recordPath(appointmentId)}/amendments`;
      for (const body of [{ reason: 'x' }, { text: 'y' }, { reason: '  ', text: 'y' }, { reason: 'x', text: 'y', authorId: admin.id }, { reason: 3, text: 'y' }]) {
        await api.http().post(path).set(asClinician()).send(body).expect(400);
      }
      await api.http().post(path).send({ reason: 'x', text: 'y' }).expect(401);
      await api.http().post(path).set(bearer(staff.accessToken)).send({ reason: 'x', text: 'y' }).expect(403);
      await api.http().post(path).set(bearer(admin.accessToken)).send({ reason: 'x', text: 'y' }).expect(403);
      await api.http().post(`${recordPath(await newVisit())}/amendments`).set(asClinician()).send({ reason: 'x', text: 'y' }).expect(404);
      await api.http().post(`${recordPath('bad')}/amendments`).set(asClinician()).send({ reason: 'x', text: 'y' }).expect(400);
      assert.equal(await accounts.prisma.recordAmendment.count({ where: { medicalRecordId: recordId } }), 0);
    });
  });
});

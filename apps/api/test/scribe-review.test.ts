// The clinician's review of what the AI scribe extracted (issue 12): pending symptoms and
// prescriptions are accepted (the prescription through the allergy check) or rejected (kept,
// hidden from the record's lists and the chart), each decision an audit event with the patient;
// a record with pending items is not signed. Pending items are written straight into the suite's
// database, as the scribe's job does.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { testsUseServer } from '@clinic/db/testing';
import pg from 'pg';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';
import { fhirGet, resourcesOf } from './support/fhir.js';
import type { TestApp } from './support/test-app.js';
import { VisitFixture } from './support/visits.js';

type Item = 'symptoms' | 'prescriptions';

describe('reviewing AI-extracted items', () => {
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
  const itemPath = (recordId: string, item: Item, id: string, step: 'accept' | 'reject') => `/api/v1/records/${recordId}/${item}/${id}/${step}`;

  /** A draft with one pending symptom and one pending prescription, as the scribe leaves it. */
  async function scribedDraft(options: { allergens?: string[]; medicationName?: string } = {}) {
    const patientId = await visits.patient();
    for (const allergen of options.allergens ?? []) await accounts.prisma.allergy.create({ data: { patientId, allergen } });
    const appointmentId = await visits.visit(patientId, clinician.id);
    const recordId = await visits.draft(appointmentId);
    await accounts.prisma.medicalRecord.update({ where: { id: recordId }, data: { isAIGenerated: true, transcript: 'Sore throat for three days. Start amoxicillin.' } });
    const symptom = await accounts.prisma.symptom.create({
      data: { medicalRecordId: recordId, symptomName: 'Sore throat', duration: '3 days', isAIExtracted: true, reviewStatus: 'pending' },
    });
    const prescription = await accounts.prisma.prescription.create({
      data: {
        medicalRecordId: recordId,
        medicationName: options.medicationName ?? 'Amoxicillin',
        strength: '500 mg',
        dosage: '1 capsule',
        frequency: 'every 8 hours',
        duration: '10 days',
        instructions: 'Take with food.',
        isAIExtracted: true,
        reviewStatus: 'pending',
      },
    });
    return { patientId, appointmentId, recordId, symptomId: symptom.id, prescriptionId: prescription.id };
  }

  const reviewStatusOf = async (item: Item, id: string) =>
    item === 'symptoms'
      ? (await accounts.prisma.symptom.findUniqueOrThrow({ where: { id } })).reviewStatus
      : (await accounts.prisma.prescription.findUniqueOrThrow({ where: { id } })).reviewStatus;

  describe('accept and reject', () => {
    it('accepts a pending symptom and rejects a pending prescription, answering the item with its reviewStatus and an ETag', async () => {
      const draft = await scribedDraft();
      const accepted = await api.http().post(itemPath(draft.recordId, 'symptoms', draft.symptomId, 'accept')).set(asClinician()).expect(200);
      assert.equal(accepted.body.id, draft.symptomId);
      assert.equal(accepted.body.reviewStatus, 'accepted');
      assert.equal(accepted.body.isAIExtracted, true);
      assert.match(accepted.headers.etag ?? '', /^".+"$/);

      const rejected = await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'reject')).set(asClinician()).expect(200);
      assert.equal(rejected.body.reviewStatus, 'rejected');
      assert.equal(rejected.body.isAIExtracted, true);
      // Kept for the audit.
      assert.equal(await reviewStatusOf('prescriptions', draft.prescriptionId), 'rejected');
    });

    it('rejects a symptom and accepts a prescription (no allergy: no reason needed)', async () => {
      const draft = await scribedDraft();
      await api.http().post(itemPath(draft.recordId, 'symptoms', draft.symptomId, 'reject')).set(asClinician()).expect(200);
      const accepted = await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'accept')).set(asClinician()).expect(200);
      assert.equal(accepted.body.reviewStatus, 'accepted');
      assert.equal(accepted.body.overrideReason, null);
      assert.equal(await reviewStatusOf('symptoms', draft.symptomId), 'rejected');
    });

    it('answers 409 for an item that is not pending: already decided, or typed by a person', async () => {
      const draft = await scribedDraft();
      await api.http().post(itemPath(draft.recordId, 'symptoms', draft.symptomId, 'accept')).set(asClinician()).expect(200);
      for (const step of ['accept', 'reject'] as const) {
        const again = await api.http().post(itemPath(draft.recordId, 'symptoms', draft.symptomId, step)).set(asClinician()).expect(409);
        assert.match(again.body.message, /accepted, not awaiting review/);
      }
      await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'reject')).set(asClinician()).expect(200);
      await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'accept')).set(asClinician()).expect(409);

      const typed = await api
        .http()
        .post(`/api/v1/records/${draft.recordId}/symptoms`)
        .set(asClinician())
        .send({ symptomName: 'Fever' })
        .expect(201);
      assert.equal(typed.body.reviewStatus, 'accepted');
      assert.equal(typed.body.isAIExtracted, false);
      await api.http().post(itemPath(draft.recordId, 'symptoms', typed.body.id, 'reject')).set(asClinician()).expect(409);
      assert.equal(await reviewStatusOf('symptoms', typed.body.id), 'accepted');
    });

    it('answers 409 under a signed record, changing nothing', async () => {
      const draft = await scribedDraft();
      // Signed behind the API's back (the API itself refuses to sign with pending items, below).
      await accounts.prisma.symptom.update({ where: { id: draft.symptomId }, data: { reviewStatus: 'accepted' } });
      await visits.sign(draft.recordId, clinician.id);
      for (const step of ['accept', 'reject'] as const) {
        const response = await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, step)).set(asClinician()).expect(409);
        assert.match(response.body.message, /signed/);
      }
      assert.equal(await reviewStatusOf('prescriptions', draft.prescriptionId), 'pending');
    });
  });

  describe('the allergy check on accepting a prescription', () => {
    it("refuses (409, naming the allergy) a medication matching the patient's allergy without overrideReason; accepts with one, which is kept", async () => {
      const draft = await scribedDraft({ allergens: ['Penicillin'] });
      const refused = await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'accept')).set(asClinician()).expect(409);
      assert.match(refused.body.message, /allergy to Penicillin/);
      const emptyBody = await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'accept')).set(asClinician()).send({}).expect(409);
      assert.match(emptyBody.body.message, /overrideReason/);
      assert.equal(await reviewStatusOf('prescriptions', draft.prescriptionId), 'pending');

      const overrideReason = 'Tolerated amoxicillin in 2024 under supervision';
      const accepted = await api
        .http()
        .post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'accept'))
        .set(asClinician())
        .send({ overrideReason })
        .expect(200);
      assert.equal(accepted.body.reviewStatus, 'accepted');
      assert.equal(accepted.body.overrideReason, overrideReason);
      const stored = await accounts.prisma.prescription.findUniqueOrThrow({ where: { id: draft.prescriptionId } });
      assert.equal(stored.overrideReason, overrideReason);
    });

    it('folds spelling tricks as prescribing does (soft hyphen, full-width letters), and refuses an extracted name that mixes scripts', async () => {
      const softHyphen = await scribedDraft({ allergens: ['amoxicillin'], medicationName: 'Amoxi\u00adcillin' });
      await api.http().post(itemPath(softHyphen.recordId, 'prescriptions', softHyphen.prescriptionId, 'accept')).set(asClinician()).expect(409);
      const fullWidth = await scribedDraft({ allergens: ['Penicillin'], medicationName: 'ＡＭＯＸＩＣＩＬＬＩＮ' });
      await api.http().post(itemPath(fullWidth.recordId, 'prescriptions', fullWidth.prescriptionId, 'accept')).set(asClinician()).expect(409);

      // A Cyrillic о: no folding maps it, so the name is corrected before it can be accepted, even with a reason.
      const mixed = await scribedDraft({ allergens: ['Amoxicillin'], medicationName: 'Am\u043excicillin' });
      const refused = await api
        .http()
        .post(itemPath(mixed.recordId, 'prescriptions', mixed.prescriptionId, 'accept'))
        .set(asClinician())
        .send({ overrideReason: 'Reviewed' })
        .expect(409);
      assert.match(refused.body.message, /mixes letters of different scripts/);
      // Corrected (PATCH works on a pending item as on any other), then the check runs on the real name.
      await api
        .http()
        .patch(`/api/v1/records/${mixed.recordId}/prescriptions/${mixed.prescriptionId}`)
        .set(asClinician())
        .send({ medicationName: 'Cetirizine' })
        .expect(200);
      const accepted = await api.http().post(itemPath(mixed.recordId, 'prescriptions', mixed.prescriptionId, 'accept')).set(asClinician()).expect(200);
      assert.equal(accepted.body.medicationName, 'Cetirizine');
      assert.equal(accepted.body.reviewStatus, 'accepted');
    });
  });

  describe('refusals', () => {
    it('answers 400 for ids that are not UUIDs and for an invalid body, changing nothing', async () => {
      const draft = await scribedDraft();
      await api.http().post(itemPath('nope', 'symptoms', draft.symptomId, 'accept')).set(asClinician()).expect(400);
      await api.http().post(itemPath(draft.recordId, 'symptoms', 'nope', 'reject')).set(asClinician()).expect(400);
      await api.http().post(itemPath(draft.recordId, 'prescriptions', 'nope', 'accept')).set(asClinician()).expect(400);
      const invalid: [Record<string, unknown>, string][] = [
        [{ overrideReason: 42 }, 'overrideReason'],
        [{ reviewStatus: 'accepted' }, 'reviewStatus'],
        [{ overrideReason: 'x'.repeat(1001) }, 'overrideReason'],
      ];
      for (const [body, field] of invalid) {
        const response = await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'accept')).set(asClinician()).send(body).expect(400);
        assert.ok(response.body.errors.some((error: { field: string }) => error.field === field), JSON.stringify(response.body));
      }
      assert.equal(await reviewStatusOf('prescriptions', draft.prescriptionId), 'pending');
      assert.equal(await reviewStatusOf('symptoms', draft.symptomId), 'pending');
    });

    it('answers 401 without a token, 403 to staff and admins (reviewing writes the note), changing nothing', async () => {
      const draft = await scribedDraft();
      for (const [item, id] of [['symptoms', draft.symptomId], ['prescriptions', draft.prescriptionId]] as const) {
        for (const step of ['accept', 'reject'] as const) {
          await api.http().post(itemPath(draft.recordId, item, id, step)).expect(401);
          await api.http().post(itemPath(draft.recordId, item, id, step)).set(bearer(staff.accessToken)).expect(403);
          await api.http().post(itemPath(draft.recordId, item, id, step)).set(bearer(admin.accessToken)).expect(403);
        }
        assert.equal(await reviewStatusOf(item, id), 'pending');
      }
    });

    it("answers 404 for an absent record, an absent item, and an item of another record (recorded as denied under its own patient)", async () => {
      const draft = await scribedDraft();
      const other = await scribedDraft();
      await api.http().post(itemPath(randomUUID(), 'symptoms', draft.symptomId, 'accept')).set(asClinician()).expect(404);
      await api.http().post(itemPath(draft.recordId, 'symptoms', randomUUID(), 'accept')).set(asClinician()).expect(404);
      await api.http().post(itemPath(draft.recordId, 'prescriptions', randomUUID(), 'reject')).set(asClinician()).expect(404);
      // Through the wrong record: 404, and the attempt is in the trail under the item's patient.
      await api.http().post(itemPath(other.recordId, 'prescriptions', draft.prescriptionId, 'accept')).set(asClinician()).expect(404);
      await api.http().post(itemPath(other.recordId, 'symptoms', draft.symptomId, 'reject')).set(asClinician()).expect(404);
      assert.equal(await reviewStatusOf('prescriptions', draft.prescriptionId), 'pending');
      assert.equal(await reviewStatusOf('symptoms', draft.symptomId), 'pending');
      const denied = await accounts.prisma.auditEvent.findMany({ where: { actorId: clinician.id, outcome: 'denied', resourceId: { in: [draft.prescriptionId, draft.symptomId] } } });
      assert.deepEqual(
        denied.map((event) => [event.action, event.resourceType, event.patientId]).sort(),
        [
          ['accept', 'prescription', draft.patientId],
          // The absent record's path naming this symptom: an id tried through another path, too.
          ['accept', 'symptom', draft.patientId],
          ['reject', 'symptom', draft.patientId],
        ],
      );
    });
  });

  describe('what a rejected item leaves', () => {
    it("is hidden from the record's lists and the chart, kept unchanged (PATCH and DELETE 409); a pending item is rejected, not removed", async () => {
      const draft = await scribedDraft();
      const symptoms = `/api/v1/records/${draft.recordId}/symptoms`;
      const prescriptions = `/api/v1/records/${draft.recordId}/prescriptions`;
      // Pending items are on the record's lists (to be reviewed), with their status.
      const pendingList = await api.http().get(symptoms).set(asClinician()).expect(200);
      assert.deepEqual(
        pendingList.body.data.map((row: { id: string; reviewStatus: string }) => [row.id, row.reviewStatus]),
        [[draft.symptomId, 'pending']],
      );
      // …but not on the chart, which shows what the clinician accepted.
      const chartBefore = await api.http().get(`/api/v1/patients/${draft.patientId}/chart`).set(asClinician()).expect(200);
      assert.deepEqual(chartBefore.body.recentPrescriptions, []);

      // A pending item is not removed: it is rejected, so that the decision is kept.
      const removal = await api.http().delete(`${prescriptions}/${draft.prescriptionId}`).set(asClinician()).expect(409);
      assert.match(removal.body.message, /reject it instead/);

      await api.http().post(itemPath(draft.recordId, 'symptoms', draft.symptomId, 'reject')).set(asClinician()).expect(200);
      await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'reject')).set(asClinician()).expect(200);
      assert.deepEqual((await api.http().get(symptoms).set(asClinician()).expect(200)).body.data, []);
      const listed = await api.http().get(prescriptions).set(asClinician()).expect(200);
      assert.deepEqual(listed.body.data, []);
      assert.equal(listed.body.total ?? 0, 0);
      const chart = await api.http().get(`/api/v1/patients/${draft.patientId}/chart`).set(asClinician()).expect(200);
      assert.deepEqual(chart.body.recentPrescriptions, []);

      await api.http().patch(`${symptoms}/${draft.symptomId}`).set(asClinician()).send({ severity: 3 }).expect(409);
      await api.http().delete(`${symptoms}/${draft.symptomId}`).set(asClinician()).expect(409);
      await api.http().delete(`${prescriptions}/${draft.prescriptionId}`).set(asClinician()).expect(409);
      assert.equal(await reviewStatusOf('symptoms', draft.symptomId), 'rejected');
      assert.equal(await reviewStatusOf('prescriptions', draft.prescriptionId), 'rejected');
    });

    it('an accepted prescription joins the chart', async () => {
      const draft = await scribedDraft();
      await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'accept')).set(asClinician()).expect(200);
      const chart = await api.http().get(`/api/v1/patients/${draft.patientId}/chart`).set(asClinician()).expect(200);
      assert.deepEqual(
        chart.body.recentPrescriptions.map((row: { id: string; reviewStatus: string }) => [row.id, row.reviewStatus]),
        [[draft.prescriptionId, 'accepted']],
      );
    });

    it('a pending item is corrected by PATCH as today, and stays pending until reviewed', async () => {
      const draft = await scribedDraft();
      const corrected = await api
        .http()
        .patch(`/api/v1/records/${draft.recordId}/symptoms/${draft.symptomId}`)
        .set(asClinician())
        .send({ severity: 4, bodySite: 'Throat' })
        .expect(200);
      assert.equal(corrected.body.severity, 4);
      assert.equal(corrected.body.reviewStatus, 'pending');
    });
  });

  describe('signing', () => {
    it('refuses a record with pending items (409 "n items await review"), then signs it once every item is reviewed', async () => {
      const draft = await scribedDraft();
      const sign = () => api.http().post(`/api/v1/appointments/${draft.appointmentId}/record/sign`).set(asClinician());
      const refused = await sign().expect(409);
      assert.match(refused.body.message, /^2 items await review/);
      let record = await accounts.prisma.medicalRecord.findUniqueOrThrow({ where: { id: draft.recordId } });
      assert.equal(record.signedAt, null);
      assert.equal(record.isDraft, true);

      await api.http().post(itemPath(draft.recordId, 'symptoms', draft.symptomId, 'accept')).set(asClinician()).expect(200);
      const oneLeft = await sign().expect(409);
      assert.match(oneLeft.body.message, /^1 item awaits review/);

      await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'reject')).set(asClinician()).expect(200);
      const signed = await sign().expect(200);
      assert.notEqual(signed.body.signedAt, null);
      record = await accounts.prisma.medicalRecord.findUniqueOrThrow({ where: { id: draft.recordId } });
      assert.equal(record.signedById, clinician.id);
      // The refused signings left no sign event; the one that went through did.
      const signs = await accounts.prisma.auditEvent.count({ where: { action: 'sign', resourceId: draft.recordId } });
      assert.equal(signs, 1);
    });
  });

  describe('signing while the scribe adds items', () => {
    it(
      'counts an item added during the signing: the signing waits for it, then refuses',
      { skip: !testsUseServer() && 'the embedded PostgreSQL serves one session at a time' },
      async () => {
        const draft = await scribedDraft();
        await api.http().post(itemPath(draft.recordId, 'symptoms', draft.symptomId, 'accept')).set(asClinician()).expect(200);
        await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'reject')).set(asClinician()).expect(200);
        const scribe = new pg.Client({ connectionString: api.database.url });
        await scribe.connect();
        try {
          await scribe.query('BEGIN');
          // The insert holds the record's row (its foreign key's lock) until it commits: the signing waits for it.
          await scribe.query(`INSERT INTO symptoms ("medicalRecordId", "symptomName", "isAIExtracted", "reviewStatus") VALUES ($1, 'Cough', true, 'pending')`, [draft.recordId]);
          const signing = api.http().post(`/api/v1/appointments/${draft.appointmentId}/record/sign`).set(asClinician()).then((response) => response);
          await new Promise((resolve) => setTimeout(resolve, 300));
          await scribe.query('COMMIT');
          const response = await signing;
          assert.equal(response.status, 409, response.text);
          assert.match(response.body.message, /^1 item awaits review/);
        } finally {
          await scribe.end();
        }
        const record = await accounts.prisma.medicalRecord.findUniqueOrThrow({ where: { id: draft.recordId } });
        assert.equal(record.signedAt, null);
      },
    );
  });

  describe('FHIR', () => {
    it('shows what the clinician accepted on the signed note, never a rejected item', async () => {
      const draft = await scribedDraft();
      const kept = await accounts.prisma.prescription.create({
        data: {
          medicalRecordId: draft.recordId,
          medicationName: 'Ibuprofen',
          strength: '400 mg',
          dosage: '1 tablet',
          frequency: 'every 8 hours as needed',
          instructions: 'Take with food.',
          isAIExtracted: true,
          reviewStatus: 'pending',
        },
      });
      await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'reject')).set(asClinician()).expect(200);
      await api.http().post(itemPath(draft.recordId, 'prescriptions', kept.id, 'accept')).set(asClinician()).expect(200);
      await api.http().post(itemPath(draft.recordId, 'symptoms', draft.symptomId, 'reject')).set(asClinician()).expect(200);
      await api.http().post(`/api/v1/appointments/${draft.appointmentId}/record/sign`).set(asClinician()).expect(200);

      assert.equal((await fhirGet(api, `MedicationRequest/${kept.id}`, clinician.accessToken)).status, 200);
      assert.equal((await fhirGet(api, `MedicationRequest/${draft.prescriptionId}`, clinician.accessToken)).status, 404);
      const everything = await fhirGet(api, `Patient/${draft.patientId}/$everything`, clinician.accessToken);
      assert.equal(everything.status, 200);
      const requests = resourcesOf(everything.body).filter((resource) => resource.resourceType === 'MedicationRequest');
      assert.deepEqual(
        requests.map((resource) => resource.id),
        [kept.id],
      );
      assert.ok(!everything.text.includes(draft.prescriptionId));
    });
  });

  describe('the audit trail', () => {
    it('records every review step with its actor and patient; refused steps record nothing', async () => {
      const reviewer = await accounts.signedIn({ role: 'clinician' });
      const draft = await scribedDraft({ allergens: ['Penicillin'] });
      const as = bearer(reviewer.accessToken);
      await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'accept')).set(as).expect(409);
      await api.http().post(itemPath(draft.recordId, 'symptoms', draft.symptomId, 'reject')).set(as).expect(200);
      await api.http().post(itemPath(draft.recordId, 'symptoms', draft.symptomId, 'accept')).set(as).expect(409);
      await api.http().post(itemPath(draft.recordId, 'prescriptions', draft.prescriptionId, 'accept')).set(as).send({ overrideReason: 'Desensitised in 2025' }).expect(200);
      const events = await accounts.prisma.auditEvent.findMany({
        where: { actorId: reviewer.id, resourceType: { not: 'session' } },
        orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      });
      assert.deepEqual(
        events.map((event) => [event.action, event.resourceType, event.resourceId, event.patientId, event.outcome]),
        [
          ['reject', 'symptom', draft.symptomId, draft.patientId, 'success'],
          ['accept', 'prescription', draft.prescriptionId, draft.patientId, 'success'],
        ],
      );
      // The trail holds ids only: never the override's reason or the medication.
      assert.ok(!JSON.stringify(events).includes('Desensitised'));
    });

    it('lists review events by action (GET /audit-events?action=accept)', async () => {
      const draft = await scribedDraft();
      await api.http().post(itemPath(draft.recordId, 'symptoms', draft.symptomId, 'accept')).set(asClinician()).expect(200);
      const listed = await api.http().get('/api/v1/audit-events').query({ action: 'accept', patientId: draft.patientId }).set(bearer(admin.accessToken)).expect(200);
      assert.deepEqual(
        listed.body.data.map((event: { action: string; resourceId: string }) => [event.action, event.resourceId]),
        [['accept', draft.symptomId]],
      );
    });
  });
});

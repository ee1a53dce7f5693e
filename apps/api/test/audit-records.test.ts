// The audit trail of a visit note through the real app and database: what the record, its
// amendments, symptoms and prescriptions record for each request, ids only; that a refused
// change (409, 412) records nothing; that a symptom or prescription reached through another
// record's path is recorded as denied; and that a write the database refuses leaves no event.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { RecordSigned } from '../src/records/records.errors.js';
import { PrescriptionsRepository } from '../src/records/prescriptions/prescriptions.repository.js';
import { SymptomsRepository } from '../src/records/symptoms/symptoms.repository.js';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';
import { VisitFixture } from './support/visits.js';

const NOTE = {
  chiefComplaint: 'Zephyrine throat ache',
  diagnosis: 'Quorvel pharyngitis',
  treatmentPlan: 'Amoxicillin despite the allergy, watched closely.',
};
const SYMPTOM = { symptomName: 'Brindlecough', severity: 4, notes: 'Worse at night (Ostravian note)' };
const AMOXICILLIN = {
  medicationName: 'Amoxicillin',
  strength: '500 mg',
  dosage: '1 capsule',
  frequency: 'every 8 hours',
  instructions: 'Take with Velmora tea.',
  overrideReason: 'Tolerated Halvicort challenge last year',
};
const AMENDMENT = { reason: 'Wrong Grenlow side', text: 'The Tessaly ear was the left one.' };

/** Text that must never reach the trail: every note, reason and name the sequence sends. */
const NOTE_TEXT = ['Zephyrine', 'Quorvel', 'despite', 'Brindlecough', 'Ostravian', 'Velmora', 'Halvicort', 'Grenlow', 'Tessaly', 'Amoxicillin', 'Penicillin'];

/** What the records feature names in the trail. */
const RESOURCE_TYPES = ['medical_record', 'appointment', 'symptom', 'prescription', 'record_symptoms', 'record_prescriptions'];

type EventShape = { action: string; outcome: string; resourceType: string; resourceId: string | null; patientId: string | null; patientIds: string[] };

describe('audit trail of medical records, symptoms and prescriptions', () => {
  let team: ClinicTeam;
  let api: TestApp;
  let accounts: AuthFixture;
  let visits: VisitFixture;
  let clinician: SignedInProvider;
  /** A clinician used only by the scripted visit note, so its events are exactly ours. */
  let scribe: SignedInProvider;

  before(async () => {
    team = await startClinicTeam();
    ({ api, accounts, clinician } = team);
    visits = new VisitFixture(accounts.prisma);
    scribe = await accounts.signedIn({ role: 'clinician' });
  });
  after(() => team.close());

  const recordPath = (appointmentId: string) => `/api/v1/appointments/${appointmentId}/record`;
  const symptomsPath = (recordId: string) => `/api/v1/records/${recordId}/symptoms`;
  const prescriptionsPath = (recordId: string) => `/api/v1/records/${recordId}/prescriptions`;
  const eventCount = () => accounts.prisma.auditEvent.count();
  /** This feature's events of a provider (signing in leaves the auth feature's own events, not asserted here). */
  async function eventsOf(actorId: string): Promise<EventShape[]> {
    const rows = await accounts.prisma.auditEvent.findMany({ where: { actorId, resourceType: { in: RESOURCE_TYPES } }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
    return rows.map(({ action, outcome, resourceType, resourceId, patientId, patientIds }) => ({ action, outcome, resourceType, resourceId, patientId, patientIds }));
  }

  describe('a scripted visit note', () => {
    let patientId: string;
    let appointmentId: string;
    let recordId: string;
    let symptomId: string;
    let prescriptionId: string;
    let amendmentId: string;

    before(async () => {
      const as = () => bearer(scribe.accessToken);
      patientId = await visits.patient();
      await accounts.prisma.allergy.create({ data: { patientId, allergen: 'Penicillin' } });
      appointmentId = await visits.visit(patientId, scribe.id, { status: 'completed' });

      const written = await api.http().put(recordPath(appointmentId)).set(as()).send(NOTE).expect(200);
      recordId = written.body.id;
      await api.http().put(recordPath(appointmentId)).set(as()).set('If-Match', '"stale"').send(NOTE).expect(412);
      await api.http().get(recordPath(appointmentId)).set(as()).expect(200);
      symptomId = (await api.http().post(symptomsPath(recordId)).set(as()).send(SYMPTOM).expect(201)).body.id;
      const { overrideReason: _override, ...withoutOverride } = AMOXICILLIN;
      await api.http().post(prescriptionsPath(recordId)).set(as()).send(withoutOverride).expect(409);
      prescriptionId = (await api.http().post(prescriptionsPath(recordId)).set(as()).send(AMOXICILLIN).expect(201)).body.id;
      const symptoms = await api.http().get(symptomsPath(recordId)).set(as()).expect(200);
      assert.deepEqual(
        symptoms.body.data.map((symptom: { id: string }) => symptom.id),
        [symptomId],
      );
      const prescriptions = await api.http().get(prescriptionsPath(recordId)).set(as()).expect(200);
      assert.deepEqual(
        prescriptions.body.data.map((prescription: { id: string }) => prescription.id),
        [prescriptionId],
      );
      await api.http().post(`${recordPath(appointmentId)}/sign`).set(as()).expect(200);
      await api.http().post(`${recordPath(appointmentId)}/sign`).set(as()).expect(409);
      amendmentId = (await api.http().post(`${recordPath(appointmentId)}/amendments`).set(as()).send(AMENDMENT).expect(201)).body.id;
      const read = await api.http().get(recordPath(appointmentId)).set(as()).expect(200);
      assert.deepEqual(
        read.body.amendments.map((amendment: { id: string }) => amendment.id),
        [amendmentId],
      );
    });

    it('leaves exactly one event per request that reached the note, none for the 412 and the 409s', async () => {
      const event = (action: string, resourceType: string, resourceId: string, patientIds: string[] = []): EventShape => ({
        action,
        outcome: 'success',
        resourceType,
        resourceId,
        patientId,
        patientIds,
      });
      assert.deepEqual(await eventsOf(scribe.id), [
        event('create', 'medical_record', recordId),
        event('read', 'medical_record', recordId),
        event('create', 'symptom', symptomId),
        event('create', 'prescription', prescriptionId),
        event('read', 'record_symptoms', recordId, [patientId]),
        event('read', 'record_prescriptions', recordId, [patientId]),
        event('sign', 'medical_record', recordId),
        event('amend', 'medical_record', recordId),
        event('read', 'medical_record', recordId),
      ]);
    });

    it("holds no note text, symptom, medication, override reason or amendment", async () => {
      const rows = await accounts.prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM "audit_events"');
      const text = JSON.stringify(rows);
      for (const value of NOTE_TEXT) assert.ok(!text.includes(value), `the trail holds ${value}`);
    });
  });

  describe('404s', () => {
    it("records a symptom or prescription reached through another record's path as denied, an absent one as failed", async () => {
      const prober = await accounts.signedIn({ role: 'clinician' });
      const as = () => bearer(prober.accessToken);
      const ownerPatient = await visits.patient();
      const ownerRecord = await visits.draft(await visits.visit(ownerPatient, clinician.id));
      const otherPatient = await visits.patient();
      const otherRecord = await visits.draft(await visits.visit(otherPatient, clinician.id));
      const symptom = await accounts.prisma.symptom.create({ data: { medicalRecordId: ownerRecord, symptomName: 'Fever' } });
      const prescription = await accounts.prisma.prescription.create({
        data: { medicalRecordId: ownerRecord, medicationName: 'Cetirizine', strength: '10 mg', dosage: '1 tablet', frequency: 'daily', instructions: 'At night.' },
      });
      const absent = randomUUID();
      const missingRecord = randomUUID();
      const missingAppointment = randomUUID();

      await api.http().patch(`${symptomsPath(otherRecord)}/${symptom.id}`).set(as()).send({ severity: 9 }).expect(404);
      await api.http().delete(`${symptomsPath(otherRecord)}/${symptom.id}`).set(as()).expect(404);
      await api.http().delete(`${prescriptionsPath(otherRecord)}/${prescription.id}`).set(as()).expect(404);
      await api.http().patch(`${symptomsPath(otherRecord)}/${absent}`).set(as()).send({ severity: 9 }).expect(404);
      await api.http().get(symptomsPath(missingRecord)).set(as()).expect(404);
      await api.http().get(recordPath(missingAppointment)).set(as()).expect(404);

      assert.equal((await accounts.prisma.symptom.findUniqueOrThrow({ where: { id: symptom.id } })).severity, null);
      assert.deepEqual(await eventsOf(prober.id), [
        { action: 'update', outcome: 'denied', resourceType: 'symptom', resourceId: symptom.id, patientId: ownerPatient, patientIds: [] },
        { action: 'archive', outcome: 'denied', resourceType: 'symptom', resourceId: symptom.id, patientId: ownerPatient, patientIds: [] },
        { action: 'archive', outcome: 'denied', resourceType: 'prescription', resourceId: prescription.id, patientId: ownerPatient, patientIds: [] },
        { action: 'update', outcome: 'failed', resourceType: 'symptom', resourceId: absent, patientId: otherPatient, patientIds: [] },
        { action: 'read', outcome: 'failed', resourceType: 'medical_record', resourceId: missingRecord, patientId: null, patientIds: [] },
        { action: 'read', outcome: 'failed', resourceType: 'appointment', resourceId: missingAppointment, patientId: null, patientIds: [] },
      ]);
    });
  });

  describe('refused changes', () => {
    it('records nothing for a 409 on a signed record', async () => {
      const as = () => bearer(clinician.accessToken);
      const patientId = await visits.patient();
      const appointmentId = await visits.visit(patientId, clinician.id, { status: 'completed' });
      const recordId = await visits.draft(appointmentId);
      const symptom = await accounts.prisma.symptom.create({ data: { medicalRecordId: recordId, symptomName: 'Fever' } });
      await visits.sign(recordId, clinician.id);

      const before = await accounts.prisma.auditEvent.count({ where: { actorId: clinician.id } });
      await api.http().put(recordPath(appointmentId)).set(as()).send(NOTE).expect(409);
      await api.http().post(`${recordPath(appointmentId)}/sign`).set(as()).expect(409);
      await api.http().post(symptomsPath(recordId)).set(as()).send(SYMPTOM).expect(409);
      await api.http().patch(`${symptomsPath(recordId)}/${symptom.id}`).set(as()).send({ severity: 2 }).expect(409);
      await api.http().delete(`${symptomsPath(recordId)}/${symptom.id}`).set(as()).expect(409);
      await api.http().post(prescriptionsPath(recordId)).set(as()).send(AMOXICILLIN).expect(409);
      assert.equal(await accounts.prisma.auditEvent.count({ where: { actorId: clinician.id } }), before);
    });

    it('leaves no event when the database refuses a write under a signed record (the transaction rolls back)', async () => {
      // The service saw a draft; the record was signed before the write reached the database.
      const recordId = await visits.draft(await visits.visit(await visits.patient(), clinician.id));
      const symptom = await accounts.prisma.symptom.create({ data: { medicalRecordId: recordId, symptomName: 'Fever' } });
      const prescription = await accounts.prisma.prescription.create({
        data: { medicalRecordId: recordId, medicationName: 'Cetirizine', strength: '10 mg', dosage: '1 tablet', frequency: 'daily', instructions: 'At night.' },
      });
      await visits.sign(recordId, clinician.id);
      const symptoms = api.app.get(SymptomsRepository);
      const prescriptions = api.app.get(PrescriptionsRepository);

      const before = await eventCount();
      const change = { patientId: (await visits.patientOfRecord(recordId))! };
      await assert.rejects(symptoms.table.create({ medicalRecordId: recordId, symptomName: 'Late' }, change), RecordSigned);
      await assert.rejects(symptoms.table.update(symptom, { severity: 1 }, change), RecordSigned);
      await assert.rejects(symptoms.table.delete(recordId, symptom.id, change), RecordSigned);
      await assert.rejects(prescriptions.table.update(prescription, { refills: 1 }, change), RecordSigned);
      await assert.rejects(prescriptions.table.delete(recordId, prescription.id, change), RecordSigned);
      assert.equal(await eventCount(), before);
    });
  });
});

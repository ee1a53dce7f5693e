// The audit trail of the chart's entries through the real app and database: what allergies,
// chronic conditions and the chart read record for each request, that an entry reached through
// another patient's path is a 404 recorded as denied, and that a refused change records nothing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AllergiesRepository } from '../src/patients/allergies/allergies.repository.js';
import { ConditionsRepository } from '../src/patients/conditions/conditions.repository.js';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { startClinicTeam, type ClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';
import { insertPatient } from './support/visits.js';

/** Text that must never reach the trail: the entries' words and the patients' names. */
const IDENTIFYING = ['Penicillin', 'Hives', 'Latex', 'hypertension', 'Home readings', 'Asthma', 'Orrinvale', 'Brisk'];

interface EventShape {
  action: string;
  outcome: string;
  resourceType: string;
  resourceId: string | null;
  patientId: string | null;
  patientIds: string[];
}

describe('audit trail of chart entries', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  let team: ClinicTeam;
  let clinician: SignedInProvider;
  /** Clinicians used only by one scripted sequence each, so their events are exactly the sequence's. */
  let allergyClinician: SignedInProvider;
  let conditionClinician: SignedInProvider;
  let chartReader: SignedInProvider;
  const missingId = randomUUID();

  before(async () => {
    team = await startClinicTeam();
    ({ api, accounts, clinician } = team);
    allergyClinician = await accounts.signedIn({ role: 'clinician' });
    conditionClinician = await accounts.signedIn({ role: 'clinician' });
    chartReader = await accounts.signedIn({ role: 'staff' });
  });
  after(() => team.close());

  const eventCount = () => accounts.prisma.auditEvent.count();
  async function eventsOf(actorId: string): Promise<EventShape[]> {
    const events = await accounts.prisma.auditEvent.findMany({ where: { actorId, resourceType: { not: 'session' } }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
    return events.map(({ action, outcome, resourceType, resourceId, patientId, patientIds }) => ({ action, outcome, resourceType, resourceId, patientId, patientIds }));
  }
  const event = (action: string, outcome: string, resourceType: string, resourceId: string | null, patientId: string | null, patientIds: string[] = []): EventShape => ({
    action,
    outcome,
    resourceType,
    resourceId,
    patientId,
    patientIds,
  });

  const newPatient = (lastName = 'Orrinvale') => insertPatient(accounts.prisma, { firstName: 'Brisk', lastName, dateOfBirth: '1980-06-15', phone: '555-010-0600', emergencyContactName: 'Brisk Orrinvale', emergencyContactPhone: '555-010-0601' });

  describe('allergies', () => {
    let patientId: string;
    let otherPatientId: string;
    let allergyId: string;
    let otherAllergyId: string;

    before(async () => {
      [patientId, otherPatientId] = [await newPatient(), await newPatient()];
      // Written straight to the database: no request, no event, and no actor of ours.
      ({ id: otherAllergyId } = await accounts.prisma.allergy.create({ data: { patientId: otherPatientId, allergen: 'Latex', severity: 'mild' } }));
      const as = () => bearer(allergyClinician.accessToken);
      const http = () => api.http();
      const path = `/api/v1/patients/${patientId}/allergies`;

      const created = await http().post(path).set(as()).send({ allergen: 'Penicillin', reaction: 'Hives', severity: 'moderate' }).expect(201);
      allergyId = created.body.id;
      await http().post(path).set(as()).send({ allergen: 'Penicillin', severity: 'fatal' }).expect(400);
      await http().post(path).set(as()).send({ allergen: 'Penicillin', onsetDate: '1979-01-01' }).expect(400);
      await http().get(path).set(as()).expect(200);
      const read = await http().get(`${path}/${allergyId}`).set(as()).expect(200);
      await http().patch(`${path}/${allergyId}`).set(as()).set('If-Match', read.headers.etag).send({ severity: 'severe' }).expect(200);
      await http().patch(`${path}/${allergyId}`).set(as()).set('If-Match', read.headers.etag).send({ severity: 'mild' }).expect(412);
      await http().patch(`${path}/${allergyId}`).set(as()).send({ severity: 'fatal' }).expect(400);
      await http().patch(`${path}/${allergyId}`).set(as()).send({ onsetDate: '1979-01-01' }).expect(400);
      await http().patch(`${path}/${allergyId}`).set(as()).send({}).expect(200);
      // Another patient's allergy through this patient's path: 404, recorded as denied.
      await http().get(`${path}/${otherAllergyId}`).set(as()).expect(404);
      await http().patch(`${path}/${otherAllergyId}`).set(as()).send({ severity: 'severe' }).expect(404);
      await http().delete(`${path}/${otherAllergyId}`).set(as()).expect(404);
      // Ids that are nobody's: 404, recorded as failed.
      await http().get(`${path}/${missingId}`).set(as()).expect(404);
      await http().get(`/api/v1/patients/${missingId}/allergies`).set(as()).expect(404);
      await http().post(`/api/v1/patients/${missingId}/allergies`).set(as()).send({ allergen: 'Penicillin' }).expect(404);
      await http().delete(`${path}/${allergyId}`).set(as()).expect(204);
      await http().delete(`${path}/${allergyId}`).set(as()).expect(404);
    });

    it('records one event per request: served, refused as invalid (failed), or reaching another chart (denied, under that patient)', async () => {
      assert.deepEqual(await eventsOf(allergyClinician.id), [
        event('create', 'success', 'allergy', allergyId, patientId),
        event('create', 'failed', 'allergy', null, patientId),
        event('create', 'failed', 'allergy', null, patientId),
        event('read', 'success', 'allergies', null, patientId, [patientId]),
        event('read', 'success', 'allergy', allergyId, patientId),
        event('update', 'success', 'allergy', allergyId, patientId),
        // The stale If-Match (412) changed and showed nothing: no event.
        event('update', 'failed', 'allergy', allergyId, patientId),
        event('update', 'failed', 'allergy', allergyId, patientId),
        event('read', 'success', 'allergy', allergyId, patientId),
        event('read', 'denied', 'allergy', otherAllergyId, otherPatientId),
        event('update', 'denied', 'allergy', otherAllergyId, otherPatientId),
        event('archive', 'denied', 'allergy', otherAllergyId, otherPatientId),
        event('read', 'failed', 'allergy', missingId, patientId),
        event('read', 'failed', 'allergies', null, missingId),
        event('create', 'failed', 'allergy', null, missingId),
        event('archive', 'success', 'allergy', allergyId, patientId),
        event('archive', 'failed', 'allergy', allergyId, patientId),
      ]);
    });

    it("leaves the other patient's allergy as it was", async () => {
      const other = await accounts.prisma.allergy.findUniqueOrThrow({ where: { id: otherAllergyId } });
      assert.deepEqual([other.patientId, other.severity], [otherPatientId, 'mild']);
    });

    it('records nothing when a change loses a race, or finds nothing to remove', async () => {
      const created = await api.http().post(`/api/v1/patients/${patientId}/allergies`).set(bearer(clinician.accessToken)).send({ allergen: 'Penicillin' }).expect(201);
      const repository = api.app.get(AllergiesRepository);
      const readEarlier = (await repository.table.find(patientId, created.body.id))!;
      await api.http().patch(`/api/v1/patients/${patientId}/allergies/${created.body.id}`).set(bearer(clinician.accessToken)).send({ reaction: 'Hives' }).expect(200);
      const before = await eventCount();
      assert.equal(await repository.table.update(readEarlier, { severity: 'mild' }, { patientId }), null);
      assert.equal(await repository.table.delete(otherPatientId, created.body.id, { patientId: otherPatientId }), false);
      assert.equal(await eventCount(), before);
    });
  });

  describe('chronic conditions', () => {
    let patientId: string;
    let otherPatientId: string;
    let conditionId: string;
    let otherConditionId: string;

    before(async () => {
      [patientId, otherPatientId] = [await newPatient(), await newPatient()];
      ({ id: otherConditionId } = await accounts.prisma.chronicCondition.create({ data: { patientId: otherPatientId, conditionName: 'Asthma', status: 'controlled' } }));
      const as = () => bearer(conditionClinician.accessToken);
      const http = () => api.http();
      const path = `/api/v1/patients/${patientId}/conditions`;

      const created = await http().post(path).set(as()).send({ conditionName: 'Essential hypertension', notes: 'Home readings twice a week' }).expect(201);
      conditionId = created.body.id;
      await http().post(path).set(as()).send({ conditionName: 'Essential hypertension', status: 'cured' }).expect(400);
      await http().get(path).set(as()).expect(200);
      await http().get(path).set(as()).query({ status: 'resolved' }).expect(200);
      const read = await http().get(`${path}/${conditionId}`).set(as()).expect(200);
      await http().patch(`${path}/${conditionId}`).set(as()).set('If-Match', read.headers.etag).send({ status: 'controlled' }).expect(200);
      await http().patch(`${path}/${conditionId}`).set(as()).set('If-Match', read.headers.etag).send({ status: 'resolved' }).expect(412);
      await http().patch(`${path}/${conditionId}`).set(as()).send({ diagnosisDate: '1979-01-01' }).expect(400);
      await http().get(`${path}/${otherConditionId}`).set(as()).expect(404);
      await http().patch(`${path}/${otherConditionId}`).set(as()).send({ status: 'resolved' }).expect(404);
      await http().delete(`${path}/${otherConditionId}`).set(as()).expect(404);
      await http().get(`${path}/${missingId}`).set(as()).expect(404);
      await http().delete(`/api/v1/patients/${missingId}/conditions/${otherConditionId}`).set(as()).expect(404);
      await http().delete(`${path}/${conditionId}`).set(as()).expect(204);
    });

    it('records one event per request: served, refused as invalid (failed), or reaching another chart (denied, under that patient)', async () => {
      assert.deepEqual(await eventsOf(conditionClinician.id), [
        event('create', 'success', 'chronic_condition', conditionId, patientId),
        event('create', 'failed', 'chronic_condition', null, patientId),
        event('read', 'success', 'chronic_conditions', null, patientId, [patientId]),
        event('read', 'success', 'chronic_conditions', null, patientId, [patientId]),
        event('read', 'success', 'chronic_condition', conditionId, patientId),
        event('update', 'success', 'chronic_condition', conditionId, patientId),
        event('update', 'failed', 'chronic_condition', conditionId, patientId),
        event('read', 'denied', 'chronic_condition', otherConditionId, otherPatientId),
        event('update', 'denied', 'chronic_condition', otherConditionId, otherPatientId),
        event('archive', 'denied', 'chronic_condition', otherConditionId, otherPatientId),
        event('read', 'failed', 'chronic_condition', missingId, patientId),
        // Another chart's condition is denied even through a patient id that is nobody's.
        event('archive', 'denied', 'chronic_condition', otherConditionId, otherPatientId),
        event('archive', 'success', 'chronic_condition', conditionId, patientId),
      ]);
    });

    it("leaves the other patient's condition as it was", async () => {
      const other = await accounts.prisma.chronicCondition.findUniqueOrThrow({ where: { id: otherConditionId } });
      assert.deepEqual([other.patientId, other.status], [otherPatientId, 'controlled']);
    });

    it('records nothing when a change loses a race', async () => {
      const created = await api.http().post(`/api/v1/patients/${patientId}/conditions`).set(bearer(clinician.accessToken)).send({ conditionName: 'Asthma' }).expect(201);
      const repository = api.app.get(ConditionsRepository);
      const readEarlier = (await repository.table.find(patientId, created.body.id))!;
      await api.http().patch(`/api/v1/patients/${patientId}/conditions/${created.body.id}`).set(bearer(clinician.accessToken)).send({ status: 'controlled' }).expect(200);
      const before = await eventCount();
      assert.equal(await repository.table.update(readEarlier, { status: 'resolved' }, { patientId }), null);
      assert.equal(await eventCount(), before);
    });

    it('rolls the change back when its event cannot be written', async () => {
      const before = await eventCount();
      const conditions = () => accounts.prisma.chronicCondition.count({ where: { patientId } });
      const stored = await conditions();
      // Only this suite's own database: every insert into the trail fails while the trigger exists.
      await accounts.prisma.$executeRawUnsafe(`CREATE FUNCTION "test_refuse_audit"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'trail unavailable'; END; $$`);
      await accounts.prisma.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_audit" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "test_refuse_audit"()`);
      try {
        await api.http().post(`/api/v1/patients/${patientId}/conditions`).set(bearer(clinician.accessToken)).send({ conditionName: 'Asthma' }).expect(500);
        await api.http().post(`/api/v1/patients/${patientId}/allergies`).set(bearer(clinician.accessToken)).send({ allergen: 'Latex' }).expect(500);
        await api.http().get(`/api/v1/patients/${patientId}/conditions`).set(bearer(clinician.accessToken)).expect(500);
        await api.http().get(`/api/v1/patients/${patientId}/chart`).set(bearer(clinician.accessToken)).expect(500);
      } finally {
        await accounts.prisma.$executeRawUnsafe('DROP TRIGGER "test_refuse_audit" ON "audit_events"');
        await accounts.prisma.$executeRawUnsafe('DROP FUNCTION "test_refuse_audit"()');
      }
      assert.equal(await conditions(), stored);
      assert.equal(await accounts.prisma.allergy.count({ where: { patientId, allergen: 'Latex' } }), 0);
      assert.equal(await eventCount(), before);
    });
  });

  describe('the chart', () => {
    let patientId: string;

    before(async () => {
      patientId = await newPatient();
      await accounts.prisma.allergy.create({ data: { patientId, allergen: 'Penicillin' } });
      const as = () => bearer(chartReader.accessToken);
      await api.http().get(`/api/v1/patients/${patientId}/chart`).set(as()).expect(200);
      await api.http().get(`/api/v1/patients/${missingId}/chart`).set(as()).expect(404);
      await api.http().get('/api/v1/patients/not-a-uuid/chart').set(as()).expect(400);
    });

    it('records one read for the whole chart, and a failed one for an id that is no patient or no id at all', async () => {
      assert.deepEqual(await eventsOf(chartReader.id), [
        event('read', 'success', 'chart', patientId, patientId),
        event('read', 'failed', 'chart', missingId, missingId),
        // A malformed id (400): the attempt is recorded, with no id to name.
        event('read', 'failed', 'chart', null, null),
      ]);
    });
  });

  it('holds no allergens, reactions, condition names, notes or patient names', async () => {
    const rows = await accounts.prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM "audit_events"');
    const text = JSON.stringify(rows);
    for (const value of IDENTIFYING) assert.ok(!text.includes(value), `the trail holds ${value}`);
  });
});

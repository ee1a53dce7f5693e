// The FHIR API's contract outside searches: /metadata, reads of every type, the errors as
// OperationOutcomes (401, 403, 404, 400, 406), what staff may not see, and the audit events.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { validateR4 } from '@clinic/fhir/testing';
import type { CapabilityStatement, Composition, MedicationRequest, Observation, Patient } from '@medplum/fhirtypes';
import { bearer, type TestProvider } from './support/auth.js';
import { type WrittenChart, writeChart } from './support/charts.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';
import { eventsOf, FHIR, fhirGet, outcomeTexts, TEST_HOST } from './support/fhir.js';

describe('the FHIR API: metadata, reads and errors', () => {
  let team: ClinicTeam;
  let amender: TestProvider;
  let chart: WrittenChart;
  let archived: WrittenChart;
  const prisma = () => team.accounts.prisma;

  before(async () => {
    // Low, so that the throttle shows; this suite's other calls are reads, which are not counted.
    team = await startClinicTeam({ LIST_RATE_LIMIT_PER_MINUTE: '3' });
    amender = await team.accounts.createProvider({ role: 'clinician', firstName: 'Ama', lastName: 'Mender' });
    chart = await writeChart(prisma(), { clinicianId: team.clinician.id, amenderId: amender.id });
    archived = await writeChart(prisma(), { clinicianId: team.clinician.id, amenderId: amender.id, signedVisits: 1, archived: true, lastName: 'Gone' });
  });
  after(() => team.close());

  it('serves its CapabilityStatement without sign-in, valid R4, listing what it serves', async () => {
    const response = await fhirGet(team.api, 'metadata');
    assert.equal(response.status, 200);
    const statement = response.body as CapabilityStatement;
    assert.equal(statement.resourceType, 'CapabilityStatement');
    assert.deepEqual(validateR4(statement), []);
    assert.equal(statement.implementation?.url, `http://${TEST_HOST}${FHIR}`, 'links are built from the request\'s host');
    const types = statement.rest?.[0]?.resource?.map((resource) => resource.type).sort();
    assert.deepEqual(types, ['AllergyIntolerance', 'Composition', 'Condition', 'Encounter', 'MedicationRequest', 'Observation', 'Patient', 'Practitioner']);
    const pretty = await fhirGet(team.api, 'metadata?_pretty=true');
    assert.match(pretty.text, /^\{\n {2}"resourceType": "CapabilityStatement"/);
    outcomeTexts(await fhirGet(team.api, 'metadata?_format=xml'), 406);
    outcomeTexts(await fhirGet(team.api, 'metadata?mode=terminology'), 400);
  });

  it('reads every type of a chart, each valid R4, as each role may', async () => {
    const token = team.clinician.accessToken;
    const observation = `${chart.vitalSignsIds[0]}-blood-pressure`;
    const reads = {
      Patient: chart.patientId,
      Practitioner: team.clinician.id,
      Encounter: chart.appointmentIds[0],
      Observation: observation,
      AllergyIntolerance: chart.allergyIds[0],
      Condition: chart.conditionIds[0],
      MedicationRequest: chart.signedPrescriptionIds[0],
      Composition: chart.signedRecordIds[0],
    };
    for (const [type, id] of Object.entries(reads)) {
      const response = await fhirGet(team.api, `${type}/${id}`, token);
      assert.equal(response.status, 200, `${type}: ${response.text}`);
      assert.equal(response.body.resourceType, type);
      assert.equal(response.body.id, id);
      assert.deepEqual(validateR4(response.body), [], type);
    }
    const bloodPressure = (await fhirGet(team.api, `Observation/${observation}`, token)).body as Observation;
    assert.deepEqual(bloodPressure.component?.map((component) => component.valueQuantity?.value), [128, 82]);
    const note = (await fhirGet(team.api, `Composition/${chart.signedRecordIds[0]}`, token)).body as Composition;
    assert.equal(note.status, 'amended');
    assert.ok(!JSON.stringify(note).includes('the whole conversation'), 'the transcript is not the note');
    assert.match(JSON.stringify(note), /Headaches &lt;in the morning&gt;/);
  });

  it('shows staff no notes: no Composition (403), prescriptions without indication or override reason', async () => {
    outcomeTexts(await fhirGet(team.api, `Composition/${chart.signedRecordIds[0]}`, team.staff.accessToken), 403);
    const staffs = (await fhirGet(team.api, `MedicationRequest/${chart.signedPrescriptionIds[0]}`, team.staff.accessToken)).body as MedicationRequest;
    const admins = (await fhirGet(team.api, `MedicationRequest/${chart.signedPrescriptionIds[0]}`, team.admin.accessToken)).body as MedicationRequest;
    assert.equal(staffs.reasonCode, undefined);
    assert.equal(staffs.note, undefined);
    assert.deepEqual(admins.reasonCode, [{ text: 'Hypertension' }]);
    assert.match(admins.note?.[0]?.text ?? '', /Tolerated before/);
    assert.deepEqual({ ...staffs, reasonCode: undefined, note: undefined }, { ...admins, reasonCode: undefined, note: undefined });
    assert.equal((await fhirGet(team.api, `Composition/${chart.signedRecordIds[0]}`, team.admin.accessToken)).status, 200);
  });

  it('reads an archived patient, inactive', async () => {
    const response = await fhirGet(team.api, `Patient/${archived.patientId}`, team.staff.accessToken);
    assert.equal(response.status, 200);
    assert.equal((response.body as Patient).active, false);
    assert.equal((await fhirGet(team.api, `Patient/${chart.patientId}`, team.staff.accessToken)).body.active, true);
  });

  it('answers 404 for what does not exist in FHIR: an unknown id, a malformed one, a draft, a vital sign not measured', async () => {
    const token = team.clinician.accessToken;
    const absent = [
      `Patient/${randomUUID()}`,
      'Patient/not-a-uuid',
      'Patient/not%20an%20id%3Cb%3E',
      `Encounter/${randomUUID()}`,
      `Observation/${randomUUID()}-heart-rate`,
      `Observation/${chart.vitalSignsIds.at(-1)}-heart-rate`,
      `Observation/${chart.vitalSignsIds[0]}-glucose`,
      'Observation/42',
      `AllergyIntolerance/${randomUUID()}`,
      `Condition/${randomUUID()}`,
      `MedicationRequest/${chart.draftPrescriptionId}`,
      `Composition/${chart.draftRecordId}`,
      `Composition/${chart.appointmentIds[0]}`,
      `Practitioner/${randomUUID()}`,
      `Patient/${randomUUID()}/$everything`,
    ];
    for (const path of absent) {
      const [issue] = outcomeTexts(await fhirGet(team.api, path, token), 404);
      assert.doesNotMatch(issue, /not an id|<b>/, 'only what could be an id is repeated');
    }
    const [unserved] = outcomeTexts(await fhirGet(team.api, `Medication/${randomUUID()}`, token), 404);
    assert.match(unserved, /Medication is not served/);
    const [notAnInteraction] = outcomeTexts(await fhirGet(team.api, 'Practitioner?name=Ama', token), 404);
    assert.match(notAnInteraction, /not served here/);
    const write = await team.api.http().post(`${FHIR}/Patient`).set(bearer(token)).send({ resourceType: 'Patient' });
    assert.equal(write.status, 404);
    assert.equal(write.body.resourceType, 'OperationOutcome');
  });

  it('answers 401 without a valid token, as an OperationOutcome naming the bearer scheme', async () => {
    for (const path of ['Patient', `Patient/${chart.patientId}`, `Patient/${chart.patientId}/$everything`, `Composition/${chart.signedRecordIds[0]}`]) {
      const response = await fhirGet(team.api, path);
      assert.deepEqual(response.body.issue.map((issue: { code: string }) => issue.code), ['login']);
      outcomeTexts(response, 401);
      assert.match(response.headers['www-authenticate'], /^Bearer/);
      assert.equal((await fhirGet(team.api, path, 'not.a.token')).status, 401);
    }
  });

  it('refuses a read\'s unknown parameters (400) and XML (406)', async () => {
    const [summary] = outcomeTexts(await fhirGet(team.api, `Patient/${chart.patientId}?_summary=true`, team.clinician.accessToken), 400);
    assert.match(summary, /_summary/);
    outcomeTexts(await fhirGet(team.api, `Patient/${chart.patientId}?_format=application/fhir%2Bxml`, team.clinician.accessToken), 406);
    assert.equal((await fhirGet(team.api, `Patient/${chart.patientId}?_format=json&_pretty=false`, team.clinician.accessToken)).status, 200);
  });

  it('records each read as /api/v1 does, and each failed or refused one', async () => {
    const token = team.clinician.accessToken;
    const cases: [string, { action: string; resourceType: string; resourceId: string | null; patientId: string | null; outcome: string }][] = [
      [`Patient/${chart.patientId}`, { action: 'read', resourceType: 'patient', resourceId: chart.patientId, patientId: chart.patientId, outcome: 'success' }],
      [`Encounter/${chart.appointmentIds[0]}`, { action: 'read', resourceType: 'appointment', resourceId: chart.appointmentIds[0]!, patientId: chart.patientId, outcome: 'success' }],
      [`Observation/${chart.vitalSignsIds[0]}-bmi`, { action: 'read', resourceType: 'vital_signs', resourceId: chart.vitalSignsIds[0]!, patientId: chart.patientId, outcome: 'success' }],
      [`AllergyIntolerance/${chart.allergyIds[1]}`, { action: 'read', resourceType: 'allergy', resourceId: chart.allergyIds[1]!, patientId: chart.patientId, outcome: 'success' }],
      [`Condition/${chart.conditionIds[2]}`, { action: 'read', resourceType: 'chronic_condition', resourceId: chart.conditionIds[2]!, patientId: chart.patientId, outcome: 'success' }],
      [`MedicationRequest/${chart.signedPrescriptionIds[1]}`, { action: 'read', resourceType: 'prescription', resourceId: chart.signedPrescriptionIds[1]!, patientId: chart.patientId, outcome: 'success' }],
      [`Composition/${chart.signedRecordIds[1]}`, { action: 'read', resourceType: 'medical_record', resourceId: chart.signedRecordIds[1]!, patientId: chart.patientId, outcome: 'success' }],
      [`Composition/${chart.draftRecordId}`, { action: 'read', resourceType: 'medical_record', resourceId: chart.draftRecordId, patientId: chart.patientId, outcome: 'failed' }],
      [`MedicationRequest/${chart.draftPrescriptionId}`, { action: 'read', resourceType: 'prescription', resourceId: chart.draftPrescriptionId, patientId: chart.patientId, outcome: 'failed' }],
      [`Patient/${chart.allergyIds[0]}`, { action: 'read', resourceType: 'patient', resourceId: chart.allergyIds[0]!, patientId: chart.allergyIds[0]!, outcome: 'failed' }],
      ['Encounter/nope', { action: 'read', resourceType: 'appointment', resourceId: null, patientId: null, outcome: 'failed' }],
      [`Patient/${chart.patientId}?_elements=id`, { action: 'read', resourceType: 'patient', resourceId: chart.patientId, patientId: chart.patientId, outcome: 'failed' }],
    ];
    for (const [path, expected] of cases) {
      const events = await eventsOf(prisma(), await fhirGet(team.api, path, token));
      assert.deepEqual(
        events.map(({ action, resourceType, resourceId, patientId, outcome, actorId }) => ({ action, resourceType, resourceId, patientId, outcome, actorId })),
        [{ ...expected, actorId: team.clinician.id }],
        path,
      );
    }
    const refused = await eventsOf(prisma(), await fhirGet(team.api, `Composition/${chart.signedRecordIds[0]}`, team.staff.accessToken));
    assert.deepEqual(
      refused.map(({ action, resourceType, resourceId, patientId, outcome }) => ({ action, resourceType, resourceId, patientId, outcome })),
      [{ action: 'read', resourceType: 'medical_record', resourceId: chart.signedRecordIds[0], patientId: chart.patientId, outcome: 'denied' }],
    );
    const unsigned = await eventsOf(prisma(), await fhirGet(team.api, `Patient/${chart.patientId}/$everything`));
    assert.deepEqual(
      unsigned.map(({ action, resourceType, patientId, outcome, actorId }) => ({ action, resourceType, patientId, outcome, actorId })),
      [{ action: 'export', resourceType: 'chart', patientId: chart.patientId, outcome: 'denied', actorId: null }],
    );
    const practitioner = await eventsOf(prisma(), await fhirGet(team.api, `Practitioner/${team.clinician.id}`, token));
    assert.deepEqual(practitioner, [], 'a provider is no patient data');
  });

  it('throttles searches as /api/v1 lists (429 with Retry-After), not reads', async () => {
    const token = team.admin.accessToken;
    for (let call = 0; call < 3; call++) assert.equal((await fhirGet(team.api, `Condition?patient=${chart.patientId}`, token)).status, 200);
    const throttled = await fhirGet(team.api, 'Patient?name=ab', token);
    outcomeTexts(throttled, 429);
    assert.equal(throttled.body.issue[0].code, 'throttled');
    assert.ok(Number(throttled.headers['retry-after']) >= 1);
    assert.equal((await fhirGet(team.api, `Patient/${chart.patientId}`, token)).status, 200);
  });

  it('answers a Host header it cannot build links with as the client\'s 400, never a 500', async () => {
    for (const host of ['bad host', 'clinic.test/path', 'clinic.test?x', '[::1']) {
      const response = await team.api.http().get(`${FHIR}/Patient/${chart.patientId}`).set('Host', host).set(bearer(team.clinician.accessToken));
      assert.ok(response.status === 400, `${host}: ${response.status} ${response.text}`);
    }
  });

  it('keeps /api/v1 errors in their own shape', async () => {
    const response = await team.api.http().get(`/api/v1/patients/${randomUUID()}`).set(bearer(team.clinician.accessToken)).expect(404);
    assert.deepEqual(Object.keys(response.body).sort(), ['code', 'error', 'message', 'statusCode']);
    assert.match(response.headers['content-type'], /^application\/json/);
    const unknown = await team.api.http().get('/fhir/R4x/Patient').expect(404);
    assert.equal(unknown.body.statusCode, 404, 'only /fhir/R4 answers in FHIR');
  });
});

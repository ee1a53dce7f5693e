// Patient/{id}/$everything: the whole chart in one Bundle, counted against what /api/v1 reports;
// what staff may not see; _since and _count; its audit event; and its cost in statements, which
// does not grow with the history.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { unresolvedReferences, validateR4 } from '@clinic/fhir/testing';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import pg from 'pg';
import type { TestProvider } from './support/auth.js';
import { type WrittenChart, writeChart } from './support/charts.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';
import { eventsOf, fhirGet, outcomeTexts, resourcesOf, walk } from './support/fhir.js';
import { measurementsOf, readRestChart } from './support/rest-chart.js';

const countByType = (resources: readonly Resource[]) =>
  resources.reduce<Record<string, number>>((counts, resource) => ({ ...counts, [resource.resourceType]: (counts[resource.resourceType] ?? 0) + 1 }), {});

describe('Patient/{id}/$everything', () => {
  let team: ClinicTeam;
  let amender: TestProvider;
  let chart: WrittenChart;
  const prisma = () => team.accounts.prisma;
  const everything = (patientId: string, query = '') => `Patient/${patientId}/$everything${query}`;

  before(async () => {
    team = await startClinicTeam({ LIST_RATE_LIMIT_PER_MINUTE: '100000' });
    amender = await team.accounts.createProvider({ role: 'clinician' });
    chart = await writeChart(prisma(), { clinicianId: team.clinician.id, amenderId: amender.id, signedVisits: 12 });
  });
  after(() => team.close());

  it('holds what /api/v1 reports of the chart, signed notes only, every resource valid and every reference resolved', async () => {
    const response = await fhirGet(team.api, everything(chart.patientId), team.clinician.accessToken);
    assert.equal(response.status, 200, response.text);
    const bundle = response.body as Bundle;
    assert.deepEqual(validateR4(bundle), []);
    assert.deepEqual(unresolvedReferences(bundle), []);
    const resources = resourcesOf(bundle);
    assert.equal(bundle.total, resources.length);
    assert.deepEqual(resources[0], (await fhirGet(team.api, `Patient/${chart.patientId}`, team.clinician.accessToken)).body, 'the patient first, as read');

    const rest = await readRestChart(team.api, chart.patientId, team.clinician.accessToken);
    const signed = rest.records.filter((record) => record.signedAt !== null);
    const drafts = rest.records.filter((record) => record.signedAt === null);
    const signedPrescriptions = signed.flatMap((record) => rest.prescriptions.get(record.id)!);
    const draftPrescriptions = drafts.flatMap((record) => rest.prescriptions.get(record.id)!);
    const providers = new Set([...rest.appointments.map((appointment) => (appointment as unknown as { providerId: string }).providerId), ...signed.map((record) => (record as unknown as { signedById: string }).signedById), ...signed.flatMap((record) => record.amendments.map((amendment) => amendment.authorId))]);
    assert.deepEqual(countByType(resources), {
      Patient: 1,
      Encounter: rest.appointments.length,
      Observation: rest.vitalSigns.reduce((sum, vitals) => sum + measurementsOf(vitals), 0),
      AllergyIntolerance: rest.allergies.length,
      Condition: rest.conditions.length,
      MedicationRequest: signedPrescriptions.length,
      Composition: signed.length,
      Practitioner: providers.size,
    });
    // A draft and its prescriptions are on the REST chart for note readers; they never leave through FHIR.
    assert.equal(drafts.length, 1);
    assert.ok(draftPrescriptions.length > 0);
    const ids = new Set(resources.map((resource) => resource.id));
    assert.ok(![...drafts, ...draftPrescriptions].some((row) => ids.has(row.id)));
    // The chart at a glance is a subset: its visits, allergies, active conditions and latest vitals are all there.
    for (const visit of rest.chart.recentAppointments) assert.ok(ids.has(visit.id));
    assert.equal(rest.chart.allergies.length, rest.allergies.length);
    assert.ok(rest.chart.activeConditions.length <= countByType(resources).Condition!);
    assert.ok(ids.has(`${rest.chart.latestVitals!.id}-blood-pressure`));
    // And it is what was written.
    assert.deepEqual(
      resources.filter((resource) => resource.resourceType === 'Encounter').map((resource) => resource.id).sort(),
      [...chart.appointmentIds].sort(),
    );
    assert.equal(countByType(resources).Observation, chart.observationCount);
  });

  it('gives staff no note: no Composition, no prescription\'s notes, no Practitioner only a note names', async () => {
    const bundle = (await fhirGet(team.api, everything(chart.patientId), team.staff.accessToken)).body as Bundle;
    const resources = resourcesOf(bundle);
    const counts = countByType(resources);
    assert.equal(counts.Composition, undefined);
    assert.equal(counts.MedicationRequest, chart.signedPrescriptionIds.length);
    assert.ok(resources.every((resource) => resource.resourceType !== 'MedicationRequest' || (resource.reasonCode === undefined && resource.note === undefined)));
    assert.ok(!resources.some((resource) => resource.id === amender.id), 'the amender is named by a note only');
    assert.ok(!JSON.stringify(bundle).includes('Headaches'));
    assert.deepEqual(unresolvedReferences(bundle), []);
  });

  it('pages by _count along next links, and keeps with _since what changed since (and the undated allergies and conditions)', async () => {
    const whole = resourcesOf((await fhirGet(team.api, everything(chart.patientId), team.clinician.accessToken)).body);
    const { entries, totals } = await walk(team.api, `/fhir/R4/${everything(chart.patientId, '?_count=7')}`, team.clinician.accessToken);
    assert.deepEqual(entries.map((entry) => `${entry.resource!.resourceType}/${entry.resource!.id}`), whole.map((resource) => `${resource.resourceType}/${resource.id}`));
    assert.ok(totals.every((total) => total === whole.length));
    const later = (await fhirGet(team.api, everything(chart.patientId, '?_since=2099-01-01T00:00:00Z'), team.clinician.accessToken)).body as Bundle;
    assert.deepEqual(countByType(resourcesOf(later)), { Patient: 1, AllergyIntolerance: chart.allergyIds.length, Condition: chart.conditionIds.length });
    const since = (await fhirGet(team.api, everything(chart.patientId, '?_since=2000-01-01T00:00:00%2B01:00'), team.clinician.accessToken)).body as Bundle;
    assert.equal(since.total, whole.length);
  });

  it('refuses what it does not serve (400), an id that is nobody\'s (404)', async () => {
    const token = team.clinician.accessToken;
    for (const query of ['?start=2020-01-01', '?_type=Observation', '?_since=yesterday', '?_count=0', '?_count=201', '?_cursor=abc', '?_since=2020-01-01T00:00:00Z&_since=2021-01-01T00:00:00Z']) {
      outcomeTexts(await fhirGet(team.api, everything(chart.patientId, query), token), 400);
    }
    outcomeTexts(await fhirGet(team.api, everything(randomUUID()), token), 404);
    outcomeTexts(await fhirGet(team.api, everything('nobody'), token), 404);
  });

  it('records one export of the chart, under the patient; and a failed one for an id that is nobody\'s', async () => {
    const served = await eventsOf(prisma(), await fhirGet(team.api, everything(chart.patientId, '?_count=3'), team.staff.accessToken));
    assert.deepEqual(
      served.map(({ action, resourceType, resourceId, patientId, patientIds, outcome, actorId }) => ({ action, resourceType, resourceId, patientId, patientIds, outcome, actorId })),
      [{ action: 'export', resourceType: 'chart', resourceId: chart.patientId, patientId: chart.patientId, patientIds: [chart.patientId], outcome: 'success', actorId: team.staff.id }],
    );
    const nobody = randomUUID();
    const failed = await eventsOf(prisma(), await fhirGet(team.api, everything(nobody), team.clinician.accessToken));
    assert.deepEqual(failed.map(({ action, resourceType, patientId, outcome }) => ({ action, resourceType, patientId, outcome })), [{ action: 'export', resourceType: 'chart', patientId: nobody, outcome: 'failed' }]);
    const refused = await eventsOf(prisma(), await fhirGet(team.api, everything(chart.patientId, '?_type=Patient'), team.clinician.accessToken));
    assert.deepEqual(refused.map(({ action, resourceType, patientId, outcome }) => ({ action, resourceType, patientId, outcome })), [{ action: 'export', resourceType: 'chart', patientId: chart.patientId, outcome: 'failed' }]);
  });

  it('costs the same number of statements for one visit as for forty', async (t) => {
    // Counted at the driver, for the whole request (sign-in check, the chart, the audit event):
    // every statement the API sends goes through pg's Client#query.
    const short = await writeChart(prisma(), { clinicianId: team.clinician.id, amenderId: amender.id, signedVisits: 1 });
    const long = await writeChart(prisma(), { clinicianId: team.clinician.id, amenderId: amender.id, signedVisits: 40 });
    const query = pg.Client.prototype.query;
    let statements = 0;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      statements += 1;
      return (query as (...args: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    const countFor = async (patientId: string) => {
      statements = 0;
      const response = await fhirGet(team.api, everything(patientId), team.clinician.accessToken);
      assert.equal(response.status, 200);
      return { statements, resources: (response.body as Bundle).total! };
    };
    // The counter sees the whole process: a statement of the API's background work (the scribe
    // queue's poll, the session sweep) or of a pool connection opened on the way is counted for
    // whichever request is running (once: 4 for one visit, 2 for forty). Such statements only
    // add, so the least of three requests is the request's own count.
    const leastFor = async (patientId: string) => {
      const counted = [await countFor(patientId), await countFor(patientId), await countFor(patientId)];
      return counted.reduce((least, count) => (count.statements < least.statements ? count : least));
    };
    try {
      await countFor(short.patientId); // warms the sign-in cache and the pool's connections
      const few = await leastFor(short.patientId);
      const many = await leastFor(long.patientId);
      assert.ok(many.resources > few.resources * 10);
      assert.equal(many.statements, few.statements, `${many.statements} statements for 40 visits, ${few.statements} for one`);
      assert.ok(few.statements <= 3, `${few.statements} statements`);
      t.diagnostic(`$everything: ${few.statements} statements for ${few.resources} resources, ${many.statements} for ${many.resources}`);
    } finally {
      pg.Client.prototype.query = query;
    }
  });
});

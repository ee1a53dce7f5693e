// FHIR searches: every parameter (and the bad ones: 400 with an OperationOutcome), paging along
// next links, archived patients, what staff may not see, and the audit events.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Bundle, MedicationRequest, Observation, Patient } from '@medplum/fhirtypes';
import type { TestProvider } from './support/auth.js';
import { type WrittenChart, writeChart } from './support/charts.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';
import { eventsOf, fhirGet, outcomeTexts, pathOf, resourcesOf, walk } from './support/fhir.js';

describe('FHIR searches', () => {
  let team: ClinicTeam;
  let amender: TestProvider;
  let chart: WrittenChart;
  let archived: WrittenChart;
  const people: Record<string, string> = {};
  const prisma = () => team.accounts.prisma;
  const token = () => team.clinician.accessToken;

  async function ids(path: string, accessToken = token()): Promise<string[]> {
    const response = await fhirGet(team.api, path, accessToken);
    assert.equal(response.status, 200, `${path}: ${response.text}`);
    const bundle = response.body as Bundle;
    assert.equal(bundle.type, 'searchset');
    assert.equal(bundle.total, bundle.entry?.length, `${path}: one page holds them all`);
    return resourcesOf(bundle).map((resource) => resource.id!);
  }

  const named = (...names: string[]) => names.map((name) => people[name]);

  before(async () => {
    // Listing many pages in a row is the point of this suite: the throttle is tested in fhir-reads.
    team = await startClinicTeam({ LIST_RATE_LIMIT_PER_MINUTE: '100000' });
    amender = await team.accounts.createProvider({ role: 'clinician' });
    chart = await writeChart(prisma(), { clinicianId: team.clinician.id, amenderId: amender.id });
    archived = await writeChart(prisma(), { clinicianId: team.clinician.id, amenderId: amender.id, signedVisits: 1, archived: true, lastName: 'Gone' });
    people.ines = chart.patientId;
    people.gone = archived.patientId;
    const patients = [
      ['helene', 'Hélène', 'Dupont', '1984-03-17', 'female', '555.010.0147', 'h.dupont@example.org', null],
      ['zoe', 'Zoë', "O'Brien", '1990-11-02', 'other', '(555) 010-0199', null, null],
      ['marc', 'Marc', 'Dupuis', '1984-07-01', 'male', '555-010-0100', null, null],
      ['anna', 'Anna', 'Marcus', '2001-01-15', 'female', '555-010-0101', null, new Date('2026-02-01T00:00:00Z')],
      ['jean', 'Jean', 'Dupontel', '1950-05-05', 'male', '555-010-0102', 'JEAN@example.org', null],
    ] as const;
    for (const [key, firstName, lastName, born, sex, phone, email, archivedAt] of patients) {
      const patient = await prisma().patient.create({
        data: { firstName, lastName, dateOfBirth: new Date(born), sex, phone, email, archivedAt, emergencyContactName: 'Kin', emergencyContactPhone: '555-010-0000' },
      });
      people[key] = patient.id;
    }
  });
  after(() => team.close());

  describe('Patient', () => {
    it('finds by name, family and given: from the start of a name, case and accents ignored, in name order', async () => {
      assert.deepEqual(await ids('Patient?name=dup'), named('helene', 'jean', 'marc'));
      assert.deepEqual(await ids('Patient?name=HELE'), named('helene'));
      assert.deepEqual(await ids('Patient?name=upon'), []);
      assert.deepEqual(await ids('Patient?name=dup,zo'), named('helene', 'jean', 'marc', 'zoe'));
      assert.deepEqual(await ids('Patient?name=o%27b'), named('zoe'));
      assert.deepEqual(await ids('Patient?family=dupont'), named('helene', 'jean'));
      assert.deepEqual(await ids('Patient?given=jean'), named('jean'));
      assert.deepEqual(await ids('Patient?given=dupont'), []);
      assert.deepEqual(await ids('Patient?family=dup&given=ma'), named('marc'));
      assert.deepEqual(await ids('Patient?name=100%25'), [], 'LIKE wildcards are taken literally');
    });

    it('finds by birth date at its precision, and in a range', async () => {
      assert.deepEqual(await ids('Patient?birthdate=1984'), named('helene', 'marc'));
      assert.deepEqual(await ids('Patient?birthdate=1984-03'), named('helene'));
      assert.deepEqual(await ids('Patient?birthdate=eq1984-03-17'), named('helene'));
      assert.deepEqual(await ids('Patient?birthdate=ge1984-04&birthdate=le1990'), named('marc', 'zoe'));
      assert.deepEqual(await ids('Patient?birthdate=le1950-05-05'), named('jean'));
      assert.deepEqual(await ids('Patient?birthdate=ge1991&birthdate=le1990'), []);
    });

    it('finds by gender and telecom', async () => {
      assert.deepEqual(await ids('Patient?gender=other'), named('zoe'));
      assert.deepEqual(await ids('Patient?gender=male,other'), named('jean', 'marc', 'zoe'));
      assert.deepEqual(await ids('Patient?gender=http://hl7.org/fhir/administrative-gender|female&family=dup'), named('helene'));
      assert.deepEqual(await ids('Patient?gender=unknown'), []);
      assert.deepEqual(await ids('Patient?telecom=phone|5550100147'), named('helene'));
      assert.deepEqual(await ids('Patient?telecom=(555)%20010-0199'), named('zoe'));
      assert.deepEqual(await ids('Patient?telecom=H.DUPONT@example.org'), named('helene'));
      assert.deepEqual(await ids('Patient?telecom=email|jean@EXAMPLE.org,phone|555-010-0100'), named('jean', 'marc'));
      assert.deepEqual(await ids('Patient?telecom=fax|5550100147'), []);
    });

    it('leaves archived patients out unless asked for with active', async () => {
      assert.deepEqual(await ids('Patient?name=marc'), named('marc'));
      assert.deepEqual(await ids('Patient?name=marc&active=false'), named('anna'));
      assert.deepEqual(await ids('Patient?name=marc&active=true,false'), named('marc', 'anna'), 'Dupuis, then Marcus');
      const all = await ids('Patient?active=true,false');
      assert.equal(all.length, 7);
      assert.ok(!(await ids('Patient')).includes(people.gone!));
      const gone = (await fhirGet(team.api, 'Patient?family=gone&active=false', token())).body as Bundle;
      assert.equal((gone.entry?.[0]?.resource as Patient).active, false);
    });
  });

  describe('within a chart', () => {
    it('finds a patient\'s encounters, by date too', async () => {
      const all = await ids(`Encounter?patient=${chart.patientId}`);
      assert.deepEqual(all, chart.appointmentIds, 'every visit, in the order of their start');
      const first = await prisma().appointment.findUniqueOrThrow({ where: { id: chart.appointmentIds[0] } });
      const day = first.appointmentDate.toISOString().slice(0, 10);
      assert.deepEqual(await ids(`Encounter?patient=Patient/${chart.patientId}&date=${day}`), chart.appointmentIds);
      const start = first.appointmentDate.getTime();
      const hour = (n: number) => new Date(start + n * 3_600_000).toISOString().slice(0, 16);
      assert.deepEqual(await ids(`Encounter?patient=${chart.patientId}&date=ge${hour(1)}Z&date=le${hour(2)}Z`), chart.appointmentIds.slice(1, 3));
      const offset = new Date(start + 3_600_000 + 2 * 3_600_000).toISOString().slice(0, 16);
      assert.deepEqual(await ids(`Encounter?patient=${chart.patientId}&date=${offset}%2B02:00`), chart.appointmentIds.slice(1, 2));
      assert.deepEqual(await ids(`Encounter?patient=${chart.patientId}&date=le2000`), []);
      assert.deepEqual(await ids(`Encounter?patient=${randomUUID()}`), []);
    });

    it('finds vital-sign observations by category, code and date', async () => {
      const all = await ids(`Observation?patient=${chart.patientId}`);
      assert.equal(all.length, chart.observationCount);
      assert.deepEqual(await ids(`Observation?patient=${chart.patientId}&category=vital-signs`), all);
      assert.deepEqual(await ids(`Observation?patient=${chart.patientId}&category=laboratory`), []);
      const heartRates = await ids(`Observation?patient=${chart.patientId}&code=8867-4`);
      assert.deepEqual(heartRates, chart.vitalSignsIds.slice(0, -1).map((id) => `${id}-heart-rate`), 'the last set has no heart rate');
      const pressures = await ids(`Observation?patient=${chart.patientId}&code=http://loinc.org|85354-9,29463-7`);
      assert.deepEqual(pressures, chart.vitalSignsIds.flatMap((id) => [`${id}-blood-pressure`, `${id}-body-weight`]));
      assert.deepEqual(await ids(`Observation?patient=${chart.patientId}&code=59408-5`), await ids(`Observation?patient=${chart.patientId}&code=2708-6`));
      assert.deepEqual(await ids(`Observation?patient=${chart.patientId}&code=8480-6`), [], 'a component code is no Observation code');
      assert.deepEqual(await ids(`Observation?patient=${chart.patientId}&date=le2000&code=8867-4`), []);
      const response = await fhirGet(team.api, `Observation?patient=${chart.patientId}&code=39156-5`, token());
      const bmi = resourcesOf(response.body)[0] as Observation;
      assert.equal(bmi.valueQuantity?.value, 25);
    });

    it('finds allergies and conditions by clinical status', async () => {
      assert.deepEqual(await ids(`AllergyIntolerance?patient=${chart.patientId}`), chart.allergyIds);
      assert.deepEqual(await ids(`AllergyIntolerance?patient=${chart.patientId}&clinical-status=active`), chart.allergyIds);
      assert.deepEqual(await ids(`AllergyIntolerance?patient=${chart.patientId}&clinical-status=resolved`), []);
      assert.deepEqual(await ids(`Condition?patient=${chart.patientId}`), chart.conditionIds);
      assert.deepEqual(await ids(`Condition?patient=${chart.patientId}&clinical-status=active`), chart.conditionIds.slice(0, 2), 'active and controlled');
      assert.deepEqual(await ids(`Condition?patient=${chart.patientId}&clinical-status=resolved,inactive`), chart.conditionIds.slice(2));
      assert.deepEqual(await ids(`Condition?patient=${chart.patientId}&clinical-status=relapse`), []);
    });

    it('finds only signed notes\' prescriptions, and shows staff none of their notes', async () => {
      assert.deepEqual((await ids(`MedicationRequest?patient=${chart.patientId}`)).sort(), [...chart.signedPrescriptionIds].sort());
      const staffs = resourcesOf((await fhirGet(team.api, `MedicationRequest?patient=${chart.patientId}`, team.staff.accessToken)).body) as MedicationRequest[];
      assert.equal(staffs.length, chart.signedPrescriptionIds.length);
      assert.ok(staffs.every((prescription) => prescription.reasonCode === undefined && prescription.note === undefined));
      const clinicians = resourcesOf((await fhirGet(team.api, `MedicationRequest?patient=${chart.patientId}`, token())).body) as MedicationRequest[];
      assert.ok(clinicians.every((prescription) => prescription.reasonCode?.[0]?.text === 'Hypertension'));
    });

    it('searches an archived patient\'s chart like any other', async () => {
      assert.deepEqual(await ids(`Encounter?patient=${archived.patientId}`), archived.appointmentIds);
      assert.equal((await ids(`Observation?patient=${archived.patientId}`)).length, archived.observationCount);
    });
  });

  describe('paging', () => {
    const listings = () => [
      'Patient?active=true,false',
      `Encounter?patient=${chart.patientId}`,
      `Observation?patient=${chart.patientId}`,
      `AllergyIntolerance?patient=${chart.patientId}`,
      `Condition?patient=${chart.patientId}`,
      `MedicationRequest?patient=${chart.patientId}`,
    ];

    it('walks every entry once along the next links, whatever the page size, each page saying the same total', async () => {
      for (const listing of listings()) {
        const whole = await ids(listing);
        for (const count of [1, 2, 7]) {
          const { entries, pages, totals } = await walk(team.api, `${listing}&_count=${count}`, token());
          assert.deepEqual(entries.map((entry) => entry.resource!.id), whole, `${listing} by ${count}`);
          assert.ok(pages.every((size, index) => size === count || index === pages.length - 1), `${listing}: pages ${pages}`);
          assert.ok(totals.every((total) => total === whole.length));
          assert.ok(entries.every((entry) => entry.search?.mode === 'match' && entry.fullUrl?.endsWith(`/${entry.resource!.resourceType}/${entry.resource!.id}`)));
        }
      }
    });

    it('gives the total only with _count=0, defaults to 50, and keeps its place when rows are added meanwhile', async () => {
      const totalOnly = (await fhirGet(team.api, `Observation?patient=${chart.patientId}&_count=0`, token())).body as Bundle;
      assert.deepEqual([totalOnly.total, totalOnly.entry ?? [], totalOnly.link?.map((link) => link.relation)], [chart.observationCount, [], ['self']]);
      const first = (await fhirGet(team.api, `AllergyIntolerance?patient=${chart.patientId}&_count=1`, token())).body as Bundle;
      assert.match(first.link!.find((link) => link.relation === 'self')!.url, /_count=1/);
      const added = await prisma().allergy.create({ data: { patientId: chart.patientId, allergen: 'Latex' } });
      const rest = await walk(team.api, pathOf(first.link!.find((link) => link.relation === 'next')!.url), token());
      assert.deepEqual(rest.entries.map((entry) => entry.resource!.id), [chart.allergyIds[1], added.id]);
      await prisma().allergy.delete({ where: { id: added.id } });
      const defaults = (await fhirGet(team.api, `Observation?patient=${chart.patientId}`, token())).body as Bundle;
      assert.match(defaults.link![0]!.url, /_count=50/);
    });

    it('refuses a page token of another search, or a forged one', async () => {
      const page = (await fhirGet(team.api, `Encounter?patient=${chart.patientId}&_count=1`, token())).body as Bundle;
      const cursor = new URL(page.link!.find((link) => link.relation === 'next')!.url).searchParams.get('_cursor')!;
      outcomeTexts(await fhirGet(team.api, `Encounter?patient=${archived.patientId}&_count=1&_cursor=${cursor}`, token()), 400);
      outcomeTexts(await fhirGet(team.api, `Condition?patient=${chart.patientId}&_cursor=${cursor}`, token()), 400);
      const forged = Buffer.from(JSON.stringify({ v: 1, q: 'x', k: ['1970-01-01T00:00:00.000Z', randomUUID()] })).toString('base64url');
      outcomeTexts(await fhirGet(team.api, `Encounter?patient=${chart.patientId}&_cursor=${forged}`, token()), 400);
      assert.equal((await fhirGet(team.api, `Encounter?patient=${chart.patientId}&_count=3&_cursor=${cursor}`, token())).status, 200, 'the page size may change');
    });
  });

  describe('bad searches', () => {
    it('refuses every unknown, malformed, repeated or empty parameter with 400, one issue each, never echoing a value', async () => {
      const patient = `patient=${chart.patientId}`;
      const refused: [string, number][] = [
        ['Patient?address=Main', 1],
        ['Patient?name:exact=Dupont', 1],
        ['Patient?general-practitioner.name=Ames', 1],
        ['Patient?_sort=name', 1],
        ['Patient?_include=Patient:general-practitioner', 1],
        ['Patient?_summary=count', 1],
        ['Patient?name=D', 1],
        ['Patient?name=Dupont&name=Dupuis', 1],
        ['Patient?name=', 1],
        ['Patient?name=Du%00pont', 1],
        ['Patient?birthdate=1984-13', 1],
        ['Patient?birthdate=gt1984', 1],
        ['Patient?birthdate=ge1984&birthdate=ge1985', 1],
        ['Patient?gender=woman', 1],
        ['Patient?telecom=phone|', 1],
        ['Patient?active=maybe', 1],
        ['Patient?_count=201', 1],
        ['Patient?_count=ten', 1],
        ['Patient?_cursor=not!a!token', 1],
        ['Patient?_pretty=yes', 1],
        ['Patient?foo=1&bar=2&gender=woman', 3],
        ['Encounter', 1],
        ['Encounter?date=2025', 1],
        ['Encounter?patient=not-a-patient', 1],
        [`Encounter?patient=${chart.patientId},${archived.patientId}`, 1],
        [`Encounter?${patient}&date=yesterday`, 1],
        [`Encounter?${patient}&date=2025-02-30`, 1],
        [`Encounter?${patient}&status=finished`, 1],
        [`Observation?${patient}&code=heart`, 1],
        [`Observation?${patient}&code=http://snomed.info/sct|364075005`, 1],
        [`Observation?${patient}&category=lab`, 1],
        [`Observation?${patient}&value-quantity=70`, 1],
        [`AllergyIntolerance?${patient}&clinical-status=gone`, 1],
        [`Condition?${patient}&clinical-status=controlled`, 1],
        [`Condition?${patient}&code=38341003`, 1],
        [`MedicationRequest?${patient}&status=active`, 1],
      ];
      for (const [path, issues] of refused) {
        const texts = outcomeTexts(await fhirGet(team.api, path, token()), 400);
        assert.equal(texts.length, issues, `${path}: ${texts.join(' | ')}`);
        assert.ok(!texts.some((text) => /Dupuis|Ames|Main|yesterday|heart/.test(text)), `${path} echoes a value: ${texts.join(' | ')}`);
      }
      outcomeTexts(await fhirGet(team.api, 'Patient?name=Dupont&_format=xml', token()), 406);
    });

    it('records a refused search as a failed one, in its own words', async () => {
      const events = await eventsOf(prisma(), await fhirGet(team.api, `Condition?patient=${chart.patientId}&clinical-status=controlled`, token()));
      assert.deepEqual(
        events.map(({ action, resourceType, outcome }) => ({ action, resourceType, outcome })),
        [{ action: 'read', resourceType: 'chronic_conditions', outcome: 'failed' }],
      );
    });
  });

  it('records every search as the /api/v1 list of the same rows, naming the patients shown', async () => {
    const cases: [string, { action: string; resourceType: string; patientId: string | null; patientIds: string[]; outcome: string }][] = [
      ['Patient?family=dup', { action: 'search', resourceType: 'patient', patientId: null, patientIds: named('helene', 'jean', 'marc') as string[], outcome: 'success' }],
      ['Patient?gender=unknown', { action: 'search', resourceType: 'patient', patientId: null, patientIds: [], outcome: 'success' }],
      [`Encounter?patient=${chart.patientId}`, { action: 'search', resourceType: 'appointment', patientId: chart.patientId, patientIds: [chart.patientId], outcome: 'success' }],
      [`Encounter?patient=${chart.patientId}&date=le2000`, { action: 'search', resourceType: 'appointment', patientId: chart.patientId, patientIds: [], outcome: 'success' }],
      [`Observation?patient=${chart.patientId}`, { action: 'read', resourceType: 'vital_signs', patientId: chart.patientId, patientIds: [chart.patientId], outcome: 'success' }],
      [`AllergyIntolerance?patient=${chart.patientId}`, { action: 'read', resourceType: 'allergies', patientId: chart.patientId, patientIds: [chart.patientId], outcome: 'success' }],
      [`Condition?patient=${chart.patientId}`, { action: 'read', resourceType: 'chronic_conditions', patientId: chart.patientId, patientIds: [chart.patientId], outcome: 'success' }],
      [`MedicationRequest?patient=${chart.patientId}`, { action: 'search', resourceType: 'prescription', patientId: chart.patientId, patientIds: [chart.patientId], outcome: 'success' }],
    ];
    const nobody = randomUUID();
    cases.push([`Condition?patient=${nobody}`, { action: 'read', resourceType: 'chronic_conditions', patientId: nobody, patientIds: [], outcome: 'failed' }]);
    for (const [path, expected] of cases) {
      const events = await eventsOf(prisma(), await fhirGet(team.api, path, token()));
      assert.deepEqual(
        events.map(({ action, resourceType, resourceId, patientId, patientIds, outcome }) => ({ action, resourceType, resourceId, patientId, patientIds, outcome })),
        [{ ...expected, resourceId: null }],
        path,
      );
    }
  });
});

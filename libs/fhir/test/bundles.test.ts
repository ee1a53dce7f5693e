// Searchset Bundles and $everything: totals, self and next links, page tokens that resume exactly
// where a page ended and refuse to serve another search, and what a reader without notes gets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Bundle, Patient } from '@medplum/fhirtypes';
import {
  FhirOutcomeError,
  PAGE_KEYS,
  type PagedListing,
  type PagePosition,
  parseEverything,
  parseSearch,
  type PatientChartSource,
  patientEverything,
  searchsetBundle,
  toFhirPatient,
} from '../src/index.js';
import { decodePageToken, encodePageToken } from '../src/search/page-token.js';
import * as fixture from './fixtures.js';

const { clinician, staff } = fixture;

/** The query string of a link, as the next request would send it. */
const queryOf = (url: string | undefined) => new URL(url!).search;
const linkOf = (bundle: Bundle, relation: string) => bundle.link?.find((link) => link.relation === relation)?.url;

function status400(error: unknown): boolean {
  return error instanceof FhirOutcomeError && error.status === 400;
}

describe('a searchset Bundle', () => {
  // Patients as a repository would list them: by last name, first name, id.
  const patients = Array.from({ length: 23 }, (_, index) => ({ ...fixture.patient, id: fixture.uuid(), lastName: `Name${String(index % 7).padStart(2, '0')}`, firstName: `F${index}` })).sort(
    (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.id.localeCompare(b.id),
  );
  const keyOf = (patient: (typeof patients)[number]): PagePosition<'Patient'> => [patient.lastName, patient.firstName, patient.id];
  const after = (position: PagePosition<'Patient'> | undefined) =>
    position ? patients.filter((patient) => keyOf(patient).join('\u0000') > position.join('\u0000')) : patients;

  /** One page of the search, answered from the list above the way a keyset query would. */
  function answer(query: string): Bundle {
    const search = parseSearch('Patient', query, clinician);
    const rest = after(search.after);
    const page = rest.slice(0, search.count);
    const next = page.length > 0 && rest.length > page.length ? keyOf(page.at(-1)!) : undefined;
    return searchsetBundle(search, { resources: page.map((patient) => toFhirPatient(patient, clinician) as Patient & { id: string }), total: patients.length, next }, clinician);
  }

  it('has the total, the entries and a self link that repeats the search', () => {
    const bundle = answer('name=Na&_count=5');
    assert.equal(bundle.type, 'searchset');
    assert.equal(bundle.total, 23);
    assert.equal(bundle.entry?.length, 5);
    assert.deepEqual(bundle.entry?.[0].search, { mode: 'match' });
    assert.equal(bundle.entry?.[0].fullUrl, `${fixture.BASE_URL}/Patient/${patients[0].id}`);
    assert.equal(linkOf(bundle, 'self'), `${fixture.BASE_URL}/Patient?name=Na&_count=5`);
  });

  it('pages through every entry once, following next links to the end', () => {
    const seen: string[] = [];
    let url: string | undefined = `${fixture.BASE_URL}/Patient?_count=4&name=Na`;
    let pages = 0;
    while (url) {
      const bundle = answer(queryOf(url));
      assert.equal(bundle.total, 23);
      seen.push(...(bundle.entry ?? []).map((entry) => entry.resource!.id!));
      url = linkOf(bundle, 'next');
      pages += 1;
    }
    assert.equal(pages, 6);
    assert.deepEqual(seen, patients.map((patient) => patient.id));
  });

  it('has no next link on the last page, and none with _count=0', () => {
    assert.equal(linkOf(answer('_count=200'), 'next'), undefined);
    const counted = answer('_count=0');
    assert.deepEqual([counted.total, counted.entry, linkOf(counted, 'next')], [23, [], undefined]);
  });

  it('keeps its page token to the search it came from', () => {
    const next = queryOf(linkOf(answer('name=Na&_count=5'), 'next'));
    const token = new URLSearchParams(next).get('_cursor')!;
    assert.doesNotThrow(() => parseSearch('Patient', `name=Na&_count=10&_cursor=${token}`, clinician), 'another page size is the same search');
    assert.doesNotThrow(() => parseSearch('Patient', `_cursor=${token}&name=Na&_pretty=true`, clinician), 'order and presentation do not matter');
    assert.throws(() => parseSearch('Patient', `name=Ne&_cursor=${token}`, clinician), (error: unknown) => status400(error) && /another search/.test((error as Error).message));
    assert.throws(() => parseSearch('Encounter', `patient=${fixture.patient.id}&_cursor=${token}`, clinician), status400);
    const flipped = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    assert.throws(() => parseSearch('Patient', `name=Na&_cursor=${flipped}`, clinician), status400);
    for (const junk of ['x', '!!', 'e30', 'A'.repeat(2000), Buffer.from('{"v":1,"q":"x","k":[]}').toString('base64url')]) {
      assert.throws(() => parseSearch('Patient', `name=Na&_cursor=${junk}`, clinician), status400, junk);
    }
    assert.throws(() => parseSearch('Patient', `name=Na&_cursor=${token}&_cursor=${token}`, clinician), status400);
  });

  it('refuses a page the repository got wrong', () => {
    const search = parseSearch('Encounter', `patient=${fixture.patient.id}&_count=1`, clinician);
    const patient = toFhirPatient(fixture.patient, clinician) as Patient & { id: string };
    assert.throws(() => searchsetBundle(search, { resources: [patient], total: 1 }, clinician), /Encounter search was handed a Patient/);
  });
});

describe('page tokens', () => {
  const instant = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true });
  // eslint-disable-next-line no-control-regex
  const text = fc.string({ maxLength: 255 }).filter((value) => !/[\u0000-\u001F\u007F]/.test(value));
  const part = { instant, uuid: fc.uuid(), text, index: fc.integer({ min: 0, max: 999 }) } as const;

  it('decode to the position they were made from, for every listing', () => {
    for (const listing of Object.keys(PAGE_KEYS) as PagedListing[]) {
      const position = fc.tuple(...PAGE_KEYS[listing].map((kind) => part[kind] as fc.Arbitrary<unknown>));
      fc.assert(
        fc.property(position, fc.string({ maxLength: 40 }), (key, query) => {
          const token = encodePageToken(listing, listing, query, key as PagePosition<typeof listing>);
          assert.deepEqual(decodePageToken(listing, listing, query, token), key);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('range-check every part', () => {
    const forge = (k: unknown[]) => {
      const honest = encodePageToken('Observation', 'Observation', 'q', [new Date('2026-01-01T00:00:00Z'), fixture.patient.id, 0]);
      const { q } = JSON.parse(Buffer.from(honest, 'base64url').toString());
      return Buffer.from(JSON.stringify({ v: 1, q, k })).toString('base64url');
    };
    assert.doesNotThrow(() => decodePageToken('Observation', 'Observation', 'q', forge(['2026-01-01T00:00:00.000Z', fixture.patient.id, 8])));
    for (const k of [
      ['2026-01-01', fixture.patient.id, 0],
      ['2026-02-30T00:00:00.000Z', fixture.patient.id, 0],
      ['2026-01-01T00:00:00.000Z', 'not-a-uuid', 0],
      ['2026-01-01T00:00:00.000Z', fixture.patient.id, 1000],
      ['2026-01-01T00:00:00.000Z', fixture.patient.id, -1],
      ['2026-01-01T00:00:00.000Z', fixture.patient.id, 1.5],
      ['2026-01-01T00:00:00.000Z', fixture.patient.id],
      ['2026-01-01T00:00:00.000Z', fixture.patient.id, 0, 0],
    ]) {
      assert.throws(() => decodePageToken('Observation', 'Observation', 'q', forge(k)), /_cursor/, JSON.stringify(k));
    }
  });
});

describe('$everything', () => {
  const everything = (query: string, context = clinician, chart: PatientChartSource = fixture.chart) =>
    patientEverything(chart, parseEverything(chart.patient.id, query), context);

  it('starts with the patient, ends with the Practitioners it names, and resolves every reference', () => {
    const bundle = everything('');
    const types = bundle.entry!.map((entry) => entry.resource!.resourceType);
    assert.equal(types[0], 'Patient');
    assert.deepEqual([...new Set(types)], ['Patient', 'Encounter', 'Observation', 'Condition', 'AllergyIntolerance', 'MedicationRequest', 'Composition', 'Practitioner']);
    assert.equal(bundle.total, bundle.entry!.length);
    assert.equal(types.filter((type) => type === 'Observation').length, 12);
    for (const entry of bundle.entry!) assert.equal(entry.search?.mode, entry.resource!.resourceType === 'Practitioner' ? 'include' : 'match');
    assert.equal(linkOf(bundle, 'self'), `${fixture.BASE_URL}/Patient/${fixture.patient.id}/$everything`);
    assert.equal(linkOf(bundle, 'next'), undefined);
  });

  it('pages by _count, every entry once, in the order of the whole', () => {
    const whole = everything('').entry!.map((entry) => entry.fullUrl);
    const seen: (string | undefined)[] = [];
    let url: string | undefined = `${fixture.BASE_URL}/Patient/${fixture.patient.id}/$everything?_count=7`;
    while (url) {
      const page = everything(queryOf(url));
      assert.equal(page.total, whole.length);
      assert.ok(page.entry!.length <= 7);
      seen.push(...page.entry!.map((entry) => entry.fullUrl));
      url = linkOf(page, 'next');
    }
    assert.deepEqual(seen, whole);
  });

  it('gives a reader without notes no Composition, and no Practitioner only a note names', () => {
    const noteOnlyAuthor = fixture.providers[2].id;
    const chart = { ...fixture.chart, appointments: fixture.appointments.map((visit) => (visit.providerId === noteOnlyAuthor ? { ...visit, providerId: fixture.providers[0].id } : visit)) };
    const ids = (bundle: Bundle) => bundle.entry!.map((entry) => `${entry.resource!.resourceType}/${entry.resource!.id}`);
    assert.ok(ids(everything('', clinician, chart)).includes(`Practitioner/${noteOnlyAuthor}`));
    const withoutNotes = ids(everything('', staff, chart));
    assert.ok(!withoutNotes.includes(`Practitioner/${noteOnlyAuthor}`));
    assert.ok(!withoutNotes.some((id) => id.startsWith('Composition/')));
    assert.ok(!JSON.stringify(everything('', staff, chart)).includes('Prescribed despite'));
  });

  it('with _since, keeps what changed since and what carries no date of change', () => {
    const bundle = everything('_since=2026-03-10T14:34:00Z');
    const kept = bundle.entry!.map((entry) => entry.resource!);
    assert.equal(kept[0].resourceType, 'Patient', 'the patient, always');
    for (const resource of kept.slice(1)) {
      const lastUpdated = resource.meta?.lastUpdated;
      assert.ok(lastUpdated === undefined || lastUpdated >= '2026-03-10T14:34:00.000Z' || resource.resourceType === 'Practitioner', `${resource.resourceType}/${resource.id}`);
    }
    const types = kept.map((resource) => resource.resourceType);
    assert.equal(types.filter((type) => type === 'Condition').length, fixture.conditions.length);
    assert.equal(types.filter((type) => type === 'AllergyIntolerance').length, fixture.allergies.length);
    assert.ok(types.includes('Observation') && types.filter((type) => type === 'Observation').length < 12);
  });

  it("refuses rows that are not this patient's, or that name rows it was not given", () => {
    const other = fixture.otherPatients[0].id;
    const cases: [Partial<PatientChartSource>, RegExp][] = [
      [{ allergies: [{ ...fixture.allergies[0], patientId: other }] }, /is not/],
      [{ appointments: [{ ...fixture.appointments[0], patientId: other }, ...fixture.appointments.slice(1)] }, /is not/],
      [{ signedRecords: [fixture.signedRecords[0]] }, /was not given it/],
      [{ practitioners: [fixture.providers[0]] }, /was not given it/],
    ];
    for (const [change, message] of cases) assert.throws(() => everything('', clinician, { ...fixture.chart, ...change }), message);
    assert.throws(() => patientEverything(fixture.chart, parseEverything(other, ''), clinician), /asked for/);
  });
});

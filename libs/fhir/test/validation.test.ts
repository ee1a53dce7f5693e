// Everything the mappers produce is valid R4: structure and invariants (@medplum/core), the
// vital-signs profiles, codes against required bindings, narrative XHTML, ids and references.
// And the harness itself catches what it claims to catch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Resource } from '@medplum/fhirtypes';
import {
  capabilityStatement,
  parseEverything,
  patientEverything,
  toFhirAllergyIntolerance,
  toFhirComposition,
  toFhirCondition,
  toFhirEncounter,
  toFhirMedicationRequest,
  toFhirPatient,
  toFhirPractitioner,
  toVitalSignObservations,
} from '../src/index.js';
import { uncheckedValueSets, unresolvedReferences, validateR4 } from '../src/testing/index.js';
import * as fixture from './fixtures.js';
import { seedCharts } from './seed-charts.js';

function assertValid(resource: Resource): void {
  const issues = validateR4(resource);
  assert.deepEqual(issues, [], `${resource.resourceType}/${resource.id ?? ''}:\n${JSON.stringify(issues, null, 2)}`);
}

describe('every mapper over the synthetic chart', () => {
  for (const context of [fixture.clinician, fixture.staff]) {
    const view = context.withNotes ? 'with notes' : 'without notes';

    it(`Patient, Practitioner, Encounter (${view})`, () => {
      for (const patient of [fixture.patient, ...fixture.otherPatients]) assertValid(toFhirPatient(patient, context));
      for (const provider of fixture.providers) assertValid(toFhirPractitioner(provider, context));
      for (const appointment of fixture.appointments) assertValid(toFhirEncounter(appointment, context));
    });

    it(`Observation, AllergyIntolerance, Condition (${view})`, () => {
      for (const vitals of fixture.vitalSigns) {
        for (const observation of toVitalSignObservations(vitals, fixture.visitOf(vitals.appointmentId))) assertValid(observation);
      }
      for (const allergy of fixture.allergies) assertValid(toFhirAllergyIntolerance(allergy));
      for (const condition of fixture.conditions) assertValid(toFhirCondition(condition));
    });

    it(`MedicationRequest (${view})`, () => {
      for (const prescription of fixture.prescriptions) {
        const record = fixture.recordOf(prescription.medicalRecordId);
        assertValid(toFhirMedicationRequest(prescription, record, fixture.visitOf(record.appointmentId), context));
      }
    });

    it(`$everything, whole and paged (${view})`, () => {
      const whole = patientEverything(fixture.chart, parseEverything(fixture.patient.id, ''), context);
      assertValid(whole);
      assert.deepEqual(unresolvedReferences(whole), []);
      const paged = patientEverything(fixture.chart, parseEverything(fixture.patient.id, '_count=7&_since=2025-11-04T00:00:00Z'), context);
      assertValid(paged);
    });
  }

  it('Composition', () => {
    for (const record of fixture.signedRecords) assertValid(toFhirComposition(record, fixture.visitOf(record.appointmentId), fixture.clinician));
  });

  it('CapabilityStatement and every OperationOutcome', () => {
    assertValid(capabilityStatement(fixture.clinician, { name: 'Clinic records', version: '0.1.0', releaseDate: new Date('2026-12-01T00:00:00Z') }));
    for (const error of fixture.everyFhirError()) assertValid(error.outcome);
  });

  it('checked every required binding it met, but the mime types of the CapabilityStatement', () => {
    assert.deepEqual([...uncheckedValueSets], ['http://hl7.org/fhir/ValueSet/mimetypes']);
  });
});

describe('the development seed', () => {
  const charts = seedCharts();

  it("gives a valid $everything for every patient, whose references all resolve in it", () => {
    let resources = 0;
    for (const chart of charts) {
      const bundle = patientEverything(chart, parseEverything(chart.patient.id, ''), fixture.clinician);
      assertValid(bundle);
      assert.deepEqual(unresolvedReferences(bundle), [], chart.patient.id);
      resources += bundle.entry?.length ?? 0;
    }
    console.log(`validated ${charts.length} $everything bundles, ${resources} resources`);
    assert.equal(charts.length, 200);
  });

  it('gives staff no note and no note-derived field', () => {
    for (const chart of charts) {
      const bundle = patientEverything(chart, parseEverything(chart.patient.id, ''), fixture.staff);
      const types = new Set(bundle.entry?.map((entry) => entry.resource?.resourceType));
      assert.ok(!types.has('Composition'), chart.patient.id);
      for (const entry of bundle.entry ?? []) {
        if (entry.resource?.resourceType !== 'MedicationRequest') continue;
        assert.equal(entry.resource.reasonCode, undefined);
        assert.equal(entry.resource.note, undefined);
      }
    }
  });
});

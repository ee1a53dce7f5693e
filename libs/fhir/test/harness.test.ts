// The validation harness finds what it claims to: each bad resource below differs from a valid
// one (made by the mappers) in one way, and validateR4 names that one way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bundle, Observation, Resource } from '@medplum/fhirtypes';
import {
  patientEverything,
  parseEverything,
  toFhirAllergyIntolerance,
  toFhirComposition,
  toFhirCondition,
  toFhirEncounter,
  toFhirMedicationRequest,
  toFhirPatient,
  toVitalSignObservations,
} from '../src/index.js';
import { narrativeProblems, unresolvedReferences, validateR4 } from '../src/testing/index.js';
import * as fixture from './fixtures.js';

const patient = toFhirPatient(fixture.patient, fixture.clinician);
const encounter = toFhirEncounter(fixture.appointments[0], fixture.clinician);
const [bloodPressure, heartRate] = toVitalSignObservations(fixture.vitalSigns[0], fixture.visitOf(fixture.vitalSigns[0].appointmentId));
const allergy = toFhirAllergyIntolerance(fixture.allergies[0]);
const condition = toFhirCondition(fixture.conditions[0]);
const record = fixture.recordOf(fixture.prescriptions[0].medicalRecordId);
const medication = toFhirMedicationRequest(fixture.prescriptions[0], record, fixture.visitOf(record.appointmentId), fixture.clinician);
const note = toFhirComposition(record, fixture.visitOf(record.appointmentId), fixture.clinician);

/** The texts of the errors found, for matching. */
const found = (resource: Resource) => validateR4(resource).map((issue) => `${issue.expression?.join(',')}: ${issue.details?.text}`);

describe('validateR4', () => {
  it('finds nothing wrong in the valid resources the bad ones are made from', () => {
    for (const resource of [patient, encounter, bloodPressure, heartRate, allergy, condition, medication, note]) assert.deepEqual(found(resource), [], resource.resourceType);
  });

  it('checks codes against required bindings, which the base validator does not', () => {
    const cases: [Resource, RegExp][] = [
      [{ ...patient, gender: 'woman' as 'female' }, /Patient\.gender: "woman" is not in the required ValueSet .*administrative-gender/],
      [{ ...encounter, status: 'booked' as 'planned' }, /Encounter\.status: "booked" is not in the required ValueSet .*encounter-status/],
      [{ ...heartRate, status: 'done' as 'final' }, /Observation\.status: "done" is not in the required ValueSet .*observation-status/],
      [{ ...allergy, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'current' }] } }, /allergyintolerance-clinical/],
      [{ ...allergy, verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'maybe' }] } }, /allergyintolerance-verification/],
      [{ ...allergy, clinicalStatus: { coding: [{ system: 'http://example.org/wrong-system', code: 'active' }] } }, /allergyintolerance-clinical/],
      [{ ...condition, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'controlled' }] } }, /condition-clinical/],
      [{ ...medication, intent: 'prescription' as 'order' }, /MedicationRequest\.intent: .*medicationrequest-intent/],
      [{ ...medication, status: 'ongoing' as 'active' }, /MedicationRequest\.status: .*medicationrequest-status/],
      [{ ...medication, dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'day' as 'd' } } }] }, /units-of-time/],
      [{ ...note, status: 'signed' as 'final' }, /Composition\.status: .*composition-status/],
    ];
    for (const [resource, message] of cases) assert.ok(found(resource).some((text) => message.test(text)), `${message}: ${found(resource).join(' | ')}`);
  });

  it('checks structure, cardinality, formats and invariants', () => {
    const { code: _code, ...uncoded } = heartRate;
    const cases: [Resource, RegExp][] = [
      [uncoded as Observation, /Observation\.code: Missing required property/],
      [{ ...patient, birthDate: '1984-02-30T00:00' }, /birthDate: Invalid date format/],
      [{ ...patient, colour: 'blue' } as Resource, /Invalid additional property "colour"/],
      [{ ...heartRate, dataAbsentReason: { text: 'not measured' } }, /obs-6/],
      [{ ...patient, telecom: [{ system: 'phone', value: ' ' }] }, /non-whitespace/],
    ];
    for (const [resource, message] of cases) assert.ok(found(resource).some((text) => message.test(text)), `${message}: ${found(resource).join(' | ')}`);
  });

  it('checks the vital-signs profile a resource claims', () => {
    const wrongUnit = { ...heartRate, valueQuantity: { ...heartRate.valueQuantity, code: 'beats/min' } };
    const temperature = toVitalSignObservations(fixture.vitalSigns[0], fixture.visitOf(fixture.vitalSigns[0].appointmentId), ['body-temperature'])[0];
    const fahrenheitAsKelvin = { ...temperature, valueQuantity: { ...temperature.valueQuantity, code: 'K' } };
    const unitless = { ...heartRate, valueQuantity: { value: 72 } };
    const halfPressure = { ...bloodPressure, component: bloodPressure.component!.slice(0, 1) };
    const pressureInKilopascals = { ...bloodPressure, component: bloodPressure.component!.map((component) => ({ ...component, valueQuantity: { ...component.valueQuantity, code: 'kPa' } })) };
    const claimsNothingReal = { ...heartRate, meta: { profile: ['http://hl7.org/fhir/StructureDefinition/heart-rhythm'] } };
    const uncategorised = { ...heartRate, category: [{ text: 'Vitals' }] };
    assert.ok(found(wrongUnit).some((text) => /valueQuantity\.code must be "\/min"/.test(text)), found(wrongUnit).join(' | '));
    assert.ok(found(fahrenheitAsKelvin).some((text) => /valueQuantity\.code "K" is not in .*ucum-bodytemp/.test(text)), found(fahrenheitAsKelvin).join(' | '));
    assert.ok(found(unitless).some((text) => /valueQuantity\.unit is required/.test(text)), found(unitless).join(' | '));
    assert.ok(found(halfPressure).some((text) => /slice 'DiastolicBP': expected 1 component coded 8462-4, found 0/.test(text)), found(halfPressure).join(' | '));
    assert.ok(found(pressureInKilopascals).some((text) => /mm\[Hg\]/.test(text)), found(pressureInKilopascals).join(' | '));
    assert.ok(found(claimsNothingReal).some((text) => /not an R4 profile/.test(text)));
    assert.ok(found(uncategorised).length > 0, 'the vital-signs category is required by the profile');
  });

  it('checks ids, references and narratives', () => {
    const script = '<div xmlns="http://www.w3.org/1999/xhtml"><p>ok</p><script>alert(1)</script></div>';
    const cases: [Resource, RegExp][] = [
      [{ ...patient, id: 'not a valid id!' }, /is not a FHIR id/],
      [{ ...encounter, subject: { reference: 'https://elsewhere.example/Patient/1' } }, /not a relative Type\/id reference/],
      [{ ...note, section: [{ title: 'x', text: { status: 'generated', div: script } }] }, /<script> is not allowed/],
      [{ ...note, section: [{ title: 'x', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">a & b</div>' } }] }, /bare "&"/],
      [{ ...note, section: [{ title: 'x', text: { status: 'generated', div: '<div><p>no namespace</p></div>' } }] }, /xmlns/],
    ];
    for (const [resource, message] of cases) assert.ok(found(resource).some((text) => message.test(text)), `${message}: ${found(resource).join(' | ')}`);
    assert.deepEqual(narrativeProblems('<div xmlns="http://www.w3.org/1999/xhtml"><p>a <b>b</p></b></div>'), ['</p> does not close the open <b>', '</div> does not close the open <p>', 'unclosed <div>, <p>']);
    assert.deepEqual(narrativeProblems('<div xmlns="http://www.w3.org/1999/xhtml"><p> </p></div>'), ['the narrative has no text']);
  });

  it('finds a bad resource inside a Bundle, and a reference the Bundle does not resolve', () => {
    const bundle = patientEverything(fixture.chart, parseEverything(fixture.patient.id, ''), fixture.clinician);
    const spoiled: Bundle = { ...bundle, entry: bundle.entry!.map((entry) => (entry.resource?.resourceType === 'Patient' ? { ...entry, resource: { ...patient, gender: 'woman' as 'female' } } : entry)) };
    assert.ok(found(spoiled).some((text) => /gender/.test(text)));
    const withoutPractitioners: Bundle = { ...bundle, entry: bundle.entry!.filter((entry) => entry.resource?.resourceType !== 'Practitioner') };
    assert.deepEqual(new Set(unresolvedReferences(withoutPractitioners)), new Set(fixture.providers.map((provider) => `Practitioner/${provider.id}`)));
  });
});

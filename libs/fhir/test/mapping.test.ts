// The mapping table of docs/fhir.md, field by field: what each of our columns becomes in FHIR,
// what a reader without notes does not get, and what the mappers refuse to map.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Observation } from '@medplum/fhirtypes';
import {
  conditionStatusesFor,
  FhirOutcomeError,
  parseVitalSignObservationId,
  toFhirAllergyIntolerance,
  toFhirComposition,
  toFhirCondition,
  toFhirEncounter,
  toFhirMedicationRequest,
  toFhirPatient,
  toFhirPractitioner,
  toVitalSignObservations,
  VITAL_SIGN_KINDS,
} from '../src/index.js';
import * as fixture from './fixtures.js';

const { clinician, staff } = fixture;

describe('Patient', () => {
  it('maps demographics, telecom, address and the emergency contact', () => {
    const patient = toFhirPatient(fixture.patient, clinician);
    assert.equal(patient.id, fixture.patient.id);
    assert.deepEqual(patient.identifier, [{ use: 'usual', system: `${fixture.BASE_URL}/sid/patient-id`, value: fixture.patient.id }]);
    assert.deepEqual(patient.name, [{ use: 'official', family: "O'Brien-Núñez", given: ['Zoë'] }]);
    assert.equal(patient.gender, 'female');
    assert.equal(patient.birthDate, '1984-02-29');
    assert.equal(patient.active, true);
    assert.deepEqual(patient.telecom, [
      { system: 'phone', value: '+1 (617) 555-0142' },
      { system: 'email', value: 'zoe.obrien@example.org' },
    ]);
    assert.deepEqual(patient.address, [{ text: '12 Harbor St, Boston, MA 02110' }]);
    assert.deepEqual(patient.contact, [
      {
        relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'C', display: 'Emergency Contact' }] }, { text: 'Spouse' }],
        name: { text: 'Liam OBrien' },
        telecom: [{ system: 'phone', value: '617-555-0199' }],
      },
    ]);
    assert.equal(patient.meta?.lastUpdated, '2026-03-01T12:00:00.000Z');
  });

  it('reads an archived patient as inactive, and leaves blanks and nulls out', () => {
    const [archived, blank] = fixture.otherPatients.map((patient) => toFhirPatient(patient, clinician));
    assert.equal(archived.active, false);
    assert.equal(archived.gender, 'other');
    assert.deepEqual(archived.telecom, [{ system: 'phone', value: '+1 (617) 555-0142' }]);
    assert.equal(archived.address, undefined);
    assert.deepEqual(archived.contact?.[0].relationship, [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'C', display: 'Emergency Contact' }] }]);
    assert.equal(blank.address, undefined);
    assert.equal(blank.contact, undefined);
    assert.deepEqual(blank.telecom, [{ system: 'phone', value: '+1 (617) 555-0142' }]);
  });
});

describe('Practitioner', () => {
  it('maps name, licence number, specialty and work phone, never the email', () => {
    const [full, minimal, blank] = fixture.providers.map((provider) => toFhirPractitioner(provider, clinician));
    assert.deepEqual(full.identifier?.[1], {
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'LN', display: 'License number' }] },
      value: 'SYN-MD-104233',
    });
    assert.deepEqual(full.qualification, [{ code: { text: 'Family Medicine' } }]);
    assert.deepEqual(full.telecom, [{ system: 'phone', value: '(617) 555-0101', use: 'work' }]);
    assert.equal(minimal.active, false);
    for (const practitioner of [minimal, blank]) {
      assert.equal(practitioner.identifier?.length, 1);
      assert.equal(practitioner.qualification, undefined);
      assert.equal(practitioner.telecom, undefined);
    }
    assert.ok(!JSON.stringify(full).includes('@'));
  });
});

describe('Encounter', () => {
  it('maps every appointment status, a no-show as cancelled with the reason', () => {
    const statuses = fixture.appointments.map((appointment) => [appointment.status, toFhirEncounter(appointment, clinician).status]);
    assert.deepEqual(statuses, [
      ['completed', 'finished'],
      ['completed', 'finished'],
      ['scheduled', 'planned'],
      ['checked_in', 'arrived'],
      ['in_progress', 'in-progress'],
      ['cancelled', 'cancelled'],
      ['no_show', 'cancelled'],
    ]);
    const noShow = toFhirEncounter(fixture.appointments[6], clinician);
    assert.deepEqual(noShow.extension, [
      {
        url: 'http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled',
        valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/appointmentstatus', code: 'noshow', display: 'No Show' }], text: 'The patient did not attend' },
      },
    ]);
    assert.equal(toFhirEncounter(fixture.appointments[5], clinician).extension, undefined);
  });

  it('is ambulatory, with the booked period, the practitioner, the type and the reason', () => {
    const encounter = toFhirEncounter(fixture.appointments[0], clinician);
    assert.deepEqual(encounter.class, { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' });
    assert.deepEqual(encounter.period, { start: '2025-11-03T09:00:00.000Z', end: '2025-11-03T09:20:00.000Z' });
    assert.deepEqual(encounter.participant?.[0].individual, { reference: `Practitioner/${fixture.providers[0].id}` });
    assert.deepEqual(encounter.subject, { reference: `Patient/${fixture.patient.id}` });
    assert.equal(encounter.type?.[0].coding?.[0].code, 'new_patient');
    assert.equal(encounter.type?.[0].coding?.[0].system, `${fixture.BASE_URL}/CodeSystem/appointment-type`);
    assert.deepEqual(encounter.reasonCode, [{ text: 'Blood pressure review' }]);
    const defaultLength = toFhirEncounter(fixture.appointments[1], clinician);
    assert.deepEqual(defaultLength.period, { start: '2026-03-10T14:30:00.000Z', end: '2026-03-10T15:00:00.000Z' });
    assert.equal(defaultLength.reasonCode, undefined);
  });
});

describe('vital-sign Observations', () => {
  const [full, partial, empty] = fixture.vitalSigns;
  const visit = (appointmentId: string) => fixture.visitOf(appointmentId);
  const byKind = (observations: Observation[]) => new Map(observations.map((observation) => [parseVitalSignObservationId(observation.id!)!.kind, observation]));

  it('gives one Observation per measurement, with LOINC codes and UCUM units', () => {
    const observations = byKind(toVitalSignObservations(full, visit(full.appointmentId)));
    assert.deepEqual([...observations.keys()], VITAL_SIGN_KINDS);
    const summary = [...observations.values()].map((observation) => [
      observation.code.coding?.map((coding) => coding.code).join('+'),
      observation.valueQuantity?.value,
      observation.valueQuantity?.code,
    ]);
    assert.deepEqual(summary, [
      ['85354-9', undefined, undefined],
      ['8867-4', 72, '/min'],
      ['9279-1', 16, '/min'],
      ['8310-5', 36.8, 'Cel'],
      ['2708-6+59408-5', 98, '%'],
      ['29463-7', 72.55, 'kg'],
      ['8302-2', 175.5, 'cm'],
      ['39156-5', 23.6, 'kg/m2'],
      ['72514-3', 0, '{score}'],
    ]);
    const pressure = observations.get('blood-pressure')!;
    assert.deepEqual(
      pressure.component?.map((component) => [component.code.coding?.[0].code, component.valueQuantity?.value, component.valueQuantity?.code]),
      [
        ['8480-6', 128, 'mm[Hg]'],
        ['8462-4', 82, 'mm[Hg]'],
      ],
    );
    for (const observation of observations.values()) {
      assert.equal(observation.status, 'final');
      assert.equal(observation.category?.[0].coding?.[0].code, 'vital-signs');
      assert.equal(observation.effectiveDateTime, '2025-11-03T09:00:00.000Z', 'the visit');
      assert.equal(observation.issued, '2025-11-03T09:04:00.000Z', 'when the set was written');
      assert.deepEqual(observation.encounter, { reference: `Encounter/${full.appointmentId}` });
    }
  });

  it('marks the missing half of a blood pressure unknown, and measures nothing not measured', () => {
    const observations = byKind(toVitalSignObservations(partial, visit(partial.appointmentId)));
    assert.deepEqual([...observations.keys()], ['blood-pressure', 'body-temperature', 'pain-severity']);
    assert.deepEqual(observations.get('blood-pressure')!.component?.[1].dataAbsentReason?.coding?.[0].code, 'unknown');
    assert.deepEqual(toVitalSignObservations(empty, visit(empty.appointmentId)), []);
  });

  it('gives only the kinds asked for, and ids that name their set and kind', () => {
    const observations = toVitalSignObservations(full, visit(full.appointmentId), ['heart-rate', 'bmi']);
    assert.deepEqual(
      observations.map((observation) => observation.id),
      [`${full.id}-heart-rate`, `${full.id}-bmi`],
    );
    assert.deepEqual(parseVitalSignObservationId(`${full.id}-bmi`), { vitalSignsId: full.id, kind: 'bmi' });
    for (const id of [full.id, `${full.id}-weight`, `${full.id}-constructor`, 'x-bmi', `${full.id}-bmi-bmi`]) assert.equal(parseVitalSignObservationId(id), null, id);
  });
});

describe('AllergyIntolerance', () => {
  it('maps our severity onto reaction.severity and criticality', () => {
    const mapped = fixture.allergies.map((allergy) => toFhirAllergyIntolerance(allergy));
    assert.deepEqual(
      mapped.map((allergy) => [allergy.code?.text, allergy.criticality, allergy.reaction?.[0].severity, allergy.reaction?.[0].manifestation[0].text]),
      [
        ['Penicillin', 'low', 'moderate', 'Hives'],
        ['Peanuts', 'high', 'severe', 'Anaphylaxis'],
        ['Latex', 'high', 'severe', undefined],
        ['Cat dander', 'low', 'mild', 'Sneezing'],
        ['Sulfa drugs', undefined, undefined, undefined],
      ],
    );
    assert.equal(mapped[2].reaction?.[0].manifestation[0].extension?.[0].valueCode, 'unknown');
    assert.equal(mapped[4].reaction, undefined);
    for (const allergy of mapped) {
      assert.equal(allergy.clinicalStatus?.coding?.[0].code, 'active');
      assert.equal(allergy.verificationStatus, undefined);
    }
    assert.equal(mapped[0].onsetDateTime, '2001-06-15');
    assert.equal(mapped[0].recordedDate, '2025-11-03T09:10:00.000Z');
  });
});

describe('Condition', () => {
  it('maps our statuses onto clinicalStatus, and keeps an unknown one as a note', () => {
    const mapped = fixture.conditions.map((condition) => toFhirCondition(condition));
    assert.deepEqual(
      mapped.map((condition) => [condition.clinicalStatus?.coding?.[0].code, condition.note?.map((note) => note.text)]),
      [
        ['active', ['Home readings twice a week']],
        ['active', undefined],
        ['remission', undefined],
        ['inactive', undefined],
        ['resolved', undefined],
        [undefined, undefined],
        [undefined, ['Status recorded as: chronic']],
        [undefined, undefined],
      ],
    );
    assert.equal(mapped[0].onsetDateTime, '2019-04-12');
    assert.equal(mapped[1].onsetDateTime, undefined);
    assert.equal(mapped[0].category?.[0].coding?.[0].code, 'problem-list-item');
  });

  it('finds our statuses for a clinical-status search', () => {
    assert.deepEqual(conditionStatusesFor(['active']), ['active', 'controlled']);
    assert.deepEqual(conditionStatusesFor(['remission', 'resolved']), ['in_remission', 'resolved']);
    assert.deepEqual(conditionStatusesFor(['relapse']), []);
  });
});

describe('MedicationRequest', () => {
  const [lisinopril, amoxicillin, ibuprofen, sumatriptan, albuterol] = fixture.prescriptions;
  const map = (prescription: (typeof fixture.prescriptions)[number], context = clinician) => {
    const record = fixture.recordOf(prescription.medicalRecordId);
    return toFhirMedicationRequest(prescription, record, fixture.visitOf(record.appointmentId), context);
  };

  it('is an active order by the signer, with the dosage text and structured timing where the words allow', () => {
    const request = map(lisinopril);
    assert.equal(request.status, 'active');
    assert.equal(request.intent, 'order');
    assert.deepEqual(request.requester, { reference: `Practitioner/${fixture.providers[0].id}` });
    assert.deepEqual(request.medicationCodeableConcept, { text: 'Lisinopril 10 mg tablet' });
    assert.deepEqual(request.dispenseRequest, { numberOfRepeatsAllowed: 3, quantity: { value: 90 } });
    assert.deepEqual(request.dosageInstruction, [
      {
        sequence: 1,
        text: '1 tablet once daily for 90 days',
        patientInstruction: 'Take in the morning.',
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsDuration: { value: 90, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } } },
      },
    ]);
    assert.deepEqual(map(ibuprofen).dosageInstruction?.[0].asNeededCodeableConcept, { text: 'pain' });
    assert.deepEqual(map(sumatriptan).dosageInstruction?.[0].timing, {
      repeat: { boundsDuration: { value: 2, unit: 'weeks', system: 'http://unitsofmeasure.org', code: 'wk' } },
    });
    assert.equal(map(albuterol).dispenseRequest?.numberOfRepeatsAllowed, undefined, 'a negative refill count is not sent');
  });

  it('gives the indication and the allergy override reason only with notes', () => {
    const withNotes = map(amoxicillin);
    assert.deepEqual(withNotes.reasonCode, [{ text: 'Otitis media' }]);
    assert.deepEqual(withNotes.note, [{ text: 'Prescribed despite a recorded allergy: Tolerated amoxicillin in 2020 despite the penicillin allergy' }]);
    const without = map(amoxicillin, staff);
    assert.equal(without.reasonCode, undefined);
    assert.equal(without.note, undefined);
    assert.deepEqual({ ...without, reasonCode: withNotes.reasonCode, note: withNotes.note }, withNotes);
  });

  it("refuses a draft's prescription, and rows of another record or visit", () => {
    const record = fixture.recordOf(lisinopril.medicalRecordId);
    const visit = fixture.visitOf(record.appointmentId);
    const draft = { ...record, signedAt: null, signedById: null } as unknown as typeof record;
    assert.throws(() => toFhirMedicationRequest(lisinopril, draft, visit, clinician), /drafts never leave/);
    assert.throws(() => toFhirMedicationRequest(ibuprofen, record, visit, clinician), /belongs to/);
    assert.throws(() => toFhirMedicationRequest(lisinopril, record, fixture.appointments[1], clinician), /belongs to/);
  });
});

describe('Composition (the signed visit note)', () => {
  const [amended, short] = fixture.signedRecords;
  const note = (record = amended, context = clinician) => toFhirComposition(record, fixture.visitOf(record.appointmentId), context);

  it('carries the note as coded sections, the signature and the amendments', () => {
    const composition = note();
    assert.equal(composition.status, 'amended');
    assert.equal(composition.type.coding?.[0].code, '11506-3');
    assert.deepEqual(composition.attester, [{ mode: 'legal', time: '2025-11-03T10:00:00.000Z', party: { reference: `Practitioner/${fixture.providers[0].id}` } }]);
    assert.equal(composition.date, '2025-11-05T08:00:00.000Z', 'the last amendment');
    assert.deepEqual(
      composition.author?.map((author) => author.reference),
      [`Practitioner/${fixture.providers[0].id}`, `Practitioner/${fixture.providers[2].id}`],
    );
    assert.deepEqual(
      composition.section?.map((section) => [section.title, section.code?.coding?.[0].code]),
      [
        ['Chief complaint', '10154-3'],
        ['History of present illness', '10164-2'],
        ['Physical examination', '29545-1'],
        ['Assessment', '51848-0'],
        ['Plan', '18776-5'],
        ['Follow-up instructions', '69730-0'],
        ['Patient education', '34895-3'],
        ['Symptoms', undefined],
        ['Amendments', undefined],
      ],
    );
    const sections = composition.section!;
    assert.equal(sections[0].text?.div, '<div xmlns="http://www.w3.org/1999/xhtml"><p>Headaches &amp; dizziness &lt;3 weeks&gt;</p></div>');
    assert.ok(sections[2].text?.div.includes('&lt;script&gt;'));
    assert.ok(sections[1].text?.div.includes('<br/>') && !sections[1].text?.div.includes('\u0001'));
    assert.equal(
      sections[7].text?.div,
      '<div xmlns="http://www.w3.org/1999/xhtml"><p>Headache: Frontal; severity 6/10; for 3 weeks. Worse in the morning</p><p>Dizziness</p></div>',
    );
    const amendments = sections[8].section!;
    assert.deepEqual(
      amendments.map((amendment) => [amendment.title, amendment.author?.[0].reference]),
      [
        ['Amendment of 2025-11-04T08:00:00.000Z', `Practitioner/${fixture.providers[0].id}`],
        ['Amendment of 2025-11-05T08:00:00.000Z', `Practitioner/${fixture.providers[2].id}`],
      ],
    );
    assert.ok(amendments[1].text?.div.includes('Reason: Dose clarified'));
  });

  it('is final without amendments, and leaves empty parts out', () => {
    const composition = note(short);
    assert.equal(composition.status, 'final');
    assert.deepEqual(
      composition.section?.map((section) => section.title),
      ['Chief complaint'],
    );
  });

  it('is refused to a reader without notes, and never made of a draft', () => {
    assert.throws(
      () => note(amended, staff),
      (error: unknown) => error instanceof FhirOutcomeError && error.status === 403,
    );
    const draft = { ...amended, signedAt: null } as unknown as typeof amended;
    assert.throws(() => note(draft), /drafts never leave/);
    assert.throws(() => toFhirComposition(amended, fixture.appointments[1], clinician), /belongs to/);
  });
});

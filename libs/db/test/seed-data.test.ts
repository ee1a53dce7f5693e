// The seed datasets and their building blocks, without a database: determinism, plausibility,
// and the clinical consistency a demo chart should have.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALLERGENS, medicationsToAvoid } from '../src/seed/catalogue/allergies.js';
import type { PrescriptionTemplate } from '../src/seed/catalogue/medications.js';
import { VISIT_SCENARIOS } from '../src/seed/catalogue/visits.js';
import { createPatientProfiles, type PatientProfile } from '../src/seed/generate/patients.js';
import { chooseScenario, safePrescription } from '../src/seed/generate/visits.js';
import { seedIdsFor, seedUuid } from '../src/seed/ids.js';
import {
  ANCHOR_DATE,
  bodyMassIndex,
  buildDevelopmentDataset,
  buildStagingDataset,
  DEVELOPMENT_PASSWORD,
  DEVELOPMENT_STAFF,
  hashPassword,
  parseSeedEnvironment,
  passwordWeaknesses,
  SeedRefused,
  verifyPassword,
} from '../src/seed/index.js';
import { SeededRandom } from '../src/seed/random.js';

const APPOINTMENT_TYPES = ['new_patient', 'follow_up', 'routine_checkup', 'sick_visit', 'telehealth'] as const;

describe('the development dataset', () => {
  const dataset = buildDevelopmentDataset();
  const appointmentsById = new Map(dataset.appointments.map((appointment) => [appointment.id!, appointment]));
  const recordsById = new Map(dataset.medicalRecords.map((record) => [record.id!, record]));
  const patientsById = new Map(dataset.patients.map((patient) => [patient.id!, patient]));

  it('is identical on every build', () => {
    assert.deepEqual(buildDevelopmentDataset(), dataset);
    assert.deepEqual(buildStagingDataset(), buildStagingDataset());
  });

  it('has unique ids in every table', () => {
    for (const [table, rows] of Object.entries(dataset)) {
      const ids = new Set((rows as { id?: string }[]).map((row) => row.id));
      assert.equal(ids.size, rows.length, table);
    }
  });

  it('books nothing before a patient registered, and nothing after "now"', () => {
    for (const appointment of dataset.appointments) {
      const patient = patientsById.get(appointment.patientId)!;
      assert.ok(new Date(appointment.createdAt!) <= new Date(appointment.appointmentDate), appointment.id);
      assert.ok(new Date(appointment.createdAt!) <= ANCHOR_DATE, appointment.id);
      assert.ok(new Date(patient.createdAt!) < new Date(appointment.createdAt!), appointment.id);
      assert.ok(new Date(appointment.updatedAt!) >= new Date(appointment.createdAt!), appointment.id);
    }
  });

  it("makes a new-patient visit that patient's first", () => {
    for (const visit of dataset.appointments.filter((appointment) => appointment.appointmentType === 'new_patient')) {
      const earlier = dataset.appointments.filter(
        (other) => other.patientId === visit.patientId && new Date(other.appointmentDate) < new Date(visit.appointmentDate),
      );
      assert.deepEqual(earlier, [], visit.id);
    }
  });

  it('never prescribes what the patient is allergic to', () => {
    const allergensByPatient = new Map<string, string[]>();
    for (const allergy of dataset.allergies) {
      allergensByPatient.set(allergy.patientId, [...(allergensByPatient.get(allergy.patientId) ?? []), allergy.allergen]);
    }
    let checked = 0;
    for (const prescription of dataset.prescriptions) {
      const appointment = appointmentsById.get(recordsById.get(prescription.medicalRecordId)!.appointmentId)!;
      const avoid = medicationsToAvoid(allergensByPatient.get(appointment.patientId) ?? []);
      assert.ok(!avoid.has(prescription.medicationName), `${prescription.medicationName} for a patient allergic to it`);
      if (avoid.size > 0) checked++;
    }
    assert.ok(checked > 0, 'some allergic patients got prescriptions');
  });

  it('doses children by weight without exceeding the maximum dose', () => {
    const maximum = new Map<string, number>();
    const collect = (template: PrescriptionTemplate | undefined): void => {
      if (!template) return;
      if (template.weightBasedDose) {
        const known = maximum.get(template.medicationName) ?? 0;
        maximum.set(template.medicationName, Math.max(known, template.weightBasedDose.maximumMilligrams));
      }
      collect(template.alternative);
    };
    VISIT_SCENARIOS.forEach((scenario) => scenario.prescriptions.forEach(collect));
    const weightBased = dataset.prescriptions.filter((prescription) => maximum.has(prescription.medicationName));
    assert.ok(weightBased.length > 0);
    for (const prescription of weightBased) {
      const milligrams = Number(/\((\d+) mg\)/.exec(prescription.dosage)?.[1]);
      assert.ok(milligrams > 0 && milligrams <= maximum.get(prescription.medicationName)!, `${prescription.medicationName}: ${prescription.dosage}`);
      assert.ok(prescription.quantity! > 0);
    }
  });

  it('records vitals whose BMI follows from the recorded weight and height', () => {
    for (const vitals of dataset.vitalSigns) {
      assert.equal(Number(vitals.bmi), bodyMassIndex(Number(vitals.weight), Number(vitals.height)), vitals.id);
      assert.ok(vitals.bloodPressureDiastolic! < vitals.bloodPressureSystolic!, vitals.id);
    }
  });

  it('uses fictional phone numbers and example email domains', () => {
    for (const patient of dataset.patients) {
      assert.match(patient.phone, /^\(\d{3}\) 555-01\d\d$/);
      assert.match(patient.emergencyContactPhone, /^\(\d{3}\) 555-01\d\d$/);
      if (patient.email) assert.match(patient.email, /@example\.(org|com|net)$/);
    }
    for (const member of DEVELOPMENT_STAFF) assert.match(member.email, /@clinic\.example\.org$/);
  });
});

describe('the visit catalogue', () => {
  const random = new SeededRandom(1, 'catalogue-test');
  const patient = (age: number, sex: PatientProfile['sex']): PatientProfile => ({
    ...createPatientProfiles(random, 1, seedIdsFor('test'), ANCHOR_DATE)[0]!,
    sex,
    conditions: [],
    dateOfBirth: new Date(Date.UTC(ANCHOR_DATE.getUTCFullYear() - age - 1, 0, 1)),
  });

  it('has an everyday visit for every visit type, age and sex', () => {
    for (const type of APPOINTMENT_TYPES) {
      for (const age of [2, 10, 25, 50, 80]) {
        for (const sex of ['female', 'male', 'other'] as const) {
          assert.doesNotThrow(() => chooseScenario(random, type, patient(age, sex), age), `${type}, ${age}, ${sex}`);
        }
      }
    }
  });

  it('has a safe first prescription for every allergy', () => {
    for (const scenario of VISIT_SCENARIOS) {
      for (const allergen of ALLERGENS) {
        const allergic = { ...patient(40, 'female'), medicationsToAvoid: new Set(allergen.avoidMedications) };
        const written = safePrescription(scenario.prescriptions[0]!, allergic);
        assert.ok(written, `${scenario.key} for an allergy to ${allergen.allergen}`);
        assert.ok(!allergic.medicationsToAvoid.has(written.medicationName));
      }
    }
  });
});

describe('seed building blocks', () => {
  it('derives the same version-5 UUID from the same name', () => {
    assert.equal(seedUuid('development/patient/1'), seedUuid('development/patient/1'));
    assert.notEqual(seedUuid('development/patient/1'), seedUuid('staging/patient/1'));
    assert.match(seedUuid('x'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('draws the same numbers from the same seed and label', () => {
    const draws = (label: string) => {
      const random = new SeededRandom(42, label);
      return Array.from({ length: 5 }, () => random.next());
    };
    assert.deepEqual(draws('a'), draws('a'));
    assert.notDeepEqual(draws('a'), draws('b'));
  });

  it('hashes passwords with argon2id at the OWASP parameters', async () => {
    const hash = await hashPassword('Correct-Horse-42!');
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(hash, 'Correct-Horse-42!'), true);
    assert.equal(await verifyPassword(hash, 'Correct-Horse-43!'), false);
    assert.equal(await verifyPassword('not a hash', 'anything'), false);
  });

  it('accepts a strong password and explains what a weak one lacks', () => {
    assert.deepEqual(passwordWeaknesses('Quiet-Lantern-Harbor-7'), []);
    assert.deepEqual(passwordWeaknesses('short-A1'), ['it needs at least 12 characters']);
    assert.deepEqual(passwordWeaknesses('lowercase-only-words-1'), ['it needs an uppercase letter']);
    assert.deepEqual(passwordWeaknesses('NoDigitsOrSymbolsHere'), ['it needs a digit', 'it needs a symbol']);
    assert.deepEqual(passwordWeaknesses(DEVELOPMENT_PASSWORD), ['it is the published development password']);
    assert.deepEqual(passwordWeaknesses('password123!'.replace('p', 'P')), ['it is a commonly guessed password']);
  });

  it('reads the environment name, defaulting to development', () => {
    assert.equal(parseSeedEnvironment(undefined), 'development');
    assert.equal(parseSeedEnvironment(''), 'development');
    assert.equal(parseSeedEnvironment('staging'), 'staging');
    assert.throws(() => parseSeedEnvironment('prod'), (error) => error instanceof SeedRefused && error.reason === 'unknown-environment');
  });
});

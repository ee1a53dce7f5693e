import type { AppointmentType, Prisma } from '../../generated/prisma/client.js';
import { addMinutes, ageOn, DAY, earliest, latest } from '../calendar.js';
import { ageBandOf } from '../catalogue/conditions.js';
import type { PrescriptionTemplate } from '../catalogue/medications.js';
import { VISIT_SCENARIOS, type VisitScenario } from '../catalogue/visits.js';
import type { SeedIds } from '../ids.js';
import type { SeededRandom } from '../random.js';
import type { Booking } from './attendance.js';
import type { PatientProfile } from './patients.js';
import { measureVitals } from './vitals.js';

// How often a visit is about one of the patient's chronic conditions rather than something new.
const CONDITION_VISIT_SHARE: Record<AppointmentType, number> = {
  follow_up: 0.85,
  routine_checkup: 0.5,
  new_patient: 0.6,
  telehealth: 0.45,
  sick_visit: 0.15,
};

function fits(scenario: VisitScenario, type: AppointmentType, patient: PatientProfile, age: number): boolean {
  return (
    scenario.visitTypes.includes(type) &&
    scenario.ages.includes(ageBandOf(age)) &&
    (!scenario.sexes || scenario.sexes.includes(patient.sex))
  );
}

/** What a visit is about: one of the patient's conditions, or a fitting everyday problem. */
export function chooseScenario(random: SeededRandom, type: AppointmentType, patient: PatientProfile, age: number): VisitScenario {
  const fitting = VISIT_SCENARIOS.filter((scenario) => fits(scenario, type, patient, age));
  const forConditions = fitting.filter((scenario) => scenario.condition && patient.conditions.some((c) => c.name === scenario.condition));
  const everyday = fitting.filter((scenario) => !scenario.condition);
  if (forConditions.length > 0 && (everyday.length === 0 || random.chance(CONDITION_VISIT_SHARE[type]))) return random.pick(forConditions);
  if (everyday.length === 0) throw new Error(`no visit scenario fits a ${type} for a ${age}-year-old ${patient.sex} patient`);
  return random.pick(everyday);
}

export function reasonForVisit(scenario: VisitScenario, type: AppointmentType): string {
  switch (type) {
    case 'new_patient':
      return scenario.condition
        ? `New patient: establish care, ${scenario.condition.toLowerCase()}`
        : `New patient: ${scenario.reason.toLowerCase()}`;
    case 'telehealth':
      return `Video visit: ${scenario.reason.toLowerCase()}`;
    case 'follow_up':
      return scenario.condition ? scenario.reason : `Follow-up: ${scenario.reason.toLowerCase()}`;
    default:
      return scenario.reason;
  }
}

function describePatient(patient: PatientProfile, age: number): string {
  const noun =
    age < 18
      ? { female: 'girl', male: 'boy', other: 'child' }[patient.sex]
      : { female: 'woman', male: 'man', other: 'patient' }[patient.sex];
  return `${age}-year-old ${noun}`;
}

function fill(template: string, values: Record<string, string>): string {
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The medication actually written for this patient: the template, its alternative when the
 * patient is allergic, or nothing when neither is safe.
 */
export function safePrescription(template: PrescriptionTemplate, patient: PatientProfile): PrescriptionTemplate | null {
  if (!patient.medicationsToAvoid.has(template.medicationName)) return template;
  if (template.alternative) return safePrescription(template.alternative, patient);
  return null;
}

/**
 * Paediatric suspensions are dosed by the weight measured at the visit, rounded down to the half
 * millilitre so the maximum dose is never exceeded.
 */
function dosing(template: PrescriptionTemplate, weightKg: number): { dosage: string; quantity: number } {
  const dose = template.weightBasedDose;
  if (!dose) return { dosage: template.dosage, quantity: template.quantity };
  const milligrams = Math.min(dose.milligramsPerKg * weightKg, dose.maximumMilligrams);
  const millilitres = Math.max(0.5, Math.floor((milligrams / dose.milligramsPerMillilitre) * 2) / 2);
  const total = millilitres * dose.dosesPerDay * dose.days;
  return {
    dosage: `${millilitres} mL (${Math.round(millilitres * dose.milligramsPerMillilitre)} mg)`,
    quantity: Math.ceil(total / 50) * 50,
  };
}

function transcriptFor(scenario: VisitScenario, duration: string): string {
  return [
    'Clinician: What brings you in today?',
    `Patient: ${scenario.chiefComplaint}. It has been going on for about ${duration}.`,
    'Clinician: Anything that makes it better or worse?',
    'Patient: Not really. I wanted to get it checked.',
    `Clinician: Let's take a look. ${scenario.plan}`,
  ].join('\n');
}

export interface ChartedVisit {
  medicalRecord: Prisma.MedicalRecordCreateManyInput;
  vitalSigns: Prisma.VitalSignsCreateManyInput;
  symptoms: Prisma.SymptomCreateManyInput[];
  prescriptions: Prisma.PrescriptionCreateManyInput[];
}

/**
 * The chart of a visit that has started: vitals at rooming, a note with symptoms, and (once
 * completed) prescriptions. Notes of the last two days may still be drafts; visits under way
 * always are.
 */
export function chartVisit(
  random: SeededRandom,
  booking: Booking & { appointmentId: string; scenario: VisitScenario },
  ids: SeedIds,
  anchor: Date,
): ChartedVisit {
  const { patient, scenario, appointmentId } = booking;
  const age = ageOn(patient.dateOfBirth, booking.start);
  const completed = booking.status === 'completed';
  const isDraft = !completed || (anchor.getTime() - booking.end.getTime() < 2 * DAY && random.chance(0.5));
  const isAIGenerated = random.chance(0.2);
  // What the AI scribe extracted waits for the clinician's review while the note is a draft (a
  // newcomer finds pending items to accept or reject); a signed note has none left: its items were
  // accepted before it was signed.
  const reviewStatus = isAIGenerated && isDraft ? 'pending' : 'accepted';
  const openedAt = earliest(addMinutes(booking.start, random.int(2, 6)), anchor);
  const savedAt = completed ? earliest(addMinutes(booking.end, isDraft ? 0 : random.int(10, 240)), anchor) : latest(openedAt, addMinutes(anchor, -1));

  const symptomTemplates = scenario.symptoms.filter((_, index) => index === 0 || random.chance(0.6));
  const duration = random.pick(scenario.symptoms[0]!.durations);
  const vitals = measureVitals(random, patient, age, scenario.vitals, booking.type);

  const prescriptions: Prisma.PrescriptionCreateManyInput[] = [];
  if (completed) {
    scenario.prescriptions.forEach((template, index) => {
      if (index > 0 && !random.chance(0.5)) return;
      const written = safePrescription(template, patient);
      if (!written) {
        if (index === 0) throw new Error(`${scenario.key}: no safe alternative to ${template.medicationName}`);
        return;
      }
      prescriptions.push({
        id: ids('prescription', appointmentId, index),
        medicalRecordId: ids('medical-record', appointmentId),
        medicationName: written.medicationName,
        strength: written.strength,
        ...dosing(written, Number(vitals.weight)),
        frequency: written.frequency,
        duration: written.duration,
        refills: written.refills,
        instructions: written.instructions,
        indication: written.indication,
        isAIExtracted: isAIGenerated,
        reviewStatus,
        createdAt: savedAt,
      });
    });
  }

  const medicalRecordId = ids('medical-record', appointmentId);
  return {
    medicalRecord: {
      id: medicalRecordId,
      appointmentId,
      chiefComplaint: scenario.chiefComplaint,
      historyOfPresentIllness: fill(scenario.history, { patient: describePatient(patient, age), duration }),
      physicalExamNotes: scenario.exam,
      diagnosis: completed ? scenario.diagnosis : null,
      diagnosisNotes: completed ? random.pick(scenario.diagnosisNotes) : null,
      treatmentPlan: completed ? scenario.plan : null,
      followUpInstructions: completed ? scenario.followUp : null,
      patientEducation: completed ? scenario.education : null,
      transcript: isAIGenerated ? transcriptFor(scenario, duration) : null,
      isAIGenerated,
      isDraft,
      createdAt: openedAt,
      updatedAt: savedAt,
    },
    vitalSigns: {
      id: ids('vital-signs', appointmentId),
      appointmentId,
      ...vitals,
      recordedAt: earliest(addMinutes(booking.start, random.int(1, 5)), anchor),
    },
    symptoms: symptomTemplates.map((template, index) => ({
      id: ids('symptom', appointmentId, index),
      medicalRecordId,
      symptomName: template.name,
      bodySite: template.bodySite,
      severity: random.int(template.severity[0], template.severity[1]),
      duration: index === 0 ? duration : random.pick(template.durations),
      isAIExtracted: isAIGenerated,
      reviewStatus,
      createdAt: openedAt,
    })),
    prescriptions,
  };
}

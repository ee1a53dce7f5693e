import type { AppointmentType } from '../../generated/prisma/client.js';
import type { VisitVitals } from '../catalogue/visits.js';
import type { SeededRandom } from '../random.js';
import type { PatientProfile } from './patients.js';

/** Vital signs as the columns store them (decimals as strings, so they round-trip exactly). */
export interface MeasuredVitals {
  bloodPressureSystolic: number;
  bloodPressureDiastolic: number;
  heartRate: number;
  temperature: string;
  respiratoryRate: number | null;
  oxygenSaturation: number | null;
  weight: string;
  height: string;
  bmi: string;
  painLevel: number;
}

const has = (patient: PatientProfile, condition: string) => patient.conditions.some((charted) => charted.name === condition);

/** Body mass index from weight in kilograms and height in centimetres, to one decimal. */
export function bodyMassIndex(weightKg: number, heightCm: number): number {
  return Math.round((weightKg / (heightCm / 100) ** 2) * 10) / 10;
}

function bloodPressure(random: SeededRandom, patient: PatientProfile, age: number): [number, number] {
  if (age < 18) {
    const systolic = Math.round(random.around(98 + age, 6, 84, 124));
    return [systolic, Math.round(random.around(60, 5, 48, Math.min(80, systolic - 25)))];
  }
  const hypertension = patient.conditions.find((condition) => condition.name === 'Essential hypertension');
  const raised = hypertension ? (hypertension.status === 'controlled' ? 8 : 22) : 0;
  const systolic = Math.round(random.around(114 + Math.max(0, age - 40) * 0.35 + raised, 8, 92, 188));
  const diastolic = Math.round(random.around(systolic * 0.6 + 5, 5, 54, Math.min(112, systolic - 25)));
  return [systolic, diastolic];
}

function heartRate(random: SeededRandom, patient: PatientProfile, age: number, fever: boolean): number {
  const feverBeats = fever ? 14 : 0;
  if (age < 6) return Math.round(random.around(105 + feverBeats, 9, 78, 160));
  if (age < 13) return Math.round(random.around(88 + feverBeats, 8, 64, 140));
  if (has(patient, 'Atrial fibrillation')) return Math.round(random.around(84, 12, 58, 124));
  return Math.round(random.around(73 + feverBeats, 8, 50, 120));
}

/**
 * Physiologically plausible vitals for one visit: around the patient's own baseline, shifted by
 * age, chronic conditions and what the visit is for. Telehealth vitals are patient-reported:
 * no respiratory rate, and a home pulse oximeter only sometimes.
 */
export function measureVitals(
  random: SeededRandom,
  patient: PatientProfile,
  age: number,
  visit: VisitVitals,
  type: AppointmentType,
): MeasuredVitals {
  const fever = visit.fever === true;
  const [systolic, diastolic] = bloodPressure(random, patient, age);
  const height = Math.round(patient.heightCm * 10) / 10;
  const weight = Math.round(patient.usualBmi * (height / 100) ** 2 * random.around(1, 0.02, 0.95, 1.05) * 10) / 10;
  const temperature = fever ? random.between(37.9, 39.4) : random.around(36.8, 0.3, 36.1, 37.4);
  const child = age < 13;
  const breathing = random.around(child ? (age < 6 ? 24 : 19) : 15, 2, child ? 14 : 11, child ? 34 : 22) + (visit.respiratory ? 2 : 0);
  const saturation = has(patient, 'Chronic obstructive pulmonary disease')
    ? random.int(90, 95)
    : visit.respiratory
      ? random.int(94, 99)
      : random.int(96, 100);
  const remote = type === 'telehealth';
  return {
    bloodPressureSystolic: systolic,
    bloodPressureDiastolic: diastolic,
    heartRate: heartRate(random, patient, age, fever),
    temperature: temperature.toFixed(1),
    respiratoryRate: remote ? null : Math.round(breathing),
    oxygenSaturation: remote && random.chance(0.5) ? null : saturation,
    weight: weight.toFixed(1),
    height: height.toFixed(1),
    bmi: bodyMassIndex(weight, height).toFixed(1),
    painLevel: random.int(visit.pain[0], visit.pain[1]),
  };
}

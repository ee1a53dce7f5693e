import type { AllergyRecord } from '../patients/allergies/allergy-record.js';
import type { ConditionRecord } from '../patients/conditions/condition-record.js';
import type { PatientRecord } from '../patients/patient-record.js';
import type { PrescriptionRow } from '../records/prescriptions/prescription-row.js';

export interface ChartVisitRow {
  id: string;
  providerId: string;
  appointmentDate: Date;
  appointmentType: string;
  status: string;
  reasonForVisit: string | null;
  medicalRecord: {
    id: string;
    isDraft: boolean;
    signedAt: Date | null;
    chiefComplaint: string | null;
    diagnosis: string | null;
  } | null;
}

export interface ChartVitalsRow {
  appointmentId: string;
  recordedAt: Date;
  bloodPressureSystolic: number | null;
  bloodPressureDiastolic: number | null;
  heartRate: number | null;
  temperature: { toNumber(): number } | null;
  respiratoryRate: number | null;
  oxygenSaturation: number | null;
  weight: { toNumber(): number } | null;
  height: { toNumber(): number } | null;
  bmi: { toNumber(): number } | null;
  painLevel: number | null;
}

// The chart reads prescriptions as the records feature stores them, without the AI flag.
export type ChartPrescriptionRow = Omit<PrescriptionRow, 'isAIExtracted'>;

/** Everything the chart shows, read in a fixed number of queries. */
export interface ChartRows {
  patient: PatientRecord;
  allergies: AllergyRecord[];
  activeConditions: ConditionRecord[];
  recentVisits: ChartVisitRow[];
  latestVitals: ChartVitalsRow | null;
  recentPrescriptions: ChartPrescriptionRow[];
}

import type { Prisma } from '../generated/prisma/client.js';

/**
 * Rows ready for `createMany`, in the order they must be written (parents first). Building a
 * dataset touches no database, so its determinism can be tested on its own.
 */
export interface ClinicDataset {
  patients: Prisma.PatientCreateManyInput[];
  allergies: Prisma.AllergyCreateManyInput[];
  chronicConditions: Prisma.ChronicConditionCreateManyInput[];
  appointments: Prisma.AppointmentCreateManyInput[];
  medicalRecords: Prisma.MedicalRecordCreateManyInput[];
  vitalSigns: Prisma.VitalSignsCreateManyInput[];
  symptoms: Prisma.SymptomCreateManyInput[];
  prescriptions: Prisma.PrescriptionCreateManyInput[];
}

export const SEEDED_TABLES = [
  'providers',
  'patients',
  'allergies',
  'chronicConditions',
  'appointments',
  'medicalRecords',
  'vitalSigns',
  'symptoms',
  'prescriptions',
] as const;

export type SeededTable = (typeof SEEDED_TABLES)[number];

/** Rows a run inserted per table; rows already present are not counted. */
export type InsertedRows = Record<SeededTable, number>;

export function noRowsInserted(): InsertedRows {
  return Object.fromEntries(SEEDED_TABLES.map((table) => [table, 0])) as InsertedRows;
}

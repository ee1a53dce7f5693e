/** Where seed progress goes: the CLI prints it, the API hands it to its logger. */
export type SeedLog = (line: string) => void;

export const silentLog: SeedLog = () => undefined;

/** Human names for progress lines ("medical records 512/512"). */
export const TABLE_LABELS = {
  providers: 'providers',
  patients: 'patients',
  allergies: 'allergies',
  chronicConditions: 'chronic conditions',
  appointments: 'appointments',
  medicalRecords: 'medical records',
  vitalSigns: 'vital signs',
  symptoms: 'symptoms',
  prescriptions: 'prescriptions',
} as const;

const ONE_ROW_LABELS: Record<keyof typeof TABLE_LABELS, string> = {
  providers: 'provider',
  patients: 'patient',
  allergies: 'allergy',
  chronicConditions: 'chronic condition',
  appointments: 'appointment',
  medicalRecords: 'medical record',
  vitalSigns: 'vital signs',
  symptoms: 'symptom',
  prescriptions: 'prescription',
};

/** "1 provider", "200 patients". */
export function countOf(table: keyof typeof TABLE_LABELS, rows: number): string {
  return `${rows} ${rows === 1 ? ONE_ROW_LABELS[table] : TABLE_LABELS[table]}`;
}

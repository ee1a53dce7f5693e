/** One appointment's vital signs as the service works with them (decimals already numbers). */
export interface VitalSignsRecord {
  id: string;
  appointmentId: string;
  bloodPressureSystolic: number | null;
  bloodPressureDiastolic: number | null;
  heartRate: number | null;
  temperature: number | null;
  respiratoryRate: number | null;
  oxygenSaturation: number | null;
  weight: number | null;
  height: number | null;
  bmi: number | null;
  painLevel: number | null;
  recordedAt: Date;
}

export type VitalSignsValues = Omit<VitalSignsRecord, 'id' | 'appointmentId' | 'recordedAt'>;

export const MEASUREMENTS = [
  'bloodPressureSystolic',
  'bloodPressureDiastolic',
  'heartRate',
  'temperature',
  'respiratoryRate',
  'oxygenSaturation',
  'weight',
  'height',
  'painLevel',
] as const satisfies readonly (keyof VitalSignsValues)[];

/**
 * One kind of measurement a listing gives a row of its own (a FHIR Observation): its position in
 * the caller's order of kinds, and the columns that hold it (blood pressure: two). A set yields
 * the row when any of those columns holds a value.
 */
export interface MeasurementKind {
  position: number;
  columns: readonly (keyof VitalSignsValues)[];
}

/** One measurement of a set: the set, its visit, and which kind (MeasurementKind.position). */
export interface MeasurementRow<Visit> {
  vitals: VitalSignsRecord;
  visit: Visit;
  position: number;
}

/** Body mass index, kg/m², to one decimal, from weight in kg and height in cm. */
export function bodyMassIndex(weightKg: number, heightCm: number): number {
  const metres = heightCm / 100;
  return Math.round((weightKg / (metres * metres)) * 10) / 10;
}

/** Beyond this a weight/height pair is a unit or typing mistake (recorded extremes lie within). */
export const BMI_RANGE = { min: 5, max: 250 } as const;

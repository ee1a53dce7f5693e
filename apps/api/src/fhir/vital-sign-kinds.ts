import { VITAL_SIGN_KINDS, type VitalSignKind } from '@clinic/fhir';
import type { MeasurementKind, VitalSignsValues } from '../vitals/vital-signs-record.js';

/** Which columns of a vital-signs set hold each kind of Observation (docs/fhir.md's table). */
const COLUMNS_OF: Record<VitalSignKind, readonly (keyof VitalSignsValues)[]> = {
  'blood-pressure': ['bloodPressureSystolic', 'bloodPressureDiastolic'],
  'heart-rate': ['heartRate'],
  'respiratory-rate': ['respiratoryRate'],
  'body-temperature': ['temperature'],
  'oxygen-saturation': ['oxygenSaturation'],
  'body-weight': ['weight'],
  'body-height': ['height'],
  bmi: ['bmi'],
  'pain-severity': ['painLevel'],
};

/**
 * The kinds asked for, as the vital-signs listing takes them: positioned in @clinic/fhir's order
 * of kinds, which is the order of a set's Observations and the last part of their page token.
 */
export function measurementKinds(kinds: readonly VitalSignKind[] = VITAL_SIGN_KINDS): MeasurementKind[] {
  return kinds.map((kind) => ({ position: VITAL_SIGN_KINDS.indexOf(kind), columns: COLUMNS_OF[kind] }));
}

/** The kind at a listing's position. */
export function kindAt(position: number): VitalSignKind {
  const kind = VITAL_SIGN_KINDS[position];
  if (kind === undefined) throw new Error(`no vital-sign kind at position ${position}`);
  return kind;
}

import type { CodeableConcept, Coding, Observation, ObservationComponent, Quantity } from '@medplum/fhirtypes';
import { SYSTEM } from '../code-systems.js';
import { fhirInstant } from '../dates.js';
import type { VisitSource, VitalSignsSource } from '../sources.js';
import { assertBelongsTo } from './guards.js';
import { referenceTo } from './references.js';

const PROFILE = 'http://hl7.org/fhir/StructureDefinition';

interface Unit {
  unit: string;
  code: string;
}

const MM_HG: Unit = { unit: 'mmHg', code: 'mm[Hg]' };

export type VitalSignKind =
  | 'blood-pressure'
  | 'heart-rate'
  | 'respiratory-rate'
  | 'body-temperature'
  | 'oxygen-saturation'
  | 'body-weight'
  | 'body-height'
  | 'bmi'
  | 'pain-severity';

/** Measurements with one value; blood pressure, two values in one Observation, is described apart. */
interface SingleVitalSign {
  kind: VitalSignKind;
  field: Exclude<keyof VitalSignsSource, 'id' | 'appointmentId' | 'recordedAt' | 'bloodPressureSystolic' | 'bloodPressureDiastolic'>;
  /** LOINC codings: the first is the one the R4 vital-signs profile requires. */
  codes: readonly Coding[];
  unit: Unit;
  profile: string;
}

const loinc = (code: string, display: string): Coding => ({ system: SYSTEM.loinc, code, display });

const BLOOD_PRESSURE = {
  kind: 'blood-pressure' as VitalSignKind,
  codes: [loinc('85354-9', 'Blood pressure panel with all children optional')],
  systolic: loinc('8480-6', 'Systolic blood pressure'),
  diastolic: loinc('8462-4', 'Diastolic blood pressure'),
  profile: `${PROFILE}/bp`,
};

/**
 * The measurements with one value, in the order of their Observations. Codes and units follow the R4 vital-signs profiles. Pain has no R4 profile of its own: LOINC 72514-3
 * (0–10 numeric rating, reported) under the generic vital-signs profile, because the clinic
 * records it with the vitals.
 */
const SINGLE_VITAL_SIGNS: readonly SingleVitalSign[] = [
  { kind: 'heart-rate', field: 'heartRate', codes: [loinc('8867-4', 'Heart rate')], unit: { unit: 'beats/minute', code: '/min' }, profile: `${PROFILE}/heartrate` },
  {
    kind: 'respiratory-rate',
    field: 'respiratoryRate',
    codes: [loinc('9279-1', 'Respiratory rate')],
    unit: { unit: 'breaths/minute', code: '/min' },
    profile: `${PROFILE}/resprate`,
  },
  { kind: 'body-temperature', field: 'temperature', codes: [loinc('8310-5', 'Body temperature')], unit: { unit: '°C', code: 'Cel' }, profile: `${PROFILE}/bodytemp` },
  {
    kind: 'oxygen-saturation',
    field: 'oxygenSaturation',
    // The R4 profile asks for 2708-6; 59408-5 says it was measured by pulse oximetry (US Core's code).
    codes: [loinc('2708-6', 'Oxygen saturation in Arterial blood'), loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry')],
    unit: { unit: '%', code: '%' },
    profile: `${PROFILE}/oxygensat`,
  },
  { kind: 'body-weight', field: 'weight', codes: [loinc('29463-7', 'Body weight')], unit: { unit: 'kg', code: 'kg' }, profile: `${PROFILE}/bodyweight` },
  { kind: 'body-height', field: 'height', codes: [loinc('8302-2', 'Body height')], unit: { unit: 'cm', code: 'cm' }, profile: `${PROFILE}/bodyheight` },
  { kind: 'bmi', field: 'bmi', codes: [loinc('39156-5', 'Body mass index (BMI) [Ratio]')], unit: { unit: 'kg/m2', code: 'kg/m2' }, profile: `${PROFILE}/bmi` },
  {
    kind: 'pain-severity',
    field: 'painLevel',
    codes: [loinc('72514-3', 'Pain severity - 0-10 verbal numeric rating [Score] - Reported')],
    unit: { unit: '{score}', code: '{score}' },
    profile: `${PROFILE}/vitalsigns`,
  },
];

/** Every kind, in the order a set's Observations come in (a page position counts on it). */
export const VITAL_SIGN_KINDS: readonly VitalSignKind[] = [BLOOD_PRESSURE.kind, ...SINGLE_VITAL_SIGNS.map((sign) => sign.kind)];

/** What a vital-sign Observation is coded as, and the profile it claims: for search and for tests. */
export const VITAL_SIGN_CODES: ReadonlyMap<VitalSignKind, { codes: readonly Coding[]; profile: string }> = new Map(
  [BLOOD_PRESSURE, ...SINGLE_VITAL_SIGNS].map((sign) => [sign.kind, { codes: sign.codes, profile: sign.profile }]),
);

// Built afresh for each resource: a caller changing one Observation must not change the next.
const vitalSignsCategory = (): CodeableConcept => ({
  coding: [{ system: SYSTEM.observationCategory, code: 'vital-signs', display: 'Vital Signs' }],
  text: 'Vital Signs',
});

const unknownValue = (): CodeableConcept => ({ coding: [{ system: SYSTEM.dataAbsentReason, code: 'unknown', display: 'Unknown' }] });

function quantity(value: number, unit: Unit): Quantity {
  return { value, unit: unit.unit, system: SYSTEM.ucum, code: unit.code };
}

const concept = (codes: readonly Coding[]): CodeableConcept => ({ coding: codes.map((coding) => ({ ...coding })), text: codes[0].display });

/** An Observation's id: the vital-signs set's id and the measurement, so one set gives several. */
export function vitalSignObservationId(vitalSignsId: string, kind: VitalSignKind): string {
  return `${vitalSignsId}-${kind}`;
}

/** The set and measurement an Observation id names, or null when it names none of ours. */
export function parseVitalSignObservationId(id: string): { vitalSignsId: string; kind: VitalSignKind } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-([a-z-]+)$/.exec(id);
  const kind = VITAL_SIGN_KINDS.find((known) => known === match?.[2]);
  return match && kind ? { vitalSignsId: match[1], kind } : null;
}

/** What every Observation of one set shares, formatted once. */
interface MeasuredSet {
  vitalSignsId: string;
  patientId: string;
  visitId: string;
  recorded: string;
  effective: string;
}

function observation(set: MeasuredSet, kind: VitalSignKind, codes: readonly Coding[], profile: string): Observation {
  return {
    resourceType: 'Observation',
    id: vitalSignObservationId(set.vitalSignsId, kind),
    meta: { lastUpdated: set.recorded, profile: [profile] },
    status: 'final',
    category: [vitalSignsCategory()],
    code: concept(codes),
    subject: referenceTo('Patient', set.patientId),
    encounter: referenceTo('Encounter', set.visitId),
    effectiveDateTime: set.effective,
    issued: set.recorded,
  };
}

/**
 * A blood pressure component: the profile needs both; a row from before the API's paired-values
 * rule may hold only one, and then the other says it is unknown rather than missing.
 */
function pressure(code: Coding, value: number | null): ObservationComponent {
  return value === null
    ? { code: concept([code]), dataAbsentReason: unknownValue() }
    : { code: concept([code]), valueQuantity: quantity(value, MM_HG) };
}

/**
 * One Observation per measurement of the set, following the R4 vital-signs profiles; a value not
 * measured gives no Observation. Effective time is the visit's; `issued` is when the set was written.
 * Optionally only some kinds (an Observation search by code).
 */
export function toVitalSignObservations(vitals: VitalSignsSource, visit: VisitSource, kinds: readonly VitalSignKind[] = VITAL_SIGN_KINDS): Observation[] {
  assertBelongsTo('a vital-signs set', vitals.appointmentId, visit.id);
  const observations: Observation[] = [];
  const recorded = fhirInstant(vitals.recordedAt);
  const set: MeasuredSet = { vitalSignsId: vitals.id, patientId: visit.patientId, visitId: visit.id, recorded, effective: fhirInstant(visit.appointmentDate) };
  const systolic = vitals.bloodPressureSystolic;
  const diastolic = vitals.bloodPressureDiastolic;
  if (kinds.includes(BLOOD_PRESSURE.kind) && (systolic !== null || diastolic !== null)) {
    observations.push({
      ...observation(set, BLOOD_PRESSURE.kind, BLOOD_PRESSURE.codes, BLOOD_PRESSURE.profile),
      component: [pressure(BLOOD_PRESSURE.systolic, systolic), pressure(BLOOD_PRESSURE.diastolic, diastolic)],
    });
  }
  for (const sign of SINGLE_VITAL_SIGNS) {
    const value = vitals[sign.field];
    if (value === null || !kinds.includes(sign.kind)) continue;
    observations.push({ ...observation(set, sign.kind, sign.codes, sign.profile), valueQuantity: quantity(value, sign.unit) });
  }
  return observations;
}

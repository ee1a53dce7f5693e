import type { AppointmentType, Sex } from '../../generated/prisma/client.js';
import type { AgeBand } from './conditions.js';
import type { PrescriptionTemplate } from './medications.js';

export interface SymptomTemplate {
  name: string;
  bodySite: string | null;
  /** Inclusive range on the 1–10 scale. */
  severity: readonly [number, number];
  durations: readonly string[];
}

/** What the vital signs of such a visit look like, beyond the patient's own baseline. */
export interface VisitVitals {
  fever?: boolean;
  respiratory?: boolean;
  pain: readonly [number, number];
}

/**
 * One kind of visit, from booking reason to signed note. The first symptom and the first
 * prescription are always charted; the others sometimes. `{patient}` and `{duration}` in the
 * history are filled in per visit ("54-year-old woman", "3 days").
 */
export interface VisitScenario {
  key: string;
  reason: string;
  visitTypes: readonly AppointmentType[];
  ages: readonly AgeBand[];
  sexes?: readonly Sex[];
  /** The chronic condition this visit manages: only patients with it get the scenario. */
  condition?: string;
  chiefComplaint: string;
  history: string;
  exam: string;
  diagnosis: string;
  diagnosisNotes: readonly string[];
  plan: string;
  followUp: string;
  education: string;
  symptoms: readonly SymptomTemplate[];
  prescriptions: readonly PrescriptionTemplate[];
  vitals: VisitVitals;
}

export const ADULTS: readonly AgeBand[] = ['young_adult', 'adult', 'older_adult'];
export const CHILDREN: readonly AgeBand[] = ['child'];
export const EVERYONE: readonly AgeBand[] = ['child', ...ADULTS];
/** Visit types in which a chronic condition is managed. */
export const CHRONIC_CARE: readonly AppointmentType[] = ['follow_up', 'routine_checkup', 'new_patient', 'telehealth'];


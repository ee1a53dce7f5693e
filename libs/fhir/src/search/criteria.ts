// What a parsed search asks the repositories for, in the chart's own vocabulary (our sexes and
// statuses, the API's phone digits): the FHIR codes are translated here, once.
import type { VitalSignKind } from '../resources/vital-signs.js';
import type { SexCode } from '../sources.js';
import type { DateRange } from './date-range.js';

/** A telecom value to match: the phone's digits (as the API stores them, without formatting) or an email. */
export type TelecomMatch = { system: 'phone'; digits: string } | { system: 'email'; address: string };

/** Every list is "any of"; different fields must all match. */
export interface PatientCriteria {
  /** Family or given name starts with one of these (case- and accent-insensitive). */
  name?: string[];
  family?: string[];
  given?: string[];
  birthDate?: DateRange;
  sex?: SexCode[];
  telecom?: TelecomMatch[];
  /** Archived patients are left out unless asked for with `active=false` (or `active=true,false`). */
  archived: 'exclude' | 'include' | 'only';
}

export interface PatientCompartmentCriteria {
  patientId: string;
}

/** Encounter `date` compares the appointment's start. */
export interface EncounterCriteria extends PatientCompartmentCriteria {
  date?: DateRange;
}

/** Observation `date` compares the visit's time (the Observation's effectiveDateTime). */
export interface ObservationCriteria extends PatientCompartmentCriteria {
  date?: DateRange;
  /** The measurements asked for by `code` (all when absent). */
  kinds?: VitalSignKind[];
}

export type AllergyIntoleranceCriteria = PatientCompartmentCriteria;

export interface ConditionCriteria extends PatientCompartmentCriteria {
  /** Our status values (the column's text) that the `clinical-status` codes asked for cover. */
  statuses?: string[];
}

export type MedicationRequestCriteria = PatientCompartmentCriteria;

export interface SearchCriteria {
  Patient: PatientCriteria;
  Encounter: EncounterCriteria;
  Observation: ObservationCriteria;
  AllergyIntolerance: AllergyIntoleranceCriteria;
  Condition: ConditionCriteria;
  MedicationRequest: MedicationRequestCriteria;
}

export type SearchableType = keyof SearchCriteria;

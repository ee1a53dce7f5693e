import { VITAL_SIGN_CODES } from './resources/vital-signs.js';
import { ALLERGY_INTOLERANCE_SEARCH, CONDITION_SEARCH, ENCOUNTER_SEARCH, MEDICATION_REQUEST_SEARCH, OBSERVATION_SEARCH } from './search/clinical-searches.js';
import type { SearchableType, SearchCriteria } from './search/criteria.js';
import type { ResourceSearchDeclaration } from './search/declarations.js';
import { PATIENT_SEARCH } from './search/patient-search.js';

/**
 * What this server serves: every resource type, its search parameters (each with how its value
 * is read), its operations. The CapabilityStatement and the search parser both read this one
 * declaration, so what /metadata says is what the parser accepts.
 */
export interface ServedResource<Criteria = never> {
  documentation: string;
  /** Absent: read only. */
  search?: ResourceSearchDeclaration<Criteria>;
  supportedProfiles?: readonly string[];
  /** Serves Patient/{id}/$everything. */
  everything?: boolean;
  /** A clinical note: refused (403) to a reader without notes, left out of their $everything. */
  withNotesOnly?: boolean;
}

type Served = { [Type in SearchableType]: ServedResource<SearchCriteria[Type]> & { search: ResourceSearchDeclaration<SearchCriteria[Type]> } } & {
  Practitioner: ServedResource;
  Composition: ServedResource;
};

export type ServedType = keyof Served;

export const SERVED_RESOURCES: Readonly<Served> = {
  Patient: {
    documentation: 'Demographics and the emergency contact. An archived patient reads with active=false and is left out of searches unless asked for.',
    search: PATIENT_SEARCH,
    everything: true,
  },
  Practitioner: { documentation: 'The clinic\'s providers: name, license number, specialty, work phone.' },
  Encounter: { documentation: 'One per appointment, ambulatory; a no-show is cancelled with the reason.', search: ENCOUNTER_SEARCH },
  Observation: {
    documentation: 'One per vital sign measured at a visit, following the R4 vital-signs profiles.',
    search: OBSERVATION_SEARCH,
    supportedProfiles: [...new Set([...VITAL_SIGN_CODES.values()].map((sign) => sign.profile))],
  },
  AllergyIntolerance: { documentation: 'The allergies on the chart, all clinically active.', search: ALLERGY_INTOLERANCE_SEARCH },
  Condition: { documentation: 'The chronic conditions on the chart, as problem-list items.', search: CONDITION_SEARCH },
  MedicationRequest: { documentation: 'The prescriptions of signed visit notes.', search: MEDICATION_REQUEST_SEARCH },
  Composition: {
    documentation: 'A signed visit note with its amendments; drafts are never served. Refused to roles without access to notes.',
    withNotesOnly: true,
  },
};

export function isServedType(name: string): name is ServedType {
  return Object.hasOwn(SERVED_RESOURCES, name);
}

export function isSearchableType(name: string): name is SearchableType {
  return isServedType(name) && SERVED_RESOURCES[name].search !== undefined;
}

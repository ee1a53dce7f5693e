// @clinic/fhir: the framework-free core of the read-only FHIR R4 API. The API's controllers read
// rows through their repositories and hand them here; see docs/fhir.md for the whole contract.
export { fhirContext, type FhirContext } from './context.js';
export type * from './sources.js';

export { ALLERGY_CLINICAL_STATUS, ALLERGY_SEVERITY, toFhirAllergyIntolerance } from './resources/allergy-intolerance.js';
export { CONDITION_CLINICAL_STATUS, type ConditionClinicalStatus, conditionStatusesFor, toFhirCondition } from './resources/condition.js';
export { courseDuration, type StructuredFrequency, structuredFrequency } from './resources/dosage-timing.js';
export { DEFAULT_DURATION_MINUTES, ENCOUNTER_STATUS, toFhirEncounter } from './resources/encounter.js';
export { toFhirMedicationRequest } from './resources/medication-request.js';
export { toFhirPatient } from './resources/patient.js';
export { toFhirPractitioner } from './resources/practitioner.js';
export { toFhirComposition } from './resources/visit-note.js';
export {
  parseVitalSignObservationId,
  VITAL_SIGN_CODES,
  VITAL_SIGN_KINDS,
  type VitalSignKind,
  toVitalSignObservations,
  vitalSignObservationId,
} from './resources/vital-signs.js';
export { localSystem, SYSTEM } from './code-systems.js';

export type * from './search/criteria.js';
export type { DateRange } from './search/date-range.js';
export { type EverythingRequest, parseEverything } from './search/everything-request.js';
export { PAGE_KEYS, type PagedListing, type PagePosition } from './search/page-token.js';
export { type AnyFhirSearch, type FhirSearch, parseSearch } from './search/parse-search.js';
export { parseReadRequest } from './search/read-request.js';
export { DEFAULT_COUNT, MAX_COUNT } from './search/request-parameters.js';
export { isSearchableType, isServedType, SERVED_RESOURCES, type ServedResource, type ServedType } from './served-resources.js';
export { readIdOrNotFound } from './read-ids.js';

export { type SearchPage, searchsetBundle } from './bundles.js';
export { type PatientChartSource, patientEverything } from './everything.js';
export { capabilityStatement, type SoftwareDescription } from './capability-statement.js';
export { type FhirErrorStatus, fhirErrors, FhirOutcomeError } from './outcomes.js';

/** The media type of every FHIR answer. */
export const FHIR_JSON = 'application/fhir+json';

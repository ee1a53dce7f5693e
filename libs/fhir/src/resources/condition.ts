import type { Condition } from '@medplum/fhirtypes';
import { SYSTEM } from '../code-systems.js';
import { fhirDate, fhirInstant } from '../dates.js';
import type { ConditionSource } from '../sources.js';
import { presentText } from '../text.js';
import { referenceTo } from './references.js';

export type ConditionClinicalStatus = 'active' | 'recurrence' | 'relapse' | 'inactive' | 'remission' | 'resolved';

/**
 * The statuses the API writes onto condition-clinical. "controlled" is active in FHIR's sense
 * (ongoing, treated); R4 has no finer code for it. A status outside this list (rows older than
 * the API) gives no clinicalStatus, and is kept as a note instead.
 */
export const CONDITION_CLINICAL_STATUS: ReadonlyMap<string, ConditionClinicalStatus> = new Map([
  ['active', 'active'],
  ['controlled', 'active'],
  ['in_remission', 'remission'],
  ['inactive', 'inactive'],
  ['resolved', 'resolved'],
]);

const DISPLAY: Record<ConditionClinicalStatus, string> = {
  active: 'Active',
  recurrence: 'Recurrence',
  relapse: 'Relapse',
  inactive: 'Inactive',
  remission: 'Remission',
  resolved: 'Resolved',
};

/** Our statuses that a clinical-status search for these FHIR codes finds. */
export function conditionStatusesFor(codes: readonly ConditionClinicalStatus[]): string[] {
  return [...CONDITION_CLINICAL_STATUS]
    .filter(([, code]) => codes.includes(code))
    .map(([status]) => status);
}

/**
 * A chronic condition, on the problem list. Its diagnosis date is the onset (the nearest the
 * chart records); the clinic records no verification, so none is claimed.
 */
export function toFhirCondition(condition: ConditionSource): Condition {
  const recordedStatus = presentText(condition.status);
  const status = recordedStatus === undefined ? undefined : CONDITION_CLINICAL_STATUS.get(recordedStatus);
  const name = presentText(condition.conditionName);
  const notes = [presentText(condition.notes), !status && recordedStatus ? `Status recorded as: ${recordedStatus}` : undefined].filter(
    (text): text is string => text !== undefined,
  );
  return {
    resourceType: 'Condition',
    id: condition.id,
    ...(status && { clinicalStatus: { coding: [{ system: SYSTEM.conditionClinicalStatus, code: status, display: DISPLAY[status] }] } }),
    category: [{ coding: [{ system: SYSTEM.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' }] }],
    ...(name && { code: { text: name } }),
    subject: referenceTo('Patient', condition.patientId),
    ...(condition.diagnosisDate && { onsetDateTime: fhirDate(condition.diagnosisDate) }),
    recordedDate: fhirInstant(condition.createdAt),
    ...(notes.length > 0 && { note: notes.map((text) => ({ text })) }),
  };
}

/**
 * Where a chronic condition stands. The column is free text (VARCHAR, default 'active'); the API
 * holds it to this vocabulary, the one the seeds use plus 'inactive':
 *   active        being treated or watched
 *   controlled    ongoing, but kept in range by treatment
 *   in_remission  no signs for now; may come back
 *   inactive      not currently relevant (e.g. seasonal), not resolved
 *   resolved      over
 */
export const CONDITION_STATUSES = ['active', 'controlled', 'in_remission', 'inactive', 'resolved'] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

/** One chronic condition on a patient's chart (diagnosis day at UTC midnight). */
export interface ConditionRecord {
  id: string;
  patientId: string;
  conditionName: string;
  diagnosisDate: Date | null;
  /** Free text in the database: rows written before the API may hold other values. */
  status: string | null;
  notes: string | null;
  createdAt: Date;
}

export interface NewCondition {
  patientId: string;
  conditionName: string;
  diagnosisDate: Date | null;
  status: ConditionStatus;
  notes: string | null;
}

/** A partial update: absent fields stay as they are; null clears an optional one. */
export type ConditionChanges = Partial<Omit<NewCondition, 'patientId'>>;

import type { AllergySeverity } from '@clinic/db';

export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe', 'life_threatening'] as const satisfies readonly AllergySeverity[];

/** One allergy on a patient's chart (onset at UTC midnight of its day). */
export interface AllergyRecord {
  id: string;
  patientId: string;
  allergen: string;
  reaction: string | null;
  severity: AllergySeverity | null;
  onsetDate: Date | null;
  createdAt: Date;
}

export type NewAllergy = Omit<AllergyRecord, 'id' | 'createdAt'>;

/** A partial update: absent fields stay as they are; null clears an optional one. */
export type AllergyChanges = Partial<Omit<NewAllergy, 'patientId'>>;

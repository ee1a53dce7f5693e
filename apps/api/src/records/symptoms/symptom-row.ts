/** One symptom of a visit note. */
export interface SymptomRow {
  id: string;
  medicalRecordId: string;
  symptomName: string;
  bodySite: string | null;
  severity: number | null;
  duration: string | null;
  notes: string | null;
  isAIExtracted: boolean;
  /** pending, accepted or rejected (review/review-status.ts); a CHECK in the database holds the words. */
  reviewStatus: string;
  createdAt: Date;
}

export type NewSymptom = Pick<SymptomRow, 'medicalRecordId' | 'symptomName' | 'bodySite' | 'severity' | 'duration' | 'notes'>;

export type SymptomChanges = Partial<Omit<NewSymptom, 'medicalRecordId'>>;

/** One prescription written at a visit. */
export interface PrescriptionRow {
  id: string;
  medicalRecordId: string;
  medicationName: string;
  strength: string;
  dosage: string;
  frequency: string;
  duration: string | null;
  quantity: number | null;
  refills: number | null;
  instructions: string;
  indication: string | null;
  overrideReason: string | null;
  isAIExtracted: boolean;
  /** pending, accepted or rejected (review/review-status.ts); a CHECK in the database holds the words. */
  reviewStatus: string;
  createdAt: Date;
}

export type NewPrescription = Omit<PrescriptionRow, 'id' | 'isAIExtracted' | 'reviewStatus' | 'createdAt'>;

export type PrescriptionChanges = Partial<Omit<NewPrescription, 'medicalRecordId'>>;

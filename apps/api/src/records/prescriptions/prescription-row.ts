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
  createdAt: Date;
}

export type NewPrescription = Omit<PrescriptionRow, 'id' | 'isAIExtracted' | 'createdAt'>;

export type PrescriptionChanges = Partial<Omit<NewPrescription, 'medicalRecordId'>>;

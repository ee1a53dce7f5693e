/** The clinician's text of a visit note: what PUT /appointments/:id/record writes. */
export interface RecordNotes {
  chiefComplaint: string | null;
  historyOfPresentIllness: string | null;
  physicalExamNotes: string | null;
  diagnosis: string | null;
  diagnosisNotes: string | null;
  treatmentPlan: string | null;
  followUpInstructions: string | null;
  patientEducation: string | null;
}

export const NOTE_FIELDS = [
  'chiefComplaint',
  'historyOfPresentIllness',
  'physicalExamNotes',
  'diagnosis',
  'diagnosisNotes',
  'treatmentPlan',
  'followUpInstructions',
  'patientEducation',
] as const satisfies readonly (keyof RecordNotes)[];

/** A medical record as the service works with it. */
export interface MedicalRecordRow extends RecordNotes {
  id: string;
  appointmentId: string;
  audioFileUrl: string | null;
  transcript: string | null;
  isAIGenerated: boolean;
  isDraft: boolean;
  signedAt: Date | null;
  signedById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AmendmentRow {
  id: string;
  medicalRecordId: string;
  authorId: string;
  reason: string;
  text: string;
  createdAt: Date;
}

export interface MedicalRecordWithAmendments extends MedicalRecordRow {
  amendments: AmendmentRow[];
}

/** A record as it leaves in a chart's export: the note and its amendments, never the material it was written from (transcript, audio). */
export interface NoteWithAmendments extends Omit<MedicalRecordRow, 'transcript' | 'audioFileUrl'> {
  amendments: AmendmentRow[];
}

/** The visit a record belongs to: enough to find the patient and check the visit took place. */
export interface VisitRow {
  id: string;
  patientId: string;
  providerId: string;
  status: string;
}

/** A record with the patient it belongs to, for routes that start from /records/:recordId. */
export interface RecordOwner {
  id: string;
  isDraft: boolean;
  signedAt: Date | null;
  patientId: string;
}

export function isSigned(record: { signedAt: Date | null }): boolean {
  return record.signedAt !== null;
}

/** What a chart shows of a visit's record. */
export interface RecordSummary {
  id: string;
  appointmentId: string;
  isDraft: boolean;
  signedAt: Date | null;
  chiefComplaint: string | null;
  diagnosis: string | null;
}

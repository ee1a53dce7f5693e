// What an extractor reads out of a visit's transcript: the draft note's fields and the items a
// clinician reviews before they join the chart. Field for field, these are the columns of
// `medical_records`, `symptoms` and `prescriptions`, so the API can write them without mapping.

export interface ExtractedNote {
  chiefComplaint: string | null;
  historyOfPresentIllness: string | null;
  diagnosis: string | null;
  treatmentPlan: string | null;
  followUpInstructions: string | null;
}

export interface ExtractedSymptom {
  symptomName: string;
  bodySite: string | null;
  /** On the 1–10 scale. */
  severity: number | null;
  duration: string | null;
  /** Uncertainty ("possible") and qualities the transcript gave ("throbbing"). */
  notes: string | null;
}

/**
 * A prescription written at this visit: never a medication the patient already takes, has
 * stopped or is allergic to. The columns that are required in the database but were not said
 * aloud hold {@link NOT_STATED}, so the reviewing clinician sees the gap instead of a guess.
 */
export interface ExtractedPrescription {
  medicationName: string;
  strength: string;
  dosage: string;
  frequency: string;
  duration: string | null;
  quantity: number | null;
  refills: number | null;
  instructions: string;
  indication: string | null;
}

export interface Extraction {
  note: ExtractedNote;
  symptoms: ExtractedSymptom[];
  prescriptions: ExtractedPrescription[];
}

export interface Extractor {
  extract(transcript: string, signal?: AbortSignal): Promise<Extraction>;
}

/** The value of a required prescription field that the transcript did not give. */
export const NOT_STATED = 'not stated';

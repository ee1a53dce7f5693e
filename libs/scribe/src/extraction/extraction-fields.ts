import type { ExtractedNote, ExtractedPrescription, ExtractedSymptom } from './extraction.js';
import { EXTRACTION_LIMITS as LIMITS } from './limits.js';

// One description of every field of an extraction, read by both the validator of answers and the
// JSON schema sent to a language model, so the two cannot disagree about a length or a range.

export type FieldRule =
  | { kind: 'text'; maxLength: number; nullable: boolean; description: string }
  | { kind: 'integer'; min: number; max: number; description: string };

const text = (maxLength: number, nullable: boolean, description: string): FieldRule => ({ kind: 'text', maxLength, nullable, description });
const integer = (range: { min: number; max: number }, description: string): FieldRule => ({ kind: 'integer', ...range, description });

export const NOTE_FIELDS: Record<keyof ExtractedNote, FieldRule> = {
  chiefComplaint: text(LIMITS.shortText, true, 'The reason for the visit in a few words, or null.'),
  historyOfPresentIllness: text(LIMITS.longText, true, 'What the patient reported about the current problem, or null.'),
  diagnosis: text(LIMITS.shortText, true, "The clinician's diagnosis or impression as said, or null."),
  treatmentPlan: text(LIMITS.longText, true, 'The plan the clinician stated, or null.'),
  followUpInstructions: text(LIMITS.longText, true, 'When to come back and what to watch for, or null.'),
};

export const SYMPTOM_FIELDS: Record<keyof ExtractedSymptom, FieldRule> = {
  symptomName: text(LIMITS.shortText, false, 'A symptom the patient has now, e.g. "Sore throat".'),
  bodySite: text(LIMITS.shortText, true, 'Where, with the side if said, e.g. "Left ankle", or null.'),
  severity: integer(LIMITS.severity, 'Severity on the 1–10 scale if said, else null.'),
  duration: text(LIMITS.shortText, true, 'How long, e.g. "3 days", or null.'),
  notes: text(LIMITS.longText, true, 'Uncertainty ("possible") or qualities said, or null.'),
};

export const PRESCRIPTION_FIELDS: Record<keyof ExtractedPrescription, FieldRule> = {
  medicationName: text(LIMITS.shortText, false, 'The generic name, e.g. "Amoxicillin".'),
  strength: text(LIMITS.shortText, false, 'E.g. "500 mg" or "160 mg/5 mL"; "not stated" if not said.'),
  dosage: text(LIMITS.shortText, false, 'How much per dose, e.g. "1 capsule"; "not stated" if not said.'),
  frequency: text(LIMITS.shortText, false, 'E.g. "twice daily", "every 6 hours as needed"; "not stated" if not said.'),
  duration: text(LIMITS.shortText, true, 'E.g. "10 days", or null.'),
  quantity: integer(LIMITS.quantity, 'The number of units to dispense if said, else null.'),
  refills: integer(LIMITS.refills, 'The number of refills if said, else null.'),
  instructions: text(LIMITS.instructions, false, 'Directions for the patient, e.g. "Take 1 capsule by mouth twice daily for 10 days."'),
  indication: text(LIMITS.shortText, true, 'What it is for, or null.'),
};

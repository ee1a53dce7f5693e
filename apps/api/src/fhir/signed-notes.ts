import type { SignedRecordSource } from '@clinic/fhir';
import type { NoteWithAmendments } from '../records/medical-record.js';
import type { SymptomRow } from '../records/symptoms/symptom-row.js';

/** A record as the FHIR mappers take a signed note, with its symptoms; null for a draft, which never leaves through FHIR. */
export function signedNoteOf(note: NoteWithAmendments, symptoms: readonly SymptomRow[]): SignedRecordSource | null {
  if (note.signedAt === null || note.signedById === null) return null;
  return { ...note, signedAt: note.signedAt, signedById: note.signedById, symptoms: symptoms.filter((symptom) => symptom.medicalRecordId === note.id) };
}

/** Each signed note of these records with its own symptoms (drafts left out). */
export function signedNotesOf(notes: readonly NoteWithAmendments[], symptoms: readonly SymptomRow[]): SignedRecordSource[] {
  const byRecord = new Map<string, SymptomRow[]>();
  for (const symptom of symptoms) {
    const ofRecord = byRecord.get(symptom.medicalRecordId);
    if (ofRecord) ofRecord.push(symptom);
    else byRecord.set(symptom.medicalRecordId, [symptom]);
  }
  return notes.flatMap((note) => signedNoteOf(note, byRecord.get(note.id) ?? []) ?? []);
}

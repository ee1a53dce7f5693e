import type { Composition, CompositionSection } from '@medplum/fhirtypes';
import { SYSTEM } from '../code-systems.js';
import type { FhirContext } from '../context.js';
import { fhirInstant } from '../dates.js';
import { fhirErrors } from '../outcomes.js';
import type { AmendmentSource, NoteTextSource, SignedRecordSource, SymptomSource, VisitSource } from '../sources.js';
import { narrative, presentText } from '../text.js';
import { referenceTo } from './references.js';
import { assertBelongsTo, assertSigned } from './guards.js';

/** The note's parts in reading order, with the LOINC section codes R4 lists (doc-section-codes). */
const SECTIONS: readonly { title: string; code?: [string, string]; text: (note: NoteTextSource) => (string | null)[] }[] = [
  { title: 'Chief complaint', code: ['10154-3', 'Chief complaint Narrative - Reported'], text: (note) => [note.chiefComplaint] },
  { title: 'History of present illness', code: ['10164-2', 'History of present illness Narrative'], text: (note) => [note.historyOfPresentIllness] },
  { title: 'Physical examination', code: ['29545-1', 'Physical findings Narrative'], text: (note) => [note.physicalExamNotes] },
  { title: 'Assessment', code: ['51848-0', 'Evaluation note'], text: (note) => [note.diagnosis, note.diagnosisNotes] },
  { title: 'Plan', code: ['18776-5', 'Plan of treatment (narrative)'], text: (note) => [note.treatmentPlan] },
  { title: 'Follow-up instructions', code: ['69730-0', 'Instructions'], text: (note) => [note.followUpInstructions] },
  { title: 'Patient education', code: ['34895-3', 'Education note'], text: (note) => [note.patientEducation] },
];

function textSection(title: string, paragraphs: (string | null)[], code?: [string, string]): CompositionSection | null {
  const present = paragraphs.map(presentText).filter((text): text is string => text !== undefined);
  if (present.length === 0) return null;
  return {
    title,
    ...(code && { code: { coding: [{ system: SYSTEM.loinc, code: code[0], display: code[1] }] } }),
    text: narrative(present),
  };
}

/** "Headache: frontal; severity 6/10; for 2 days. Worse in the morning." */
function symptomLine(symptom: SymptomSource): string {
  const details = [
    presentText(symptom.bodySite),
    symptom.severity === null ? undefined : `severity ${symptom.severity}/10`,
    presentText(symptom.duration) && `for ${presentText(symptom.duration)}`,
  ].filter(Boolean);
  const notes = presentText(symptom.notes);
  return `${presentText(symptom.symptomName) ?? 'Symptom'}${details.length > 0 ? `: ${details.join('; ')}` : ''}${notes ? `. ${notes}` : ''}`;
}

function amendmentSection(amendment: AmendmentSource): CompositionSection {
  const reason = presentText(amendment.reason);
  const paragraphs = [reason && `Reason: ${reason}`, presentText(amendment.text)].filter((text): text is string => Boolean(text));
  return {
    title: `Amendment of ${fhirInstant(amendment.createdAt)}`,
    author: [referenceTo('Practitioner', amendment.authorId)],
    text: narrative(paragraphs.length > 0 ? paragraphs : ['(no text)']),
  };
}

function amendedAt(record: SignedRecordSource): Date {
  return record.amendments.reduce((latest, amendment) => (amendment.createdAt > latest ? amendment.createdAt : latest), record.signedAt);
}

/**
 * A signed visit note as a Composition (see docs/fhir.md for why not a DocumentReference): the
 * note's parts as coded sections, its symptoms, the signature as a legal attestation, and each
 * amendment as a section by its author, the whole "amended" once there is one. Drafts never get
 * here, and a reader without notes gets a 403.
 */
export function toFhirComposition(record: SignedRecordSource, visit: VisitSource, context: FhirContext): Composition {
  if (!context.withNotes) throw fhirErrors.forbidden('Clinical notes are not available to your role');
  assertSigned(record);
  assertBelongsTo('a medical record', record.appointmentId, visit.id);
  const amendments = [...record.amendments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const sections = [
    ...SECTIONS.map((section) => textSection(section.title, section.text(record), section.code)),
    textSection('Symptoms', record.symptoms.map(symptomLine)),
  ].filter((section): section is CompositionSection => section !== null);
  if (amendments.length > 0) sections.push({ title: 'Amendments', section: amendments.map(amendmentSection) });
  const authors = new Set([record.signedById, ...amendments.map((amendment) => amendment.authorId)]);
  const lastChange = fhirInstant(amendedAt(record));
  return {
    resourceType: 'Composition',
    id: record.id,
    meta: { lastUpdated: lastChange },
    status: amendments.length > 0 ? 'amended' : 'final',
    type: { coding: [{ system: SYSTEM.loinc, code: '11506-3', display: 'Provider-unspecified Progress note' }], text: 'Progress note' },
    subject: referenceTo('Patient', visit.patientId),
    encounter: referenceTo('Encounter', visit.id),
    date: lastChange,
    author: [...authors].map((id) => referenceTo('Practitioner', id)),
    title: 'Visit note',
    attester: [{ mode: 'legal', time: fhirInstant(record.signedAt), party: referenceTo('Practitioner', record.signedById) }],
    ...(sections.length > 0 && { section: sections }),
  };
}

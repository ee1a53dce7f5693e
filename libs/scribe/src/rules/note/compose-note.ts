import type { ExtractedNote, ExtractedSymptom } from '../../extraction/extraction.js';
import { EXTRACTION_LIMITS } from '../../extraction/limits.js';
import { SYMPTOMS } from '../lexicon/symptoms.js';
import type { MedicationFindings } from '../medications/find-prescriptions.js';
import type { Reading } from '../text/reading.js';
import { clip } from '../text/clip.js';
import { composeDiagnosis } from './diagnosis.js';
import { clinicianStatements, joinSentences, underHeading } from './note-sentences.js';

// The draft note: what a dictation put under its headings, or else what the conversation gives
// — the reason for the visit, a history built from the extracted symptoms (with the pertinent
// negatives and the medications already taken), the diagnosis said, the plan and follow-up said.

const REASON = /\b(?:following up on|follow(?:ing)? up (?:on|for)|here (?:for|about|with)|seen for|presents? with|presenting with|came in (?:for|with|because of)|complains? of|complaining of|in for)\s+(?:your |his |her |their |my |a |an |the )?([^.,;?!]+)/i;
const VISIT = /\bthis is (?:her|his|your|their) ([^.,;?!]*(?:check-?up|checkup|physical|visit|review|appointment))/i;
const FOLLOW_UP = /\b(?:follow[ -]?up|come back|coming back|return|see you|(?:speak|talk) again|see him|see her|recheck|check in|bring (?:him|her|them) back|call (?:us|911|me|if|right away)|go to the emergency|emergency department|call the crisis|if (?:it'?s|you'?re|he'?s|she'?s|that'?s) not (?:better|improving|enough))/i;
const PLAN = /\b(?:prescrib|start|i'?ll|we'?ll|let'?s|take|use|apply|continue|stop|keep|recommend|suggest|refer|order|avoid|drink|rest|ice|elevat|raise|cut back|add|increase|switch|give|plan)/i;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "for 3 days", but "since Sunday". */
const forHowLong = (duration: string) => (duration.startsWith('since ') ? duration : `for ${duration}`);

/** Names that do not say where: the place is worth repeating for them. */
const PLACELESS = new Set([
  ...SYMPTOMS.filter((entry) => entry.local).map((entry) => entry.name),
  'Pain', 'Swelling', 'Redness', 'Discharge', 'Itching', 'Stiffness', 'Warmth', 'Numbness', 'Tingling', 'Weakness',
]);

function describeSymptom(symptom: ExtractedSymptom): string {
  const site = symptom.bodySite;
  const shown = site && (PLACELESS.has(symptom.symptomName) || /^(?:Left|Right|Both) /.test(site));
  const place = shown ? ` (${site.toLowerCase()})` : '';
  const duration = symptom.duration ? ` ${forHowLong(symptom.duration)}` : '';
  const severity = symptom.severity !== null ? `, severity ${symptom.severity}/10` : '';
  const notes = symptom.notes && !symptom.symptomName.toLowerCase().includes(symptom.notes.toLowerCase()) ? ` (${symptom.notes})` : '';
  return `${symptom.symptomName.toLowerCase()}${place}${duration}${severity}${notes}`;
}

function composeChiefComplaint(readings: readonly Reading[], symptoms: readonly ExtractedSymptom[]): string | null {
  const dictated = underHeading(readings, 'chief_complaint')[0];
  if (dictated) return dictated.replace(/[.!?]+$/, '');
  for (const reading of readings.slice(0, 4)) {
    const visit = VISIT.exec(reading.sentence.text)?.[1];
    if (visit) return capitalised(visit.trim());
    const said = REASON.exec(reading.sentence.text);
    const reason = said?.[1]?.replace(/\s+(?:today|this morning|this afternoon|now)$/i, '').trim();
    if (said && reason && reading.sentence.role !== 'patient') return /follow/i.test(said[0]) ? `Follow-up: ${reason}` : capitalised(reason);
  }
  if (symptoms.length === 0) return null;
  const [first, ...others] = symptoms.slice(0, 3);
  const names = [first?.symptomName ?? '', ...others.map((symptom) => symptom.symptomName.toLowerCase())];
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  return `${listed}${first?.duration ? ` ${forHowLong(first.duration)}` : ''}`;
}

function composeHistory(readings: readonly Reading[], symptoms: readonly ExtractedSymptom[], denied: readonly string[], medications: MedicationFindings): string | null {
  const dictated = joinSentences(underHeading(readings, 'history'));
  if (dictated) return dictated;
  const names = (entries: readonly { name: string }[]) => entries.map((entry) => entry.name.toLowerCase()).join(', ');
  const parts = [
    symptoms.length > 0 ? `Reports ${symptoms.map(describeSymptom).join('; ')}.` : null,
    denied.length > 0 ? `Denies ${denied.map((name) => name.toLowerCase()).join(', ')}.` : null,
    medications.taking.length > 0 ? `Current medications mentioned: ${names(medications.taking)}.` : null,
    medications.stopped.length > 0 ? `Stopped: ${names(medications.stopped)}.` : null,
    medications.allergies.length > 0 ? `Reported allergy or intolerance: ${names(medications.allergies)}.` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The plan is what the clinician says from the diagnosis (or the first prescription) on. */
function composePlan(readings: readonly Reading[], planStart: number | null): string | null {
  const dictated = joinSentences(underHeading(readings, 'plan').filter((text) => !FOLLOW_UP.test(text)));
  if (dictated) return dictated;
  if (planStart === null) return null;
  const plan = clinicianStatements(readings)
    .filter((reading) => reading.sentence.index >= planStart && (reading.sentence.header === null || reading.sentence.header === 'plan'))
    .filter((reading) => !FOLLOW_UP.test(reading.sentence.text))
    .filter((reading) => PLAN.test(reading.sentence.text) || reading.mentions.some((mention) => mention.kind === 'medication'))
    .map((reading) => reading.sentence.text);
  return joinSentences(plan);
}

function composeFollowUp(readings: readonly Reading[]): string | null {
  const dictated = underHeading(readings, 'follow_up');
  const said = clinicianStatements(readings)
    .filter((reading) => reading.sentence.header !== 'follow_up')
    .map((reading) => reading.sentence.text)
    .filter((text) => FOLLOW_UP.test(text));
  return joinSentences([...dictated, ...said]);
}

export function composeNote(
  readings: readonly Reading[],
  symptoms: readonly ExtractedSymptom[],
  denied: readonly string[],
  medications: MedicationFindings,
): ExtractedNote {
  const { shortText, longText } = EXTRACTION_LIMITS;
  const limit = (text: string | null, length: number) => (text ? clip(text, length) : null);
  const firstPrescription = medications.prescribed.length > 0 ? Math.min(...medications.prescribed.map((draft) => draft.sentence)) : null;
  const diagnosis = composeDiagnosis(readings, firstPrescription);
  // Without a diagnosis or a prescription, a plan can still stop or continue medicines.
  const medicationPlan = clinicianStatements(readings).find((reading) => PLAN.test(reading.sentence.text) && reading.mentions.some((mention) => mention.kind === 'medication'));
  const planStart = diagnosis ? diagnosis.sentence + 1 : (firstPrescription ?? medicationPlan?.sentence.index ?? null);
  return {
    chiefComplaint: limit(composeChiefComplaint(readings, symptoms), shortText),
    historyOfPresentIllness: limit(composeHistory(readings, symptoms, denied, medications), longText),
    diagnosis: limit(diagnosis?.text ?? null, shortText),
    treatmentPlan: limit(composePlan(readings, planStart === null ? null : Math.min(planStart, firstPrescription ?? planStart)), longText),
    followUpInstructions: limit(composeFollowUp(readings), longText),
  };
}

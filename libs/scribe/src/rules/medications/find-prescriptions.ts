import type { MedicationEntry } from '../lexicon/medications.js';
import { describeStrength, findStrengths } from '../parse/amounts.js';
import type { Reading } from '../text/reading.js';
import { speaksForPatient } from '../text/speakers.js';
import { type MedicationMention, medicationMentions, type Regimen, readRegimen } from './medication-mentions.js';
import { findCues, isOffer } from './status-cues.js';

// Which medications are written at this visit. Patients name what they take; clinicians name
// what they prescribe and also what the patient takes ("continue the metformin"). A clinician's
// mention is a prescription when a prescribing word is near it, or when an advising word or none
// comes with a dose. Sentences right after a prescription that name no medication finish it
// ("Dispense thirty, five refills.").

export interface PrescriptionDraft {
  entry: MedicationEntry;
  form: string | null;
  regimen: Regimen;
  /** The sentence that first wrote it. */
  sentence: number;
}

export interface MedicationFindings {
  prescribed: PrescriptionDraft[];
  /** Medications the patient already takes, has stopped or cannot take, for the history. */
  taking: MedicationEntry[];
  stopped: MedicationEntry[];
  allergies: MedicationEntry[];
}

const NOT_PRESCRIBING_SECTIONS = new Set(['medications', 'allergies', 'background', 'history', 'chief_complaint', 'vitals', 'exam']);
const CONTINUATION_SENTENCES = 2;

function isPrescription(mention: MedicationMention, reading: Reading, offer: boolean): boolean {
  const { role, isQuestion, header } = reading.sentence;
  if (speaksForPatient(role) || isQuestion || offer) return false;
  if (header !== null && NOT_PRESCRIBING_SECTIONS.has(header)) return false;
  const { regimen } = mention;
  // Advice is a prescription only with an amount: "you can add acetaminophen as needed" is not.
  const amount = regimen.strength !== null || regimen.dose !== null || regimen.bareStrength !== null;
  switch (mention.cue) {
    case 'prescribe':
      return true;
    case 'advise':
      return amount;
    case null:
      return (regimen.strength !== null || regimen.bareStrength !== null) && (regimen.frequency !== null || regimen.dose !== null);
    default:
      return false;
  }
}

function fill(into: Regimen, from: Omit<Regimen, 'bareStrength'> & { bareStrength?: number | null }): void {
  into.strength ??= from.strength;
  into.bareStrength ??= from.bareStrength ?? null;
  into.dose ??= from.dose;
  into.frequency ??= from.frequency;
  into.duration ??= from.duration;
  into.directions.route ??= from.directions.route;
  for (const advice of from.directions.advice) if (!into.directions.advice.includes(advice)) into.directions.advice.push(advice);
  into.supply.quantity ??= from.supply.quantity;
  into.supply.refills ??= from.supply.refills;
  into.indication ??= from.indication;
}

/**
 * A sentence that only finishes the prescriptions before it: the same speaker goes on (even on a
 * new labelled line), soon after, without naming a medication.
 */
function continues(reading: Reading, after: Reading, readings: readonly Reading[]): boolean {
  const { sentence } = reading;
  const between = readings.slice(after.sentence.index + 1, sentence.index);
  return (
    !sentence.isQuestion &&
    sentence.role === after.sentence.role &&
    between.every((other) => other.sentence.role === sentence.role) &&
    sentence.index - after.sentence.index <= CONTINUATION_SENTENCES &&
    !reading.mentions.some((mention) => mention.kind === 'medication')
  );
}

/** The same prescription said again: same medication, and no strength or form that differs. */
function sameOrder(draft: PrescriptionDraft, mention: MedicationMention): boolean {
  if (draft.entry !== mention.entry) return false;
  const [a, b] = [draft.regimen.strength, mention.regimen.strength];
  const strengthsAgree = !a || !b || describeStrength(a) === describeStrength(b);
  return strengthsAgree && (!draft.form || !mention.form || draft.form === mention.form);
}

/**
 * "Sertraline is the usual choice. Let's start twenty-five milligrams once a day": a prescribing
 * sentence with a strength but no name refers to the one medication the speaker just named.
 */
function referredTo(reading: Reading, named: { reading: Reading; mention: MedicationMention } | null, readings: readonly Reading[]): MedicationMention | null {
  if (!named || !continues(reading, named.reading, readings)) return null;
  const regimen = readRegimen(reading.sentence.tokens);
  const prescribes = findCues(reading.sentence.tokens).some((cue) => cue.cue === 'prescribe');
  if (!prescribes || !regimen.strength) return null;
  const steps = medicationMentions({ ...reading, mentions: [{ kind: 'medication', start: 0, end: 0, entry: named.mention.entry, form: null }, ...reading.mentions] });
  return steps[0] ? { ...steps[0], cue: 'prescribe', form: named.mention.form } : null;
}

export function findPrescriptions(readings: readonly Reading[]): MedicationFindings {
  const findings: MedicationFindings = { prescribed: [], taking: [], stopped: [], allergies: [] };
  const note = (list: MedicationEntry[], entry: MedicationEntry) => {
    if (!list.includes(entry)) list.push(entry);
  };
  let lastWritten: { reading: Reading; drafts: PrescriptionDraft[] } | null = null;
  let lastNamed: { reading: Reading; mention: MedicationMention } | null = null;
  const saidRegimens = new Map<MedicationEntry, Regimen[]>();

  for (const reading of readings) {
    let mentions = medicationMentions(reading);
    if (mentions.length === 0) {
      const reference = lastWritten ? null : referredTo(reading, lastNamed, readings);
      if (!reference) {
        if (lastWritten && continues(reading, lastWritten.reading, readings)) finishPrescriptions(reading, lastWritten.drafts);
        continue;
      }
      mentions = [reference];
    }
    lastNamed = mentions.length === 1 && mentions[0] && !speaksForPatient(reading.sentence.role) ? { reading, mention: mentions[0] } : null;
    const offer = isOffer(reading.sentence.tokens);
    const written: PrescriptionDraft[] = [];
    for (const mention of mentions) {
      saidRegimens.set(mention.entry, [...(saidRegimens.get(mention.entry) ?? []), mention.regimen]);
      if (isPrescription(mention, reading, offer)) {
        const existing = findings.prescribed.find((draft) => sameOrder(draft, mention));
        if (existing) {
          existing.form ??= mention.form;
          fill(existing.regimen, mention.regimen);
          written.push(existing);
        } else {
          const draft: PrescriptionDraft = { entry: mention.entry, form: mention.form, regimen: mention.regimen, sentence: mention.sentence };
          findings.prescribed.push(draft);
          written.push(draft);
        }
      } else if (mention.cue === 'stopped') note(findings.stopped, mention.entry);
      else if (mention.cue === 'allergy' || reading.sentence.header === 'allergies') note(findings.allergies, mention.entry);
      else if (mention.cue === 'taking' || speaksForPatient(reading.sentence.role) || reading.sentence.header === 'medications') note(findings.taking, mention.entry);
    }
    lastWritten = written.length > 0 ? { reading, drafts: written } : lastWritten && continues(reading, lastWritten.reading, readings) ? lastWritten : null;
  }
  // "I'll write a new albuterol inhaler too": a renewal keeps the dose and frequency said for it
  // elsewhere in the visit ("keep using the albuterol, two puffs every four hours").
  for (const draft of findings.prescribed) {
    for (const regimen of saidRegimens.get(draft.entry) ?? []) {
      if (regimen === draft.regimen) continue;
      const sameStrength = !regimen.strength || !draft.regimen.strength || describeStrength(regimen.strength) === describeStrength(draft.regimen.strength);
      if (sameStrength) fill(draft.regimen, { ...regimen, indication: null, supply: { quantity: null, refills: null } });
    }
  }
  const prescribed = new Set(findings.prescribed.map((draft) => draft.entry));
  findings.taking = findings.taking.filter((entry) => !prescribed.has(entry) && !findings.stopped.includes(entry) && !findings.allergies.includes(entry));
  return findings;
}

/**
 * Fills what a following sentence adds. "Of each" finishes every prescription just written,
 * otherwise only the last. A sentence with a different strength is about something else ("take
 * two of your ten milligram tablets until they run out").
 */
function finishPrescriptions(reading: Reading, drafts: readonly PrescriptionDraft[]): void {
  const { tokens } = reading.sentence;
  // What a following sentence is "for" is seldom the prescription ("… referral for insomnia").
  const addition = { ...readRegimen(tokens), indication: null };
  const eachOne = tokens.some((token, i) => token.text === 'of' && tokens[i + 1]?.text === 'each');
  for (const draft of eachOne ? drafts : drafts.slice(-1)) {
    const said = findStrengths(tokens)[0];
    const own = draft.regimen.strength;
    if (said && own && (said.value !== own.value || said.unit !== own.unit)) continue;
    fill(draft.regimen, addition);
  }
}

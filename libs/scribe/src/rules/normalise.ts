import { readNumberWords } from './text/number-words.js';
import { findMentions } from './text/mentions.js';
import { tokenize } from './text/tokens.js';
import { chartSymptoms } from './symptoms/chart-symptoms.js';
import { findSymptoms } from './symptoms/find-symptoms.js';
import { readSentences } from './text/reading.js';
import { readTranscript } from './text/transcript.js';

export { frequencyKey } from './parse/frequency.js';
export { strengthKey } from './parse/amounts.js';

// The names the rules engine charts, for comparing what two sources wrote: "stomach ache" and
// "Abdominal pain" are one symptom; "Tylenol", "paracetamol" and "Acetaminophen 500 mg tablet"
// one medication. Used by the evaluation, and useful to anyone matching a prescription against
// an allergy list.

/** The charted name of a symptom written in any words the lexicon knows; the text itself otherwise. */
export function canonicalSymptomName(text: string): string {
  const readings = readSentences(readTranscript(`Patient: ${text.replace(/[\r\n]+/g, ' ')}`));
  return chartSymptoms(findSymptoms(readings)).symptoms[0]?.symptomName ?? text.trim();
}

/** The generic name of a medication written as a brand, a generic or with its form and strength; null if unknown. */
export function genericMedicationName(text: string): string | null {
  const mention = findMentions(readNumberWords(tokenize(text))).find((found) => found.kind === 'medication');
  return mention?.kind === 'medication' ? mention.entry.name : null;
}

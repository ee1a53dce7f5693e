import type { Reading } from '../text/reading.js';
import { clinicianStatements } from './note-sentences.js';

// The diagnosis as the clinician said it: under an "Assessment:" heading, or after the words
// clinicians use to name one ("this looks like", "consistent with", "this is").

const STRONG = /\b(?:diagnosis is|impression is|consistent with|fits with|this looks like|it looks like|this sounds like|it sounds like|sounds like|most likely|i think this is|i think it'?s|i think you have|(?:you|she|he|they) (?:have|has)(?: got)?)\s+(.+)$/i;
const PLAIN = /\b(?:this is|these are|it'?s|that'?s|this was)\s+(.+)$/i;
/** What a test showed: a diagnosis only when nothing above named one. */
const FOUND = /\b(?:shows?|showed|confirms?|confirmed)\s+(.+)$/i;
const NOT_A_DIAGNOSIS = /^(?:her|his|your|my|our|their|going|because|why|what|how|not|really|important|normal|fine|good|great|okay|ok|a good|the best|real progress|still|up to|due|about|just|when|where|something|nothing|a little|too|very|so|been|no|any|all|only|time|nice|lots|a lot|some)\b/i;
const LEADING = /^(?:an?|the|probably|likely|most likely|just|simply|definitely|clearly)\s+/i;

function named(text: string, pattern: RegExp): string | null {
  const said = pattern.exec(text)?.[1];
  if (!said) return null;
  let phrase = said.split(/[,;:]|\s(?:because|so|and we|which|but|since|probably|likely)\s/i)[0]?.replace(/[.!?]+$/, '').trim() ?? '';
  while (LEADING.test(phrase)) phrase = phrase.replace(LEADING, '');
  if (!phrase || phrase.split(' ').length > 12 || NOT_A_DIAGNOSIS.test(phrase)) return null;
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

export interface Diagnosis {
  text: string;
  /** The sentence that said it: the plan follows it. */
  sentence: number;
}

/**
 * A diagnosis is said before the plan: sentences from the first prescription on are not read
 * ("it's a topical, so it's easier on the kidneys" names a form, not a disease).
 */
export function composeDiagnosis(readings: readonly Reading[], firstPrescription: number | null): Diagnosis | null {
  const dictated = readings.find((reading) => reading.sentence.header === 'assessment' && reading.sentence.text);
  if (dictated) {
    const first = dictated.sentence.text.split(/[;]/)[0]?.replace(/[.!?]+$/, '').trim();
    if (first) return { text: first.charAt(0).toUpperCase() + first.slice(1), sentence: dictated.sentence.index };
  }
  const statements = clinicianStatements(readings).filter((reading) => firstPrescription === null || reading.sentence.index < firstPrescription);
  for (const pattern of [STRONG, PLAIN, FOUND]) {
    for (const reading of statements) {
      const text = named(reading.sentence.text, pattern);
      if (text) return { text, sentence: reading.sentence.index };
    }
  }
  return null;
}

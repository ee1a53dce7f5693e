import type { Region } from '../lexicon/body-sites.js';
import { localSymptomName } from '../lexicon/symptoms.js';
import type { Mention } from '../text/mentions.js';
import type { Reading } from '../text/reading.js';
import { describePlace, type Place, placeInSentence, placesBefore, sideSaid, siteNamed } from './place.js';

// The symptoms one sentence names, each with its charted name and place, before anyone decides
// whether the patient has them.

export interface SymptomMention {
  name: string;
  place: Place | null;
  note: string | null;
  span: { start: number; end: number };
  /** The entry's name when said with exertion, if it has one. */
  onExertion: string | null;
  /** The general symptom this one narrows ("Cough" for "Dry cough"). */
  narrows: string | null;
  painLike: boolean;
}

const CONTEXT_SENTENCES = 4;
const PLACES_PER_SENTENCE = 3;

/** Sites from the sentence (before the mention) and the few sentences before it, nearest first. */
function recentPlaces(readings: readonly Reading[], index: number, before: number): Place[] {
  const reading = readings[index];
  if (!reading) return [];
  const earlier: Place[] = [];
  for (let i = index - 1; i >= Math.max(0, index - CONTEXT_SENTENCES); i -= 1) {
    const previous = readings[i] as Reading;
    earlier.push(...placesBefore(previous, previous.sentence.tokens.length, PLACES_PER_SENTENCE));
  }
  const side = sideSaid(reading) ?? sideSaid(readings[index - 1]);
  // A side said on its own ("The left.") belongs to the place the question asked about.
  return [...placesBefore(reading, before, PLACES_PER_SENTENCE), ...earlier].map((place) =>
    side && !/^(Left|Right|Both) /.test(place.bodySite) ? { ...place, bodySite: `${side} ${place.bodySite.toLowerCase()}` } : place,
  );
}

function purulentNasal(name: string, note: string | null): string {
  return name === 'Nasal discharge' && note === 'purulent' ? 'Purulent nasal discharge' : name;
}

const PAIN_NAMES = /(?:pain|ache|Headache|Sore throat|Toothache|Body aches)$/;

export function symptomMentions(readings: readonly Reading[], index: number): SymptomMention[] {
  const reading = readings[index];
  if (!reading) return [];
  const found: SymptomMention[] = [];
  for (const mention of reading.mentions) {
    const span = { start: mention.start, end: mention.end };
    if (mention.kind === 'symptom') {
      const { entry } = mention;
      const implied = entry.site ? siteNamed(entry.site) : undefined;
      let place: Place | null = implied ? describePlace(implied, null, false) : null;
      if (entry.local || implied) place = placeInSentence(reading, span) ?? place;
      if (entry.local && !place) place = recentPlaces(readings, index, mention.start)[0] ?? null;
      found.push({ name: entry.name, place, note: mention.note, span, onExertion: entry.onExertion ?? null, narrows: entry.narrows ?? null, painLike: PAIN_NAMES.test(entry.name) });
    } else if (mention.kind === 'concept') {
      const named = nameConcept(readings, index, mention);
      if (named) found.push({ ...named, note: mention.note, span, onExertion: null, narrows: null, painLike: mention.entry.concept === 'pain' });
    }
  }
  return found;
}

function nameConcept(readings: readonly Reading[], index: number, mention: Extract<Mention, { kind: 'concept' }>): { name: string; place: Place | null } | null {
  const reading = readings[index] as Reading;
  const near = placeInSentence(reading, mention);
  const candidates: (Place | null)[] = near ? [near] : [...recentPlaces(readings, index, mention.start), null];
  for (const place of candidates) {
    const region: Region | null = place?.region ?? null;
    const name = localSymptomName(mention.entry.concept, region);
    if (name) return { name: purulentNasal(name, mention.note), place };
  }
  return null;
}

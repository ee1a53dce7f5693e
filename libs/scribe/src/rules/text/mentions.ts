import { BODY_SITES, type BodySite } from '../lexicon/body-sites.js';
import { DOSAGE_FORMS, MEDICATIONS, type MedicationEntry } from '../lexicon/medications.js';
import { CONCEPTS, type ConceptEntry, NOT_SYMPTOMS, type Phrase, SYMPTOMS, type SymptomEntry } from '../lexicon/symptoms.js';
import { PhraseMatcher } from './phrase-matcher.js';
import type { Token } from './tokens.js';

// Everything clinical a sentence names, found in one pass with one matcher so that the longest
// phrase wins across lexicons: "sore throat" is a symptom, not "sore" at the throat; "nasal
// spray" is a form, not the nose.

export type Mention =
  | { kind: 'symptom'; start: number; end: number; entry: SymptomEntry; note: string | null }
  | { kind: 'concept'; start: number; end: number; entry: ConceptEntry; note: string | null }
  | { kind: 'site'; start: number; end: number; site: BodySite; plural: boolean }
  | { kind: 'medication'; start: number; end: number; entry: MedicationEntry; form: string | null }
  | { kind: 'form'; start: number; end: number; form: string }
  | { kind: 'other'; start: number; end: number };

type Found =
  | { kind: 'symptom'; entry: SymptomEntry; note: string | null }
  | { kind: 'concept'; entry: ConceptEntry; note: string | null }
  | { kind: 'site'; site: BodySite }
  | { kind: 'medication'; entry: MedicationEntry; form: string | null }
  | { kind: 'form'; form: string }
  | { kind: 'other' };

function* phrasesOf(phrases: readonly Phrase[]): Generator<[string, string | null]> {
  for (const phrase of phrases) yield typeof phrase === 'string' ? [phrase, null] : [phrase[0], phrase[1]];
}

function* lexicon(): Generator<[string, Found]> {
  for (const phrase of NOT_SYMPTOMS) yield [phrase, { kind: 'other' }];
  for (const entry of SYMPTOMS) {
    for (const [phrase, note] of phrasesOf(entry.phrases)) yield [phrase, { kind: 'symptom', entry, note }];
  }
  for (const entry of CONCEPTS) {
    for (const [phrase, note] of phrasesOf(entry.phrases)) yield [phrase, { kind: 'concept', entry, note }];
  }
  for (const { site, phrases } of BODY_SITES) for (const phrase of phrases) yield [phrase, { kind: 'site', site }];
  for (const entry of MEDICATIONS) {
    yield [entry.name.replaceAll('-', ' '), { kind: 'medication', entry, form: null }];
    for (const phrase of entry.phrases) {
      yield typeof phrase === 'string' ? [phrase, { kind: 'medication', entry, form: null }] : [phrase[0], { kind: 'medication', entry, form: phrase[1] }];
    }
  }
  for (const [phrase, form] of DOSAGE_FORMS) yield [phrase, { kind: 'form', form }];
}

let matcher: PhraseMatcher<Found> | undefined;

/** The lexicons' matcher, built on first use (a few thousand phrases, once per process). */
function clinicalMatcher(): PhraseMatcher<Found> {
  matcher ??= new PhraseMatcher(lexicon());
  return matcher;
}

export function findMentions(tokens: readonly Token[]): Mention[] {
  return clinicalMatcher()
    .findAll(tokens)
    .map(({ start, end, value }): Mention => {
      if (value.kind === 'site') {
        const last = tokens[end - 1];
        return { kind: 'site', start, end, site: value.site, plural: last !== undefined && last.text !== last.stem };
      }
      return { ...value, start, end };
    });
}

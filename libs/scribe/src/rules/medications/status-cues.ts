import { PhraseMatcher } from '../text/phrase-matcher.js';
import type { Token } from '../text/tokens.js';

// The words that tell what a medication is to this visit: written now ("I'll prescribe",
// "start", "switch you to"), already taken ("you're on", "continue", "keep using"), stopped
// ("stop", "I quit it"), refused ("allergic to", "we won't use") or only offered ("whenever
// you're ready"). Weak cues ("take", "you can give") make a prescription only with a dose said.

export type MedicationCue = 'prescribe' | 'advise' | 'taking' | 'stopped' | 'not_given' | 'allergy' | 'offer';

const CUES: readonly (readonly [string, MedicationCue])[] = [
  ...[
    'prescribe', 'prescribing', 'prescription for', 'new prescription', 'script for', "i'll send", 'send', 'sending', "i'll write", 'write', 'writing',
    'rx', 'start', 'starting', 'begin', 'add', 'adding', 'switch to', 'switch you to', 'switch him to', 'switch her to', 'switching to', 'change to',
    'change you to', 'increase', 'increasing', 'go up to', 'up the', 'decrease', 'reduce', 'lower the', 'refill', 'renew', 'put you on', 'put him on',
    'put her on', 'try', "let's try", 'trial of', 'give you', "i'll give", "i'm giving", 'going to give', "let's do", "we'll do", "we'll use", "let's use",
    'new',
  ].map((phrase) => [phrase, 'prescribe'] as const),
  ...['take', 'use', 'apply', 'give', 'recommend', 'suggest', 'can have', 'can take', 'can use', 'can give', 'can try', 'can add', 'could add', 'could try', 'should take'].map((phrase) => [phrase, 'advise'] as const),
  ...[
    'taking', 'i take', 'he takes', 'she takes', "i'm on", 'been on', "you're on", 'you are on', "he's on", "she's on", 'currently', 'already', 'still taking', 'still on', 'still using',
    'continue', 'continuing', 'keep', 'keep taking', 'keep using', 'keep up', 'stay on', 'as before', 'as you are', 'as usual', 'from the pharmacy',
    'from the drugstore', 'from the health store', 'over the counter', 'using', 'tried', 'at home',
  ].map((phrase) => [phrase, 'taking'] as const),
  ...[
    'stop', 'stopped', 'stopping', 'discontinue', 'discontinued', 'quit', 'gave up', 'give up', 'came off', 'come off', 'off the', 'no longer', 'hold',
    'used to take', 'used to', 'taper off', 'wean off',
  ].map((phrase) => [phrase, 'stopped'] as const),
  ...["won't use", "won't give", "don't need", "doesn't need", 'avoid', 'not use', 'no need for', "won't prescribe", 'not prescribe', 'no antibiotic', 'not start'].map(
    (phrase) => [phrase, 'not_given'] as const,
  ),
  ...[
    'allergic', 'allergy', 'allergies', 'reaction to', 'react to', 'reacted to', 'gave me', 'gives me', 'made me', 'makes me', 'gave her', 'gave him', "can't take", "can't tolerate",
    'intolerant', 'intolerance', 'hives from', 'rash from', 'broke out', 'swelled up from',
  ].map(
    (phrase) => [phrase, 'allergy'] as const,
  ),
];

/** Said anywhere in a sentence, these make its prescribing words an offer for later. */
const OFFERS: readonly (readonly string[])[] = [
  ['whenever', 'you', "'re", 'ready'], ['whenever', "you're", 'ready'], ['when', "you're", 'ready'], ['if', 'you', 'want'], ['if', 'you', 'like'],
  ['consider'], ['think', 'about'], ['talk', 'about'], ['discuss'], ['option'], ['options'],
];

export interface CueMatch {
  cue: MedicationCue;
  start: number;
  end: number;
}

let matcher: PhraseMatcher<MedicationCue> | undefined;

export function findCues(tokens: readonly Token[]): CueMatch[] {
  matcher ??= new PhraseMatcher(CUES);
  return matcher.findAll(tokens).map(({ start, end, value }) => ({ cue: value, start, end }));
}

export function isOffer(tokens: readonly Token[]): boolean {
  return OFFERS.some((phrase) => tokens.some((_, i) => phrase.every((word, offset) => tokens[i + offset]?.text === word)));
}

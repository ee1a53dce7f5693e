import { PhraseMatcher } from '../text/phrase-matcher.js';
import type { Token } from '../text/tokens.js';

// How an answer opens tells what it says about the question: "No." denies every symptom the
// question named, "Yeah" confirms them, "A little" confirms them only if the answer names no
// symptom of its own ("A little dribbling" answers about dribbling), "Maybe" confirms them as
// uncertain, and anything else is read for what it says.

export type AnswerOpening = 'no' | 'yes' | 'some' | 'maybe' | 'unknown' | 'other';

const OPENINGS: readonly (readonly [string, AnswerOpening])[] = [
  ...[
    'no', 'nope', 'nah', 'never', 'none', 'nothing', 'neither', 'not really', 'not at all', 'not that i know', "not that i've noticed",
    "i don't think so", "don't think so", "i haven't", "i don't", "i didn't", "he doesn't", "she doesn't", "he hasn't", "she hasn't",
    "he didn't", "she didn't", "it doesn't", "it hasn't", "it didn't", "they don't", 'negative', 'not', 'denies',
  ].map((phrase) => [phrase, 'no'] as const),
  ...[
    'yes', 'yeah', 'yep', 'yup', 'sure', 'definitely', 'correct', 'absolutely', 'right', 'i do', 'i have', 'i did', 'he does', 'she does',
    'he has', 'she has', 'he did', 'she did', 'it does', 'it has', 'it did', 'all the time', 'most of the time', 'a lot', 'pretty much',
    'kind of', 'sort of', 'totally', 'unfortunately',
  ].map((phrase) => [phrase, 'yes'] as const),
  ...['a little', 'a bit', 'a little bit', 'some', 'sometimes', 'occasionally', 'slightly', 'mild', 'mildly', 'now and then', 'once or twice', 'on and off', 'only', 'just'].map(
    (phrase) => [phrase, 'some'] as const,
  ),
  ...['maybe', 'possibly', 'perhaps', 'i think so', 'probably', 'might', 'i guess'].map((phrase) => [phrase, 'maybe'] as const),
  ...["i don't know", "don't know", 'not sure', "i'm not sure", 'no idea', "can't remember", "i don't remember"].map((phrase) => [phrase, 'unknown'] as const),
];

let matcher: PhraseMatcher<AnswerOpening> | undefined;

export function answerOpening(tokens: readonly Token[]): AnswerOpening {
  matcher ??= new PhraseMatcher(OPENINGS);
  const first = tokens.findIndex((token) => token.kind !== 'punct');
  if (first < 0) return 'other';
  return matcher.matchAt(tokens, first)?.value ?? 'other';
}

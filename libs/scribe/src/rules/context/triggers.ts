import { PhraseMatcher } from '../text/phrase-matcher.js';
import type { Token } from '../text/tokens.js';

// Trigger phrases in the tradition of NegEx and ConText (Chapman et al.): words that make a
// symptom said near them denied, uncertain, hypothetical, past, someone else's or a drug's
// effect. Forward triggers reach the words after them, backward ones the words before them, and
// a terminator ("but", "although") ends a trigger's reach.

export type ContextKind = 'negated' | 'uncertain' | 'hypothetical' | 'historical' | 'other_person' | 'reaction' | 'terminator' | 'pseudo';

export interface Trigger {
  kind: ContextKind;
  direction: 'forward' | 'backward' | 'sentence';
}

const forward = (kind: ContextKind): Trigger => ({ kind, direction: 'forward' });
const backward = (kind: ContextKind): Trigger => ({ kind, direction: 'backward' });
const sentence = (kind: ContextKind): Trigger => ({ kind, direction: 'sentence' });

const TRIGGERS: readonly (readonly [string, Trigger])[] = [
  ...[
    'no', 'not', 'denies', 'denied', 'deny', 'denying', 'without', 'never', 'none', 'nor', 'neither', 'nothing', 'negative for',
    'free of', 'absence of', 'no sign of', 'no signs of', 'no evidence of', 'rules out', 'ruled out', 'rule out', 'no longer', 'not any',
    "doesn't", "don't", "didn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "can't", 'cannot', "won't", "couldn't",
  ].map((phrase) => [phrase, forward('negated')] as const),
  // "gone" alone is too often "gone yellow-green"; resolved is "gone now", "gone away".
  ...['ruled out', 'is negative', 'was negative', 'negative', 'absent', 'resolved', 'gone now', 'gone away', 'went away', 'all gone', 'is gone', 'free', 'unlikely'].map(
    (phrase) => [phrase, backward('negated')] as const,
  ),
  // Phrases that hold a negation word without negating.
  ...['no increase', 'no change', 'not only', 'not just', 'no further', 'not necessarily', 'gram negative', 'no worse', "don't know", "didn't check", "don't remember"].map(
    (phrase) => [phrase, forward('pseudo')] as const,
  ),
  ...['possible', 'possibly', 'maybe', 'perhaps', 'might', 'not sure', 'unsure', 'questionable', 'suspected', 'suspect', 'could be', 'i think', 'probably', 'may be', 'might be'].map(
    (phrase) => [phrase, forward('uncertain')] as const,
  ),
  ...['maybe', 'possibly', 'probably', 'i think'].map((phrase) => [phrase, backward('uncertain')] as const),
  ...[
    'if', 'in case', 'watch for', 'look out for', 'watch out for', 'should you', 'can cause', 'may cause', 'might cause', 'could cause',
    'can make you', 'may make you', 'might make you', 'side effect', 'side effects', 'risk of', 'unless', 'whenever', 'worried about',
    'afraid of', 'concerned about', 'to prevent', 'prevention of', 'in the event of', 'some people get', 'people get', 'is common', 'are common',
    "don't know about", "don't know if", 'not sure about', 'not sure if', 'no idea if',
  ].map((phrase) => [phrase, forward('hypothetical')] as const),
  ...['years ago', 'year ago', 'as a kid', 'as a child', 'when i was a', 'in the past', 'used to', 'history of', 'previously', 'as a baby', 'as a teenager'].map(
    (phrase) => [phrase, sentence('historical')] as const,
  ),
  ...[
    'mother', 'mom', 'mum', 'father', 'dad', 'sister', 'brother', 'son', 'daughter', 'wife', 'husband', 'partner', 'kids', 'children',
    'friend', 'grandmother', 'grandfather', 'coworker', 'colleague', 'cousin', 'aunt', 'uncle',
  ].flatMap((relative) => [`my ${relative}`, `his ${relative}`, `her ${relative}`, `their ${relative}`].map((phrase) => [phrase, forward('other_person')] as const)),
  ...['family history', 'runs in the family', 'anyone else', 'someone else', 'everyone at'].map((phrase) => [phrase, forward('other_person')] as const),
  ...['allergic', 'allergy', 'allergies', 'reaction', 'reactions', 'caused', 'causes', 'knocks me out']
    .concat(['gave', 'give', 'gives', 'made', 'makes'].flatMap((verb) => ['me', 'her', 'him', 'them'].map((whom) => `${verb} ${whom}`)))
    .map(
    (phrase) => [phrase, sentence('reaction')] as const,
  ),
  ...['but', 'however', 'although', 'though', 'except', 'apart from', 'aside from', 'yet', 'still', 'which', 'whereas', 'because', 'and now', 'now', 'otherwise'].map(
    (phrase) => [phrase, forward('terminator')] as const,
  ),
];

export interface TriggerMatch {
  start: number;
  end: number;
  triggers: Trigger[];
}

let matcher: PhraseMatcher<Trigger[]> | undefined;

function triggerMatcher(): PhraseMatcher<Trigger[]> {
  if (!matcher) {
    // One phrase can be two triggers ("ruled out" reaches both ways; "maybe" too).
    const grouped = new Map<string, Trigger[]>();
    for (const [phrase, trigger] of TRIGGERS) grouped.set(phrase, [...(grouped.get(phrase) ?? []), trigger]);
    matcher = new PhraseMatcher(grouped);
  }
  return matcher;
}

/** Trigger phrases in the tokens, outside the spans that are already clinical phrases. */
export function findTriggers(tokens: readonly Token[], taken: readonly { start: number; end: number }[]): TriggerMatch[] {
  const covered = new Uint8Array(tokens.length);
  for (const span of taken) covered.fill(1, span.start, span.end);
  const found: TriggerMatch[] = [];
  for (let index = 0; index < tokens.length; ) {
    const match = covered[index] ? null : triggerMatcher().matchAt(tokens, index);
    if (match && !covered.subarray(match.start, match.end).includes(1)) {
      found.push({ start: match.start, end: match.end, triggers: match.value });
      index = match.end;
    } else index += 1;
  }
  return found;
}

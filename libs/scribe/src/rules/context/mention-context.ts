import type { Token } from '../text/tokens.js';
import type { ContextKind, TriggerMatch } from './triggers.js';

// Whether a trigger reaches a mention: forward triggers reach up to a few words ahead (a list of
// denied symptoms stays denied), backward ones a few words behind, sentence-wide ones everywhere;
// a terminator between the two ends the reach.

export type MentionContext = Record<Exclude<ContextKind, 'terminator' | 'pseudo'>, boolean>;

const FORWARD_REACH: Partial<Record<ContextKind, number>> = { negated: 8, uncertain: 6 };
const BACKWARD_REACH = 4;

/** Words that make a sentence about a medicine, for the drug-reaction triggers. */
const DRUG_WORDS = new Set(['drug', 'drugs', 'medicine', 'medicines', 'medication', 'medications', 'pill', 'pills', 'antibiotic', 'antibiotics', 'shot', 'shots', 'vaccine', 'sulfa', 'penicillin', 'tablet', 'tablets']);

export function mentionsDrug(tokens: readonly Token[]): boolean {
  return tokens.some((token) => DRUG_WORDS.has(token.text));
}

/**
 * `tokens` are the sentence's: a backward "maybe" counts only where it closes a clause ("a fever
 * maybe."), not before what it hedges ("stiff for maybe twenty minutes").
 */
export function contextOf(span: { start: number; end: number }, triggers: readonly TriggerMatch[], aboutDrug: boolean, tokens: readonly Token[]): MentionContext {
  const context: MentionContext = { negated: false, uncertain: false, hypothetical: false, historical: false, other_person: false, reaction: false };
  const terminatorBetween = (from: number, to: number) =>
    triggers.some((match) => match.start >= from && match.end <= to && match.triggers.some((trigger) => trigger.kind === 'terminator'));

  for (const match of triggers) {
    for (const { kind, direction } of match.triggers) {
      if (kind === 'terminator' || kind === 'pseudo') continue;
      if (direction === 'sentence') {
        if (kind !== 'reaction' || aboutDrug) context[kind] = true;
      } else if (direction === 'forward' && match.end <= span.start) {
        const reach = FORWARD_REACH[kind] ?? Number.POSITIVE_INFINITY;
        if (span.start - match.end <= reach && !terminatorBetween(match.end, span.start)) context[kind] = true;
      } else if (direction === 'backward' && match.start >= span.end) {
        const closesClause = kind !== 'uncertain' || !tokens[match.end] || tokens[match.end]?.kind === 'punct';
        if (closesClause && match.start - span.end <= BACKWARD_REACH && !terminatorBetween(span.end, match.start)) context[kind] = true;
      }
    }
  }
  return context;
}

/** Said as present and the patient's own: what a chart records. */
export function isAffirmed(context: MentionContext): boolean {
  return !context.negated && !context.hypothetical && !context.historical && !context.other_person && !context.reaction;
}

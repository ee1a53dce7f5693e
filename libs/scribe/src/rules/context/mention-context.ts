import type { Token } from '../text/tokens.js';
import type { ContextKind, TriggerMatch } from './triggers.js';

// Whether a trigger reaches a mention: forward triggers reach up to a few words ahead (a list of
// denied symptoms stays denied), backward ones a few words behind, sentence-wide ones everywhere;
// a terminator between the two ends the reach. The reach of every trigger is worked out once per
// sentence, in one sweep each way, so a sentence of any length costs what its length costs.

type Kind = Exclude<ContextKind, 'terminator' | 'pseudo'>;
export type MentionContext = Record<Kind, boolean>;

const KINDS: readonly Kind[] = ['negated', 'uncertain', 'hypothetical', 'historical', 'other_person', 'reaction'];
const FORWARD_REACH: Partial<Record<Kind, number>> = { negated: 8, uncertain: 6 };
const BACKWARD_REACH = 4;

/** Words that make a sentence about a medicine, for the drug-reaction triggers. */
const DRUG_WORDS = new Set(['drug', 'drugs', 'medicine', 'medicines', 'medication', 'medications', 'pill', 'pills', 'antibiotic', 'antibiotics', 'shot', 'shots', 'vaccine', 'sulfa', 'penicillin', 'tablet', 'tablets']);

export function mentionsDrug(tokens: readonly Token[]): boolean {
  return tokens.some((token) => DRUG_WORDS.has(token.text));
}

/** For each token: where the nearest reaching trigger of each kind is, looking back and ahead. */
export interface ContextIndex {
  /** End of the last forward trigger before the token, with no terminator since; -1 if none. */
  forwardEnd: Record<Kind, Int32Array>;
  /** Start of the next backward trigger after the token, with no terminator before it; -1 if none. */
  backwardStart: Record<Kind, Int32Array>;
  sentenceWide: Record<Kind, boolean>;
}

/**
 * `tokens` are the sentence's: a backward "maybe" counts only where it closes a clause ("a fever
 * maybe."), not before what it hedges ("stiff for maybe twenty minutes").
 */
export function indexContext(tokens: readonly Token[], triggers: readonly TriggerMatch[], aboutDrug: boolean): ContextIndex {
  const size = tokens.length + 1;
  const blank = () => Object.fromEntries(KINDS.map((kind) => [kind, new Int32Array(size).fill(-1)])) as Record<Kind, Int32Array>;
  const index: ContextIndex = { forwardEnd: blank(), backwardStart: blank(), sentenceWide: Object.fromEntries(KINDS.map((kind) => [kind, false])) as Record<Kind, boolean> };
  const startingAt = new Map<number, TriggerMatch>();
  const endingAt = new Map<number, TriggerMatch>();
  for (const match of triggers) {
    startingAt.set(match.start, match);
    endingAt.set(match.end, match);
    for (const { kind, direction } of match.triggers) {
      if (direction === 'sentence' && kind !== 'terminator' && kind !== 'pseudo' && (kind !== 'reaction' || aboutDrug)) index.sentenceWide[kind] = true;
    }
  }
  const isTerminator = (match: TriggerMatch | undefined) => match?.triggers.some((trigger) => trigger.kind === 'terminator') ?? false;

  const last = Object.fromEntries(KINDS.map((kind) => [kind, -1])) as Record<Kind, number>;
  for (let i = 0; i < size; i += 1) {
    const ended = endingAt.get(i);
    if (isTerminator(ended)) for (const kind of KINDS) last[kind] = -1;
    for (const trigger of ended?.triggers ?? []) if (trigger.direction === 'forward' && trigger.kind !== 'terminator' && trigger.kind !== 'pseudo') last[trigger.kind] = i;
    for (const kind of KINDS) index.forwardEnd[kind][i] = last[kind];
  }
  const next = Object.fromEntries(KINDS.map((kind) => [kind, -1])) as Record<Kind, number>;
  for (let i = size - 1; i >= 0; i -= 1) {
    const started = startingAt.get(i);
    if (isTerminator(started)) for (const kind of KINDS) next[kind] = -1;
    for (const trigger of started?.triggers ?? []) {
      if (trigger.direction !== 'backward' || trigger.kind === 'terminator' || trigger.kind === 'pseudo') continue;
      const closesClause = trigger.kind !== 'uncertain' || !tokens[started?.end ?? 0] || tokens[started?.end ?? 0]?.kind === 'punct';
      if (closesClause) next[trigger.kind] = i;
    }
    for (const kind of KINDS) index.backwardStart[kind][i] = next[kind];
  }
  return index;
}

export function contextOf(span: { start: number; end: number }, index: ContextIndex): MentionContext {
  const context = { ...index.sentenceWide };
  for (const kind of KINDS) {
    const before = index.forwardEnd[kind][span.start] ?? -1;
    if (before >= 0 && span.start - before <= (FORWARD_REACH[kind] ?? Number.POSITIVE_INFINITY)) context[kind] = true;
    const after = index.backwardStart[kind][span.end] ?? -1;
    if (after >= 0 && after - span.end <= BACKWARD_REACH) context[kind] = true;
  }
  return context;
}

/** Said as present and the patient's own: what a chart records. */
export function isAffirmed(context: MentionContext): boolean {
  return !context.negated && !context.hypothetical && !context.historical && !context.other_person && !context.reaction;
}

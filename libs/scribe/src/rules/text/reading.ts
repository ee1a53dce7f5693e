import { findTriggers, type TriggerMatch } from '../context/triggers.js';
import { type ContextIndex, indexContext, mentionsDrug } from '../context/mention-context.js';
import { findMentions, type Mention } from './mentions.js';
import type { Sentence, Transcript } from './transcript.js';

/** A sentence with what it names and the context words around those names. */
export interface Reading {
  sentence: Sentence;
  mentions: Mention[];
  triggers: TriggerMatch[];
  /** Names a medicine or a drug: "gave me a rash" is then a reaction, not a symptom. */
  aboutDrug: boolean;
  /** How far each trigger reaches, for {@link contextOf}. */
  context: ContextIndex;
}

export function readSentences(transcript: Transcript): Reading[] {
  return transcript.sentences.map((sentence) => {
    const mentions = findMentions(sentence.tokens);
    const triggers = findTriggers(sentence.tokens, mentions);
    const aboutDrug = mentionsDrug(sentence.tokens) || mentions.some((mention) => mention.kind === 'medication');
    return { sentence, mentions, triggers, aboutDrug, context: indexContext(sentence.tokens, triggers, aboutDrug) };
  });
}

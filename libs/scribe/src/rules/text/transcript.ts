import { readNumberWords } from './number-words.js';
import { type Section, sectionHeader } from './sections.js';
import { splitSentences, withoutFillers } from './sentences.js';
import { type SpeakerRole, speakerRole } from './speakers.js';
import { type Token, tokenize } from './tokens.js';

// A transcript as turns and sentences: who spoke, under which heading, asking or telling. Lines
// are "Speaker: words" in a conversation and "Heading: words" in a dictation; a line without a
// label continues the turn before it.

export interface Sentence {
  index: number;
  turn: number;
  role: SpeakerRole;
  /** The sentence as said, hesitations removed: what a note quotes. */
  text: string;
  tokens: Token[];
  isQuestion: boolean;
  /** The heading it was dictated under, if any. */
  header: Section | null;
}

export interface Turn {
  index: number;
  role: SpeakerRole;
  sentences: Sentence[];
}

export interface Transcript {
  turns: Turn[];
  sentences: Sentence[];
}

/** What a dictating clinician says to the recorder, not about the patient. */
const DICTATION_MARKS = /^(?:dictation (?:begins|ends|start|end)|end of dictation|begin dictation)[.!]?$/i;
const LABEL = /^([A-Za-z][A-Za-z .'/-]{0,40}?)\s*:\s+(.*)$/;

/** Spoken yes-sounds, before the tokenizer drops "mm" and "uh" as hesitations. */
function spokenYes(text: string): string {
  return text.replace(/\b(?:mm-hmm|mm hmm|mhm|mmhmm|uh-huh|uh huh)\b/gi, 'yes');
}

function splitLabel(line: string): { label: string; rest: string } | null {
  const match = LABEL.exec(line);
  return match?.[1] && match[2] !== undefined ? { label: match[1], rest: match[2] } : null;
}

export function readTranscript(transcript: string): Transcript {
  const turns: Turn[] = [];
  const sentences: Sentence[] = [];
  let header: Section | null = null;
  let current: Turn | undefined;

  const addSentence = (raw: string) => {
    let text = raw;
    // "Assessment: …" may open a sentence inside a turn, or a line of a dictation.
    const labelled = splitLabel(text);
    const named = labelled ? sectionHeader(labelled.label) : null;
    if (labelled && named) {
      header = named;
      text = labelled.rest;
    }
    text = withoutFillers(spokenYes(text));
    if (!text || !current || DICTATION_MARKS.test(text)) return;
    const sentence: Sentence = {
      index: sentences.length,
      turn: current.index,
      role: current.role,
      text,
      tokens: readNumberWords(tokenize(text)),
      isQuestion: text.endsWith('?'),
      header,
    };
    sentences.push(sentence);
    current.sentences.push(sentence);
  };

  for (const rawLine of transcript.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    const labelled = splitLabel(line);
    const role = labelled && !sectionHeader(labelled.label) ? speakerRole(labelled.label) : null;
    if (role && labelled) {
      current = { index: turns.length, role, sentences: [] };
      turns.push(current);
      // A new speaker leaves a dictated heading behind.
      header = null;
      for (const sentence of splitSentences(labelled.rest)) addSentence(sentence);
      continue;
    }
    if (!current) {
      current = { index: turns.length, role: 'narrator', sentences: [] };
      turns.push(current);
    }
    for (const sentence of splitSentences(line)) addSentence(sentence);
  }
  return { turns: turns.filter((turn) => turn.sentences.length > 0), sentences };
}

import { readNumberWords } from './number-words.js';
import { type Token, tokenize } from './tokens.js';

// Finds lexicon phrases in a sentence's tokens. A phrase is written as people say it and read by
// the same tokenizer, so plurals and spacing match alike. "*" in a phrase stands for up to three
// words ("lost * weight" meets "lost a bit of weight"). Patterns are indexed by their first word:
// each token is tried only against the phrases that start with it, which keeps a long transcript
// linear in practice.

const GAP = '*';
const MAX_GAP = 3;

export interface PhraseMatch<T> {
  /** Token indexes, end exclusive. */
  start: number;
  end: number;
  value: T;
}

interface Pattern<T> {
  parts: readonly string[];
  value: T;
  order: number;
}

/** Punctuation that may sit between the words of a phrase: "amoxicillin/clavulanate". */
const JOINERS = new Set(['/', '-']);

const NEGATION_WORDS = new Set(['no', 'not', 'never', 'none', 'nor', 'without', 'deny', 'denies', 'denied', 'nothing', 'cannot']);
const isNegationWord = (word: string) => NEGATION_WORDS.has(word) || word.endsWith("n't");

export class PhraseMatcher<T> {
  readonly #byFirstWord = new Map<string, Pattern<T>[]>();

  constructor(entries: Iterable<readonly [phrase: string, value: T]>) {
    let order = 0;
    for (const [phrase, value] of entries) {
      const parts = phrase.split(/\s+/).flatMap((part) => (part === GAP ? [GAP] : readNumberWords(tokenize(part)).map((token) => token.stem)));
      const first = parts[0];
      if (!first || first === GAP || parts.at(-1) === GAP) throw new Error(`a lexicon phrase must start and end with a word: "${phrase}"`);
      const list = this.#byFirstWord.get(first) ?? [];
      list.push({ parts, value, order: order++ });
      this.#byFirstWord.set(first, list);
    }
  }

  /** The longest phrase starting at `index`, or null. */
  matchAt(tokens: readonly Token[], index: number): PhraseMatch<T> | null {
    const first = tokens[index];
    if (!first || first.kind === 'punct') return null;
    let best: { end: number; pattern: Pattern<T> } | null = null;
    for (const pattern of this.#byFirstWord.get(first.stem) ?? []) {
      const end = matchPattern(tokens, index, pattern.parts);
      if (end === null) continue;
      if (!best || end > best.end || (end === best.end && pattern.parts.length > best.pattern.parts.length)) best = { end, pattern };
    }
    return best ? { start: index, end: best.end, value: best.pattern.value } : null;
  }

  /** Every phrase in the tokens, left to right, longest first, never overlapping. */
  findAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    for (let index = 0; index < tokens.length; ) {
      const match = this.matchAt(tokens, index);
      if (match) {
        matches.push(match);
        index = match.end;
      } else index += 1;
    }
    return matches;
  }
}

/** The end index of the pattern's match at `index`, or null. */
function matchPattern(tokens: readonly Token[], index: number, parts: readonly string[]): number | null {
  let position = index;
  for (let part = 0; part < parts.length; part += 1) {
    const wanted = parts[part];
    if (wanted === GAP) {
      // The next word must come within MAX_GAP words: find the nearest that lets the rest match.
      const following = parts.slice(part + 1);
      for (let skipped = 0; skipped <= MAX_GAP; skipped += 1) {
        const passed = tokens[position + skipped - 1];
        // A gap never hides a negation: "light doesn't bother me" is not "light * bother me".
        if (skipped > 0 && (!passed || passed.kind === 'punct' || isNegationWord(passed.text))) return null;
        const end = matchPattern(tokens, position + skipped, following);
        if (end !== null) return end;
      }
      return null;
    }
    while (part > 0 && tokens[position]?.kind === 'punct' && JOINERS.has(tokens[position]?.text ?? '')) position += 1;
    if (tokens[position]?.stem !== wanted) return null;
    position += 1;
  }
  return position;
}

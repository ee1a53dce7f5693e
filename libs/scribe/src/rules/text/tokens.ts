// A sentence as the rules engine reads it: lower-case words, numbers (digits or words, already
// turned into values) and the few punctuation marks that carry meaning ("%", "/", "#", ","). One
// pass over the characters, so a 100,000-character transcript costs what its length costs.

export interface Token {
  kind: 'word' | 'number' | 'punct';
  /** Lower-case word, the number in digits, or the punctuation mark. */
  text: string;
  /** For matching: the word without a plural "s" (see {@link stem}). */
  stem: string;
  /** Numbers only. */
  value?: number;
  /** Offsets in the sentence's text, for quoting the words as they were said. */
  start: number;
  end: number;
}

/** Sounds with no meaning in a transcript: dropped before anything reads the sentence. */
const FILLERS = new Set(['uh', 'uhh', 'um', 'umm', 'uhm', 'er', 'erm', 'ah', 'hmm', 'hm', 'mm']);

/**
 * Pronouns match by their role, so a lexicon phrase said by the patient ("it hurts when I pee",
 * "lost my appetite") also matches a carer's words ("when she pees", "lost her appetite").
 */
const PRONOUNS: Record<string, string> = {
  i: '<subject>', he: '<subject>', she: '<subject>', they: '<subject>', we: '<subject>',
  me: '<object>', him: '<object>', them: '<object>', us: '<object>',
  my: '<owner>', his: '<owner>', her: '<owner>', their: '<owner>', our: '<owner>', your: '<owner>',
  myself: '<self>', himself: '<self>', herself: '<self>', themselves: '<self>', yourself: '<self>', ourselves: '<self>',
};

/**
 * A deliberately light plural stemmer, applied the same way to the transcript and to every
 * lexicon phrase, so "eyes" meets "eye" and "headaches" meets "headache". Irregular plurals
 * (feet, teeth) are spelled out in the lexicons.
 */
export function stem(word: string): string {
  const pronoun = PRONOUNS[word];
  if (pronoun) return pronoun;
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is') || word.endsWith("'s")) return word;
  return word.slice(0, -1);
}

const isLetter = (char: string) => /\p{L}/u.test(char);
const isDigit = (char: string) => char >= '0' && char <= '9';
const PUNCTUATION = new Set(['%', '/', '#', ',', ':', ';', '(', ')', '+', '?']);

function word(text: string, start: number, end: number): Token {
  const lower = text.toLowerCase();
  return { kind: 'word', text: lower, stem: stem(lower), start, end };
}

function number(text: string, start: number, end: number): Token {
  const digits = text.replaceAll(',', '');
  return { kind: 'number', text: digits, stem: digits, value: Number(digits), start, end };
}

/** Splits an alphanumeric run: "500mg" → 500, mg; "q8h" stays whole (a frequency). */
function alphanumeric(text: string, start: number, tokens: Token[]): void {
  if (/^q\d{1,2}h(?:rs?)?$/i.test(text)) {
    tokens.push(word(text, start, start + text.length));
    return;
  }
  for (const part of text.matchAll(/\d+(?:\.\d+)?|\p{L}+/gu)) {
    const partStart = start + (part.index ?? 0);
    const partEnd = partStart + part[0].length;
    tokens.push(isDigit(part[0][0] ?? '') ? number(part[0], partStart, partEnd) : word(part[0], partStart, partEnd));
  }
}

/**
 * Tokens of one sentence. Dotted abbreviations ("b.i.d.", "p.o.") become one word; "it's" and
 * "children's" split off "'s"; a hyphen joins nothing ("thirty-eight" is two words, read as one
 * number later) except between digits, where it is a range ("4-6").
 */
export function tokenize(sentence: string): Token[] {
  const text = sentence.replaceAll('’', "'");
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (isLetter(char) || isDigit(char)) {
      const start = i;
      // A run of letters and digits, with inner apostrophes, dots between single letters
      // (b.i.d.), and decimal points or thousands commas between digits.
      while (i < text.length) {
        const here = text[i] ?? '';
        const previous = text[i - 1] ?? '';
        const next = text[i + 1] ?? '';
        const decimal = here === '.' && isDigit(previous) && isDigit(next);
        const thousands = here === ',' && isDigit(previous) && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5));
        const dottedLetter = here === '.' && isLetter(next) && !isLetter(text[i + 2] ?? '') && !isLetter(text[i - 2] ?? '');
        if (isLetter(here) || isDigit(here)) i += 1;
        else if (here === "'" && isLetter(next)) i += 1;
        else if (decimal || thousands || dottedLetter) i += 1;
        else break;
      }
      let run = text.slice(start, i);
      if (text[i] === '.' && /^\p{L}(?:\.\p{L})+$/u.test(run)) i += 1;
      if (run.includes('.') && /\p{L}/u.test(run)) run = run.replaceAll('.', '');
      const possessive = /^(.+)'s$/i.exec(run);
      if (possessive?.[1]) {
        tokens.push(word(possessive[1], start, start + possessive[1].length));
        tokens.push(word("'s", start + possessive[1].length, start + run.length));
      } else if (/^\d[\d.,]*$/.test(run)) tokens.push(number(run, start, i));
      else if (/\d/.test(run)) alphanumeric(run, start, tokens);
      else tokens.push(word(run, start, i));
      continue;
    }
    if (char === '-' && isDigit(text[i - 1] ?? '') && isDigit(text[i + 1] ?? '')) tokens.push({ kind: 'punct', text: '-', stem: '-', start: i, end: i + 1 });
    else if (PUNCTUATION.has(char)) tokens.push({ kind: 'punct', text: char, stem: char, start: i, end: i + 1 });
    i += 1;
  }
  return tokens.filter((token) => !(token.kind === 'word' && FILLERS.has(token.text)));
}

import type { Token } from './tokens.js';

// Numbers said as words, as a transcription model writes them: "five hundred", "thirty-eight
// point five", "seven and a half", "one thousand", and the spoken shorthand that drops
// "hundred" ("eight seventy-five milligrams", "one eighteen over seventy-six").

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

interface Reading {
  value: number;
  /** Index of the first token after the number. */
  next: number;
}

const wordAt = (tokens: readonly Token[], index: number): string | undefined => {
  const token = tokens[index];
  return token?.kind === 'word' ? token.text : undefined;
};

/** 0–99: "seven", "fifteen", "forty", "forty two" (the hyphen is gone by now). */
function belowHundred(tokens: readonly Token[], index: number): Reading | null {
  const first = wordAt(tokens, index);
  if (first === undefined) return null;
  if (first in UNITS) return { value: UNITS[first] ?? 0, next: index + 1 };
  if (!(first in TENS)) return null;
  const unit = wordAt(tokens, index + 1);
  const ones = unit !== undefined ? UNITS[unit] : undefined;
  if (ones !== undefined && ones >= 1 && ones <= 9) return { value: (TENS[first] ?? 0) + ones, next: index + 2 };
  return { value: TENS[first] ?? 0, next: index + 1 };
}

/** 0–999, with "a hundred", "one hundred and fifty", and "eight seventy-five" for 875. */
function belowThousand(tokens: readonly Token[], index: number): Reading | null {
  if (wordAt(tokens, index) === 'a' && wordAt(tokens, index + 1) === 'hundred') return afterHundred(tokens, 100, index + 2);
  const lead = belowHundred(tokens, index);
  if (!lead) return null;
  if (wordAt(tokens, lead.next) === 'hundred' && lead.value >= 1 && lead.value <= 9) return afterHundred(tokens, lead.value * 100, lead.next + 1);
  // "one eighteen", "eight seventy-five": a digit, then 11–99, is hundreds with "hundred" unsaid.
  // "ten" is left alone: "two ten-milligram tablets" is two tablets.
  if (lead.value >= 1 && lead.value <= 9 && lead.next === index + 1) {
    const rest = belowHundred(tokens, lead.next);
    if (rest && rest.value >= 11) return { value: lead.value * 100 + rest.value, next: rest.next };
  }
  return lead;
}

function afterHundred(tokens: readonly Token[], hundreds: number, index: number): Reading {
  const joined = wordAt(tokens, index) === 'and' ? index + 1 : index;
  const rest = belowHundred(tokens, joined);
  return rest && rest.value > 0 ? { value: hundreds + rest.value, next: rest.next } : { value: hundreds, next: index };
}

function integer(tokens: readonly Token[], index: number): Reading | null {
  if (wordAt(tokens, index) === 'a' && wordAt(tokens, index + 1) === 'thousand') return { value: 1000, next: index + 2 };
  const lead = belowThousand(tokens, index);
  if (!lead) return null;
  if (wordAt(tokens, lead.next) !== 'thousand') return lead;
  const thousands = lead.value * 1000;
  const afterAnd = wordAt(tokens, lead.next + 1) === 'and' ? lead.next + 2 : lead.next + 1;
  const rest = belowThousand(tokens, afterAnd);
  return rest && rest.value > 0 ? { value: thousands + rest.value, next: rest.next } : { value: thousands, next: lead.next + 1 };
}

/** "point one", "point zero two five": digits read one by one. */
function fraction(tokens: readonly Token[], index: number): Reading | null {
  if (wordAt(tokens, index) !== 'point') return null;
  let digits = '';
  let next = index + 1;
  for (let word = wordAt(tokens, next); word !== undefined && (UNITS[word] ?? 10) <= 9; word = wordAt(tokens, next)) {
    digits += String(UNITS[word]);
    next += 1;
  }
  return digits ? { value: Number(`0.${digits}`), next } : null;
}

function spokenNumber(tokens: readonly Token[], index: number): Reading | null {
  if (wordAt(tokens, index) === 'half' && ['a', 'an'].includes(wordAt(tokens, index + 1) ?? '')) return { value: 0.5, next: index + 1 };
  const whole = integer(tokens, index);
  // "point five" alone is 0.5; a number given in digits can also continue in words ("2 point 5" is rare enough to skip).
  const base = whole ?? (wordAt(tokens, index) === 'point' ? { value: 0, next: index } : null);
  if (!base) return null;
  const decimals = fraction(tokens, base.next);
  if (decimals) return { value: base.value + decimals.value, next: decimals.next };
  if (wordAt(tokens, base.next) === 'and' && wordAt(tokens, base.next + 1) === 'a' && wordAt(tokens, base.next + 2) === 'half') {
    return { value: base.value + 0.5, next: base.next + 3 };
  }
  return whole;
}

/** The tokens with every spoken number replaced by one number token. */
export function readNumberWords(tokens: readonly Token[]): Token[] {
  const result: Token[] = [];
  let index = 0;
  while (index < tokens.length) {
    const reading = spokenNumber(tokens, index);
    const first = tokens[index] as Token;
    if (!reading) {
      result.push(first);
      index += 1;
      continue;
    }
    const last = tokens[reading.next - 1] ?? first;
    const text = String(Math.round(reading.value * 1000) / 1000);
    result.push({ kind: 'number', text, stem: text, value: Number(text), start: first.start, end: last.end });
    index = reading.next;
  }
  return result;
}

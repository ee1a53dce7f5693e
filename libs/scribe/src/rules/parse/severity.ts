import type { Token } from '../text/tokens.js';

// Severity on the 1–10 scale as said: "seven out of ten", "7/10", "a six on the pain scale" and,
// in answer to "how bad is it on a scale of one to ten?", a bare "maybe a seven". When a
// sentence gives two ("ten at its worst, now an eight"), the one said with "now" wins.

export interface SeverityPhrase {
  value: number;
  start: number;
  end: number;
}

const NOT_A_SCORE = new Set([
  'day', 'week', 'month', 'year', 'hour', 'minute', 'time', 'night', 'tablet', 'pill', 'capsule', 'mg', 'milligram', 'kilo', 'kg', 'pound',
  'percent', '%', 'pack', 'glass', 'cup', 'drink', 'beer', 'puff', 'dose', 'week', 'am', 'pm', 'o\'clock', 'clock', 'year', 'old',
]);
const HEDGES = new Set(['like', 'maybe', 'about', 'around', 'probably', 'say', 'roughly', 'honestly', 'still']);

const score = (token: Token | undefined) =>
  token?.kind === 'number' && token.value !== undefined && Number.isInteger(token.value) && token.value >= 1 && token.value <= 10 ? token.value : null;

/** Scores said with their scale ("out of ten", "/10"); with `bare`, also "a seven" alone. */
export function findSeverities(tokens: readonly Token[], bare: boolean): SeverityPhrase[] {
  const found: SeverityPhrase[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const value = score(tokens[i]);
    if (value === null) continue;
    const next = tokens[i + 1]?.text;
    const scale = tokens[i + 3];
    if (next === 'out' && tokens[i + 2]?.text === 'of' && scale?.value === 10) found.push({ value, start: i, end: i + 4 });
    else if (next === '/' && tokens[i + 2]?.value === 10) found.push({ value, start: i, end: i + 3 });
    else if (next === 'on' && tokens[i + 2]?.text === 'a' && tokens[i + 3]?.text === 'scale') found.push({ value, start: i, end: i + 4 });
    else if (bare && (tokens[i - 1]?.text === 'a' || tokens[i - 1]?.text === 'an') && !NOT_A_SCORE.has(tokens[i + 1]?.stem ?? '') && tokens[i + 1]?.kind !== 'number') {
      const before = tokens[i - 2];
      if (!before || HEDGES.has(before.text) || before.kind === 'punct' || before.text === 'now') found.push({ value, start: i - 1, end: i + 1 });
    }
  }
  return found;
}

/** The score that stands for the sentence: the one said with "now", else the first. */
export function currentSeverity(tokens: readonly Token[], phrases: readonly SeverityPhrase[]): number | null {
  const now = phrases.find((phrase) => tokens.slice(Math.max(0, phrase.start - 3), phrase.end + 2).some((token) => token.text === 'now' || token.text === 'currently' || token.text === 'today'));
  return (now ?? phrases[0])?.value ?? null;
}

import type { Token } from '../text/tokens.js';

// How long something has lasted or is to last: "for about three days", "for a couple of
// months", "since Sunday", "two weeks ago", "over the last month", "x 7 days".

export interface DurationPhrase {
  text: string;
  start: number;
  end: number;
}

const UNITS: Record<string, string> = {
  minute: 'minute', min: 'minute', hour: 'hour', hr: 'hour', day: 'day', night: 'night', week: 'week', wk: 'week', month: 'month', year: 'year', yr: 'year',
};
const APPROXIMATELY = new Set(['about', 'around', 'almost', 'nearly', 'roughly', 'approximately', 'over', 'the', 'past', 'last', 'next', 'another', 'like', 'maybe', 'at', 'least', 'up', 'to', 'more', 'than', 'just', 'under', 'a', 'good']);
const SINCE = new Set(['yesterday', 'today', 'morning', 'night', 'week', 'weekend', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'christmas']);

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** A count and unit at `index` ("3 days", "a week", "a couple of months", "few days"). */
function amount(tokens: readonly Token[], index: number): { text: string; end: number } | null {
  let i = index;
  let count: number | null = null;
  let vague: string | null = null;
  const here = tokens[i];
  if (here?.kind === 'number' && here.value !== undefined) {
    count = here.value;
    i += 1;
    // "4 to 6 weeks", "4-6 weeks"
    const joiner = tokens[i];
    const upper = tokens[i + 1];
    if ((joiner?.text === 'to' || joiner?.text === '-' || joiner?.text === 'or') && upper?.kind === 'number' && upper.value !== undefined) {
      vague = `${count} to ${upper.value}`;
      count = upper.value;
      i += 2;
    }
  } else if (here?.text === 'a' || here?.text === 'an' || here?.text === 'one') {
    if (tokens[i + 1]?.text === 'couple') {
      count = 2;
      i += tokens[i + 2]?.text === 'of' ? 3 : 2;
    } else if (tokens[i + 1]?.text === 'few') {
      vague = 'a few';
      count = 3;
      i += 2;
    } else {
      count = 1;
      i += 1;
    }
  } else if (here?.text === 'couple') {
    count = 2;
    i += tokens[i + 1]?.text === 'of' ? 2 : 1;
  } else if (here?.text === 'few' || here?.text === 'several') {
    vague = here.text === 'few' ? 'a few' : 'several';
    count = 3;
    i += 1;
  }
  const unit = UNITS[tokens[i]?.stem ?? ''];
  if (count === null || !unit) return null;
  return { text: vague ? `${vague} ${unit}s` : plural(count, unit), end: i + 1 };
}

/**
 * Every duration phrase in the tokens, left to right. With `bare`, an amount alone counts ("About
 * a week." answering "How long have you had it?").
 */
export function findDurations(tokens: readonly Token[], bare = false): DurationPhrase[] {
  const found: DurationPhrase[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const word = tokens[i]?.text;
    if (word === 'for' || word === 'x' || word === 'over' || word === 'past' || word === 'last' || word === 'lasting') {
      let j = i + 1;
      while (j < tokens.length && j - i <= 4 && APPROXIMATELY.has(tokens[j]?.text ?? '') && !amount(tokens, j)) j += 1;
      // "over the last month": a unit with no count is one of it.
      const unit = tokens[j - 2]?.text === 'the' && (tokens[j - 1]?.text === 'last' || tokens[j - 1]?.text === 'past') ? UNITS[tokens[j]?.stem ?? ''] : undefined;
      const reading = amount(tokens, j) ?? (unit ? { text: `1 ${unit}`, end: j + 1 } : null);
      if (reading) {
        found.push({ text: reading.text, start: i, end: reading.end });
        i = reading.end - 1;
      }
    } else if (word === 'since') {
      const next = tokens[i + 1]?.text === 'last' || tokens[i + 1]?.text === 'this' ? i + 2 : i + 1;
      const when = tokens[next];
      if (when && SINCE.has(when.stem)) {
        found.push({ text: `since ${tokens.slice(i + 1, next + 1).map((token) => token.text).join(' ')}`.replace(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas)\b/, (day) => day[0]?.toUpperCase() + day.slice(1)), start: i, end: next + 1 });
        i = next;
      }
    } else {
      const reading = amount(tokens, i);
      if (reading && (tokens[reading.end]?.text === 'ago' || bare)) {
        const end = tokens[reading.end]?.text === 'ago' ? reading.end + 1 : reading.end;
        found.push({ text: reading.text, start: i, end });
        i = end - 1;
      }
    }
  }
  return found;
}

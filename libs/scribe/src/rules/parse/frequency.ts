import { PhraseMatcher } from '../text/phrase-matcher.js';
import { readNumberWords } from '../text/number-words.js';
import { type Token, tokenize } from '../text/tokens.js';

// How often a medicine is taken, as said ("twice a day", "TID", "q8h", "every four to six
// hours", "at bedtime", "as needed") and as charted ("twice daily", "every 4 to 6 hours as
// needed"). The interval, the time of day and "as needed" are read separately and then combined,
// so "once a day at bedtime" is charted "at bedtime".

export type Timing = 'morning' | 'evening' | 'bedtime';

export interface Frequency {
  /** "daily", "bid", "tid", "qid", "q8h", "q4-6h", "qod", "weekly", "once", "5x-daily" …; null when only a time or "as needed" was said. */
  interval: string | null;
  timing: Timing | null;
  asNeeded: boolean;
  whileAwake: boolean;
}

type Piece =
  | { kind: 'interval'; interval: string }
  | { kind: 'timing'; timing: Timing }
  | { kind: 'as_needed' }
  | { kind: 'while_awake' }
  | { kind: 'ignore' };

const interval = (value: string): Piece => ({ kind: 'interval', interval: value });
const timing = (value: Timing): Piece => ({ kind: 'timing', timing: value });
const PIECES: readonly (readonly [string, Piece])[] = [
  ...['once a day', 'once daily', 'once per day', 'once each day', 'once every day', 'one time a day', 'one time daily', 'daily', 'every day', 'each day', 'a day', 'per day', 'qd', 'od', 'q24h', 'every 24 hours', 'once in the day'].map((p) => [p, interval('daily')] as const),
  ...['twice a day', 'twice daily', 'twice per day', 'two times a day', 'two times daily', 'two times per day', 'bid', 'q12h', 'every 12 hours', 'morning and night', 'morning and evening'].map((p) => [p, interval('bid')] as const),
  ...['three times a day', 'three times daily', 'three times per day', 'thrice daily', 'tid', 'with meals', 'with each meal', 'with every meal'].map((p) => [p, interval('tid')] as const),
  ...['four times a day', 'four times daily', 'four times per day', 'qid'].map((p) => [p, interval('qid')] as const),
  ...['every other day', 'on alternate days', 'alternate days', 'qod'].map((p) => [p, interval('qod')] as const),
  ...['once a week', 'once weekly', 'weekly', 'every week', 'once per week'].map((p) => [p, interval('weekly')] as const),
  ...['once a month', 'monthly', 'every month'].map((p) => [p, interval('monthly')] as const),
  ...['every hour', 'hourly'].map((p) => [p, interval('q1h')] as const),
  ...['once', 'one time', 'single dose', 'one dose', 'as a single dose', 'stat', 'one time only'].map((p) => [p, interval('once')] as const),
  ...['every morning', 'each morning', 'in the morning', 'in the mornings', 'qam'].map((p) => [p, timing('morning')] as const),
  ...['every evening', 'each evening', 'in the evening', 'in the evenings', 'qpm'].map((p) => [p, timing('evening')] as const),
  ...['at bedtime', 'at night', 'nightly', 'every night', 'each night', 'before bed', 'before bedtime', 'at bed time', 'qhs', 'hs', 'bedtime'].map((p) => [p, timing('bedtime')] as const),
  ...['every other night'].map((p) => [p, interval('qod')] as const),
  ...['as needed', 'as required', 'if needed', 'when needed', 'if required', 'prn', 'as necessary', 'as you need it', 'when you need it', 'as you need', 'if necessary', 'at the start of', 'at the onset of', 'at onset', 'at the first sign of'].map((p) => [p, { kind: 'as_needed' }] as const),
  ['while awake', { kind: 'while_awake' }],
  // A repeat allowed within an as-needed dose is not an interval: "may repeat once after 2 hours".
  ...['go up * if needed', 'increase * if needed', 'titrate * if needed', 'may repeat once', 'repeat once', 'may repeat', 'once or twice', 'once you', 'once it', 'once the', 'once she', 'once he', 'at once', 'once in a while'].map((p) => [p, { kind: 'ignore' }] as const),
];

let matcher: PhraseMatcher<Piece> | undefined;

const TIMES_WORDS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };
const NAMED_TIMES: Record<number, string> = { 1: 'daily', 2: 'bid', 3: 'tid', 4: 'qid' };

/** "every 8 hours", "every 4 to 6 hours", "q 8 h", "q8h", "q4-6h", "N times a day/week" at `index`. */
function countedInterval(tokens: readonly Token[], index: number): { interval: string; end: number } | null {
  const word = tokens[index]?.text ?? '';
  const compact = /^q(\d{1,2})h(?:rs?)?$/.exec(word);
  if (compact) return { interval: `q${compact[1]}h`, end: index + 1 };
  if (word === 'every' || word === 'q') {
    const first = tokens[index + 1];
    if (first?.kind !== 'number') return null;
    let end = index + 2;
    let label = String(first.value);
    const joiner = tokens[end]?.text;
    if ((joiner === 'to' || joiner === '-' || joiner === 'or') && tokens[end + 1]?.kind === 'number') {
      label = `${first.value}-${tokens[end + 1]?.value}`;
      end += 2;
    }
    const unit = tokens[end]?.stem;
    if (unit === 'hour' || unit === 'hr' || unit === 'h') return { interval: `q${label}h`, end: end + 1 };
    if (unit === 'day' && label === '2') return { interval: 'qod', end: end + 1 };
    if (unit === 'week' && label === '1') return { interval: 'weekly', end: end + 1 };
    return null;
  }
  // "3 times a day", "2x daily", "5 times a week"
  const count = tokens[index]?.kind === 'number' ? tokens[index]?.value : TIMES_WORDS[word];
  if (count === undefined || !Number.isInteger(count)) return null;
  let end = index + 1;
  if (tokens[end]?.text === 'times' || tokens[end]?.text === 'x' || tokens[end]?.text === 'time') end += 1;
  else if (TIMES_WORDS[word] === undefined) return null;
  if (['a', 'per', 'each', 'every'].includes(tokens[end]?.text ?? '')) end += 1;
  const unit = tokens[end]?.stem;
  if (unit === 'day' || unit === 'daily') return { interval: NAMED_TIMES[count] ?? `${count}x-daily`, end: end + 1 };
  if (unit === 'week' || unit === 'weekly') return { interval: count === 1 ? 'weekly' : `${count}x-weekly`, end: end + 1 };
  return null;
}

/**
 * The frequency said in the tokens, or null. The first interval said is the regimen; a later one
 * restates it ("twice daily, every day even when he's well"). Titrations are split into steps
 * before they get here.
 */
export function readFrequency(tokens: readonly Token[]): Frequency | null {
  matcher ??= new PhraseMatcher(PIECES);
  const frequency: Frequency = { interval: null, timing: null, asNeeded: false, whileAwake: false };
  let found = false;
  for (let index = 0; index < tokens.length; ) {
    const counted = countedInterval(tokens, index);
    if (counted) {
      frequency.interval ??= counted.interval;
      found = true;
      index = counted.end;
      continue;
    }
    const match = matcher.matchAt(tokens, index);
    if (!match) {
      index += 1;
      continue;
    }
    const piece = match.value;
    if (piece.kind === 'interval') frequency.interval ??= piece.interval;
    else if (piece.kind === 'timing') frequency.timing ??= piece.timing;
    else if (piece.kind === 'as_needed') frequency.asNeeded = true;
    else if (piece.kind === 'while_awake') frequency.whileAwake = true;
    found ||= piece.kind !== 'ignore';
    index = match.end;
  }
  return found ? frequency : null;
}

const INTERVAL_TEXT: Record<string, string> = {
  daily: 'once daily',
  bid: 'twice daily',
  tid: 'three times daily',
  qid: 'four times daily',
  qod: 'every other day',
  weekly: 'once weekly',
  monthly: 'once monthly',
  once: 'once',
  q1h: 'every hour',
};

function intervalText(value: string): string {
  const known = INTERVAL_TEXT[value];
  if (known) return known;
  const hours = /^q(\d+)(?:-(\d+))?h$/.exec(value);
  if (hours) return hours[2] ? `every ${hours[1]} to ${hours[2]} hours` : `every ${hours[1]} hours`;
  const times = /^(\d+)x-(daily|weekly)$/.exec(value);
  return times ? `${times[1]} times ${times[2]}` : value;
}

/** As charted: "twice daily", "at bedtime", "every 4 hours while awake", "every 6 hours as needed". */
export function describeFrequency(frequency: Frequency): string {
  const daily = frequency.interval === 'daily' || frequency.interval === null;
  let text: string;
  if (frequency.timing === 'bedtime' && daily) text = 'at bedtime';
  else if (frequency.timing && daily) text = `once daily in the ${frequency.timing}`;
  else if (frequency.interval) text = intervalText(frequency.interval);
  else text = '';
  if (frequency.whileAwake) text = `${text} while awake`.trim();
  if (frequency.asNeeded) text = `${text} as needed`.trim();
  return text;
}

/**
 * How often, for comparing two frequencies: the interval (a time of day counts as once daily)
 * and whether as needed. "every morning" and "once a day" compare equal; "q8h" and "TID" do not.
 */
export function frequencyKey(text: string): string | null {
  const frequency = readFrequency(readNumberWords(tokenize(text)));
  if (!frequency) return null;
  const interval = frequency.interval ?? (frequency.timing ? 'daily' : null);
  return [interval, frequency.asNeeded ? 'prn' : null].filter(Boolean).join(' ') || null;
}

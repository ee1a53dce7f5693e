import type { CodeableConcept, Duration, TimingRepeat } from '@medplum/fhirtypes';
import { SYSTEM } from '../code-systems.js';

type EventTiming = NonNullable<TimingRepeat['when']>[number];

/** What a prescription's frequency says in structure: only what the words say for certain. */
export interface StructuredFrequency {
  /** Absent for "as needed" alone. */
  repeat?: TimingRepeat;
  asNeeded?: { boolean: true } | { concept: CodeableConcept };
  /** Words that qualify each dose without being a time ("with food"). */
  additionalInstruction?: string;
}

const perDay = (frequency: number): TimingRepeat => ({ frequency, period: 1, periodUnit: 'd' });

/** How often: the phrase (anchored at the start) and what it means. */
const FREQUENCIES: readonly { pattern: RegExp; repeat: (match: RegExpExecArray) => TimingRepeat; when?: EventTiming }[] = [
  { pattern: /^(?:once|one time|1 time) (?:daily|a day|per day)\b/i, repeat: () => perDay(1) },
  { pattern: /^(?:twice|two times|2 times) (?:daily|a day|per day)\b/i, repeat: () => perDay(2) },
  { pattern: /^(?:three|3) times (?:daily|a day|per day)\b/i, repeat: () => perDay(3) },
  { pattern: /^(?:four|4) times (?:daily|a day|per day)\b/i, repeat: () => perDay(4) },
  { pattern: /^(?:daily|every day|qd)\b/i, repeat: () => perDay(1) },
  { pattern: /^bid\b/i, repeat: () => perDay(2) },
  { pattern: /^tid\b/i, repeat: () => perDay(3) },
  { pattern: /^qid\b/i, repeat: () => perDay(4) },
  {
    pattern: /^(?:every |q ?)(\d{1,2}) ?(?:to|-) ?(\d{1,2}) ?(?:hours|hour|hrs|hr|h)\b/i,
    repeat: (match) => ({ frequency: 1, period: Number(match[1]), periodMax: Number(match[2]), periodUnit: 'h' }),
  },
  { pattern: /^(?:every |q ?)(\d{1,2}) ?(?:hours|hour|hrs|hr|h)\b/i, repeat: (match) => ({ frequency: 1, period: Number(match[1]), periodUnit: 'h' }) },
  { pattern: /^(?:once )?nightly\b/i, repeat: () => perDay(1), when: 'NIGHT' },
  { pattern: /^(?:at bedtime|qhs)\b/i, repeat: () => perDay(1), when: 'HS' },
  { pattern: /^(?:every morning|qam)\b/i, repeat: () => perDay(1), when: 'MORN' },
  { pattern: /^every evening\b/i, repeat: () => perDay(1), when: 'EVE' },
];

/** When in the day, for a daily frequency. */
const TIMES_OF_DAY: readonly { pattern: RegExp; when: EventTiming }[] = [
  { pattern: /^before breakfast\b/i, when: 'ACM' },
  { pattern: /^before meals\b/i, when: 'AC' },
  { pattern: /^after meals\b/i, when: 'PC' },
  { pattern: /^at bedtime\b/i, when: 'HS' },
  { pattern: /^in the morning\b/i, when: 'MORN' },
  { pattern: /^in the evening\b/i, when: 'EVE' },
  { pattern: /^at night\b/i, when: 'NIGHT' },
];

const WITH_FOOD = /^(with food|with meals|with a meal)\b/i;
const AS_NEEDED = /^(?:as needed|prn)(?: for (.+))?$/i;

/**
 * Reads the common ways a frequency is written (BID/TID/QID, q8h, "twice daily", "every 4 to 6
 * hours", "daily", "as needed for cough", "before breakfast", "with food"). Anything it does not
 * understand whole ("every 4 hours while awake", "at migraine onset; …") gives null: the dosage
 * text alone then carries it, rather than a structure that says less than the words.
 */
export function structuredFrequency(frequency: string): StructuredFrequency | null {
  let rest = frequency.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const match = pattern.exec(rest);
    if (match) rest = rest.slice(match[0].length).trim();
    return match;
  };

  let repeat: TimingRepeat | undefined;
  const when: EventTiming[] = [];
  for (const candidate of FREQUENCIES) {
    const match = take(candidate.pattern);
    if (!match) continue;
    repeat = candidate.repeat(match);
    if (candidate.when) when.push(candidate.when);
    break;
  }

  let additionalInstruction: string | undefined;
  let asNeeded: StructuredFrequency['asNeeded'];
  while (rest.length > 0) {
    const timeOfDay = repeat?.periodUnit === 'd' && when.length === 0 ? TIMES_OF_DAY.find((time) => take(time.pattern)) : undefined;
    if (timeOfDay) {
      when.push(timeOfDay.when);
      continue;
    }
    const food = additionalInstruction === undefined ? take(WITH_FOOD) : null;
    if (food) {
      additionalInstruction = food[1];
      continue;
    }
    const needed = asNeeded === undefined ? take(AS_NEEDED) : null;
    if (needed) {
      asNeeded = needed[1] ? { concept: { text: needed[1] } } : { boolean: true };
      continue;
    }
    return null;
  }
  if (!repeat && !asNeeded) return null;
  if (repeat && (repeat.period === 0 || (repeat.periodMax !== undefined && repeat.periodMax <= (repeat.period ?? 0)))) return null;
  return {
    ...(repeat && { repeat: { ...repeat, ...(when.length > 0 && { when }) } }),
    ...(asNeeded && { asNeeded }),
    ...(additionalInstruction && { additionalInstruction }),
  };
}

const DURATION_UNITS: Readonly<Record<string, { unit: string; code: string }>> = {
  day: { unit: 'days', code: 'd' },
  week: { unit: 'weeks', code: 'wk' },
  month: { unit: 'months', code: 'mo' },
};

/** "7 days", "2 weeks", "3 months" as a UCUM duration; anything else gives null. */
export function courseDuration(duration: string | null): Duration | null {
  const match = /^(\d{1,3}) (day|week|month)s?$/i.exec(duration?.trim().replace(/\s+/g, ' ') ?? '');
  if (!match || Number(match[1]) === 0) return null;
  const unit = DURATION_UNITS[match[2].toLowerCase()];
  return { value: Number(match[1]), unit: unit.unit, system: SYSTEM.ucum, code: unit.code };
}

import type { MedicationEntry } from '../lexicon/medications.js';
import { type Dose, findDoses, findStrengths, type Strength } from '../parse/amounts.js';
import { findDurations } from '../parse/duration.js';
import { type Frequency, readFrequency } from '../parse/frequency.js';
import { type Directions, readDirections, readIndication, readSupply, type Supply } from '../parse/directions.js';
import type { Mention } from '../text/mentions.js';
import type { Reading } from '../text/reading.js';
import type { Token } from '../text/tokens.js';
import { type CueMatch, findCues, type MedicationCue } from './status-cues.js';

// One medication as named in one sentence: what was said about it (its own stretch of the
// sentence, up to the next medication) and the cue that says what it is to this visit.

export interface Regimen {
  strength: Strength | null;
  /** A number said right after the name ("lisinopril twenty"), read in the entry's usual unit. */
  bareStrength: number | null;
  dose: Dose | null;
  frequency: Frequency | null;
  duration: string | null;
  directions: Directions;
  supply: Supply;
  indication: string | null;
}

export interface MedicationMention {
  entry: MedicationEntry;
  form: string | null;
  cue: MedicationCue | null;
  regimen: Regimen;
  sentence: number;
}

type Said = Extract<Mention, { kind: 'medication' }>;

const LIST_JOINERS = new Set([',', ';', 'and', 'plus', 'also', 'or']);

/** After "lisinopril 20", these make the number something else: a count, a time, a range. */
const NOT_A_BARE_STRENGTH = new Set([
  'mg', 'milligram', 'mcg', 'microgram', 'g', 'gram', 'ml', 'millilitre', 'milliliter', 'unit', '%', 'percent', 'tablet', 'tab', 'pill', 'capsule', 'cap',
  'puff', 'spray', 'drop', 'patch', 'patche', 'time', 'times', 'x', 'day', 'week', 'month', 'year', 'hour', 'minute', 'to', '-', 'or', 'of', 'more', '/',
]);

/** Where a limit starts ("no more than 3,000 mg a day"): not part of the regimen. */
const LIMITS = [['no', 'more', 'than'], ['not', 'more', 'than'], ['maximum'], ['max'], ['do', 'not', 'exceed'], ["don't", 'exceed'], ['up', 'to', 'a', 'maximum']];

function limitStart(tokens: readonly Token[], from: number, to: number): number {
  for (let i = from; i < to; i += 1) if (LIMITS.some((phrase) => phrase.every((word, offset) => tokens[i + offset]?.text === word))) return i;
  return to;
}

/** Reads a stretch of words as one step of a regimen. */
export function readRegimen(tokens: readonly Token[]): Omit<Regimen, 'bareStrength'> {
  const strengths = findStrengths(tokens);
  const doses = findDoses(tokens, strengths);
  // With a percentage strength, grams are an amount to apply ("1% gel, 4 grams to the knee").
  const percent = strengths.find((strength) => strength.unit === '%');
  const applied = percent ? strengths.find((strength) => strength.unit === 'g' && strength.start > percent.start) : undefined;
  const amount = applied && tokens[applied.end]?.text !== 'tube' ? { text: `${applied.value} g`, start: applied.start, end: applied.end } : undefined;
  return {
    strength: percent ?? strengths[0] ?? null,
    dose: doses[0] ?? amount ?? null,
    frequency: readFrequency(tokens),
    duration: findDurations(tokens).find((duration) => tokens[duration.start]?.text !== 'over')?.text ?? null,
    directions: readDirections(tokens),
    supply: readSupply(tokens),
    indication: readIndication(tokens),
  };
}

/**
 * A titration ("0.5 mg daily for 3 days, then 1 mg twice daily") is charted by its last step that
 * says a strength or an interval; earlier steps fill what it leaves out. A trailing "then as
 * needed" does not replace the regimen.
 */
function readSteps(tokens: readonly Token[]): Omit<Regimen, 'bareStrength'> {
  const steps: Token[][] = [[]];
  for (const token of tokens) {
    if (token.text === 'then') steps.push([]);
    else steps.at(-1)?.push(token);
  }
  const regimens = steps.filter((step) => step.length > 0).map(readRegimen);
  const main = regimens.filter((regimen) => regimen.strength || regimen.frequency?.interval).at(-1) ?? regimens[0];
  if (!main) return readRegimen([]);
  const others = regimens.filter((regimen) => regimen !== main);
  const first = <T>(pick: (regimen: Omit<Regimen, 'bareStrength'>) => T | null): T | null => pick(main) ?? others.map(pick).find((value) => value !== null) ?? null;
  return {
    strength: first((r) => r.strength),
    dose: first((r) => r.dose),
    frequency: first((r) => r.frequency),
    duration: first((r) => r.duration),
    directions: { route: first((r) => r.directions.route), advice: [...new Set(regimens.flatMap((r) => r.directions.advice))] },
    supply: { quantity: first((r) => r.supply.quantity), refills: first((r) => r.supply.refills) },
    indication: first((r) => r.indication),
  };
}

/** The cue nearest the name within [from, to); cues are in order, so only those in range are read. */
function nearestCue(cues: readonly CueMatch[], said: Said, from: number, to: number): MedicationCue | null {
  let best: { cue: MedicationCue; distance: number } | null = null;
  let low = 0;
  let high = cues.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cues[middle]?.start ?? 0) < from) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < cues.length && (cues[i]?.start ?? to) < to; i += 1) {
    const cue = cues[i] as CueMatch;
    if (cue.end > to) continue;
    const before = cue.end <= said.start;
    const distance = before ? said.start - cue.end : cue.start >= said.end ? cue.start - said.end + 0.5 : Number.POSITIVE_INFINITY;
    if (!best || distance < best.distance) best = { cue: cue.cue, distance };
  }
  return best?.cue ?? null;
}

/** "your albuterol", "his inhaler": a medication the patient already has. */
function ownedCue(tokens: readonly Token[], said: Said): MedicationCue | null {
  const before = tokens[said.start - 1]?.text;
  // "her" is left out: "give her ibuprofen" is an instruction, not her own supply.
  const owned = before === 'your' || before === 'his' || before === 'their';
  return owned && !PRESCRIBING_JUST_BEFORE.has(tokens[said.start - 2]?.text ?? '') ? 'taking' : null;
}

/** "refill your lisinopril", "increase your levothyroxine": still a prescription. */
const PRESCRIBING_JUST_BEFORE = new Set(['refill', 'renew', 'increase', 'decrease', 'reduce', 'change', 'up', 'lower', 'double', 'halve']);

/** The form said just after the name ("oral suspension", "nasal spray"), or the one the name implies. */
function formOf(reading: Reading, said: Said, position: number): string | null {
  const next = reading.mentions[position + 1];
  return next?.kind === 'form' && next.start <= said.end + 3 ? next.form : said.form;
}

export function medicationMentions(reading: Reading): MedicationMention[] {
  const { tokens } = reading.sentence;
  const positions = new Map<Said, number>();
  reading.mentions.forEach((mention, position) => {
    if (mention.kind === 'medication') positions.set(mention, position);
  });
  const said = [...positions.keys()];
  const named = new Uint8Array(tokens.length);
  for (const mention of said) named.fill(1, mention.start, mention.end);
  const cues = findCues(tokens).filter((cue) => !named.subarray(cue.start, cue.end).includes(1));
  const found: MedicationMention[] = [];
  said.forEach((mention, i) => {
    const previousEnd = said[i - 1]?.end ?? 0;
    const nextStart = said[i + 1]?.start ?? tokens.length;
    // Words before a name belong to it only back to the comma or "and" that opens its item: the
    // words after the previous name are that one's ("naproxen 500 mg twice daily, and
    // cyclobenzaprine 5 mg"; "honey for the cough at night, and children's ibuprofen").
    let start = mention.start;
    while (start > previousEnd && !LIST_JOINERS.has(tokens[start - 1]?.text ?? '')) start -= 1;
    if (i > 0 && start === previousEnd) start = mention.start;
    const end = limitStart(tokens, mention.end, nextStart);
    const own = [...tokens.slice(start, mention.start), ...tokens.slice(mention.end, end)];
    const bare = tokens[mention.end];
    const afterBare = tokens[mention.end + 1];
    const bareStrength = bare?.kind === 'number' && bare.value !== undefined && !NOT_A_BARE_STRENGTH.has(afterBare?.stem ?? '') ? bare.value : null;
    const regimen = readSteps(own);
    // "For the itch at night, take cetirizine …": a sentence may open with what it is for.
    if (i === 0) regimen.indication ??= readIndication(tokens.slice(0, mention.start));
    found.push({
      entry: mention.entry,
      form: formOf(reading, mention, positions.get(mention) ?? -1),
      cue: ownedCue(tokens, mention) ?? nearestCue(cues, mention, previousEnd, nextStart) ?? (i > 0 ? found[i - 1]?.cue ?? null : null),
      regimen: { ...regimen, bareStrength },
      sentence: reading.sentence.index,
    });
  });
  return found;
}

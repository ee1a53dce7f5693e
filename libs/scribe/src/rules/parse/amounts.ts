import { readNumberWords } from '../text/number-words.js';
import { isDispensedCount } from './directions.js';
import { type Token, tokenize } from '../text/tokens.js';

// Strengths and doses as said: "five hundred milligrams", "400 mg per 5 mL", "fifty micrograms
// per spray", "zero point one percent", "two puffs", "seven and a half millilitres", "half a
// tablet", "a thin layer". A strength is how much drug is in a unit; a dose is how much to take.

export interface Strength {
  value: number;
  unit: string;
  /** "5 mL" in "400 mg/5 mL"; "spray" in "50 mcg/spray". */
  per: string | null;
  start: number;
  end: number;
}

export interface Dose {
  text: string;
  start: number;
  end: number;
}

const MASS: Record<string, string> = {
  mg: 'mg', milligram: 'mg', milligramme: 'mg', mgs: 'mg',
  mcg: 'mcg', microgram: 'mcg', µg: 'mcg', ug: 'mcg',
  g: 'g', gram: 'g', gramme: 'g', gm: 'g',
  unit: 'units', iu: 'units',
  meq: 'mEq',
};
const VOLUME: Record<string, string> = { ml: 'mL', millilitre: 'mL', milliliter: 'mL', cc: 'mL', l: 'L', litre: 'L', liter: 'L' };
const DEVICE: Record<string, string> = { spray: 'spray', puff: 'puff', actuation: 'actuation', inhalation: 'inhalation', drop: 'drop', dose: 'dose', tablet: 'tablet', capsule: 'capsule', patch: 'patch', hour: 'hour' };
const DOSE_UNITS: Record<string, [string, string]> = {
  tablet: ['tablet', 'tablets'], tab: ['tablet', 'tablets'], pill: ['tablet', 'tablets'], capsule: ['capsule', 'capsules'], cap: ['capsule', 'capsules'],
  puff: ['puff', 'puffs'], spray: ['spray', 'sprays'], drop: ['drop', 'drops'], patch: ['patch', 'patches'], patche: ['patch', 'patches'], lozenge: ['lozenge', 'lozenges'],
  suppository: ['suppository', 'suppositories'], suppositorie: ['suppository', 'suppositories'], teaspoon: ['teaspoon', 'teaspoons'], tsp: ['teaspoon', 'teaspoons'], tablespoon: ['tablespoon', 'tablespoons'],
  application: ['application', 'applications'], unit: ['unit', 'units'], iu: ['unit', 'units'], inhalation: ['inhalation', 'inhalations'], sachet: ['sachet', 'sachets'], packet: ['packet', 'packets'],
};
/** Words that make the amount before them a limit, not a strength: "no more than 3,000 mg". */
const LIMIT_WORDS = new Set(['than', 'maximum', 'max', 'exceed', 'limit']);

const unitOf = (table: Record<string, string>, token: Token | undefined) => (token ? table[token.stem] ?? table[token.text] : undefined);
const isNumber = (token: Token | undefined): token is Token & { value: number } => token?.kind === 'number' && token.value !== undefined;

function format(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

export function describeStrength(strength: Pick<Strength, 'value' | 'unit' | 'per'>): string {
  const amount = strength.unit === '%' ? `${format(strength.value)}%` : `${format(strength.value)} ${strength.unit}`;
  return strength.per ? `${amount}/${strength.per}` : amount;
}

/** Every strength in the tokens: mass or percent, with what it is per, if said. */
export function findStrengths(tokens: readonly Token[]): Strength[] {
  const found: Strength[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const amount = tokens[i];
    if (!isNumber(amount)) continue;
    if (tokens.slice(Math.max(0, i - 3), i).some((token) => LIMIT_WORDS.has(token.text))) continue;
    const next = tokens[i + 1];
    if (next?.text === '%' || next?.text === 'percent') {
      found.push({ value: amount.value, unit: '%', per: null, start: i, end: i + 2 });
      continue;
    }
    if (next?.text === 'per' && tokens[i + 2]?.text === 'cent') {
      found.push({ value: amount.value, unit: '%', per: null, start: i, end: i + 3 });
      continue;
    }
    let unit = unitOf(MASS, next);
    let end = i + 2;
    if (next?.text === 'international' && unitOf(MASS, tokens[i + 2]) === 'units') {
      unit = 'units';
      end = i + 3;
    }
    if (!unit) continue;
    // "0.6 milligrams per kilo" is how a dose was worked out, not what is in the medicine.
    const perWeight = ['per', '/', 'a'].includes(tokens[end]?.text ?? '') && ['kilo', 'kg', 'kilogram', 'pound', 'lb'].includes(tokens[end + 1]?.stem ?? '');
    if (perWeight) {
      i = end + 1;
      continue;
    }
    const strength: Strength = { value: amount.value, unit, per: null, start: i, end };
    // "per 5 mL", "/5 mL", "in 5 mL", "per spray", "per puff"
    const joiner = tokens[end]?.text;
    if (joiner === 'per' || joiner === '/' || joiner === 'in' || joiner === 'every' || joiner === 'each') {
      const volumeAmount = tokens[end + 1];
      if (isNumber(volumeAmount) && unitOf(VOLUME, tokens[end + 2])) {
        strength.per = `${format(volumeAmount.value)} ${unitOf(VOLUME, tokens[end + 2])}`;
        strength.end = end + 3;
      } else if (unitOf(VOLUME, volumeAmount) && joiner !== 'in') {
        strength.per = unitOf(VOLUME, volumeAmount) ?? null;
        strength.end = end + 2;
      } else if (unitOf(DEVICE, volumeAmount) && joiner !== 'in' && joiner !== 'every') {
        strength.per = unitOf(DEVICE, volumeAmount) ?? null;
        strength.end = end + 2;
      }
    }
    // "Ten units at bedtime" is a dose; units are a strength only per something ("100 units/mL").
    if (strength.unit === 'units' && strength.per === null) continue;
    found.push(strength);
    i = strength.end - 1;
  }
  return found;
}

/** Every dose in the tokens: a count of units ("2 puffs"), a volume ("7.5 mL") or a topical amount. */
export function findDoses(tokens: readonly Token[], strengths: readonly Strength[]): Dose[] {
  const found: Dose[] = [];
  const inStrength = (index: number) => strengths.some((strength) => index >= strength.start && index < strength.end);
  for (let i = 0; i < tokens.length; i += 1) {
    if (inStrength(i)) continue;
    const here = tokens[i];
    const text = here?.text ?? '';
    if (text === 'thin' && ['layer', 'film', 'coat'].includes(tokens[i + 1]?.text ?? '')) {
      found.push({ text: `a thin ${tokens[i + 1]?.text}`, start: i - 1, end: i + 2 });
      continue;
    }
    if (text === 'pea' && tokens[i + 1]?.text === 'sized') {
      found.push({ text: 'a pea-sized amount', start: i - 1, end: i + 3 });
      continue;
    }
    const count = isNumber(here) ? here.value : text === 'a' || text === 'an' || text === 'one' ? 1 : undefined;
    if (count === undefined || isDispensedCount(tokens, i)) continue;
    const unitToken = tokens[i + 1];
    const doseUnit = unitToken ? DOSE_UNITS[unitToken.stem] : undefined;
    if (doseUnit) {
      // "a single tablet"
      found.push({ text: `${format(count)} ${count === 1 ? doseUnit[0] : doseUnit[1]}`, start: i, end: i + 2 });
      continue;
    }
    if (unitToken?.text === 'single' && DOSE_UNITS[tokens[i + 2]?.stem ?? '']) {
      found.push({ text: `1 ${DOSE_UNITS[tokens[i + 2]?.stem ?? '']?.[0]}`, start: i, end: i + 3 });
      continue;
    }
    const volume = unitOf(VOLUME, unitToken);
    if (isNumber(here) && volume) found.push({ text: `${format(count)} ${volume}`, start: i, end: i + 2 });
  }
  return found;
}

/** A strength reduced to compare two: mass in mg, per-device denominators dropped. "1 g" is "1000 mg". */
export function strengthKey(text: string | null): string | null {
  if (!text) return null;
  const strength = findStrengths(readNumberWords(tokenize(text)))[0];
  if (!strength) return null;
  const factor = strength.unit === 'g' ? 1000 : strength.unit === 'mcg' ? 0.001 : 1;
  const unit = factor === 1 ? strength.unit : 'mg';
  const per = strength.per && /\d/.test(strength.per) ? `/${strength.per}` : '';
  return `${format(strength.value * factor)} ${unit}${per}`;
}

import { PhraseMatcher } from '../text/phrase-matcher.js';
import type { Token } from '../text/tokens.js';

// The rest of a prescription as said: route ("by mouth", "in each nostril"), advice that belongs
// in the directions ("with food", "on an empty stomach"), how many to dispense, refills, and what
// it is for.

type Direction = { kind: 'route'; route: string } | { kind: 'advice'; advice: string };

const route = (text: string): Direction => ({ kind: 'route', route: text });
const advice = (text: string): Direction => ({ kind: 'advice', advice: text });

const DIRECTIONS: readonly (readonly [string, Direction])[] = [
  ...['by mouth', 'orally', 'po', 'oral'].map((p) => [p, route('by mouth')] as const),
  ...['on the tongue', 'under the tongue', 'sublingual', 'sublingually'].map((p) => [p, route('on the tongue')] as const),
  ...['in each nostril', 'each nostril', 'per nostril', 'in both nostrils', 'into each nostril'].map((p) => [p, route('in each nostril')] as const),
  ...['in each eye', 'in both eyes', 'in each affected eye', 'in the affected eye', 'into each eye', 'each eye'].map((p) => [p, route('in the affected eye(s)')] as const),
  ['in the left eye', route('in the left eye')],
  ['in the right eye', route('in the right eye')],
  ['in the left ear', route('in the left ear')],
  ['in the right ear', route('in the right ear')],
  ...['in the affected ear', 'in each ear', 'in both ears'].map((p) => [p, route('in the affected ear(s)')] as const),
  ...['to the affected area', 'to the affected areas', 'to the patches', 'to the rash', 'to the skin', 'topically', 'to the knee', 'to the area', 'to the whole face', 'to the face'].map((p) => [p, route('to the affected area')] as const),
  ...['inhaled', 'by inhalation', 'with a spacer', 'with the spacer'].map((p) => [p, route('by inhalation')] as const),
  ...['injection', 'subcutaneously', 'intramuscularly', 'inject'].map((p) => [p, route('by injection')] as const),
  ...['rectally', 'vaginally'].map((p) => [p, route(p)] as const),
  ...['with food', 'with meals', 'with a meal', 'after eating', 'after food'].map((p) => [p, advice('with food')] as const),
  ...['on an empty stomach', 'before breakfast', 'before food', 'before meals'].map((p) => [p, advice('on an empty stomach')] as const),
  ...['with a full glass of water', 'with plenty of water', 'with water'].map((p) => [p, advice('with a full glass of water')] as const),
  ['with a spacer', advice('use with a spacer')],
  ['shake well', advice('shake well')],
  ['swallow whole', advice('swallow whole')],
  ['until finished', advice('finish the course')],
  ['finish the whole course', advice('finish the course')],
  ['finish the course', advice('finish the course')],
];

let matcher: PhraseMatcher<Direction> | undefined;

export interface Directions {
  route: string | null;
  advice: string[];
}

export function readDirections(tokens: readonly Token[]): Directions {
  matcher ??= new PhraseMatcher(DIRECTIONS);
  const directions: Directions = { route: null, advice: [] };
  for (const { value } of matcher.findAll(tokens)) {
    if (value.kind === 'route') directions.route ??= value.route;
    else if (!directions.advice.includes(value.advice)) directions.advice.push(value.advice);
  }
  return directions;
}

export interface Supply {
  quantity: number | null;
  refills: number | null;
}

const COUNTED = new Set(['tablet', 'tab', 'capsule', 'cap', 'pill', 'lozenge', 'patche', 'patch', 'suppositorie', 'suppository', 'sachet']);
const HOW_OFTEN_WORDS = new Set(['every', 'times', 'time', 'a', 'per', 'daily', 'twice', 'once', 'at', 'in', 'by', 'on', 'now', 'of']);

/**
 * "Thirty tablets", "ninety capsules": five or more units not followed by how to take them are
 * what is dispensed. "Eight tablets once daily" is still a dose.
 */
export function isDispensedCount(tokens: readonly Token[], index: number): boolean {
  const count = tokens[index];
  const unit = tokens[index + 1];
  if (count?.kind !== 'number' || count.value === undefined || !Number.isInteger(count.value) || count.value < 5 || !unit || !COUNTED.has(unit.stem)) return false;
  const after = tokens[index + 2];
  const before = tokens[index - 1]?.text;
  return (!after || !HOW_OFTEN_WORDS.has(after.text)) && before !== 'take' && before !== 'give';
}

/** "Dispense thirty", "#30", "ninety capsules", "five refills", "no refills", "refills: 2". */
export function readSupply(tokens: readonly Token[]): Supply {
  const supply: Supply = { quantity: null, refills: null };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    const value = token.kind === 'number' ? token.value : undefined;
    if (next?.stem === 'refill' && (value !== undefined || token.text === 'no')) supply.refills ??= value ?? 0;
    else if ((token.stem === 'refill' || token.text === 'refills') && next?.kind === 'number' && tokens[i + 2]?.text !== 'times') supply.refills ??= next.value ?? null;
    else if ((token.text === 'dispense' || token.text === 'disp' || token.text === 'quantity' || token.text === 'qty' || token.text === '#') && next?.kind === 'number') supply.quantity ??= next.value ?? null;
    else if (isDispensedCount(tokens, i)) supply.quantity ??= value ?? null;
  }
  return supply;
}

const INDICATION_STOP = new Set(['and', 'with', 'then', 'but', 'or', 'no', 'if', 'every', 'twice', 'once', 'for', 'to', 'at', 'in', 'on', 'until', 'as', 'while', 'so', 'which', 'because', 'when', 'it', 'is']);
const NOT_INDICATIONS = new Set(['you', 'me', 'now', 'him', 'her', 'them', 'a', 'up', 'the', 'your', 'his', 'this', 'that', 'it', 'one', 'each', 'about', 'another', 'at']);

/** "for the pain", "as needed for nausea", "for your blood pressure": what it is for, or null. */
export function readIndication(tokens: readonly Token[]): string | null {
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i]?.text !== 'for') continue;
    let start = i + 1;
    while (['the', 'your', 'his', 'her', 'my', 'their', 'any'].includes(tokens[start]?.text ?? '')) start += 1;
    const words: string[] = [];
    for (let j = start; j < tokens.length && words.length < 5; j += 1) {
      const token = tokens[j] as Token;
      if (token.kind !== 'word' || INDICATION_STOP.has(token.text)) break;
      words.push(token.text);
    }
    if (words.length === 0 || NOT_INDICATIONS.has(words[0] ?? '') || tokens[start]?.kind === 'number') continue;
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  return null;
}

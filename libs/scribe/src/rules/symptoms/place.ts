import { BODY_SITES, type BodySite, LATERALITY, type Region } from '../lexicon/body-sites.js';
import type { Mention } from '../text/mentions.js';
import type { Reading } from '../text/reading.js';
import type { Token } from '../text/tokens.js';

// Where a symptom is: the body site said nearest to it in the sentence, with its side; failing
// that, the site the conversation was just about ("Which ear?" — "The left. It's really sore").

export interface Place {
  region: Region;
  /** As charted: "Left ankle", "Both feet". */
  bodySite: string;
}

type SiteMention = Extract<Mention, { kind: 'site' }>;

const SITES_BY_NAME = new Map(BODY_SITES.map(({ site }) => [site.name, site]));
const REACH_BEFORE = 5;
const REACH_AFTER = 6;
const SKIPPED_BEFORE_SITE = new Set(['my', 'the', 'his', 'her', 'your', 'their', 'of', 'side', 'on', 'in', 'both', 'a']);

export function siteNamed(name: string): BodySite | undefined {
  return SITES_BY_NAME.get(name);
}

/** "left", "right" or "both" said just before a site ("her right ear", "left side of my chest"). */
function sideBefore(tokens: readonly Token[], start: number): string | null {
  for (let i = start - 1; i >= 0 && start - i <= 4; i -= 1) {
    const word = tokens[i]?.text ?? '';
    const side = LATERALITY[word];
    if (side) return side;
    if (!SKIPPED_BEFORE_SITE.has(word) && tokens[i]?.kind !== 'number') return null;
  }
  return null;
}

const sides = new WeakMap<Reading, string | null>();

/** A side said on its own in a sentence ("The left."), found once per sentence. */
export function sideSaid(reading: Reading | undefined): string | null {
  if (!reading) return null;
  if (!sides.has(reading)) {
    const token = reading.sentence.tokens.find((candidate) => LATERALITY[candidate.text] && LATERALITY[candidate.text] !== 'Both');
    sides.set(reading, token ? (LATERALITY[token.text] ?? null) : null);
  }
  return sides.get(reading) ?? null;
}

export function describePlace(site: BodySite, side: string | null, plural: boolean): Place {
  const noun = side === 'Both' || (plural && side === null) ? site.plural : site.name;
  const bodySite = side && !['Generalized'].includes(site.name) ? `${side} ${noun.toLowerCase()}` : noun;
  return { region: site.region, bodySite };
}

const sitesByReading = new WeakMap<Reading, SiteMention[]>();

/** The sentence's sites in order, found once per sentence. */
function sitesOf(reading: Reading): SiteMention[] {
  let sites = sitesByReading.get(reading);
  if (!sites) {
    sites = reading.mentions.filter((mention): mention is SiteMention => mention.kind === 'site');
    sitesByReading.set(reading, sites);
  }
  return sites;
}

/** Index of the first site whose end is after `position` (sites are in order and never overlap). */
function firstEndingAfter(sites: readonly SiteMention[], position: number): number {
  let low = 0;
  let high = sites.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sites[middle]?.end ?? 0) <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

function placeOf(reading: Reading, mention: SiteMention): Place {
  return describePlace(mention.site, sideBefore(reading.sentence.tokens, mention.start), mention.plural);
}

/** The site said nearest to the span in the same sentence, or null. */
export function placeInSentence(reading: Reading, span: { start: number; end: number }): Place | null {
  const sites = sitesOf(reading);
  let best: { mention: SiteMention; distance: number } | null = null;
  for (let i = firstEndingAfter(sites, span.start - REACH_BEFORE - 1); i < sites.length; i += 1) {
    const mention = sites[i] as SiteMention;
    if (mention.start > span.end + REACH_AFTER) break;
    const distance = mention.end <= span.start ? span.start - mention.end : mention.start >= span.end ? mention.start - span.end : 0;
    const reach = mention.end <= span.start ? REACH_BEFORE : REACH_AFTER;
    if (distance > reach) continue;
    // A comma between a site and a symptom usually starts another item of a list.
    const between = reading.sentence.tokens.slice(Math.min(mention.end, span.end), Math.max(mention.start, span.start));
    if (between.some((token) => token.text === ',' || token.text === ';')) continue;
    if (!best || distance < best.distance) best = { mention, distance };
  }
  return best ? placeOf(reading, best.mention) : null;
}

/** The last few sites said before `position` in the sentence, nearest first. */
export function placesBefore(reading: Reading, position: number, limit: number): Place[] {
  const sites = sitesOf(reading);
  const end = firstEndingAfter(sites, position);
  return sites.slice(Math.max(0, end - limit), end).reverse().map((mention) => placeOf(reading, mention));
}

/** The first site the sentence names, if any. */
export function firstPlace(reading: Reading): Place | null {
  const first = sitesOf(reading)[0];
  return first ? placeOf(reading, first) : null;
}

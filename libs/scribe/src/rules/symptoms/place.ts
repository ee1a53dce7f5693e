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

/** A side said on its own in a sentence: "The left." */
export function sideSaid(tokens: readonly Token[]): string | null {
  for (const token of tokens) {
    const side = LATERALITY[token.text];
    if (side && side !== 'Both') return side;
  }
  return null;
}

export function describePlace(site: BodySite, side: string | null, plural: boolean): Place {
  const noun = side === 'Both' || (plural && side === null) ? site.plural : site.name;
  const bodySite = side && !['Generalized'].includes(site.name) ? `${side} ${noun.toLowerCase()}` : noun;
  return { region: site.region, bodySite };
}

/** The site said nearest to the span in the same sentence, or null. */
export function placeInSentence(reading: Reading, span: { start: number; end: number }): Place | null {
  let best: { mention: SiteMention; distance: number } | null = null;
  for (const mention of reading.mentions) {
    if (mention.kind !== 'site') continue;
    const distance = mention.end <= span.start ? span.start - mention.end : mention.start >= span.end ? mention.start - span.end : 0;
    const reach = mention.end <= span.start ? REACH_BEFORE : REACH_AFTER;
    if (distance > reach) continue;
    // A comma between a site and a symptom usually starts another item of a list.
    const between = reading.sentence.tokens.slice(Math.min(mention.end, span.end), Math.max(mention.start, span.start));
    if (between.some((token) => token.text === ',' || token.text === ';')) continue;
    if (!best || distance < best.distance) best = { mention, distance };
  }
  if (!best) return null;
  return describePlace(best.mention.site, sideBefore(reading.sentence.tokens, best.mention.start), best.mention.plural);
}

/** Sites said in a sentence, last first: the conversation's most recent places. */
export function placesIn(reading: Reading): Place[] {
  return reading.mentions
    .filter((mention): mention is SiteMention => mention.kind === 'site')
    .map((mention) => describePlace(mention.site, sideBefore(reading.sentence.tokens, mention.start), mention.plural))
    .reverse();
}

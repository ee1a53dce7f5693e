import { createHash } from 'node:crypto';
import { isUuid, SearchProblem } from './values.js';

// A page token (`_cursor`) is where the next page starts: the sort key of the last entry shown,
// keyset-style like the REST API's cursors, so no entry is skipped or repeated when rows are added
// meanwhile. It is opaque to clients but not secret: it is bound to its search (a fingerprint of
// the resource type and the normalised parameters), and every part is range-checked on the way in.

type KeyPart = 'instant' | 'uuid' | 'text' | 'index';

/**
 * What each listing is ordered by, and so what its page positions hold:
 *   Patient            last name, first name, id (the REST API's patient order)
 *   Encounter          appointment start, appointment id
 *   Observation        visit time, vital-signs set id, measurement index (VITAL_SIGN_KINDS order)
 *   others             createdAt, id
 *   everything         section index, resource id (the $everything bundle's order)
 */
export const PAGE_KEYS = {
  Patient: ['text', 'text', 'uuid'],
  Encounter: ['instant', 'uuid'],
  Observation: ['instant', 'uuid', 'index'],
  AllergyIntolerance: ['instant', 'uuid'],
  Condition: ['instant', 'uuid'],
  MedicationRequest: ['instant', 'uuid'],
  everything: ['index', 'text'],
} as const satisfies Record<string, readonly KeyPart[]>;

export type PagedListing = keyof typeof PAGE_KEYS;

type Decoded<Part> = Part extends 'instant' ? Date : Part extends 'index' ? number : string;

type DecodedTuple<Parts extends readonly KeyPart[]> = { -readonly [I in keyof Parts]: Decoded<Parts[I]> };

/** A listing's page position: a tuple of its sort key's values (Dates for instants). */
export type PagePosition<Listing extends PagedListing> = DecodedTuple<(typeof PAGE_KEYS)[Listing]>;

const MAX_TOKEN_LENGTH = 1024;
const MAX_TEXT = 255;
const MAX_INDEX = 999;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;

function fingerprint(scope: string, query: string): string {
  return createHash('sha256').update(`${scope}?${query}`).digest('base64url').slice(0, 16);
}

/** The token of a position within a search (`scope`: the listing's path, `query`: its normalised parameters). */
export function encodePageToken<Listing extends PagedListing>(listing: Listing, scope: string, query: string, position: PagePosition<Listing>): string {
  const key = (position as readonly (Date | string | number)[]).map((value) => (value instanceof Date ? value.toISOString() : value));
  if (key.length !== PAGE_KEYS[listing].length) throw new Error(`a ${listing} page position has ${PAGE_KEYS[listing].length} parts`);
  return Buffer.from(JSON.stringify({ v: 1, q: fingerprint(scope, query), k: key })).toString('base64url');
}

function decodePart(part: KeyPart, value: unknown): Date | string | number | null {
  switch (part) {
    case 'instant': {
      if (typeof value !== 'string' || !INSTANT.test(value)) return null;
      const moment = new Date(value);
      return Number.isNaN(moment.getTime()) || moment.toISOString() !== value ? null : moment;
    }
    case 'uuid':
      return typeof value === 'string' && isUuid(value) ? value.toLowerCase() : null;
    case 'text':
      return typeof value === 'string' && value.length <= MAX_TEXT && !CONTROL.test(value) ? value : null;
    case 'index':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_INDEX ? value : null;
  }
}

/** The position a `_cursor` names, or a SearchProblem: malformed, or a page of another search. */
export function decodePageToken<Listing extends PagedListing>(listing: Listing, scope: string, query: string, token: string): PagePosition<Listing> {
  const malformed = new SearchProblem('_cursor: not a page token of this server; use the next link as given');
  if (token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) throw malformed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw malformed;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformed;
  const { v, q, k, ...rest } = parsed as Record<string, unknown>;
  if (v !== 1 || typeof q !== 'string' || !Array.isArray(k) || Object.keys(rest).length > 0) throw malformed;
  if (q !== fingerprint(scope, query)) throw new SearchProblem('_cursor: belongs to another search; change the parameters and start again without it');
  const parts: readonly KeyPart[] = PAGE_KEYS[listing];
  if (k.length !== parts.length) throw malformed;
  const position = parts.map((part, index) => decodePart(part, k[index]));
  if (position.some((value) => value === null)) throw malformed;
  return position as PagePosition<Listing>;
}

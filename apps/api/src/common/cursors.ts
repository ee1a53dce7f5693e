import { InvalidCursor } from './domain-error.js';
import { instant, isStorableInstant } from './fields/instant.js';

// Keyset cursors: a cursor holds the sort key of the last row of a page, so the next page starts
// strictly after it and no page skips or repeats rows when others are added meanwhile (unlike
// OFFSET). A cursor decodes to JSON the client could have forged: every part is checked here,
// against what the column can hold, so that a hand-made cursor is the client's 400 and never a
// database error (a malformed uuid, NUL in text, the year 0000).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// The sort columns are VARCHAR(255); no stored value holds a control character.
const SORTABLE_TEXT = /^[^\p{Cc}]{0,255}$/u;

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The parts of a cursor this API returned, or InvalidCursor. */
export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length) return key;
  } catch {
    // fall through: any undecodable cursor is the client's mistake
  }
  throw new InvalidCursor();
}

function uuidPart(value: unknown): string {
  if (typeof value === 'string' && UUID.test(value)) return value;
  throw new InvalidCursor();
}

function instantPart(value: unknown): Date {
  const instant = typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : undefined;
  if (instant && isStorableInstant(instant)) return instant;
  throw new InvalidCursor();
}

function textPart(value: unknown): string {
  if (typeof value === 'string' && value.isWellFormed() && SORTABLE_TEXT.test(value)) return value;
  throw new InvalidCursor();
}

/** Lists ordered by an instant, then id: chart entries by createdAt, appointments, vital signs, the trail. */
export type InstantKey = [at: Date, id: string];

export function instantKeyAfter(cursor: string | undefined): InstantKey | undefined {
  if (cursor === undefined) return undefined;
  const [at, id] = decodeCursor(cursor, 2);
  return [instantPart(at), uuidPart(id)];
}

export function instantKeyOf(at: Date, id: string): string[] {
  return [at.toISOString(), id];
}

/** A time-ordered list's window and page, as repositories take them. */
export interface InstantWindowPage {
  from?: Date;
  to?: Date;
  /** Keyset: rows strictly after this one in the list's order. */
  after?: InstantKey;
  /** The page size plus one: the extra row only says whether another page follows. */
  take: number;
}

/** `?from=&to=` (validated ISO 8601 instants) and `?cursor=&limit=` of a time-ordered list. */
export function instantWindowPage(query: { from?: string; to?: string; cursor?: string; limit: number }): InstantWindowPage {
  return {
    from: query.from === undefined ? undefined : instant(query.from),
    to: query.to === undefined ? undefined : instant(query.to),
    after: instantKeyAfter(query.cursor),
    take: query.limit + 1,
  };
}

/** The key of chart entries (allergies, conditions, symptoms, prescriptions): when recorded, then id. */
export function entryKeyOf(entry: { createdAt: Date; id: string }): string[] {
  return instantKeyOf(entry.createdAt, entry.id);
}

/** Lists of people in name order: patients and providers by (lastName, firstName, id). */
export type NameKey = [lastName: string, firstName: string, id: string];

export function nameKeyAfter(cursor: string | undefined): NameKey | undefined {
  if (cursor === undefined) return undefined;
  const [lastName, firstName, id] = decodeCursor(cursor, 3);
  return [textPart(lastName), textPart(firstName), uuidPart(id)];
}

export function nameKeyOf(person: { lastName: string; firstName: string; id: string }): string[] {
  return [person.lastName, person.firstName, person.id];
}

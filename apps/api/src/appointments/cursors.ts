import { InvalidCursor } from '../common/domain-error.js';
import { decodeCursor } from '../common/pagination.js';

// A cursor decodes to JSON the client could have forged; a key of the wrong shape must be the
// client's 400, never a database error.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A [instant, id] keyset position: appointments by appointmentDate, vital signs by recordedAt. */
export type InstantKey = [at: Date, id: string];

export function instantKeyAfter(cursor: string | undefined): InstantKey | undefined {
  if (cursor === undefined) return undefined;
  const [at, id] = decodeCursor(cursor, 2);
  const instant = typeof at === 'string' && ISO_INSTANT.test(at) ? new Date(at) : undefined;
  if (!instant || Number.isNaN(instant.getTime()) || typeof id !== 'string' || !UUID.test(id)) throw new InvalidCursor();
  return [instant, id];
}

export function instantKeyOf(at: Date, id: string): string[] {
  return [at.toISOString(), id];
}

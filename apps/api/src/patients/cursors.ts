import { InvalidCursor } from '../common/domain-error.js';
import { decodeCursor } from '../common/pagination.js';
import type { PatientSortKey } from './patient-record.js';

// What the chart's list cursors hold. A cursor decodes to JSON the client could have forged;
// a key of the wrong shape would reach SQL as a type error (500) instead of the client's 400.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Patients: ordered by (lastName, firstName, id). */
export function patientKeyAfter(cursor: string | undefined): PatientSortKey | undefined {
  if (cursor === undefined) return undefined;
  const [lastName, firstName, id] = decodeCursor(cursor, 3);
  if (typeof lastName !== 'string' || typeof firstName !== 'string' || typeof id !== 'string' || !UUID.test(id)) throw new InvalidCursor();
  return [lastName, firstName, id];
}

/** Allergies and conditions: ordered by when they were recorded, then id. */
export type EntryKey = [createdAt: Date, id: string];

export function entryKeyAfter(cursor: string | undefined): EntryKey | undefined {
  if (cursor === undefined) return undefined;
  const [createdAt, id] = decodeCursor(cursor, 2);
  const instant = typeof createdAt === 'string' && ISO_INSTANT.test(createdAt) ? new Date(createdAt) : undefined;
  if (!instant || Number.isNaN(instant.getTime()) || typeof id !== 'string' || !UUID.test(id)) throw new InvalidCursor();
  return [instant, id];
}

export function entryKeyOf(entry: { createdAt: Date; id: string }): string[] {
  return [entry.createdAt.toISOString(), entry.id];
}

import { InvalidCursor } from '../common/domain-error.js';
import { decodeCursor } from '../common/pagination.js';
import type { AuditEventKey } from './audit-event.js';

// A cursor decodes to JSON the client could have forged: a key of the wrong shape must be the
// client's 400, not a type error in SQL.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The trail: newest first by (occurredAt, id). */
export function auditKeyBefore(cursor: string | undefined): AuditEventKey | undefined {
  if (cursor === undefined) return undefined;
  const [occurredAt, id] = decodeCursor(cursor, 2);
  const instant = typeof occurredAt === 'string' && ISO_INSTANT.test(occurredAt) ? new Date(occurredAt) : undefined;
  if (!instant || Number.isNaN(instant.getTime()) || typeof id !== 'string' || !UUID.test(id)) throw new InvalidCursor();
  return [instant, id];
}

export function auditKeyOf(event: { occurredAt: Date; id: string }): string[] {
  return [event.occurredAt.toISOString(), event.id];
}

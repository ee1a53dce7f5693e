import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { partsColumns, type ReadParts, readPartsRow } from '../common/read-parts.js';
import type { AuditEventFilter, AuditEventRecord, NewAuditEvent } from './audit-event.js';

/** What a feature's repository hands to AuditTrail.recordWithin: its own transaction. */
export type AuditTransaction = Prisma.TransactionClient;

function whereOf(filter: AuditEventFilter): Prisma.AuditEventWhereInput {
  const conditions: Prisma.AuditEventWhereInput[] = [];
  if (filter.actorId !== undefined) conditions.push({ actorId: filter.actorId });
  if (filter.patientId !== undefined) conditions.push({ OR: [{ patientId: filter.patientId }, { patientIds: { has: filter.patientId } }] });
  if (filter.action !== undefined) conditions.push({ action: filter.action });
  if (filter.from !== undefined) conditions.push({ occurredAt: { gte: filter.from } });
  if (filter.to !== undefined) conditions.push({ occurredAt: { lt: filter.to } });
  if (filter.after) {
    const [occurredAt, id] = filter.after;
    conditions.push({ OR: [{ occurredAt: { lt: occurredAt } }, { occurredAt, id: { lt: id } }] });
  }
  return { AND: conditions };
}

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Within the caller's transaction: the event commits, or rolls back, with the change it records. */
  async insertEvent(event: NewAuditEvent, transaction: AuditTransaction = this.prisma): Promise<void> {
    await transaction.auditEvent.create({ data: event, select: { id: true } });
  }

  /**
   * A read and its event in one statement: the parts (common/read-parts.ts) are selected once,
   * and the event is inserted from that same row by a data-modifying CTE, which PostgreSQL runs to
   * completion whether or not the outer SELECT reads it. Autocommit makes the two one
   * transaction: the answer exists only if its event was written. The event's outcome is
   * `failed` when the part named by `presence` found nothing (an id that is nobody's).
   */
  async selectPartsRecording<T extends Record<string, unknown>>(parts: ReadParts<T>, event: NewAuditEvent, presence: keyof T & string): Promise<T> {
    const [row] = await this.prisma.$queryRaw<Record<string, unknown>[]>`
      WITH "parts" AS MATERIALIZED (SELECT ${partsColumns(parts)}),
      "recorded" AS (
        INSERT INTO "audit_events" ("actorId", "action", "resourceType", "resourceId", "patientId", "patientIds", "clientAddress", "userAgent", "requestId", "outcome")
        SELECT ${event.actorId}::uuid, ${event.action}::"AuditAction", ${event.resourceType}, ${event.resourceId}::uuid, ${event.patientId}::uuid,
          ${event.patientIds}::uuid[], ${event.clientAddress}, ${event.userAgent}, ${event.requestId},
          (CASE WHEN "parts".${Prisma.raw(`"${presence}"`)} IS NULL THEN 'failed' ELSE ${event.outcome} END)::"AuditOutcome"
        FROM "parts")
      SELECT * FROM "parts"`;
    return readPartsRow(parts, row);
  }

  /** Newest first, plus one row that only says whether another page follows. */
  findEvents(filter: AuditEventFilter): Promise<AuditEventRecord[]> {
    return this.prisma.auditEvent.findMany({ where: whereOf(filter), orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: filter.take });
  }
}

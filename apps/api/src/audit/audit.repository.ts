import { Injectable } from '@nestjs/common';
import { type Prisma, PrismaService } from '@clinic/db';
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

  /** Newest first, plus one row that only says whether another page follows. */
  findEvents(filter: AuditEventFilter): Promise<AuditEventRecord[]> {
    return this.prisma.auditEvent.findMany({ where: whereOf(filter), orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: filter.take });
  }
}

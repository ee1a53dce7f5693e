import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { partsColumns, type ReadParts, readPartsRow } from '../common/read-parts.js';
import type { AuditEventFilter, AuditEventRecord, NewAuditEvent } from './audit-event.js';
import { type PageRecording, pageRecorded, partsRecorded } from './audit-statements.js';

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

  /** A read and its event in one statement (audit-statements.ts, partsRecorded). */
  async selectPartsRecording<T extends Record<string, unknown>>(parts: ReadParts<T>, event: NewAuditEvent, presence: keyof T & string): Promise<T> {
    const [row] = await this.prisma.$queryRaw<Record<string, unknown>[]>(partsRecorded(partsColumns(parts), event, presence));
    return readPartsRow(parts, row);
  }

  /** A list's page and, when it is the answer, its event, in one statement (audit-statements.ts, pageRecorded). */
  selectPageRecording<T>(page: Prisma.Sql, event: NewAuditEvent, recording: PageRecording): Promise<T[]> {
    return this.prisma.$queryRaw<T[]>(pageRecorded(page, event, recording));
  }

  /** Newest first, plus one row that only says whether another page follows. */
  findEvents(filter: AuditEventFilter): Promise<AuditEventRecord[]> {
    return this.prisma.auditEvent.findMany({ where: whereOf(filter), orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: filter.take });
  }
}

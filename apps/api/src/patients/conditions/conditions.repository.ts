import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import { type EntryDelegate, EntryTable, entryTableShape } from '../../common/chart-entries/entry-table.js';
import { type ReadPart, rowsFromJson } from '../../common/read-parts.js';
import type { ConditionRecord } from './condition-record.js';

/** The chronic_conditions table's one owner. */
@Injectable()
export class ConditionsRepository {
  readonly table: EntryTable<ConditionRecord>;

  constructor(prisma: PrismaService, audit: AuditTrail) {
    const delegate = (client: PrismaService | Prisma.TransactionClient) => client.chronicCondition as unknown as EntryDelegate<ConditionRecord>;
    this.table = new EntryTable(prisma, audit, entryTableShape<ConditionRecord>('patientId', 'chronic_condition', delegate, ['conditionName', 'diagnosisDate', 'status', 'notes']));
  }

  /** The patient's conditions with one status, in the order recorded, as a part of a read composed elsewhere. */
  ofPatientPart(patientId: Prisma.Sql, status: string): ReadPart<ConditionRecord[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(c) ORDER BY c."createdAt", c."id"), '[]'::jsonb) FROM "chronic_conditions" c WHERE c."patientId" = ${patientId} AND c."status" = ${status})`,
      read: (json) => rowsFromJson<ConditionRecord>(json, { instants: ['createdAt'], days: ['diagnosisDate'] }),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import { type EntryDelegate, EntryTable, entryTableShape } from '../../common/chart-entries/entry-table.js';
import type { InstantKey } from '../../common/cursors.js';
import { type ListingParts, listingParts, type ReadPart, rowFromJson, rowsFromJson, utcTimestamp } from '../../common/read-parts.js';
import type { ConditionRecord } from './condition-record.js';

const FROM_JSON = { instants: ['createdAt'], days: ['diagnosisDate'] };

/** The patient's conditions, of any of these statuses when given, as conditions over `chronic_conditions c`. */
function ofPatientWith(patientId: Prisma.Sql, statuses: readonly string[] | undefined): Prisma.Sql[] {
  return [Prisma.sql`c."patientId" = ${patientId}`, ...(statuses ? [Prisma.sql`c."status" = ANY(${[...statuses]}::text[])`] : [])];
}

/** The chronic_conditions table's one owner. */
@Injectable()
export class ConditionsRepository {
  readonly table: EntryTable<ConditionRecord>;

  constructor(
    private readonly prisma: PrismaService,
    audit: AuditTrail,
  ) {
    const delegate = (client: PrismaService | Prisma.TransactionClient) => client.chronicCondition as unknown as EntryDelegate<ConditionRecord>;
    this.table = new EntryTable(prisma, audit, entryTableShape<ConditionRecord>('patientId', 'chronic_condition', delegate, ['conditionName', 'diagnosisDate', 'status', 'notes']));
  }

  /** The patient's conditions (with one status, when given), in the order recorded, as a part of a read composed elsewhere. */
  ofPatientPart(patientId: Prisma.Sql, status?: string): ReadPart<ConditionRecord[]> {
    const where = Prisma.join(ofPatientWith(patientId, status === undefined ? undefined : [status]), ' AND ');
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(c) ORDER BY c."createdAt", c."id"), '[]'::jsonb) FROM "chronic_conditions" c WHERE ${where})`,
      read: (json) => rowsFromJson<ConditionRecord>(json, FROM_JSON),
    };
  }

  /** The patient's conditions of any of these statuses (all, without), one page in (createdAt, id) order and how many in all, as parts of a read composed elsewhere. */
  ofPatientListingParts(patientId: Prisma.Sql, statuses: readonly string[] | undefined, after: InstantKey | undefined, take: number): ListingParts<ConditionRecord> {
    return listingParts({
      from: Prisma.sql`"chronic_conditions" c`,
      where: ofPatientWith(patientId, statuses),
      orderBy: [Prisma.sql`c."createdAt"`, Prisma.sql`c."id"`],
      after: after && [utcTimestamp(after[0]), Prisma.sql`${after[1]}::uuid`],
      take,
      row: Prisma.sql`to_jsonb(c)`,
      read: (json) => rowFromJson<ConditionRecord>(json, FROM_JSON),
    });
  }

  /** A condition by its own id, whoever's chart it is on. */
  findCondition(id: string): Promise<ConditionRecord | null> {
    return this.prisma.chronicCondition.findUnique({ where: { id } });
  }
}

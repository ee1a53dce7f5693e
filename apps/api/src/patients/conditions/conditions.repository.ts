import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import { entriesListingParts, entriesPart, type EntrySelection } from '../../common/chart-entries/entry-parts.js';
import { type EntryDelegate, EntryTable, entryTableShape } from '../../common/chart-entries/entry-table.js';
import type { InstantKey } from '../../common/cursors.js';
import type { ListingParts, ReadPart } from '../../common/read-parts.js';
import type { ConditionRecord } from './condition-record.js';

/** The patient's conditions, of any of these statuses when given, for the shared entry reads (common/chart-entries/entry-parts.ts). */
function ofPatientWith(patientId: Prisma.Sql, statuses: readonly string[] | undefined): EntrySelection {
  return {
    table: 'chronic_conditions',
    where: [Prisma.sql`e."patientId" = ${patientId}`, ...(statuses ? [Prisma.sql`e."status" = ANY(${[...statuses]}::text[])`] : [])],
    fromJson: { instants: ['createdAt'], days: ['diagnosisDate'] },
  };
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
    return entriesPart(ofPatientWith(patientId, status === undefined ? undefined : [status]));
  }

  /** The patient's conditions of any of these statuses (all, without), one page in (createdAt, id) order and how many in all, as parts of a read composed elsewhere. */
  ofPatientListingParts(patientId: Prisma.Sql, statuses: readonly string[] | undefined, after: InstantKey | undefined, take: number): ListingParts<ConditionRecord> {
    return entriesListingParts(ofPatientWith(patientId, statuses), after, take);
  }

  /** A condition by its own id, whoever's chart it is on. */
  findCondition(id: string): Promise<ConditionRecord | null> {
    return this.prisma.chronicCondition.findUnique({ where: { id } });
  }
}

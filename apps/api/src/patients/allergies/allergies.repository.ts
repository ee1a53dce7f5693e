import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import { type EntryDelegate, EntryTable, entryTableShape } from '../../common/chart-entries/entry-table.js';
import { type ReadPart, rowsFromJson } from '../../common/read-parts.js';
import type { AllergyRecord } from './allergy-record.js';

/** The allergies table's one owner. */
@Injectable()
export class AllergiesRepository {
  readonly table: EntryTable<AllergyRecord>;

  constructor(
    private readonly prisma: PrismaService,
    audit: AuditTrail,
  ) {
    const delegate = (client: PrismaService | Prisma.TransactionClient) => client.allergy as unknown as EntryDelegate<AllergyRecord>;
    this.table = new EntryTable(prisma, audit, entryTableShape<AllergyRecord>('patientId', 'allergy', delegate, ['allergen', 'reaction', 'severity', 'onsetDate']));
  }

  /** The patient's allergies in the order recorded, as a part of a read composed elsewhere. */
  ofPatientPart(patientId: Prisma.Sql): ReadPart<AllergyRecord[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a."createdAt", a."id"), '[]'::jsonb) FROM "allergies" a WHERE a."patientId" = ${patientId})`,
      read: (json) => rowsFromJson<AllergyRecord>(json, { instants: ['createdAt'], days: ['onsetDate'] }),
    };
  }

  /** What the patient is recorded as allergic to, for the prescription check. */
  async allergensOf(patientId: string): Promise<string[]> {
    const rows = await this.prisma.allergy.findMany({ where: { patientId }, select: { allergen: true }, orderBy: { createdAt: 'asc' } });
    return rows.map((row) => row.allergen);
  }
}

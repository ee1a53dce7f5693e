import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import { type EntryDelegate, EntryTable, entryTableShape } from '../../common/chart-entries/entry-table.js';
import type { InstantKey } from '../../common/cursors.js';
import { type ListingParts, listingParts, type ReadPart, rowFromJson, rowsFromJson, utcTimestamp } from '../../common/read-parts.js';
import type { AllergyRecord } from './allergy-record.js';

const FROM_JSON = { instants: ['createdAt'], days: ['onsetDate'] };

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
      read: (json) => rowsFromJson<AllergyRecord>(json, FROM_JSON),
    };
  }

  /** The patient's allergies, one page in (createdAt, id) order and how many in all, as parts of a read composed elsewhere. */
  ofPatientListingParts(patientId: Prisma.Sql, after: InstantKey | undefined, take: number): ListingParts<AllergyRecord> {
    return listingParts({
      from: Prisma.sql`"allergies" a`,
      where: [Prisma.sql`a."patientId" = ${patientId}`],
      orderBy: [Prisma.sql`a."createdAt"`, Prisma.sql`a."id"`],
      after: after && [utcTimestamp(after[0]), Prisma.sql`${after[1]}::uuid`],
      take,
      row: Prisma.sql`to_jsonb(a)`,
      read: (json) => rowFromJson<AllergyRecord>(json, FROM_JSON),
    });
  }

  /** An allergy by its own id, whoever's chart it is on. */
  findAllergy(id: string): Promise<AllergyRecord | null> {
    return this.prisma.allergy.findUnique({ where: { id } });
  }

  /** What the patient is recorded as allergic to, for the prescription check. */
  async allergensOf(patientId: string): Promise<string[]> {
    const rows = await this.prisma.allergy.findMany({ where: { patientId }, select: { allergen: true }, orderBy: { createdAt: 'asc' } });
    return rows.map((row) => row.allergen);
  }
}

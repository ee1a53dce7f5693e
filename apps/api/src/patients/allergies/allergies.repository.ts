import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import { entriesListingParts, entriesPart, type EntrySelection } from '../../common/chart-entries/entry-parts.js';
import { type EntryDelegate, EntryTable, entryTableShape } from '../../common/chart-entries/entry-table.js';
import type { InstantKey } from '../../common/cursors.js';
import type { ListingParts, ReadPart } from '../../common/read-parts.js';
import type { AllergyRecord } from './allergy-record.js';

/** The patient's allergies, for the shared entry reads (common/chart-entries/entry-parts.ts). */
const ofPatient = (patientId: Prisma.Sql): EntrySelection => ({
  table: 'allergies',
  where: [Prisma.sql`e."patientId" = ${patientId}`],
  fromJson: { instants: ['createdAt'], days: ['onsetDate'] },
});

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
    return entriesPart(ofPatient(patientId));
  }

  /** The patient's allergies, one page in (createdAt, id) order and how many in all, as parts of a read composed elsewhere. */
  ofPatientListingParts(patientId: Prisma.Sql, after: InstantKey | undefined, take: number): ListingParts<AllergyRecord> {
    return entriesListingParts(ofPatient(patientId), after, take);
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

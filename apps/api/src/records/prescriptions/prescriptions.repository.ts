import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import { type EntryDelegate, EntryTable } from '../../common/chart-entries/entry-table.js';
import type { InstantKey } from '../../common/cursors.js';
import { type IdsPart, isOneOfIds, type ListingParts, listingParts, type ReadPart, rowFromJson, rowsFromJson, utcTimestamp } from '../../common/read-parts.js';
import { noteEntryShape } from '../note-entries.js';
import { acceptedOnly, awaitingReviewPart } from '../review/review-status.js';
import type { PrescriptionRow } from './prescription-row.js';

const COLUMNS = ['medicationName', 'strength', 'dosage', 'frequency', 'duration', 'quantity', 'refills', 'instructions', 'indication', 'overrideReason', 'reviewStatus'] as const;

/** The prescriptions table's one owner. Its events hold ids only: never the medication, the instructions or an override's reason. */
@Injectable()
export class PrescriptionsRepository {
  readonly table: EntryTable<PrescriptionRow>;

  constructor(
    private readonly prisma: PrismaService,
    audit: AuditTrail,
  ) {
    const delegate = (client: PrismaService | Prisma.TransactionClient) => client.prescription as unknown as EntryDelegate<PrescriptionRow>;
    this.table = new EntryTable(prisma, audit, noteEntryShape<PrescriptionRow>('prescription', delegate, COLUMNS));
  }

  /**
   * The patient's accepted prescriptions written since `since`, newest first, as a part of a read
   * composed elsewhere: the end of the patient's run of prescriptions_patientId_createdAt_id_idx
   * (the patient on the row is kept by a trigger, migration 20261202115000), whatever the length
   * of the history.
   */
  writtenSinceForPatientPart(patientId: Prisma.Sql, since: Date): ReadPart<PrescriptionRow[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p."createdAt" DESC, p."id" DESC), '[]'::jsonb)
        FROM "prescriptions" p WHERE p."patientId" = ${patientId} AND ${acceptedOnly('p')}
          AND p."createdAt" >= ${utcTimestamp(since)})`,
      read: (json) => rowsFromJson<PrescriptionRow>(json, { instants: ['createdAt'] }),
    };
  }

  /** Every accepted prescription of these records, as a part of a read composed elsewhere. */
  ofRecordsPart(recordIds: IdsPart): ReadPart<PrescriptionRow[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p."createdAt", p."id"), '[]'::jsonb) FROM "prescriptions" p
        WHERE ${isOneOfIds(Prisma.sql`p."medicalRecordId"`, recordIds)} AND ${acceptedOnly('p')})`,
      read: (json) => rowsFromJson<PrescriptionRow>(json, { instants: ['createdAt'] }),
    };
  }

  /** The accepted prescriptions of these records, one page in (createdAt, id) order and how many in all, as parts of a read composed elsewhere. */
  ofRecordsListingParts(recordIds: IdsPart, after: InstantKey | undefined, take: number): ListingParts<PrescriptionRow> {
    return listingParts({
      from: Prisma.sql`"prescriptions" p`,
      where: [isOneOfIds(Prisma.sql`p."medicalRecordId"`, recordIds), acceptedOnly('p')],
      orderBy: [Prisma.sql`p."createdAt"`, Prisma.sql`p."id"`],
      after: after && [utcTimestamp(after[0]), Prisma.sql`${after[1]}::uuid`],
      take,
      row: Prisma.sql`to_jsonb(p)`,
      read: (json) => rowFromJson<PrescriptionRow>(json, { instants: ['createdAt'] }),
    });
  }

  /** An accepted prescription by its own id, whichever record it belongs to. */
  findPrescription(id: string): Promise<PrescriptionRow | null> {
    return this.prisma.prescription.findUnique({ where: { id, reviewStatus: 'accepted' } });
  }

  /** How many of a record's prescriptions await review, as a part of a statement composed elsewhere (the signing). */
  awaitingReviewPart(recordId: string): ReadPart<number> {
    return awaitingReviewPart(Prisma.sql`"prescriptions"`, recordId);
  }
}

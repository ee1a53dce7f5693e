import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import { type EntryDelegate, EntryTable } from '../../common/chart-entries/entry-table.js';
import { type IdsPart, type ReadPart, rowsFromJson } from '../../common/read-parts.js';
import { noteEntryShape } from '../note-entries.js';
import type { PrescriptionRow } from './prescription-row.js';

const COLUMNS = ['medicationName', 'strength', 'dosage', 'frequency', 'duration', 'quantity', 'refills', 'instructions', 'indication', 'overrideReason'] as const;

/** The prescriptions table's one owner. Its events hold ids only: never the medication, the instructions or an override's reason. */
@Injectable()
export class PrescriptionsRepository {
  readonly table: EntryTable<PrescriptionRow>;

  constructor(prisma: PrismaService, audit: AuditTrail) {
    const delegate = (client: PrismaService | Prisma.TransactionClient) => client.prescription as unknown as EntryDelegate<PrescriptionRow>;
    this.table = new EntryTable(prisma, audit, noteEntryShape<PrescriptionRow>('prescription', delegate, COLUMNS));
  }

  /** The prescriptions of these records written since `since`, newest first, as a part of a read composed elsewhere. */
  writtenSincePart(recordIds: IdsPart, since: Date): ReadPart<PrescriptionRow[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p."createdAt" DESC, p."id" DESC), '[]'::jsonb)
        FROM "prescriptions" p WHERE p."medicalRecordId" IN (${recordIds}) AND p."createdAt" >= (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC'))`,
      read: (json) => rowsFromJson<PrescriptionRow>(json, { instants: ['createdAt'] }),
    };
  }
}

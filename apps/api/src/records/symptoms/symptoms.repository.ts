import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import { type EntryDelegate, EntryTable } from '../../common/chart-entries/entry-table.js';
import { type IdsPart, isOneOfIds, type ReadPart, rowsFromJson } from '../../common/read-parts.js';
import { noteEntryShape } from '../note-entries.js';
import { acceptedOnly, awaitingReviewPart } from '../review/review-status.js';
import type { SymptomRow } from './symptom-row.js';

/** The symptoms table's one owner. */
@Injectable()
export class SymptomsRepository {
  readonly table: EntryTable<SymptomRow>;

  constructor(
    private readonly prisma: PrismaService,
    audit: AuditTrail,
  ) {
    const delegate = (client: PrismaService | Prisma.TransactionClient) => client.symptom as unknown as EntryDelegate<SymptomRow>;
    this.table = new EntryTable(prisma, audit, noteEntryShape<SymptomRow>('symptom', delegate, ['symptomName', 'bodySite', 'severity', 'duration', 'notes', 'reviewStatus']));
  }

  /** The accepted symptoms of these records, each record's in the order recorded, as a part of a read composed elsewhere. */
  ofRecordsPart(recordIds: IdsPart): ReadPart<SymptomRow[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s."medicalRecordId", s."createdAt", s."id"), '[]'::jsonb) FROM "symptoms" s
        WHERE ${isOneOfIds(Prisma.sql`s."medicalRecordId"`, recordIds)} AND ${acceptedOnly('s')})`,
      read: (json) => rowsFromJson<SymptomRow>(json, { instants: ['createdAt'] }),
    };
  }

  /** A record's accepted symptoms in the order recorded. */
  symptomsOfRecord(recordId: string): Promise<SymptomRow[]> {
    return this.prisma.symptom.findMany({ where: { medicalRecordId: recordId, reviewStatus: 'accepted' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** How many of a record's symptoms await review, as a part of a statement composed elsewhere (the signing). */
  awaitingReviewPart(recordId: string): ReadPart<number> {
    return awaitingReviewPart(Prisma.sql`"symptoms"`, recordId);
  }
}

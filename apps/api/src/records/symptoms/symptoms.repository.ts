import { Injectable } from '@nestjs/common';
import { type Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import { type EntryDelegate, EntryTable } from '../../common/chart-entries/entry-table.js';
import { noteEntryShape } from '../note-entries.js';
import type { SymptomRow } from './symptom-row.js';

/** The symptoms table's one owner. */
@Injectable()
export class SymptomsRepository {
  readonly table: EntryTable<SymptomRow>;

  constructor(prisma: PrismaService, audit: AuditTrail) {
    const delegate = (client: PrismaService | Prisma.TransactionClient) => client.symptom as unknown as EntryDelegate<SymptomRow>;
    this.table = new EntryTable(prisma, audit, noteEntryShape<SymptomRow>('symptom', delegate, ['symptomName', 'bodySite', 'severity', 'duration', 'notes']));
  }
}

import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail.js';
import type { EntryAttempt, EntryParent, EntryParents } from '../common/chart-entries/chart-entries.js';
import type { RecordOwner } from './medical-record.js';
import { assertDraft, MedicalRecordNotFound } from './records.errors.js';
import { MEDICAL_RECORD } from './records.repository.js';
import { RecordsService } from './records.service.js';

export type RecordNote = RecordOwner & EntryParent;

/**
 * The medical record in a /records/:recordId/… path, as the parent of its symptoms and
 * prescriptions (ChartEntries): they change only while the record is a draft (409 once signed).
 * A record id that is nobody's is recorded as a failed attempt on that record.
 */
@Injectable()
export class RecordNotes implements EntryParents<RecordNote> {
  constructor(
    private readonly records: RecordsService,
    private readonly audit: AuditTrail,
  ) {}

  find(recordId: string): Promise<RecordNote | null> {
    return this.records.findRecordOwner(recordId);
  }

  async recordMissing(recordId: string, attempt: EntryAttempt): Promise<void> {
    await this.audit.record({ action: attempt.action, resourceType: MEDICAL_RECORD, resourceId: recordId, outcome: 'failed' });
  }

  notFound(): MedicalRecordNotFound {
    return new MedicalRecordNotFound();
  }

  assertWritable(record: RecordNote): void {
    assertDraft(record);
  }

  /** A record's lists are recorded under the record. */
  listResourceId(record: RecordNote): string {
    return record.id;
  }

  async patientOf(recordId: string): Promise<string | null> {
    return (await this.records.findRecordOwner(recordId))?.patientId ?? null;
  }
}

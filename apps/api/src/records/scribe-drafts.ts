import { Injectable } from '@nestjs/common';
import type { Extraction } from '@clinic/scribe';
import type { AuditTransaction } from '../audit/audit.repository.js';
import { PrescriptionsRepository } from './prescriptions/prescriptions.repository.js';
import { RecordsRepository, type ScribeDraft } from './records.repository.js';
import { SymptomsRepository } from './symptoms/symptoms.repository.js';

/**
 * What the AI scribe writes into a visit's note: the draft record and the extracted symptoms and
 * prescriptions, each through the repository that owns its table, all within the one transaction
 * the scribe job hands over (which also marks the job ready). Every item is marked as extracted,
 * and pending review; the events name ids only, never what was said.
 */
@Injectable()
export class ScribeDrafts {
  constructor(
    private readonly records: RecordsRepository,
    private readonly symptoms: SymptomsRepository,
    private readonly prescriptions: PrescriptionsRepository,
  ) {}

  /** The record's id. Throws RecordSigned when the record was signed before the draft was ready. */
  async writeWithin(tx: AuditTransaction, visit: { id: string; patientId: string }, extraction: Extraction, source: Omit<ScribeDraft, 'note'>): Promise<string> {
    const record = await this.records.writeScribeDraftWithin(tx, visit, { note: extraction.note, ...source });
    const change = { patientId: visit.patientId };
    // Pending until a clinician accepts or rejects each (items people type are accepted from the start).
    const extracted = { medicalRecordId: record.id, isAIExtracted: true, reviewStatus: 'pending' };
    for (const symptom of extraction.symptoms) await this.symptoms.table.createWithin(tx, { ...symptom, ...extracted }, change);
    for (const prescription of extraction.prescriptions) await this.prescriptions.table.createWithin(tx, { ...prescription, ...extracted }, change);
    return record.id;
  }
}

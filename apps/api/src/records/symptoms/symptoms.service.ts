import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../audit/audit-trail.js';
import type { AuditEntry } from '../../audit/audit-event.js';
import { assertFresh } from '../../common/etag.js';
import { type Page, type PageQueryDto, toPage } from '../../common/pagination.js';
import { sentFields } from '../../patients/chart-fields.js';
import { entryKeyAfter, entryKeyOf } from '../../patients/cursors.js';
import type { RecordOwner } from '../medical-record.js';
import { assertDraft } from '../records.errors.js';
import { RecordsService } from '../records.service.js';
import { type SymptomDto, toSymptomDto } from './dto/symptom.dto.js';
import type { CreateSymptomDto, UpdateSymptomDto } from './dto/write-symptom.dto.js';
import type { SymptomRow } from './symptom-row.js';
import { SymptomNotFound } from './symptoms.errors.js';
import { SYMPTOM, SymptomsRepository } from './symptoms.repository.js';

@Injectable()
export class SymptomsService {
  constructor(
    private readonly records: RecordsService,
    private readonly symptoms: SymptomsRepository,
    private readonly audit: AuditTrail,
  ) {}

  async listSymptoms(recordId: string, page: PageQueryDto): Promise<Page<SymptomDto>> {
    const record = await this.records.findRecordOwnerOrFail(recordId, 'read');
    const rows = await this.symptoms.listSymptoms(recordId, entryKeyAfter(page.cursor), page.limit + 1);
    const result = toPage(rows, page.limit, entryKeyOf, toSymptomDto);
    // A list under one record: one read event naming the record, and its patient when shown anything.
    await this.audit.record({
      action: 'read',
      resourceType: 'record_symptoms',
      resourceId: record.id,
      patientId: record.patientId,
      patientIds: result.data.length > 0 ? [record.patientId] : [],
    });
    return result;
  }

  async recordSymptom(recordId: string, symptom: CreateSymptomDto): Promise<SymptomDto> {
    const record = await this.records.findDraftOrFail(recordId, 'create');
    const created = await this.symptoms.createSymptom({
      medicalRecordId: record.id,
      symptomName: symptom.symptomName,
      bodySite: symptom.bodySite ?? null,
      severity: symptom.severity ?? null,
      duration: symptom.duration ?? null,
      notes: symptom.notes ?? null,
    });
    return toSymptomDto(created);
  }

  async correctSymptom(recordId: string, symptomId: string, update: UpdateSymptomDto, ifMatch: string | undefined): Promise<SymptomDto> {
    const record = await this.records.findRecordOwnerOrFail(recordId, 'update');
    const current = await this.findSymptomOrFail(record, symptomId, 'update');
    assertDraft(record);
    assertFresh(ifMatch, toSymptomDto(current));
    const changes = sentFields(update);
    if (Object.keys(changes).length === 0) {
      // Nothing changes, but the caller is shown the symptom: that is a read.
      await this.audit.record({ action: 'read', resourceType: SYMPTOM, resourceId: current.id, patientId: record.patientId });
      return toSymptomDto(current);
    }
    return toSymptomDto(await this.symptoms.updateSymptom(recordId, symptomId, changes));
  }

  /** A removal is recorded as `archive` (see SymptomsRepository.deleteSymptom). */
  async removeSymptom(recordId: string, symptomId: string): Promise<void> {
    const record = await this.records.findRecordOwnerOrFail(recordId, 'archive');
    await this.findSymptomOrFail(record, symptomId, 'archive');
    assertDraft(record);
    if (!(await this.symptoms.deleteSymptom(recordId, symptomId))) await this.refuseMissing(record, symptomId, 'archive');
  }

  private async findSymptomOrFail(record: RecordOwner, symptomId: string, action: AuditEntry['action']): Promise<SymptomRow> {
    const symptom = await this.symptoms.findSymptom(record.id, symptomId);
    if (!symptom) return this.refuseMissing(record, symptomId, action);
    return symptom;
  }

  /**
   * 404 for a symptom that is not on this record. When it exists under another record (an id
   * tried through the wrong record's path) the attempt is recorded as denied, under the patient
   * the symptom belongs to; when it exists nowhere, as failed, under the path record's patient.
   */
  private async refuseMissing(record: RecordOwner, symptomId: string, action: AuditEntry['action']): Promise<never> {
    const elsewhere = await this.symptoms.findSymptomAnywhere(symptomId);
    await this.audit.record({
      action,
      resourceType: SYMPTOM,
      resourceId: symptomId,
      patientId: elsewhere?.patientId ?? record.patientId,
      outcome: elsewhere ? 'denied' : 'failed',
    });
    throw new SymptomNotFound();
  }
}

import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../audit/audit-trail.js';
import type { AuditEntry } from '../../audit/audit-event.js';
import { assertFresh } from '../../common/etag.js';
import { type Page, type PageQueryDto, toPage } from '../../common/pagination.js';
import { sentFields } from '../../patients/chart-fields.js';
import { entryKeyAfter, entryKeyOf } from '../../patients/cursors.js';
import type { RecordOwner } from '../medical-record.js';
import { AllergyConflict, assertDraft } from '../records.errors.js';
import { RecordsService } from '../records.service.js';
import { findAllergyConflict } from './allergy-match.js';
import { type PrescriptionDto, toPrescriptionDto } from './dto/prescription.dto.js';
import type { CreatePrescriptionDto, UpdatePrescriptionDto } from './dto/write-prescription.dto.js';
import type { PrescriptionRow } from './prescription-row.js';
import { PrescriptionNotFound } from './prescriptions.errors.js';
import { PRESCRIPTION, PrescriptionsRepository } from './prescriptions.repository.js';

@Injectable()
export class PrescriptionsService {
  constructor(
    private readonly records: RecordsService,
    private readonly prescriptions: PrescriptionsRepository,
    private readonly audit: AuditTrail,
  ) {}

  async listPrescriptions(recordId: string, page: PageQueryDto): Promise<Page<PrescriptionDto>> {
    const record = await this.records.findRecordOwnerOrFail(recordId, 'read');
    const rows = await this.prescriptions.listPrescriptions(recordId, entryKeyAfter(page.cursor), page.limit + 1);
    const result = toPage(rows, page.limit, entryKeyOf, toPrescriptionDto);
    // A list under one record: one read event naming the record, and its patient when shown anything.
    await this.audit.record({
      action: 'read',
      resourceType: 'record_prescriptions',
      resourceId: record.id,
      patientId: record.patientId,
      patientIds: result.data.length > 0 ? [record.patientId] : [],
    });
    return result;
  }

  async prescribe(recordId: string, prescription: CreatePrescriptionDto): Promise<PrescriptionDto> {
    // An allergy conflict without overrideReason (409) records nothing: nothing was written.
    const record = await this.records.findDraftOrFail(recordId, 'create');
    const overrideReason = prescription.overrideReason ?? null;
    await this.assertNoAllergyConflict(record.patientId, prescription.medicationName, overrideReason);
    const created = await this.prescriptions.createPrescription({
      medicalRecordId: record.id,
      medicationName: prescription.medicationName,
      strength: prescription.strength,
      dosage: prescription.dosage,
      frequency: prescription.frequency,
      duration: prescription.duration ?? null,
      quantity: prescription.quantity ?? null,
      refills: prescription.refills ?? 0,
      instructions: prescription.instructions,
      indication: prescription.indication ?? null,
      overrideReason,
    });
    return toPrescriptionDto(created);
  }

  async correctPrescription(recordId: string, prescriptionId: string, update: UpdatePrescriptionDto, ifMatch: string | undefined): Promise<PrescriptionDto> {
    const record = await this.records.findRecordOwnerOrFail(recordId, 'update');
    const current = await this.findPrescriptionOrFail(record, prescriptionId, 'update');
    assertDraft(record);
    assertFresh(ifMatch, toPrescriptionDto(current));
    const changes = sentFields(update);
    if (Object.keys(changes).length === 0) {
      // Nothing changes, but the caller is shown the prescription: that is a read.
      await this.audit.record({ action: 'read', resourceType: PRESCRIPTION, resourceId: current.id, patientId: record.patientId });
      return toPrescriptionDto(current);
    }
    // The prescription as it would be: a new medication, or a cleared override, is checked again.
    const overrideReason = changes.overrideReason === undefined ? current.overrideReason : changes.overrideReason;
    await this.assertNoAllergyConflict(record.patientId, changes.medicationName ?? current.medicationName, overrideReason);
    return toPrescriptionDto(await this.prescriptions.updatePrescription(recordId, prescriptionId, changes));
  }

  /** A removal is recorded as `archive` (see PrescriptionsRepository.deletePrescription). */
  async removePrescription(recordId: string, prescriptionId: string): Promise<void> {
    const record = await this.records.findRecordOwnerOrFail(recordId, 'archive');
    await this.findPrescriptionOrFail(record, prescriptionId, 'archive');
    assertDraft(record);
    if (!(await this.prescriptions.deletePrescription(recordId, prescriptionId))) await this.refuseMissing(record, prescriptionId, 'archive');
  }

  /** A medication matching a recorded allergy needs a stated reason (409 without one). */
  private async assertNoAllergyConflict(patientId: string, medicationName: string, overrideReason: string | null): Promise<void> {
    if (overrideReason !== null) return;
    const conflict = findAllergyConflict(medicationName, await this.prescriptions.allergensOf(patientId));
    if (conflict) throw new AllergyConflict(medicationName, conflict.allergen, conflict.drugClass);
  }

  private async findPrescriptionOrFail(record: RecordOwner, prescriptionId: string, action: AuditEntry['action']): Promise<PrescriptionRow> {
    const prescription = await this.prescriptions.findPrescription(record.id, prescriptionId);
    if (!prescription) return this.refuseMissing(record, prescriptionId, action);
    return prescription;
  }

  /**
   * 404 for a prescription that is not on this record. When it exists under another record (an
   * id tried through the wrong record's path) the attempt is recorded as denied, under the patient
   * the prescription belongs to; when it exists nowhere, as failed, under the path record's patient.
   */
  private async refuseMissing(record: RecordOwner, prescriptionId: string, action: AuditEntry['action']): Promise<never> {
    const elsewhere = await this.prescriptions.findPrescriptionAnywhere(prescriptionId);
    await this.audit.record({
      action,
      resourceType: PRESCRIPTION,
      resourceId: prescriptionId,
      patientId: elsewhere?.patientId ?? record.patientId,
      outcome: elsewhere ? 'denied' : 'failed',
    });
    throw new PrescriptionNotFound();
  }
}

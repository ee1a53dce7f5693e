import { Injectable } from '@nestjs/common';
import { assertFresh } from '../../common/etag.js';
import { type Page, type PageQueryDto, toPage } from '../../common/pagination.js';
import { sentFields } from '../../patients/chart-fields.js';
import { entryKeyAfter, entryKeyOf } from '../../patients/cursors.js';
import { AllergyConflict, assertDraft } from '../records.errors.js';
import { RecordsService } from '../records.service.js';
import { findAllergyConflict } from './allergy-match.js';
import { type PrescriptionDto, toPrescriptionDto } from './dto/prescription.dto.js';
import type { CreatePrescriptionDto, UpdatePrescriptionDto } from './dto/write-prescription.dto.js';
import type { PrescriptionRow } from './prescription-row.js';
import { PrescriptionNotFound } from './prescriptions.errors.js';
import { PrescriptionsRepository } from './prescriptions.repository.js';

@Injectable()
export class PrescriptionsService {
  constructor(
    private readonly records: RecordsService,
    private readonly prescriptions: PrescriptionsRepository,
  ) {}

  async listPrescriptions(recordId: string, page: PageQueryDto): Promise<Page<PrescriptionDto>> {
    await this.records.findRecordOwnerOrFail(recordId);
    const rows = await this.prescriptions.listPrescriptions(recordId, entryKeyAfter(page.cursor), page.limit + 1);
    return toPage(rows, page.limit, entryKeyOf, toPrescriptionDto);
  }

  async prescribe(recordId: string, prescription: CreatePrescriptionDto): Promise<PrescriptionDto> {
    const record = await this.records.findDraftOrFail(recordId);
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
    const record = await this.records.findRecordOwnerOrFail(recordId);
    const current = await this.findPrescriptionOrFail(recordId, prescriptionId);
    assertDraft(record);
    assertFresh(ifMatch, toPrescriptionDto(current));
    const changes = sentFields(update);
    if (Object.keys(changes).length === 0) return toPrescriptionDto(current);
    // The prescription as it would be: a new medication, or a cleared override, is checked again.
    const overrideReason = changes.overrideReason === undefined ? current.overrideReason : changes.overrideReason;
    await this.assertNoAllergyConflict(record.patientId, changes.medicationName ?? current.medicationName, overrideReason);
    return toPrescriptionDto(await this.prescriptions.updatePrescription(recordId, prescriptionId, changes));
  }

  async removePrescription(recordId: string, prescriptionId: string): Promise<void> {
    const record = await this.records.findRecordOwnerOrFail(recordId);
    await this.findPrescriptionOrFail(recordId, prescriptionId);
    assertDraft(record);
    if (!(await this.prescriptions.deletePrescription(recordId, prescriptionId))) throw new PrescriptionNotFound();
  }

  /** A medication matching a recorded allergy needs a stated reason (409 without one). */
  private async assertNoAllergyConflict(patientId: string, medicationName: string, overrideReason: string | null): Promise<void> {
    if (overrideReason !== null) return;
    const conflict = findAllergyConflict(medicationName, await this.prescriptions.allergensOf(patientId));
    if (conflict) throw new AllergyConflict(medicationName, conflict.allergen, conflict.drugClass);
  }

  private async findPrescriptionOrFail(recordId: string, prescriptionId: string): Promise<PrescriptionRow> {
    const prescription = await this.prescriptions.findPrescription(recordId, prescriptionId);
    if (!prescription) throw new PrescriptionNotFound();
    return prescription;
  }
}

import { Injectable } from '@nestjs/common';
import type { Prisma } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import { ChartEntries } from '../../common/chart-entries/chart-entries.js';
import { mixesScripts, sentFields } from '../../common/fields/text.js';
import type { Page, PageQueryDto } from '../../common/pagination.js';
import type { IdsPart, ListingParts, ReadPart } from '../../common/read-parts.js';
import type { InstantKey } from '../../common/cursors.js';
import { AllergiesService } from '../../patients/allergies/allergies.service.js';
import { type RecordNote, RecordNotes } from '../record-notes.js';
import { EntryReview } from '../review/entry-review.js';
import { PendingReviews } from '../review/pending-reviews.js';
import { SHOWN_ON_RECORD } from '../review/review-status.js';
import { AllergyConflict } from '../records.errors.js';
import { findAllergyConflict } from './allergy-match.js';
import { type PrescriptionDto, toPrescriptionDto } from './dto/prescription.dto.js';
import type { AcceptPrescriptionDto, CreatePrescriptionDto, UpdatePrescriptionDto } from './dto/write-prescription.dto.js';
import type { NewPrescription, PrescriptionChanges, PrescriptionRow } from './prescription-row.js';
import { MixedScriptMedication, PrescriptionNotFound } from './prescriptions.errors.js';
import { PrescriptionsRepository } from './prescriptions.repository.js';

/**
 * A visit note's prescriptions: the note's entries (ChartEntries), changed only while it is a
 * draft, with this feature's own rule: a medication that matches one of the patient's recorded
 * allergies needs a stated overrideReason (409 without one), checked on every write that could
 * create the conflict, accepting an AI-extracted one included. A refused write records nothing:
 * nothing was written.
 */
@Injectable()
export class PrescriptionsService {
  private readonly entries: ChartEntries<RecordNote, PrescriptionRow, PrescriptionDto>;
  private readonly review: EntryReview<PrescriptionRow, PrescriptionDto>;

  constructor(
    notes: RecordNotes,
    private readonly prescriptions: PrescriptionsRepository,
    private readonly allergies: AllergiesService,
    audit: AuditTrail,
    pending: PendingReviews,
  ) {
    this.entries = new ChartEntries(
      notes,
      { table: prescriptions.table, resourceType: 'prescription', listResourceType: 'record_prescriptions', toDto: toPrescriptionDto, notFound: () => new PrescriptionNotFound() },
      audit,
    );
    this.review = new EntryReview(this.entries, 'prescription');
    pending.register((recordId) => prescriptions.awaitingReviewPart(recordId));
  }

  /** Rejected prescriptions are kept for the audit and left out. */
  listPrescriptions(recordId: string, page: PageQueryDto): Promise<Page<PrescriptionDto>> {
    return this.entries.list(recordId, page, SHOWN_ON_RECORD);
  }

  prescribe(recordId: string, body: CreatePrescriptionDto): Promise<PrescriptionDto> {
    return this.entries.create(recordId, async (record): Promise<NewPrescription> => {
      const overrideReason = body.overrideReason ?? null;
      await this.assertNoAllergyConflict(record.patientId, body.medicationName, overrideReason);
      return {
        medicalRecordId: record.id,
        medicationName: body.medicationName,
        strength: body.strength,
        dosage: body.dosage,
        frequency: body.frequency,
        duration: body.duration ?? null,
        quantity: body.quantity ?? null,
        refills: body.refills ?? 0,
        instructions: body.instructions,
        indication: body.indication ?? null,
        overrideReason,
      };
    });
  }

  correctPrescription(recordId: string, prescriptionId: string, update: UpdatePrescriptionDto, ifMatch: string | undefined): Promise<PrescriptionDto> {
    return this.entries.correct(recordId, prescriptionId, ifMatch, async (record, current): Promise<PrescriptionChanges> => {
      this.review.assertCorrectable(current);
      const changes = sentFields(update);
      if (Object.keys(changes).length === 0) return changes;
      // The prescription as it would be: a new medication, or a cleared override, is checked again.
      const overrideReason = changes.overrideReason === undefined ? current.overrideReason : changes.overrideReason;
      await this.assertNoAllergyConflict(record.patientId, changes.medicationName ?? current.medicationName, overrideReason);
      return changes;
    });
  }

  removePrescription(recordId: string, prescriptionId: string): Promise<void> {
    return this.entries.remove(recordId, prescriptionId, (current) => this.review.assertRemovable(current));
  }

  /**
   * Accepts an AI-extracted prescription into the chart, after the same allergy check as writing
   * one (409 on a conflict unless overrideReason says why; the reason is kept, as on a write). A
   * reason sent without a conflict is kept too, as prescribing with one does.
   */
  acceptPrescription(recordId: string, prescriptionId: string, body: AcceptPrescriptionDto): Promise<PrescriptionDto> {
    return this.review.accept(recordId, prescriptionId, async (record, current): Promise<PrescriptionChanges> => {
      if (mixesScripts(current.medicationName)) throw new MixedScriptMedication();
      const overrideReason = body.overrideReason ?? current.overrideReason;
      await this.assertNoAllergyConflict(record.patientId, current.medicationName, overrideReason);
      return overrideReason === current.overrideReason ? {} : { overrideReason };
    });
  }

  rejectPrescription(recordId: string, prescriptionId: string): Promise<PrescriptionDto> {
    return this.review.reject(recordId, prescriptionId);
  }

  /** The patient's prescriptions written since `since`, as a part of a read composed elsewhere (the chart). */
  writtenSinceForPatientPart(patientId: Prisma.Sql, since: Date): ReadPart<PrescriptionRow[]> {
    return this.prescriptions.writtenSinceForPatientPart(patientId, since);
  }

  /** Every prescription of these records, as a part of a read composed elsewhere (FHIR's $everything). */
  ofRecordsPart(recordIds: IdsPart): ReadPart<PrescriptionRow[]> {
    return this.prescriptions.ofRecordsPart(recordIds);
  }

  /** The prescriptions of these records, one page and how many in all, as parts of a read composed elsewhere (FHIR's MedicationRequest search). */
  ofRecordsListingParts(recordIds: IdsPart, after: InstantKey | undefined, take: number): ListingParts<PrescriptionRow> {
    return this.prescriptions.ofRecordsListingParts(recordIds, after, take);
  }

  /** Unaudited: a prescription by its own id, for callers that record their own events (FHIR's read). */
  findPrescription(id: string): Promise<PrescriptionRow | null> {
    return this.prescriptions.findPrescription(id);
  }

  private async assertNoAllergyConflict(patientId: string, medicationName: string, overrideReason: string | null): Promise<void> {
    if (overrideReason !== null) return;
    const conflict = findAllergyConflict(medicationName, await this.allergies.allergensOf(patientId));
    if (conflict) throw new AllergyConflict(medicationName, conflict.allergen, conflict.drugClass);
  }
}

import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';
import { AuditTrail } from '../audit/audit-trail.js';
import type { AuditTransaction } from '../audit/audit.repository.js';
import type { AmendmentRow, MedicalRecordWithAmendments, RecordNotes, RecordOwner, VisitRow } from './medical-record.js';

const WITH_AMENDMENTS = { amendments: { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] } };

/** The audit trail's name for a visit note. */
export const MEDICAL_RECORD = 'medical_record';

/**
 * The patient a record belongs to, through its appointment, read inside a write's transaction
 * (symptoms and prescriptions record it with their events).
 */
export async function patientOfRecord(tx: AuditTransaction, medicalRecordId: string): Promise<string | null> {
  const row = await tx.medicalRecord.findUnique({ where: { id: medicalRecordId }, select: { appointment: { select: { patientId: true } } } });
  return row?.appointment.patientId ?? null;
}

@Injectable()
export class RecordsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  findVisit(appointmentId: string): Promise<VisitRow | null> {
    return this.prisma.appointment.findUnique({
      where: { id: appointmentId },
      select: { id: true, patientId: true, providerId: true, status: true },
    });
  }

  findRecordOfVisit(appointmentId: string): Promise<MedicalRecordWithAmendments | null> {
    return this.prisma.medicalRecord.findUnique({ where: { appointmentId }, include: WITH_AMENDMENTS });
  }

  /** A record by id with the patient it belongs to (symptoms and prescriptions start from it). */
  async findRecordOwner(recordId: string): Promise<RecordOwner | null> {
    const row = await this.prisma.medicalRecord.findUnique({
      where: { id: recordId },
      select: { id: true, isDraft: true, signedAt: true, appointment: { select: { patientId: true } } },
    });
    return row && { id: row.id, isDraft: row.isDraft, signedAt: row.signedAt, patientId: row.appointment.patientId };
  }

  // Every change below commits with its audit event (ids only, never the note's text), in one
  // transaction, or not at all.

  createRecord(visit: Pick<VisitRow, 'id' | 'patientId'>, notes: RecordNotes): Promise<MedicalRecordWithAmendments> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.medicalRecord.create({ data: { appointmentId: visit.id, ...notes }, include: WITH_AMENDMENTS });
      await this.audit.recordWithin(tx, { action: 'create', resourceType: MEDICAL_RECORD, resourceId: created.id, patientId: visit.patientId });
      return created;
    });
  }

  /**
   * Replaces the draft's text only if it is still the version the caller read and still a draft;
   * false when someone changed or signed it in between, and then nothing is recorded.
   */
  replaceDraft(current: { id: string; updatedAt: Date }, patientId: string, notes: RecordNotes): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.medicalRecord.updateMany({
        where: { id: current.id, updatedAt: current.updatedAt, signedAt: null },
        data: notes,
      });
      if (count !== 1) return false;
      await this.audit.recordWithin(tx, { action: 'update', resourceType: MEDICAL_RECORD, resourceId: current.id, patientId });
      return true;
    });
  }

  /** Signs the record if it is still an unsigned draft of that version; false otherwise, recording nothing. */
  signRecord(current: { id: string; updatedAt: Date }, patientId: string, signerId: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.medicalRecord.updateMany({
        where: { id: current.id, updatedAt: current.updatedAt, signedAt: null },
        data: { isDraft: false, signedAt: new Date(), signedById: signerId },
      });
      if (count !== 1) return false;
      await this.audit.recordWithin(tx, { action: 'sign', resourceType: MEDICAL_RECORD, resourceId: current.id, patientId });
      return true;
    });
  }

  /** The event names the amended record (the amendment is reached through it), never the reason or text. */
  addAmendment(medicalRecordId: string, patientId: string, authorId: string, amendment: { reason: string; text: string }): Promise<AmendmentRow> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.recordAmendment.create({ data: { medicalRecordId, authorId, ...amendment } });
      await this.audit.recordWithin(tx, { action: 'amend', resourceType: MEDICAL_RECORD, resourceId: medicalRecordId, patientId });
      return created;
    });
  }
}

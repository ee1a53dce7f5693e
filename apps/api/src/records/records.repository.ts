import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';
import type { AmendmentRow, MedicalRecordWithAmendments, RecordNotes, RecordOwner, VisitRow } from './medical-record.js';

const WITH_AMENDMENTS = { amendments: { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] } };

@Injectable()
export class RecordsRepository {
  constructor(private readonly prisma: PrismaService) {}

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

  createRecord(appointmentId: string, notes: RecordNotes): Promise<MedicalRecordWithAmendments> {
    return this.prisma.medicalRecord.create({ data: { appointmentId, ...notes }, include: WITH_AMENDMENTS });
  }

  /**
   * Replaces the draft's text only if it is still the version the caller read and still a draft;
   * false when someone changed or signed it in between.
   */
  async replaceDraft(current: { id: string; updatedAt: Date }, notes: RecordNotes): Promise<boolean> {
    const { count } = await this.prisma.medicalRecord.updateMany({
      where: { id: current.id, updatedAt: current.updatedAt, signedAt: null },
      data: notes,
    });
    return count === 1;
  }

  /** Signs the record if it is still an unsigned draft of that version; false otherwise. */
  async signRecord(current: { id: string; updatedAt: Date }, signerId: string): Promise<boolean> {
    const { count } = await this.prisma.medicalRecord.updateMany({
      where: { id: current.id, updatedAt: current.updatedAt, signedAt: null },
      data: { isDraft: false, signedAt: new Date(), signedById: signerId },
    });
    return count === 1;
  }

  addAmendment(medicalRecordId: string, authorId: string, amendment: { reason: string; text: string }): Promise<AmendmentRow> {
    return this.prisma.recordAmendment.create({ data: { medicalRecordId, authorId, ...amendment } });
  }
}

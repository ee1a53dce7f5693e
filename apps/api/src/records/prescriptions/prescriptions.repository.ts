import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import type { EntryKey } from '../../patients/cursors.js';
import { patientOfRecord } from '../records.repository.js';
import { unlessSigned } from '../signed-record-guard.js';
import type { NewPrescription, PrescriptionChanges, PrescriptionRow } from './prescription-row.js';

/** The audit trail's name for a prescription of a visit note. */
export const PRESCRIPTION = 'prescription';

@Injectable()
export class PrescriptionsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  listPrescriptions(medicalRecordId: string, after: EntryKey | undefined, take: number): Promise<PrescriptionRow[]> {
    const afterKey: Prisma.PrescriptionWhereInput = after
      ? { OR: [{ createdAt: { gt: after[0] } }, { createdAt: after[0], id: { gt: after[1] } }] }
      : {};
    return this.prisma.prescription.findMany({ where: { medicalRecordId, ...afterKey }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take });
  }

  /** Only through its own record: a prescription of another record is not found. */
  findPrescription(medicalRecordId: string, id: string): Promise<PrescriptionRow | null> {
    return this.prisma.prescription.findFirst({ where: { id, medicalRecordId } });
  }

  /** Whether a prescription with this id exists under any record, and whose patient it is: for the trail of a 404. */
  async findPrescriptionAnywhere(id: string): Promise<{ patientId: string } | null> {
    const row = await this.prisma.prescription.findUnique({ where: { id }, select: { medicalRecord: { select: { appointment: { select: { patientId: true } } } } } });
    return row && { patientId: row.medicalRecord.appointment.patientId };
  }

  /** What the patient is recorded as allergic to. */
  async allergensOf(patientId: string): Promise<string[]> {
    const rows = await this.prisma.allergy.findMany({ where: { patientId }, select: { allergen: true }, orderBy: { createdAt: 'asc' } });
    return rows.map((row) => row.allergen);
  }

  // Every change below commits with its audit event (ids only: never the medication, the
  // instructions or an override's reason), in one transaction, or not at all: when the database
  // refuses a write under a signed record the event rolls back with it.

  createPrescription(prescription: NewPrescription): Promise<PrescriptionRow> {
    return unlessSigned(() =>
      this.prisma.$transaction(async (tx) => {
        const created = await tx.prescription.create({ data: prescription });
        const patientId = await patientOfRecord(tx, prescription.medicalRecordId);
        await this.audit.recordWithin(tx, { action: 'create', resourceType: PRESCRIPTION, resourceId: created.id, patientId });
        return created;
      }),
    );
  }

  updatePrescription(medicalRecordId: string, id: string, changes: PrescriptionChanges): Promise<PrescriptionRow> {
    return unlessSigned(() =>
      this.prisma.$transaction(async (tx) => {
        const updated = await tx.prescription.update({ where: { id, medicalRecordId }, data: changes });
        const patientId = await patientOfRecord(tx, medicalRecordId);
        await this.audit.recordWithin(tx, { action: 'update', resourceType: PRESCRIPTION, resourceId: id, patientId });
        return updated;
      }),
    );
  }

  /**
   * Removes the prescription; false (and nothing recorded) when it was already gone. The trail's
   * actions have no `delete`: a removal is recorded as `archive`, the action that takes an entry
   * out of a chart (`update` would read as an edit of a prescription that is still there).
   */
  deletePrescription(medicalRecordId: string, id: string): Promise<boolean> {
    return unlessSigned(() =>
      this.prisma.$transaction(async (tx) => {
        const { count } = await tx.prescription.deleteMany({ where: { id, medicalRecordId } });
        if (count === 0) return false;
        const patientId = await patientOfRecord(tx, medicalRecordId);
        await this.audit.recordWithin(tx, { action: 'archive', resourceType: PRESCRIPTION, resourceId: id, patientId });
        return true;
      }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import type { EntryKey } from '../../patients/cursors.js';
import { patientOfRecord } from '../records.repository.js';
import { unlessSigned } from '../signed-record-guard.js';
import type { NewSymptom, SymptomChanges, SymptomRow } from './symptom-row.js';

/** The audit trail's name for a symptom of a visit note. */
export const SYMPTOM = 'symptom';

@Injectable()
export class SymptomsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  listSymptoms(medicalRecordId: string, after: EntryKey | undefined, take: number): Promise<SymptomRow[]> {
    const afterKey: Prisma.SymptomWhereInput = after
      ? { OR: [{ createdAt: { gt: after[0] } }, { createdAt: after[0], id: { gt: after[1] } }] }
      : {};
    return this.prisma.symptom.findMany({ where: { medicalRecordId, ...afterKey }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take });
  }

  /** Only through its own record: a symptom of another record is not found. */
  findSymptom(medicalRecordId: string, id: string): Promise<SymptomRow | null> {
    return this.prisma.symptom.findFirst({ where: { id, medicalRecordId } });
  }

  /** Whether a symptom with this id exists under any record, and whose patient it is: for the trail of a 404. */
  async findSymptomAnywhere(id: string): Promise<{ patientId: string } | null> {
    const row = await this.prisma.symptom.findUnique({ where: { id }, select: { medicalRecord: { select: { appointment: { select: { patientId: true } } } } } });
    return row && { patientId: row.medicalRecord.appointment.patientId };
  }

  // Every change below commits with its audit event (ids only), in one transaction, or not at
  // all: when the database refuses a write under a signed record the event rolls back with it.

  createSymptom(symptom: NewSymptom): Promise<SymptomRow> {
    return unlessSigned(() =>
      this.prisma.$transaction(async (tx) => {
        const created = await tx.symptom.create({ data: symptom });
        const patientId = await patientOfRecord(tx, symptom.medicalRecordId);
        await this.audit.recordWithin(tx, { action: 'create', resourceType: SYMPTOM, resourceId: created.id, patientId });
        return created;
      }),
    );
  }

  updateSymptom(medicalRecordId: string, id: string, changes: SymptomChanges): Promise<SymptomRow> {
    return unlessSigned(() =>
      this.prisma.$transaction(async (tx) => {
        const updated = await tx.symptom.update({ where: { id, medicalRecordId }, data: changes });
        const patientId = await patientOfRecord(tx, medicalRecordId);
        await this.audit.recordWithin(tx, { action: 'update', resourceType: SYMPTOM, resourceId: id, patientId });
        return updated;
      }),
    );
  }

  /**
   * Removes the symptom; false (and nothing recorded) when it was already gone. The trail's
   * actions have no `delete`: a removal is recorded as `archive`, the action that takes an entry
   * out of a chart (`update` would read as an edit of a symptom that is still there).
   */
  deleteSymptom(medicalRecordId: string, id: string): Promise<boolean> {
    return unlessSigned(() =>
      this.prisma.$transaction(async (tx) => {
        const { count } = await tx.symptom.deleteMany({ where: { id, medicalRecordId } });
        if (count === 0) return false;
        const patientId = await patientOfRecord(tx, medicalRecordId);
        await this.audit.recordWithin(tx, { action: 'archive', resourceType: SYMPTOM, resourceId: id, patientId });
        return true;
      }),
    );
  }
}

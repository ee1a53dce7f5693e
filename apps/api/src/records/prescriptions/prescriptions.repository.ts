import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import type { EntryKey } from '../../patients/cursors.js';
import { unlessSigned } from '../signed-record-guard.js';
import type { NewPrescription, PrescriptionChanges, PrescriptionRow } from './prescription-row.js';

@Injectable()
export class PrescriptionsRepository {
  constructor(private readonly prisma: PrismaService) {}

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

  /** What the patient is recorded as allergic to. */
  async allergensOf(patientId: string): Promise<string[]> {
    const rows = await this.prisma.allergy.findMany({ where: { patientId }, select: { allergen: true }, orderBy: { createdAt: 'asc' } });
    return rows.map((row) => row.allergen);
  }

  createPrescription(prescription: NewPrescription): Promise<PrescriptionRow> {
    return unlessSigned(() => this.prisma.prescription.create({ data: prescription }));
  }

  updatePrescription(medicalRecordId: string, id: string, changes: PrescriptionChanges): Promise<PrescriptionRow> {
    return unlessSigned(() => this.prisma.prescription.update({ where: { id, medicalRecordId }, data: changes }));
  }

  async deletePrescription(medicalRecordId: string, id: string): Promise<boolean> {
    const { count } = await unlessSigned(() => this.prisma.prescription.deleteMany({ where: { id, medicalRecordId } }));
    return count > 0;
  }
}

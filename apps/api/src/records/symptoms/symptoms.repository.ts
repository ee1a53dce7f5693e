import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import type { EntryKey } from '../../patients/cursors.js';
import { unlessSigned } from '../signed-record-guard.js';
import type { NewSymptom, SymptomChanges, SymptomRow } from './symptom-row.js';

@Injectable()
export class SymptomsRepository {
  constructor(private readonly prisma: PrismaService) {}

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

  createSymptom(symptom: NewSymptom): Promise<SymptomRow> {
    return unlessSigned(() => this.prisma.symptom.create({ data: symptom }));
  }

  updateSymptom(medicalRecordId: string, id: string, changes: SymptomChanges): Promise<SymptomRow> {
    return unlessSigned(() => this.prisma.symptom.update({ where: { id, medicalRecordId }, data: changes }));
  }

  async deleteSymptom(medicalRecordId: string, id: string): Promise<boolean> {
    const { count } = await unlessSigned(() => this.prisma.symptom.deleteMany({ where: { id, medicalRecordId } }));
    return count > 0;
  }
}

import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import type { EntryKey } from '../cursors.js';
import type { ConditionChanges, ConditionRecord, ConditionStatus, NewCondition } from './condition-record.js';

@Injectable()
export class ConditionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One page in the order they were recorded, plus one row that only says whether another page follows. */
  listConditions(patientId: string, status: ConditionStatus | undefined, after: EntryKey | undefined, take: number): Promise<ConditionRecord[]> {
    const afterKey: Prisma.ChronicConditionWhereInput = after
      ? { OR: [{ createdAt: { gt: after[0] } }, { createdAt: after[0], id: { gt: after[1] } }] }
      : {};
    return this.prisma.chronicCondition.findMany({
      where: { patientId, status, ...afterKey },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  /** Only through its own patient: a condition of another chart is not found. */
  findCondition(patientId: string, id: string): Promise<ConditionRecord | null> {
    return this.prisma.chronicCondition.findFirst({ where: { id, patientId } });
  }

  createCondition(condition: NewCondition): Promise<ConditionRecord> {
    return this.prisma.chronicCondition.create({ data: condition });
  }

  /**
   * Applies the changes only if the condition still reads as the caller saw it (the table keeps
   * no updatedAt, so every column is compared); null when someone changed or removed it in between.
   */
  async updateCondition(current: ConditionRecord, changes: ConditionChanges): Promise<ConditionRecord | null> {
    const { id, patientId, conditionName, diagnosisDate, status, notes } = current;
    try {
      return await this.prisma.chronicCondition.update({ where: { id, patientId, conditionName, diagnosisDate, status, notes }, data: changes });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
      throw error;
    }
  }

  /** True when the condition was on this patient's chart. */
  async deleteCondition(patientId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.chronicCondition.deleteMany({ where: { id, patientId } });
    return count > 0;
  }
}

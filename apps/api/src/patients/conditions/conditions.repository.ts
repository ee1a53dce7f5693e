import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import type { EntryKey } from '../cursors.js';
import type { ConditionChanges, ConditionRecord, ConditionStatus, NewCondition } from './condition-record.js';

@Injectable()
export class ConditionsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

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

  /**
   * The patient whose chart holds this condition, whoever that is; null when there is no such
   * condition. Only for the trail: it tells a request for another chart's condition (denied) from
   * a request for an id that is nobody's (failed). Never shown to the caller.
   */
  async findConditionOwner(id: string): Promise<string | null> {
    const condition = await this.prisma.chronicCondition.findUnique({ where: { id }, select: { patientId: true } });
    return condition?.patientId ?? null;
  }

  // Every change below commits with its audit event, in one transaction, or not at all.

  createCondition(condition: NewCondition): Promise<ConditionRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.chronicCondition.create({ data: condition });
      await this.audit.recordWithin(tx, { action: 'create', resourceType: 'chronic_condition', resourceId: created.id, patientId: created.patientId });
      return created;
    });
  }

  /**
   * Applies the changes only if the condition still reads as the caller saw it (the table keeps
   * no updatedAt, so every column is compared); null when someone changed or removed it in between,
   * and then nothing is recorded.
   */
  async updateCondition(current: ConditionRecord, changes: ConditionChanges): Promise<ConditionRecord | null> {
    const { id, patientId, conditionName, diagnosisDate, status, notes } = current;
    try {
      return await this.prisma.$transaction(async (tx) => {
        const updated = await tx.chronicCondition.update({ where: { id, patientId, conditionName, diagnosisDate, status, notes }, data: changes });
        await this.audit.recordWithin(tx, { action: 'update', resourceType: 'chronic_condition', resourceId: id, patientId });
        return updated;
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
      throw error;
    }
  }

  /**
   * True when the condition was on this patient's chart; then, and only then, the removal is
   * recorded. The trail has no `delete` action: a removal is recorded as `archive`, the action
   * that means "taken off the patient's active chart" (as for an archived patient), and not as
   * `update`, which would read as a correction of an entry that is still there (a condition
   * resolved through PATCH is an `update`). The event keeps the removed entry's id, which
   * outlives the row (the trail has no foreign keys).
   */
  deleteCondition(patientId: string, id: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.chronicCondition.deleteMany({ where: { id, patientId } });
      if (count === 0) return false;
      await this.audit.recordWithin(tx, { action: 'archive', resourceType: 'chronic_condition', resourceId: id, patientId });
      return true;
    });
  }
}

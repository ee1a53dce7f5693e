import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import type { EntryKey } from '../cursors.js';
import type { AllergyChanges, AllergyRecord, NewAllergy } from './allergy-record.js';

@Injectable()
export class AllergiesRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  /** One page in the order they were recorded, plus one row that only says whether another page follows. */
  listAllergies(patientId: string, after: EntryKey | undefined, take: number): Promise<AllergyRecord[]> {
    const afterKey: Prisma.AllergyWhereInput = after
      ? { OR: [{ createdAt: { gt: after[0] } }, { createdAt: after[0], id: { gt: after[1] } }] }
      : {};
    return this.prisma.allergy.findMany({
      where: { patientId, ...afterKey },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  /** Only through its own patient: an allergy of another chart is not found. */
  findAllergy(patientId: string, id: string): Promise<AllergyRecord | null> {
    return this.prisma.allergy.findFirst({ where: { id, patientId } });
  }

  /**
   * The patient whose chart holds this allergy, whoever that is; null when there is no such
   * allergy. Only for the trail: it tells a request for another chart's allergy (denied) from a
   * request for an id that is nobody's (failed). Never shown to the caller.
   */
  async findAllergyOwner(id: string): Promise<string | null> {
    const allergy = await this.prisma.allergy.findUnique({ where: { id }, select: { patientId: true } });
    return allergy?.patientId ?? null;
  }

  // Every change below commits with its audit event, in one transaction, or not at all.

  createAllergy(allergy: NewAllergy): Promise<AllergyRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.allergy.create({ data: allergy });
      await this.audit.recordWithin(tx, { action: 'create', resourceType: 'allergy', resourceId: created.id, patientId: created.patientId });
      return created;
    });
  }

  /**
   * Applies the changes only if the allergy still reads as the caller saw it (the table keeps no
   * updatedAt, so every column is compared); null when someone changed or removed it in between,
   * and then nothing is recorded.
   */
  async updateAllergy(current: AllergyRecord, changes: AllergyChanges): Promise<AllergyRecord | null> {
    const { id, patientId, allergen, reaction, severity, onsetDate } = current;
    try {
      return await this.prisma.$transaction(async (tx) => {
        const updated = await tx.allergy.update({ where: { id, patientId, allergen, reaction, severity, onsetDate }, data: changes });
        await this.audit.recordWithin(tx, { action: 'update', resourceType: 'allergy', resourceId: id, patientId });
        return updated;
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
      throw error;
    }
  }

  /**
   * True when the allergy was on this patient's chart; then, and only then, the removal is
   * recorded. The trail has no `delete` action: a removal is recorded as `archive`, the action
   * that means "taken off the patient's active chart" (as for an archived patient), and not as
   * `update`, which would read as a correction of an entry that is still there. The event keeps
   * the removed entry's id, which outlives the row (the trail has no foreign keys).
   */
  deleteAllergy(patientId: string, id: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.allergy.deleteMany({ where: { id, patientId } });
      if (count === 0) return false;
      await this.audit.recordWithin(tx, { action: 'archive', resourceType: 'allergy', resourceId: id, patientId });
      return true;
    });
  }
}

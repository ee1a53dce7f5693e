import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import type { EntryKey } from '../cursors.js';
import type { AllergyChanges, AllergyRecord, NewAllergy } from './allergy-record.js';

@Injectable()
export class AllergiesRepository {
  constructor(private readonly prisma: PrismaService) {}

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

  createAllergy(allergy: NewAllergy): Promise<AllergyRecord> {
    return this.prisma.allergy.create({ data: allergy });
  }

  /**
   * Applies the changes only if the allergy still reads as the caller saw it (the table keeps no
   * updatedAt, so every column is compared); null when someone changed or removed it in between.
   */
  async updateAllergy(current: AllergyRecord, changes: AllergyChanges): Promise<AllergyRecord | null> {
    const { id, patientId, allergen, reaction, severity, onsetDate } = current;
    try {
      return await this.prisma.allergy.update({ where: { id, patientId, allergen, reaction, severity, onsetDate }, data: changes });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
      throw error;
    }
  }

  /** True when the allergy was on this patient's chart. */
  async deleteAllergy(patientId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.allergy.deleteMany({ where: { id, patientId } });
    return count > 0;
  }
}

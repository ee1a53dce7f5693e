import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { ProviderEmailTaken } from './providers.errors.js';
import type { NewProvider, ProviderChanges, ProviderListFilter, ProviderProfile } from './provider-profile.js';

/** The columns of a ProviderProfile: never the password hash. Shared with the sign-in lookup. */
export const PROFILE_COLUMNS = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  specialty: true,
  licenseNumber: true,
  phone: true,
  role: true,
  isActive: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ProviderSelect;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

@Injectable()
export class ProvidersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findProfile(id: string): Promise<ProviderProfile | null> {
    return this.prisma.provider.findUnique({ where: { id }, select: PROFILE_COLUMNS });
  }

  /** One page in name order, plus one row that only says whether another page follows. */
  listProfiles({ role, isActive, after, take }: ProviderListFilter): Promise<ProviderProfile[]> {
    const afterKey: Prisma.ProviderWhereInput = after
      ? {
          OR: [
            { lastName: { gt: after[0] } },
            { lastName: after[0], firstName: { gt: after[1] } },
            { lastName: after[0], firstName: after[1], id: { gt: after[2] } },
          ],
        }
      : {};
    return this.prisma.provider.findMany({
      where: { role, isActive, ...afterKey },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
      take,
      select: PROFILE_COLUMNS,
    });
  }

  async createProvider(provider: NewProvider): Promise<ProviderProfile> {
    try {
      return await this.prisma.provider.create({ data: provider, select: PROFILE_COLUMNS });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ProviderEmailTaken(provider.email);
      throw error;
    }
  }

  /**
   * Applies the changes only if the row is still the version the caller read (same updatedAt),
   * so a concurrent edit is never overwritten; null when it was. Deactivating also revokes
   * every refresh token of the provider, in the same transaction.
   */
  async updateProvider(id: string, readAt: Date, changes: ProviderChanges): Promise<ProviderProfile | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const { count } = await tx.provider.updateMany({ where: { id, updatedAt: readAt }, data: changes });
        if (count === 0) return null;
        if (changes.isActive === false) {
          await tx.refreshToken.updateMany({ where: { providerId: id, revokedAt: null }, data: { revokedAt: new Date() } });
        }
        return tx.provider.findUniqueOrThrow({ where: { id }, select: PROFILE_COLUMNS });
      });
    } catch (error) {
      if (isUniqueViolation(error) && changes.email !== undefined) throw new ProviderEmailTaken(changes.email);
      throw error;
    }
  }
}

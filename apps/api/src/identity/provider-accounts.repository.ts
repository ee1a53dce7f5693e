import { Inject, Injectable } from '@nestjs/common';
import { Prisma, PrismaService, ReadReplicas } from '@clinic/db';
import { nullWhenMissing, translateRefusals } from '../common/database-errors.js';
import { type IdsPart, isOneOfIds, type ReadPart, rowsFromJson } from '../common/read-parts.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AuthorityCache } from './authority-cache.js';
import { ProviderEmailTaken } from './identity.errors.js';
import type {
  NewProvider,
  PasswordChange,
  ProviderAuthority,
  ProviderCard,
  ProviderChanges,
  ProviderListFilter,
  ProviderProfile,
  SignInAccount,
} from './provider-profile.js';

/** The columns of a ProviderProfile: never the password hash. */
const PROFILE_COLUMNS = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  specialty: true,
  licenseNumber: true,
  phone: true,
  role: true,
  isActive: true,
  mustChangePassword: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ProviderSelect;

const AUTHORITY_COLUMNS = { id: true, role: true, isActive: true, sessionEpoch: true, mustChangePassword: true } as const satisfies Prisma.ProviderSelect;

/**
 * The providers table's one owner. Sign-in, the per-request authority check, the admin routes and
 * booking all read providers through it. Every change that takes authority away — deactivation,
 * a new role, a new password, "sign out everywhere" — moves the provider to a new session epoch
 * in the same UPDATE, which ends every access and refresh token issued before.
 */
@Injectable()
export class ProviderAccountsRepository {
  private readonly authorities: AuthorityCache;

  constructor(
    private readonly prisma: PrismaService,
    private readonly replicas: ReadReplicas,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.authorities = new AuthorityCache(config.auth.authorityCacheSeconds * 1000);
  }

  findProfile(id: string): Promise<ProviderProfile | null> {
    return this.prisma.provider.findUnique({ where: { id }, select: PROFILE_COLUMNS });
  }

  /** The cards of these providers (ids from another part), as a part of a read composed elsewhere: named columns only, never the hash or email. */
  cardsPart(providerIds: IdsPart): ReadPart<ProviderCard[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(jsonb_build_object('id', p."id", 'firstName', p."firstName", 'lastName', p."lastName", 'specialty', p."specialty",
          'licenseNumber', p."licenseNumber", 'phone', p."phone", 'isActive', p."isActive", 'updatedAt', p."updatedAt") ORDER BY p."id"), '[]'::jsonb)
        FROM "providers" p WHERE ${isOneOfIds(Prisma.sql`p."id"`, providerIds)})`,
      read: (json) => rowsFromJson<ProviderCard>(json, { instants: ['updatedAt'] }),
    };
  }

  /** What the provider may do now; at most AUTHORITY_CACHE_SECONDS old (see AuthorityCache). */
  findAuthority(id: string): Promise<ProviderAuthority | null> {
    return this.authorities.read(id, () => this.prisma.provider.findUnique({ where: { id }, select: AUTHORITY_COLUMNS }));
  }

  async findSignInAccount(email: string): Promise<SignInAccount | null> {
    const row = await this.prisma.provider.findUnique({ where: { email }, select: { ...PROFILE_COLUMNS, passwordHash: true, sessionEpoch: true } });
    if (!row) return null;
    const { passwordHash, sessionEpoch, ...profile } = row;
    return { profile, passwordHash, sessionEpoch };
  }

  async findPasswordHash(id: string): Promise<string | null> {
    const row = await this.prisma.provider.findUnique({ where: { id }, select: { passwordHash: true } });
    return row?.passwordHash ?? null;
  }

  /** One page in name order, plus one row that only says whether another page follows; on a replica when one is within its lag. */
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
    return this.replicas.read((db) =>
      db.provider.findMany({
        where: { role, isActive, ...afterKey },
        orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
        take,
        select: PROFILE_COLUMNS,
      }),
    );
  }

  createProvider(provider: NewProvider): Promise<ProviderProfile> {
    return translateRefusals(() => this.prisma.provider.create({ data: provider, select: PROFILE_COLUMNS }), {
      unique: () => new ProviderEmailTaken(provider.email),
    });
  }

  /**
   * Applies the changes only if the row is still the version the caller read (same updatedAt),
   * so a concurrent edit is never overwritten; null when it was. A deactivation or a new role
   * starts a new session epoch in the same statement.
   */
  updateProvider(current: Pick<ProviderProfile, 'id' | 'updatedAt' | 'role' | 'isActive'>, changes: ProviderChanges): Promise<ProviderProfile | null> {
    const losesAuthority = (changes.isActive === false && current.isActive) || (changes.role !== undefined && changes.role !== current.role);
    return this.changingAuthority(current.id, () =>
      translateRefusals(
        () =>
          nullWhenMissing(() =>
            this.prisma.provider.update({
              where: { id: current.id, updatedAt: current.updatedAt },
              data: { ...changes, ...(losesAuthority && { sessionEpoch: { increment: 1 } }) },
              select: PROFILE_COLUMNS,
            }),
          ),
        { unique: () => (changes.email === undefined ? undefined : new ProviderEmailTaken(changes.email)) },
      ),
    );
  }

  /** A new password, and a new session epoch: every session signed in with the old one ends. Returns the new epoch. */
  async changePassword(id: string, change: PasswordChange): Promise<number | null> {
    const updated = await this.changingAuthority(id, () =>
      nullWhenMissing(() =>
        this.prisma.provider.update({
          where: { id },
          data: { ...change, passwordChangedAt: new Date(), sessionEpoch: { increment: 1 } },
          select: { sessionEpoch: true },
        }),
      ),
    );
    return updated?.sessionEpoch ?? null;
  }

  /** "Sign out everywhere": a new session epoch. Returns it, or null when there is no such provider. */
  async endAllSessions(id: string): Promise<number | null> {
    const updated = await this.changingAuthority(id, () =>
      nullWhenMissing(() => this.prisma.provider.update({ where: { id }, data: { sessionEpoch: { increment: 1 } }, select: { sessionEpoch: true } })),
    );
    return updated?.sessionEpoch ?? null;
  }

  /** Forgets the cached authority once the change is committed (or failed): never before, or a request in between could cache the old one again. */
  private async changingAuthority<T>(id: string, change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } finally {
      this.authorities.forget(id);
    }
  }
}

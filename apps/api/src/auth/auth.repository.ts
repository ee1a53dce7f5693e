import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';
import type { ProviderProfile } from '../providers/provider-profile.js';
import { PROFILE_COLUMNS } from '../providers/providers.repository.js';
import { AuthAudit, type AuthAuditEntry } from './auth-audit.js';

export interface SignInAccount {
  profile: ProviderProfile;
  passwordHash: string;
}

/** A stored refresh token, found by the hash of the token a client presented. */
export interface StoredRefreshToken {
  id: string;
  familyId: string;
  expiresAt: Date;
  createdAt: Date;
  revokedAt: Date | null;
  provider: ProviderProfile;
}

export interface NewRefreshToken {
  providerId: string;
  tokenHash: string;
  expiresAt: Date;
}

// Every change to refresh-token rows commits or rolls back with its event in the audit trail
// (resourceType `session`, resourceId the family: one sign-in).
@Injectable()
export class AuthRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuthAudit,
  ) {}

  async findSignInAccount(email: string): Promise<SignInAccount | null> {
    const row = await this.prisma.provider.findUnique({ where: { email }, select: { ...PROFILE_COLUMNS, passwordHash: true } });
    if (!row) return null;
    const { passwordHash, ...profile } = row;
    return { profile, passwordHash };
  }

  findProfile(id: string): Promise<ProviderProfile | null> {
    return this.prisma.provider.findUnique({ where: { id }, select: PROFILE_COLUMNS });
  }

  /**
   * The first token of a new sign-in (a new family). The provider's expired tokens go at the same
   * time: past their sign-in's end they cannot be used, nor reused, so they only take up space.
   */
  async startSignIn(token: NewRefreshToken): Promise<void> {
    const familyId = randomUUID();
    await this.prisma.$transaction(async (tx) => {
      await tx.refreshToken.deleteMany({ where: { providerId: token.providerId, expiresAt: { lt: new Date() } } });
      await tx.refreshToken.create({ data: { ...token, familyId }, select: { id: true } });
      await this.audit.record({ action: 'login', resourceType: 'session', resourceId: familyId, actorId: token.providerId }, { within: tx });
    });
  }

  findRefreshToken(tokenHash: string): Promise<StoredRefreshToken | null> {
    return this.prisma.refreshToken.findUnique({
      where: { tokenHash },
      select: { id: true, familyId: true, expiresAt: true, createdAt: true, revokedAt: true, provider: { select: PROFILE_COLUMNS } },
    });
  }

  /**
   * Replaces a token by its successor in the same family. False when the token was revoked in
   * the meantime, for instance by a concurrent refresh with the same token: only one can win.
   */
  rotateRefreshToken(current: StoredRefreshToken, successorHash: string, now: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.refreshToken.updateMany({ where: { id: current.id, revokedAt: null }, data: { revokedAt: now, lastUsedAt: now } });
      if (count === 0) return false;
      const successor = await tx.refreshToken.create({
        data: { providerId: current.provider.id, familyId: current.familyId, tokenHash: successorHash, expiresAt: current.expiresAt, createdAt: now },
        select: { id: true },
      });
      await tx.refreshToken.update({ where: { id: current.id }, data: { replacedById: successor.id } });
      await this.audit.record({ action: 'refresh', resourceType: 'session', resourceId: current.familyId, actorId: current.provider.id }, { within: tx });
      return true;
    });
  }

  /** Ends a sign-in: every token of the family still usable is revoked, and the event says why. */
  async revokeFamily(familyId: string, now: Date, event: AuthAuditEntry): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
      await this.audit.record(event, { within: tx });
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';
import { AuthAudit, type AuthAuditEntry } from './auth-audit.js';

/** A stored refresh token, found by the hash of the token a client presented. */
export interface StoredRefreshToken {
  id: string;
  providerId: string;
  familyId: string;
  /** The provider's session epoch when the sign-in started. */
  sessionEpoch: number;
  expiresAt: Date;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface NewRefreshToken {
  providerId: string;
  tokenHash: string;
  expiresAt: Date;
  sessionEpoch: number;
}

const TOKEN_COLUMNS = { id: true, providerId: true, familyId: true, sessionEpoch: true, expiresAt: true, createdAt: true, revokedAt: true } as const;

/**
 * The refresh_tokens table's one owner. Every change to its rows commits or rolls back with its
 * event in the audit trail (resourceType `session`, resourceId the family: one sign-in).
 */
@Injectable()
export class AuthRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuthAudit,
  ) {}

  /**
   * The first token of a new sign-in (a new family). The provider's expired tokens go at the same
   * time: past their sign-in's end they cannot be used, nor reused, so they only take up space.
   */
  async startSignIn(token: NewRefreshToken, event: Omit<AuthAuditEntry, 'resourceId'> = { action: 'login', resourceType: 'session', actorId: token.providerId }): Promise<void> {
    const familyId = randomUUID();
    await this.prisma.$transaction(async (tx) => {
      await tx.refreshToken.deleteMany({ where: { providerId: token.providerId, expiresAt: { lt: new Date() } } });
      await tx.refreshToken.create({ data: { ...token, familyId }, select: { id: true } });
      await this.audit.record({ ...event, resourceId: familyId }, { within: tx });
    });
  }

  findRefreshToken(tokenHash: string): Promise<StoredRefreshToken | null> {
    return this.prisma.refreshToken.findUnique({ where: { tokenHash }, select: TOKEN_COLUMNS });
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
        data: {
          providerId: current.providerId,
          familyId: current.familyId,
          sessionEpoch: current.sessionEpoch,
          tokenHash: successorHash,
          expiresAt: current.expiresAt,
          createdAt: now,
        },
        select: { id: true },
      });
      await tx.refreshToken.update({ where: { id: current.id }, data: { replacedById: successor.id } });
      await this.audit.record({ action: 'refresh', resourceType: 'session', resourceId: current.familyId, actorId: current.providerId }, { within: tx });
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

  /**
   * Ends every sign-in of a provider. Their session epoch has moved on already (which alone makes
   * these tokens unusable); revoking the rows too keeps the table saying what it means.
   */
  async revokeAllOf(providerId: string, now: Date, event: AuthAuditEntry): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.refreshToken.updateMany({ where: { providerId, revokedAt: null }, data: { revokedAt: now } });
      await this.audit.record(event, { within: tx });
    });
  }

  /** Tokens past the end of their sign-in: nobody can use or reuse them any more. */
  async deleteExpired(now: Date): Promise<number> {
    const { count } = await this.prisma.refreshToken.deleteMany({ where: { expiresAt: { lt: now } } });
    return count;
  }
}
